using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Modules;

/// <summary>A module operation refused with a status (404, 409, 422 ...) and a sentence naming the problem.</summary>
internal sealed class ModuleRefusal(int status, string title, string detail, IDictionary<string, object?>? extensions = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    /// <summary>
    /// Extra ProblemDetails members for a client to act on: who saved a draft in between, or the request
    /// <c>field</c> at fault (<c>moduleKey</c>, <c>name</c> ...).
    /// </summary>
    public IDictionary<string, object?>? Extensions { get; } = extensions;

    public static ModuleRefusal NotFound(int id) => new(StatusCodes.Status404NotFound, "Module not found", $"module {id} does not exist or is not visible to you");
    public static ModuleRefusal Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status409Conflict, title, detail, extensions);
    public static ModuleRefusal Invalid(string title, string detail) => new(StatusCodes.Status422UnprocessableEntity, title, detail);
    public static ModuleRefusal Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);
    public static ModuleRefusal InvalidField(string field, string title, string detail) =>
        OnField(StatusCodes.Status422UnprocessableEntity, field, title, detail);
    public static ModuleRefusal ConflictOnField(string field, string title, string detail) =>
        OnField(StatusCodes.Status409Conflict, field, title, detail);

    private static ModuleRefusal OnField(int status, string field, string title, string detail) =>
        new(status, title, $"{field}: {detail}", new Dictionary<string, object?> { ["field"] = field });
}

/// <summary>The ProblemDetails answers of the module library.</summary>
internal static class ModuleProblemDetails
{
    public static ProblemHttpResult From(ModuleRefusal refusal) =>
        TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Message, extensions: refusal.Extensions);

    /// <summary>
    /// 422 with <c>errors: [{element, path, property?, lockedBy?: {orgUnitId, orgName, level}, reason?, message}]</c>:
    /// every problem the engine found (lock violations, format errors, an unsound result).
    /// </summary>
    public static ProblemHttpResult From(ModuleException ex, string title)
    {
        var errors = new JsonArray(ex.Problems.Select(p => (JsonNode)Error(p)).ToArray());
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
            detail: string.Join("; ", ex.Problems.Take(5).Select(Describe)) + (ex.Problems.Count > 5 ? $"; and {ex.Problems.Count - 5} more" : ""),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static JsonObject Error(ModuleProblem p)
    {
        var error = new JsonObject { ["element"] = p.Element, ["path"] = p.Path, ["message"] = p.Message };
        if (p.Property is not null) error["property"] = p.Property;
        if (p.LockedBy is { } org)
            error["lockedBy"] = new JsonObject
            {
                ["orgUnitId"] = int.TryParse(org.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
                ["orgName"] = org.Name,
                ["level"] = org.Level,
            };
        if (p.Reason is not null) error["reason"] = p.Reason;
        return error;
    }

    private static string Describe(ModuleProblem p) =>
        $"{(p.Element is null ? "" : $"[{p.Element}] ")}{(p.Path.Length == 0 ? "/" : p.Path)}: {p.Message}";
}
