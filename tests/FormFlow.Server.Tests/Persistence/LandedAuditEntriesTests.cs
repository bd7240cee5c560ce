using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A database written by the release before audit entries named their org unit opens with this one and loses
/// nothing: its entries stay as they were, about no unit (so only admins of the root read them), and the log still
/// refuses to be rewritten.
/// </summary>
public sealed class LandedAuditEntriesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Entries_of_the_last_release_stay_whole_and_about_no_unit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = await database.OpenAsReleaseBeforeAsync("AuditEntryOrg"))
        {
            var at = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
            await old.Database.ExecuteSqlAsync($$"""
                INSERT INTO "AuditEntries" ("At", "Actor", "Action", "Target", "Details") VALUES ({{at}}, 'district-admin', 'org.created', 'org:7', '{"name":"旧组织"}')
                """);
        }

        await using var db = database.Open();
        Assert.Contains(await FormFlowDatabase.MigrateAsync(db), m => m.EndsWith("_AuditEntryOrg"));
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(("district-admin", "org.created", "org:7", "{\"name\":\"旧组织\"}"), (entry.Actor, entry.Action, entry.Target, entry.Details));
        Assert.Null(entry.OrgId);
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"OrgId\" = 1"));
        Assert.Contains("append-only", update.Message);
    }
}
