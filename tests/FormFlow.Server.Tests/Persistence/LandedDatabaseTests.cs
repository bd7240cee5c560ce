using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A database written by the previous release opens with this one and loses nothing: rows stored under the old names
/// (the Drafts table, the ModuleId columns) are there after the migration under the new ones (FormDrafts, ModuleKey).
/// </summary>
public sealed class LandedDatabaseTests
{
    private static readonly DateTime Saved = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Rows_under_the_old_names_survive_the_rename_to_form_drafts_and_module_keys(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = await database.OpenAsReleaseBeforeAsync("FormDraftsAndModuleKeys"))
        {
            await WriteAsThePreviousReleaseDidAsync(old, provider);
        }

        await using var db = database.Open();
        Assert.Contains(await FormFlowDatabase.MigrateAsync(db), m => m.EndsWith("_FormDraftsAndModuleKeys"));

        var draft = await db.FormDrafts.SingleAsync();
        Assert.Equal(("account-1", 7, """{"contactName":"李雷"}""", Saved), (draft.AccountId, draft.ServiceActivationId, draft.Data, draft.SavedAt));
        Assert.Equal("join", (await db.ServiceActivations.SingleAsync()).ModuleKey);
        Assert.Equal("join", (await db.ModuleSnapshots.SingleAsync()).ModuleKey);
        Assert.Equal("join", (await db.Cases.SingleAsync()).ModuleKey);
        Assert.Equal(1, await db.ServiceActivations.CountAsync(s => s.ModuleKey == "join" && s.RetiredAt == null));
    }

    /// <summary>Raw rows in the previous schema; foreign keys are off for this connection, so no org or account is needed.</summary>
    private static async Task WriteAsThePreviousReleaseDidAsync(Microsoft.EntityFrameworkCore.DbContext db, DatabaseProvider provider)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "ModuleSnapshots" ("Hash", "Content", "CreatedAt", "ModuleId", "OwnerOrgUnitId", "Provenance", "Version")
            VALUES ('h1', '{}', {{Saved}}, 'join', 1, '{}', '1.0.0')
            """);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "ServiceActivations" ("Id", "ActivatedAt", "ActivatedBy", "ModuleId", "OrgUnitId", "SnapshotHash")
            VALUES (7, {{Saved}}, 'designer', 'join', 1, 'h1')
            """);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "Drafts" ("AccountId", "ServiceActivationId", "Data", "SavedAt")
            VALUES ('account-1', 7, '{"contactName":"李雷"}', {{Saved}})
            """);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "Cases" ("Id", "ApplicantAccountId", "CreatedAt", "Data", "Instance", "ModuleId", "Number", "OrgUnitId",
                                 "ServiceActivationId", "SnapshotHash", "Status", "UpdatedAt", "Version")
            VALUES (1, 'account-1', {{Saved}}, '{}', '{}', 'join', 'FF-2026-000001', 1, 7, 'h1', 'running', {{Saved}}, 1)
            """);
        await db.Database.CloseConnectionAsync();
    }
}
