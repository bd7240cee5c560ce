using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Statistics;

/// <summary>A figure whose stored value differs from the recount (a missing row counts as 0).</summary>
public sealed record FigureDifference(FigureKey Key, long Expected, long Stored);

public sealed record FigureRecountResult(int ExpectedRows, int StoredRows, IReadOnlyList<FigureDifference> Differences, bool Repaired);

/// <summary>
/// Computes every figure again from the raw rows (cases, tasks, members, redemptions, points, participations) by the
/// same <see cref="FigureRules"/>, compares with the stored figures and, with <c>repair</c>, writes the recounted
/// values where they differ. Runs in one write transaction; on PostgreSQL it locks the figures against concurrent
/// writers for its duration, so a change committing meanwhile cannot look like a difference. It holds the recounted
/// figures in memory (one entry per figure row).
/// </summary>
public static class FigureRecount
{
    public static async Task<FigureRecountResult> RecountAsync(FormFlowDbContext db, bool repair, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (!db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"Figures\" IN SHARE ROW EXCLUSIVE MODE", ct);

        var expected = await ExpectedAsync(db, progress, ct);
        progress?.Report($"recounted {expected.Count} figure rows; comparing with the stored ones");
        var differences = new List<FigureDifference>();
        var stored = 0;
        var seen = new HashSet<FigureKey>();
        await foreach (var f in db.Figures.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            stored++;
            var key = new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key);
            seen.Add(key);
            var want = expected.GetValueOrDefault(key);
            if (want != f.Value) differences.Add(new FigureDifference(key, want, f.Value));
        }
        differences.AddRange(expected.Where(e => e.Value != 0 && !seen.Contains(e.Key)).Select(e => new FigureDifference(e.Key, e.Value, 0)));

        if (repair && differences.Count > 0)
        {
            await FigureStore.WriteAsync(db, differences.Select(d => KeyValuePair.Create(d.Key, d.Expected)), add: false, ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Figures\" WHERE \"Value\" = 0", ct);
            progress?.Report($"repaired {differences.Count} figure rows");
        }
        await transaction.CommitAsync(ct);
        return new FigureRecountResult(expected.Count(e => e.Value != 0), stored, differences, repair && differences.Count > 0);
    }

    /// <summary>The figures as the raw rows say they should be.</summary>
    public static async Task<Dictionary<FigureKey, long>> ExpectedAsync(FormFlowDbContext db, IProgress<string>? progress, CancellationToken ct)
    {
        var chains = new Dictionary<int, int[]>();
        await foreach (var o in db.OrgUnits.AsNoTracking().Select(o => new { o.Id, o.Path }).AsAsyncEnumerable().WithCancellation(ct))
            chains[o.Id] = OrgSubtree.Chain(o.Path);
        var figures = new Dictionary<FigureKey, long>();
        void Add(IEnumerable<FigureDelta> deltas)
        {
            foreach (var d in deltas)
                if (chains.TryGetValue(d.OrgUnitId, out var chain)) FigureStore.Expand(d, chain, figures);
        }
        async Task Source<T>(string what, IQueryable<T> rows, Func<T, IEnumerable<FigureDelta>> rule)
        {
            var n = 0;
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                Add(rule(row));
                if (++n % 100_000 == 0) progress?.Report($"{what}: {n}");
            }
            progress?.Report($"{what}: {n}");
        }

        await Source("cases", db.Cases.AsNoTracking().Select(c => new { c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt, c.ClosedAt }),
            c => FigureRules.CaseReceived(c.OrgUnitId, c.ModuleKey, c.CreatedAt).Concat(c.ClosedAt is { } closed && FigureRules.IsClosed(c.Status)
                ? FigureRules.CaseClosed(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt, closed) : []));
        await Source("tasks", db.CaseTasks.AsNoTracking().Where(t => t.CompletedAt != null)
                .Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (t, c) => new { t.OrgUnitId, c.ModuleKey, t.Kind, t.DueAt, t.CompletedAt, t.Outcome }),
            t => FigureRules.TaskCompleted(t.OrgUnitId, t.ModuleKey, t.Kind, t.DueAt, t.CompletedAt!.Value, t.Outcome));
        await Source("members", db.Members.AsNoTracking().Select(m => new { m.OrgUnitId, m.Since, m.Status }),
            m => FigureRules.MemberJoined(m.OrgUnitId, m.Since).Concat(m.Status == Members.MemberStatus.Active ? FigureRules.MemberActive(m.OrgUnitId, m.Since, 1) : []));
        await Source("redemptions", db.Redemptions.AsNoTracking()
                .Join(db.Entitlements.AsNoTracking(), r => r.EntitlementId, e => e.Id, (r, e) => new { r.At, r.MerchantAccountId, e.BenefitId, e.MemberId })
                .Join(db.Members.AsNoTracking(), r => r.MemberId, m => m.Id, (r, m) => new
                {
                    r.At, r.BenefitId, m.OrgUnitId,
                    MerchantId = db.MerchantAccounts.Where(a => a.AccountId == r.MerchantAccountId).Select(a => (long?)a.MerchantId).FirstOrDefault(),
                }),
            r => FigureRules.Redeemed(r.OrgUnitId, r.At, r.BenefitId, r.MerchantId));
        await Source("points", db.PointsEntries.AsNoTracking().Select(p => new
            {
                p.AwardedAt, p.Points,
                Org = p.CaseId != null
                    ? db.Cases.Where(c => c.Id == p.CaseId).Select(c => (int?)c.OrgUnitId).FirstOrDefault()
                    : db.RoleAssignments.Where(r => r.AccountId == p.AccountId).OrderBy(r => r.Id).Select(r => (int?)r.OrgUnitId).FirstOrDefault(),
            }),
            p => p.Org is { } org ? FigureRules.PointsAwarded(org, p.AwardedAt, p.Points) : []);
        await Source("participations", db.Participations.AsNoTracking().Select(p => new
            {
                p.OrgUnitId, p.ServiceActivationId,
                Module = db.ServiceActivations.Where(s => s.Id == p.ServiceActivationId).Select(s => s.ModuleKey).FirstOrDefault(),
            }),
            p => FigureRules.Participated(p.OrgUnitId, p.Module ?? "", p.ServiceActivationId));
        return figures;
    }
}
