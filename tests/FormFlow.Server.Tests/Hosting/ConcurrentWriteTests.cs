using System.Text;
using FormFlow.Persistence.Services;
using FormFlow.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Hosting;

/// <summary>
/// A write that loses a race no endpoint foresaw answers 409 ProblemDetails, not 500. The races are real ones of each
/// database: a unique key taken by another writer, a row deleted under a pending update; a foreign key pointing
/// nowhere is a fault, not a race, and is left to the default handler.
/// </summary>
public abstract class ConcurrentWriteTests(ServerFixture server)
{
    [Fact]
    public async Task A_unique_key_another_writer_took_first_is_a_409_problem()
    {
        await using var db = server.OpenDb();
        var live = await db.ServiceActivations.AsNoTracking().FirstAsync(a => a.RetiredAt == null);
        db.ServiceActivations.Add(Activation(live.ModuleKey, live.OrgUnitId, live.SnapshotHash));
        var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var (handled, status, body) = await HandleAsync(error);
        Assert.True(handled);
        Assert.Equal(409, status);
        Assert.Contains("Changed meanwhile", body);
        Assert.Contains("nothing of this request was saved", body);
    }

    [Fact]
    public async Task A_row_changed_under_a_pending_update_is_a_409_problem()
    {
        int id;
        await using (var setup = server.OpenDb())
        {
            var live = await setup.ServiceActivations.AsNoTracking().FirstAsync(a => a.RetiredAt == null);
            var added = Activation("race-" + Guid.NewGuid().ToString("N")[..8], live.OrgUnitId, live.SnapshotHash);
            setup.ServiceActivations.Add(added);
            await setup.SaveChangesAsync();
            id = added.Id;
        }
        await using var db = server.OpenDb();
        var row = await db.ServiceActivations.SingleAsync(a => a.Id == id);
        await using (var other = server.OpenDb()) await other.ServiceActivations.Where(a => a.Id == id).ExecuteDeleteAsync();
        row.RetiredAt = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        var (handled, status, _) = await HandleAsync(error);
        Assert.True(handled);
        Assert.Equal(409, status);
    }

    [Fact]
    public async Task A_foreign_key_to_nothing_is_not_taken_for_a_race()
    {
        await using var db = server.OpenDb();
        var live = await db.ServiceActivations.AsNoTracking().FirstAsync(a => a.RetiredAt == null);
        db.ServiceActivations.Add(Activation("race-" + Guid.NewGuid().ToString("N")[..8], 987654, live.SnapshotHash));
        var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var (handled, _, _) = await HandleAsync(error);
        Assert.False(handled);
    }

    private static ServiceActivation Activation(string moduleId, int orgUnitId, string snapshotHash) => new()
    {
        ModuleKey = moduleId, OrgUnitId = orgUnitId, SnapshotHash = snapshotHash, ActivatedBy = "test", ActivatedAt = DateTime.UtcNow,
    };

    private async Task<(bool Handled, int Status, string Body)> HandleAsync(Exception error)
    {
        var http = new DefaultHttpContext { RequestServices = server.Services };
        http.Request.Method = "POST";
        http.Request.Path = "/api/test";
        http.Response.Body = new MemoryStream();
        var handler = ActivatorUtilities.CreateInstance<ConcurrentWriteProblems>(server.Services);
        var handled = await handler.TryHandleAsync(http, error, CancellationToken.None);
        return (handled, http.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
    }
}

public sealed class SqliteConcurrentWriteTests(SqliteServer server) : ConcurrentWriteTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresConcurrentWriteTests(PostgresServer server) : ConcurrentWriteTests(server), IClassFixture<PostgresServer>;
