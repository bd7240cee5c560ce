using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Dispatch;

/// <summary>
/// Claims due rows for one dispatcher or cascade recovery pass: a claim writes the claimant and a lease end on rows that are due and
/// unclaimed (or whose lease ran out, because the claimant died). On PostgreSQL the candidates are picked
/// <c>FOR UPDATE SKIP LOCKED</c>, so processes claiming together take disjoint rows without waiting; the lease
/// condition is repeated on the updated row, so a row is never held by two live claims. SQLite has one writer.
/// </summary>
internal static class WorkClaims
{
    public static Task<List<long>> TimersAsync(FormFlowDbContext db, string claimant, DateTime now, TimeSpan lease, int batch, CancellationToken ct) =>
        ClaimAsync(db, "CaseTimers", "\"FiredAt\" IS NULL AND \"DueAt\" <= {0}", "\"DueAt\"", claimant, now, lease, batch, ct);

    public static Task<List<long>> OutboxAsync(FormFlowDbContext db, string claimant, DateTime now, TimeSpan lease, int batch, CancellationToken ct) =>
        ClaimAsync(db, "Outbox", Pending, "\"Id\"", claimant, now, lease, batch, ct);

    /// <summary>Pending module cascades (<see cref="Persistence.Modules.ModuleCascade"/>) whose publisher died or whose run failed.</summary>
    public static Task<List<long>> CascadesAsync(FormFlowDbContext db, string claimant, DateTime now, TimeSpan lease, int batch, CancellationToken ct) =>
        ClaimAsync(db, "ModuleCascades", Pending, "\"Id\"", claimant, now, lease, batch, ct);

    /// <summary>Due SMS and WeChat messages (<see cref="Persistence.Deliveries.Delivery"/>), oldest first.</summary>
    public static Task<List<long>> DeliveriesAsync(FormFlowDbContext db, string claimant, DateTime now, TimeSpan lease, int batch, CancellationToken ct) =>
        ClaimAsync(db, "Deliveries", Pending, "\"Id\"", claimant, now, lease, batch, ct);

    /// <summary>Due <see cref="ClaimedWork"/>: not done, not given up, and not postponed past now.</summary>
    private const string Pending = "\"DoneAt\" IS NULL AND \"FailedAt\" IS NULL AND \"NextAttemptAt\" <= {0}";

    private static async Task<List<long>> ClaimAsync(FormFlowDbContext db, string table, string due, string order, string claimant,
        DateTime now, TimeSpan lease, int batch, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var free = "(\"ClaimedUntil\" IS NULL OR \"ClaimedUntil\" < {0})";
        var sql = $"UPDATE \"{table}\" SET \"ClaimedBy\" = {{1}}, \"ClaimedUntil\" = {{2}} " +
                  $"WHERE {due} AND {free} AND \"Id\" IN (SELECT \"Id\" FROM \"{table}\" WHERE {due} AND {free} ORDER BY {order} LIMIT {{3}}" +
                  (postgres ? " FOR UPDATE SKIP LOCKED)" : ")");
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var claimed = await db.Database.ExecuteSqlRawAsync(sql, [Time(db, now), claimant, Time(db, now + lease), batch], ct);
        if (claimed == 0) return [];
        var select = $"SELECT \"Id\" AS \"Value\" FROM \"{table}\" WHERE \"ClaimedBy\" = {{0}}"; // table: one of the constants above
        var ids = await db.Database.SqlQueryRaw<long>(select, claimant).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return ids;
    }

    /// <summary>
    /// Extends the lease of the claimant's rows not yet fired or done (the pass's heartbeat). On PostgreSQL a row that
    /// the pass is finishing right now is locked and skipped rather than waited for: its lock guards it meanwhile.
    /// </summary>
    public static async Task<int> RenewAsync(FormFlowDbContext db, string claimant, DateTime until, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var renewed = await RenewAsync(db, "CaseTimers", "\"FiredAt\" IS NULL", claimant, until, ct)
            + await RenewAsync(db, "Outbox", "\"DoneAt\" IS NULL", claimant, until, ct)
            + await RenewAsync(db, "ModuleCascades", "\"DoneAt\" IS NULL", claimant, until, ct)
            + await RenewAsync(db, "Deliveries", "\"DoneAt\" IS NULL", claimant, until, ct);
        await transaction.CommitAsync(ct);
        return renewed;
    }

    private static Task<int> RenewAsync(FormFlowDbContext db, string table, string open, string claimant, DateTime until, CancellationToken ct)
    {
        var sql = $"UPDATE \"{table}\" SET \"ClaimedUntil\" = {{1}} WHERE \"Id\" IN (SELECT \"Id\" FROM \"{table}\" WHERE \"ClaimedBy\" = {{0}} AND {open}" +
                  (db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED)" : ")"); // table, open: the constants above
        return db.Database.ExecuteSqlRawAsync(sql, [claimant, Time(db, until)], ct);
    }

    /// <summary>
    /// Marks a claimed timer fired, in the caller's transaction, if the claim is still this claimant's and it has not
    /// fired: false when another process took it over after the lease ran out (the caller then leaves it alone).
    /// The row stays locked (PostgreSQL) or the database write-locked (SQLite) until the caller commits.
    /// </summary>
    public static async Task<bool> FinishTimerAsync(FormFlowDbContext db, long id, string claimant, DateTime now, CancellationToken ct) =>
        await db.CaseTimers.Where(t => t.Id == id && t.ClaimedBy == claimant && t.FiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct) == 1;

    /// <summary>
    /// Marks claimed work (an outbox item, a module cascade) done, as <see cref="FinishTimerAsync"/> does for timers:
    /// false when another process took it over after the lease ran out.
    /// </summary>
    public static async Task<bool> FinishAsync<T>(FormFlowDbContext db, long id, string claimant, DateTime now, CancellationToken ct) where T : ClaimedWork =>
        await db.Set<T>().Where(w => w.Id == id && w.ClaimedBy == claimant && w.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.DoneAt, now).SetProperty(w => w.Attempts, w => w.Attempts + 1).SetProperty(w => w.LastError, (string?)null), ct) == 1;

    /// <summary>SQLite keeps times as text in EF Core's format; PostgreSQL takes the UTC value.</summary>
    private static object Time(FormFlowDbContext db, DateTime utc) =>
        db.Database.IsNpgsql() ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : utc.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
