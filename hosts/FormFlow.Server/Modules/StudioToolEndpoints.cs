using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Forms.Rules;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.ElsaImport;
using FormFlow.Persistence;

namespace FormFlow.Server.Modules;

/// <summary>Studio's checks as the designer types: an expression, a workflow definition, an Elsa 3 export to import.</summary>
internal static class StudioToolEndpoints
{
    public sealed record ExpressionRequest(string Expression, List<string>? Fields = null, string? Kind = null);

    public sealed record WorkflowRequest(JsonNode Workflow);

    public sealed record ElsaRequest(JsonNode Json);

    internal static void MapStudioTools(this IEndpointRouteBuilder app)
    {
        var tools = app.MapGroup("/api").WithTags("Studio tools").RequireAuthorization().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        tools.MapPost("/validate/expression", ValidateExpressionAsync)
            .WithSummary("Check an expression (or a script with kind \"script\") against the allowed subset; with fields, every data.x must name one. {ok, errors: [{message, position: {line, column}}]}.");
        tools.MapPost("/validate/workflow", ValidateWorkflowAsync)
            .WithSummary("Check a workflow definition (schema and graph): {errors: [{activityId, path, message}]}, empty when it is valid.");
        tools.MapPost("/import/elsa", ImportElsaAsync).ProducesProblem(422)
            .WithSummary("Import an Elsa 3 workflow export as a FormFlow workflow definition; 422 with errors [{pointer, message, activityIds}] for what cannot be imported.");
    }

    private static Task<IResult> ValidateExpressionAsync(ExpressionRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        await ModuleGuards.AccessAsync(db, http, ct);
        var kind = body.Kind switch
        {
            null or "expression" => ExpressionKind.Expression,
            "script" => ExpressionKind.Script,
            _ => throw ModuleRefusal.Invalid("Unknown kind", $"kind '{body.Kind}' is not one of expression, script"),
        };
        var errors = ExpressionEngine.Default.Check(body.Expression, kind)
            .Select(p => Error(p.Message, p.Line, p.Column)).ToList();
        if (errors.Count == 0 && body.Fields is { } fields && ExpressionReferences.Find(body.Expression) is { } references)
            errors.AddRange(references.Data.Where(r => !fields.Contains(r.Key))
                .Select(r => Error($"data.{r.Key}: the form has no field with key '{r.Key}'", r.Line, r.Column)));
        return TypedResults.Ok(new JsonObject { ["ok"] = errors.Count == 0, ["errors"] = new JsonArray(errors.ToArray()) });
    });

    private static JsonNode Error(string message, int line, int column) =>
        new JsonObject { ["message"] = message, ["position"] = new JsonObject { ["line"] = line, ["column"] = column } };

    private static Task<IResult> ValidateWorkflowAsync(WorkflowRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        await ModuleGuards.AccessAsync(db, http, ct);
        var problems = WorkflowDefinitionLoader.Check(body.Workflow.ToJsonString());
        return TypedResults.Ok(new JsonObject
        {
            ["errors"] = new JsonArray(problems.Select(p => (JsonNode)new JsonObject
            {
                ["activityId"] = p.ActivityId, ["path"] = p.Path, ["message"] = p.Message,
            }).ToArray()),
        });
    });

    private static Task<IResult> ImportElsaAsync(ElsaRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        await ModuleGuards.AccessAsync(db, http, ct);
        try
        {
            return TypedResults.Ok(WorkflowDefinitionLoader.ToJson(ElsaImporter.Import(body.Json)));
        }
        catch (ElsaImportException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The Elsa export cannot be imported",
                detail: string.Join("; ", ex.Errors.Take(5).Select(e => e.ToString())),
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new JsonArray(ex.Errors.Select(e => (JsonNode)new JsonObject
                    {
                        ["pointer"] = e.Pointer, ["message"] = e.Message, ["activityIds"] = new JsonArray(e.ActivityIds.Select(a => (JsonNode?)a).ToArray()),
                    }).ToArray()),
                });
        }
    });
}
