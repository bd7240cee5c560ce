using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>The audit log only grows: the code refuses to save a change, and the database refuses raw SQL too.</summary>
public sealed class AuditLogTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Entries_cannot_be_changed_or_deleted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var entry = AuditLog.Append(db, "designer", "test.event", "org:1", 1, new() { ["note"] = "原文" });
        await db.SaveChangesAsync();

        entry.Action = "test.rewritten";
        var viaCode = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", viaCode.Message);
        db.ChangeTracker.Clear();

        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'rewritten'"));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Contains("append-only", delete.Message);

        var stored = await db.AuditEntries.SingleAsync();
        Assert.Equal("test.event", stored.Action);
        Assert.Equal("{\"note\":\"原文\"}", stored.Details);
    }
}
