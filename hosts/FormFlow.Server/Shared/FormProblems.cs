using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Shared;

/// <summary>The 422 answer for form data the forms runtime refused: <c>errors: [{path, rule, message}]</c> (cases and responses alike).</summary>
internal static class FormProblems
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
}
