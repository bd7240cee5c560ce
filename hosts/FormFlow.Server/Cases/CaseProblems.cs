using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Cases;

/// <summary>The ProblemDetails answers of cases and tasks; 422s carry <c>errors: [{path, rule, message}]</c>.</summary>
internal static class CaseProblems
{
    public static ProblemHttpResult Invalid(IEnumerable<FormError> errors, string title = "The form data is not valid")
    {
        var list = errors.ToList();
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
            detail: string.Join("; ", list.Take(5).Select(e => $"{(e.Path.Length == 0 ? "(form)" : e.Path)}: {e.Message} ({e.Rule})")) + (list.Count > 5 ? $"; and {list.Count - 5} more" : ""),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new JsonArray(list.Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["rule"] = e.Rule, ["message"] = e.Message }).ToArray()),
            });
    }

    public static ProblemHttpResult CaseNotFound(long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Case not found", detail: $"case {id} does not exist or is not visible to you");

    public static ProblemHttpResult TaskNotFound(long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Task not found", detail: $"task {id} does not exist or is not visible to you");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);
}
