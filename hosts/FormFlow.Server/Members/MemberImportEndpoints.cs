using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Members;

/// <summary>Admins import a union's existing members from Excel.</summary>
internal static class MemberImportEndpoints
{
    internal sealed record ImportMembersRequest(string? FileId = null, bool DryRun = false);

    public static void MapMemberImportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/members/import", ImportAsync).WithTags("Members").RequireAuthorization()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422)
            .WithSummary($"Imports members from an Excel file I uploaded (POST /api/files): columns 姓名, 身份证号, 手机号, 工会 (name, residentId, mobile, org — a unit of my admin subtree). " +
                         $"{{ fileId, dryRun }}: a dry run lists every row error and writes nothing; the real run writes every row in one transaction, or nothing (422 with the errors). At most {MemberImport.MaxRows} rows. " +
                         "Each row becomes a member with a number and its org's benefits; the person's account is linked when they register with that mobile number.");

    private static async Task<Results<Ok<ImportView>, Created<ImportView>, ProblemHttpResult>> ImportAsync(
        ImportMembersRequest body, MemberImport import, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await CurrentAccount.LoadAsync(db, http.User, ct) is not { } account) return CurrentAccount.Gone();
        if (!account.Roles.Any(r => r.Role == Roles.Admin))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not an admin", detail: "only admins import members");
        if (string.IsNullOrWhiteSpace(body.FileId)) return FieldProblem.Invalid("fileId", "fileId is required: upload the workbook to /api/files first").ToResult();
        return (await import.RunAsync(account, body.FileId, body.DryRun, ct)).ToResult("/api/members");
    }
}
