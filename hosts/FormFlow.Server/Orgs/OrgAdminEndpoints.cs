using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Orgs;

/// <summary>Org administration for admins: create, rename, move and archive units below their own, and import a hierarchy from Excel.</summary>
internal static class OrgAdminEndpoints
{
    public static void MapOrgAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var orgs = app.MapGroup("/api/orgs").WithTags("Orgs").RequireAuthorization().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        orgs.MapPost("/", CreateAsync).ProducesProblem(400).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Creates an org unit under a unit of my admin subtree: { parentId, name, level }, the level below the parent's.");
        orgs.MapPatch("/{id:int}", UpdateAsync).ProducesProblem(400).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Renames a unit below my admin unit ({ name }) or moves it with its subtree under another unit of my subtree ({ parentId }).");
        orgs.MapPost("/{id:int}/archive", ArchiveAsync).ProducesProblem(409)
            .WithSummary("Archives a unit below my admin unit that has no live units below it; its cases and members stay.");
        orgs.MapPost("/import", ImportAsync).ProducesProblem(400).ProducesProblem(422)
            .WithSummary($"Imports units from an Excel file I uploaded (POST /api/files): columns 名称, 级别, 上级 (name, level, parent). " +
                         $"{{ fileId, dryRun }}: a dry run lists every row error and writes nothing; the real run writes every row in one transaction, or nothing when a row is wrong (422 with the errors). At most {OrgImport.MaxRows} rows.");
    }

    internal sealed record CreateOrgRequest(int? ParentId = null, string? Name = null, string? Level = null);
    internal sealed record UpdateOrgRequest(string? Name = null, int? ParentId = null);
    internal sealed record ImportOrgsRequest(string? FileId = null, bool DryRun = false);

    /// <summary>A unit as administration answers it.</summary>
    internal sealed record OrgUnitView(int Id, string Name, OrgLevel Level, int? ParentId, string Path, DateTime? ArchivedAt)
    {
        public static OrgUnitView Of(OrgUnit unit) => new(unit.Id, unit.Name, unit.Level, unit.ParentId, unit.Path, unit.ArchivedAt);
    }

    internal sealed record OrgImportView(bool DryRun, int Rows, int Created, List<OrgImportError> Errors);

    private static async Task<Results<Created<OrgUnitView>, ProblemHttpResult>> CreateAsync(
        CreateOrgRequest body, OrgAdministration administration, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (body.ParentId is not { } parentId) return FieldProblem.Invalid("parentId", "parentId is required").ToResult();
        OrgLevel? level = null;
        if (body.Level is not null)
        {
            if (!Enum.TryParse<OrgLevel>(body.Level, true, out var parsed) || int.TryParse(body.Level, out _))
                return FieldProblem.Invalid("level", $"'{body.Level}' is not a level: one of {OrgAdministration.Levels}").ToResult();
            level = parsed;
        }
        var outcome = await administration.CreateAsync(account, parentId, body.Name, level, ct);
        return outcome.Value is { } unit ? TypedResults.Created($"/api/orgs/{unit.Id}", OrgUnitView.Of(unit)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<OrgUnitView>, ProblemHttpResult>> UpdateAsync(
        int id, UpdateOrgRequest body, OrgAdministration administration, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (body.Name is null && body.ParentId is null) return FieldProblem.Invalid("name", "send a new name, a new parentId, or both").ToResult();
        var outcome = await administration.UpdateAsync(account, id, body.Name, body.ParentId, ct);
        return outcome.Value is { } unit ? TypedResults.Ok(OrgUnitView.Of(unit)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<OrgUnitView>, ProblemHttpResult>> ArchiveAsync(
        int id, OrgAdministration administration, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        var outcome = await administration.ArchiveAsync(account, id, ct);
        return outcome.Value is { } unit ? TypedResults.Ok(OrgUnitView.Of(unit)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<OrgImportView>, Created<OrgImportView>, ProblemHttpResult>> ImportAsync(
        ImportOrgsRequest body, OrgImport import, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!account.Roles.Any(r => r.Role == Persistence.Accounts.Roles.Admin))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not an admin", detail: "only admins import org units");
        if (string.IsNullOrWhiteSpace(body.FileId)) return FieldProblem.Invalid("fileId", "fileId is required: upload the workbook to /api/files first").ToResult();
        var report = await import.RunAsync(account, body.FileId, body.DryRun, ct);
        if (report.Refusal is { } refusal) return FieldProblem.Invalid(refusal.Field, refusal.Reason).ToResult();
        var view = new OrgImportView(report.DryRun, report.Rows, report.Created, report.Errors);
        if (report.Errors.Count > 0 && !report.DryRun)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Rows with errors",
                detail: $"{report.Errors.Count} errors in the sheet; nothing was imported",
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors });
        return report.DryRun ? TypedResults.Ok(view) : TypedResults.Created("/api/orgs", view);
    }
}
