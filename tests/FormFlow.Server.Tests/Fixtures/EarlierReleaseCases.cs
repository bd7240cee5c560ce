using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// Cases written straight into a database as an earlier release left them, with none of the figures this one keeps:
/// the city 某市总工会 (1) and its district 东城区总工会 (2), and join cases of an applicant at the district.
/// </summary>
public static class EarlierReleaseCases
{
    public static async Task WriteAsync(FormFlowDbContext db, DatabaseProvider provider, IEnumerable<(long Id, string Status, DateTime CreatedAt, DateTime UpdatedAt)> cases)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "OrgUnits" ("Id", "Name", "Level", "ParentId", "Path") VALUES (1, '某市总工会', 'city', NULL, '/1/'), (2, '东城区总工会', 'district', 1, '/1/2/')
            """);
        foreach (var (id, status, created, updated) in cases)
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO "Cases" ("Id", "ApplicantAccountId", "CreatedAt", "Data", "Instance", "ModuleKey", "Number", "OrgUnitId",
                                     "ServiceActivationId", "SnapshotHash", "Status", "UpdatedAt", "Version")
                VALUES ({{id}}, 'account-1', {{created}}, '{}', '{}', 'join', {{$"FF-2026-00000{id}"}}, 2, 7, 'h1', {{status}}, {{updated}}, 1)
                """);
        await db.Database.CloseConnectionAsync();
    }
}
