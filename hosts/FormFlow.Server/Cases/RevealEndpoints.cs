using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Server.Privacy;
using FormFlow.Server.Snapshots;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Cases;

/// <summary>
/// Staff who may see a case read chosen personal fields in full, giving a reason; each reveal leaves an audit entry
/// (who, which case, which fields, the reason — never the values). Lists and case views stay masked; the applicant sees their own anyway.
/// </summary>
internal static class RevealEndpoints
{
    public sealed record RevealRequest(List<string> Fields, string? Reason = null);

    public const int MaxReason = 500;

    public sealed record RevealView(long CaseId, JsonObject Values);

    public static void MapRevealEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/cases/{id:long}/reveal", RevealAsync).WithTags("Cases").RequireAuthorization()
            .Produces<RevealView>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Staff who can see the case: the plain values of the named personal fields ({values: {field: value}}), audited per reveal with its reason; " +
                         "422 naming reason when it is missing, or a field that is not personal data of the case's form.");

    private static async Task<IResult> RevealAsync(long id, RevealRequest body, FormFlowDbContext db, SnapshotCatalog snapshots, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var access = await CaseAccess.ForAsync(db, account, ct);
        if (await access.FindCaseAsync(db, id, ct) is not { } c)
            return TypedResults.Problem(statusCode: 404, title: "Case not found", detail: $"case {id} does not exist or is not visible to you");
        if (access.StaffOrgs.Count == 0)
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "revealing personal data is for union staff; applicants see their own data in the case");
        if (body.Fields.Count == 0)
            return TypedResults.Problem(statusCode: 400, title: "The request is not valid", detail: "fields must name at least one personal field",
                extensions: new Dictionary<string, object?> { ["pointer"] = "/fields" });
        if (body.Reason?.Trim() is not { Length: > 0 } reason)
            return TypedResults.Problem(statusCode: 422, title: "A reason is required", detail: "reason must say why the personal data is needed (it is kept in the audit log)",
                extensions: new Dictionary<string, object?> { ["pointer"] = "/reason", ["field"] = "reason" });
        if (reason.Length > MaxReason)
            return TypedResults.Problem(statusCode: 422, title: "The reason is too long", detail: $"reason must be at most {MaxReason} characters",
                extensions: new Dictionary<string, object?> { ["pointer"] = "/reason", ["field"] = "reason" });
        var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
        var personal = PiiProtector.Fields(snapshot.StartForm.Definition);
        var data = JsonNode.Parse(c.Data)!.AsObject();
        var values = new JsonObject();
        for (var i = 0; i < body.Fields.Count; i++)
        {
            var field = body.Fields[i];
            if (!personal.ContainsKey(field) || field.Contains('/'))
                return TypedResults.Problem(statusCode: 422, title: "Not a personal field", detail: $"'{field}' is not a personal top-level field of this case's form",
                    extensions: new Dictionary<string, object?> { ["pointer"] = $"/fields/{i}" });
            values[field] = data[field]?.DeepClone();
        }
        AuditLog.Append(db, account.UserName ?? account.Id, "case.piiRevealed", $"case:{c.Id}", c.OrgUnitId, new JsonObject
        {
            ["number"] = c.Number, ["fields"] = new JsonArray(body.Fields.Select(f => (JsonNode)f).ToArray()), ["reason"] = reason,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RevealView(c.Id, values));
    }
}
