using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// Cases written straight into a database as an earlier release left them, with none of the figures this one keeps:
/// the city 某市总工会 (1) and its district 东城区总工会 (2), join cases of an applicant at the district, and their
/// review steps (due and closed when given) at the district.
/// </summary>
public static class EarlierReleaseCases
{
    /// <summary>A submission time for the cases: 1 December 2026, 01:00 local (still 30 November in UTC).</summary>
    public static readonly DateTime Submitted = new(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc);

    public static async Task WriteAsync(FormFlowDbContext db, DatabaseProvider provider, IEnumerable<(long Id, string Status, DateTime CreatedAt, DateTime UpdatedAt)> cases,
        IEnumerable<(long Id, long CaseId, DateTime? DueAt, DateTime? CompletedAt, string? Outcome)>? steps = null)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "OrgUnits" ("Id", "Name", "Level", "ParentId", "Path") VALUES (1, '某市总工会', 'city', NULL, '/1/'), (2, '东城区总工会', 'district', 1, '/1/2/')
            """);
        var written = cases.ToList();
        foreach (var (id, status, created, updated) in written)
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO "Cases" ("Id", "ApplicantAccountId", "CreatedAt", "Data", "Instance", "ModuleKey", "Number", "OrgUnitId",
                                     "ServiceActivationId", "SnapshotHash", "Status", "UpdatedAt", "Version")
                VALUES ({{id}}, 'account-1', {{created}}, '{}', '{}', 'join', {{$"FF-2026-00000{id}"}}, 2, 7, 'h1', {{status}}, {{updated}}, 1)
                """);
        foreach (var (id, caseId, due, completed, outcome) in steps ?? [])
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO "CaseTasks" ("Id", "ActivityId", "BookmarkId", "CaseId", "CompletedAt", "CompletedBy", "CreatedAt", "DueAt", "FieldPermissions",
                                         "Kind", "OrgUnitId", "Outcome", "Outcomes", "Role", "Title", "Version")
                VALUES ({{id}}, 'review', {{$"review-{id}"}}, {{caseId}}, {{completed}}, {{(completed is null ? null : "reviewer")}},
                        {{written.Single(c => c.Id == caseId).CreatedAt}},
                        {{due}}, '{}', 'userTask', 2, {{outcome}}, '["approve"]', 'reviewer', '审核入会申请', 1)
                """);
        await db.Database.CloseConnectionAsync();
    }
}
