using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Cases;

/// <summary>The ProblemDetails answers of cases and tasks; 422s carry <c>errors: [{path, rule, message}]</c>.</summary>
internal static class CaseProblems
{
    public static ProblemHttpResult Invalid(IEnumerable<FormError> errors, string title = "The form data is not valid") => FormProblems.Invalid(errors, title);

    public static ProblemHttpResult CaseNotFound(long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Case not found", detail: $"case {id} does not exist or is not visible to you");

    public static ProblemHttpResult TaskNotFound(long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Task not found", detail: $"task {id} does not exist or is not visible to you");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);
}
