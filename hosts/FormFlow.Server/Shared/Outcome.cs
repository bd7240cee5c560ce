using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Shared;

/// <summary>A refusal of a request that names the field at fault and the rule, answered as ProblemDetails with <c>field</c>.</summary>
internal sealed record FieldProblem(int Status, string Title, string Detail, string? Field)
{
    public static FieldProblem Invalid(string field, string detail) => new(StatusCodes.Status422UnprocessableEntity, $"invalid {field}", detail, field);
    public static FieldProblem Conflict(string field, string detail) => new(StatusCodes.Status409Conflict, $"{field} conflicts", detail, field);

    public ProblemHttpResult ToResult() => TypedResults.Problem(statusCode: Status, title: Title, detail: Detail,
        extensions: Field is null ? null : new Dictionary<string, object?> { ["field"] = Field });
}

/// <summary>What a change came to: its result, or the refusal that stopped it (then nothing was written).</summary>
internal sealed record Outcome<T>(T? Value, FieldProblem? Problem) where T : class
{
    public static Outcome<T> Done(T value) => new(value, null);

    public static implicit operator Outcome<T>(FieldProblem problem) => new(null, problem);
}
