using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Points;
using FormFlow.Persistence.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FormFlow.Persistence.Statistics;

/// <summary>
/// What a save is about to change in the figures, read from the change tracker before the save (original values
/// are still known then): new cases, cases changing status or closing, tasks completing, members, redemptions, points, participations.
/// <see cref="FormFlowDbContext"/> adds them in the save's transaction, so they commit exactly when the change does.
/// A case closing gets its <see cref="Case.ClosedAt"/> here, once, so the recount finds the same day.
/// </summary>
internal static class FigureChanges
{
    public static async Task<List<FigureDelta>> CollectAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var deltas = new List<FigureDelta>();
        var tasks = new List<CaseTask>();
        var redemptions = new List<Redemption>();
        var points = new List<PointsEntry>();
        var participations = new List<Participation>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Case c when entry.State is EntityState.Added or EntityState.Modified:
                    if (entry.State == EntityState.Added)
                    {
                        deltas.AddRange(FigureRules.CaseReceived(c.OrgUnitId, c.ModuleKey, c.CreatedAt));
                        deltas.AddRange(FigureRules.CaseInStatus(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt));
                    }
                    else deltas.AddRange(CaseChanged(entry, c));
                    if (FigureRules.StampClosing(c)) deltas.AddRange(FigureRules.CaseClosed(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt, c.UpdatedAt));
                    break;
                case CaseTask t when t.CompletedAt is not null && (entry.State == EntityState.Added
                        || entry.State == EntityState.Modified && entry.Property(nameof(CaseTask.CompletedAt)).OriginalValue is null):
                    tasks.Add(t);
                    break;
                case Member m when entry.State == EntityState.Added:
                    deltas.AddRange(FigureRules.MemberJoined(m.OrgUnitId, m.Since));
                    if (m.Status == MemberStatus.Active) deltas.AddRange(FigureRules.MemberActive(m.OrgUnitId, m.Since, 1));
                    break;
                case Member m when entry.State == EntityState.Modified:
                    deltas.AddRange(MemberChanged(entry, m));
                    break;
                case Redemption r when entry.State == EntityState.Added:
                    redemptions.Add(r);
                    break;
                case PointsEntry p when entry.State == EntityState.Added:
                    points.Add(p);
                    break;
                case Participation p when entry.State == EntityState.Added:
                    participations.Add(p);
                    break;
            }
        }
        if (tasks.Count > 0) await AddTasksAsync(db, tasks, deltas, ct);
        if (redemptions.Count > 0) await AddRedemptionsAsync(db, redemptions, deltas, ct);
        if (points.Count > 0) await AddPointsAsync(db, points, deltas, ct);
        if (participations.Count > 0) await AddParticipationsAsync(db, participations, deltas, ct);
        return deltas;
    }

    /// <summary>A case changing status (or org, module or submission time) moves it in the figures by status.</summary>
    private static IEnumerable<FigureDelta> CaseChanged(EntityEntry entry, Case c)
    {
        var org = (int)entry.Property(nameof(Case.OrgUnitId)).OriginalValue!;
        var module = (string)entry.Property(nameof(Case.ModuleKey)).OriginalValue!;
        var status = (string)entry.Property(nameof(Case.Status)).OriginalValue!;
        var created = (DateTime)entry.Property(nameof(Case.CreatedAt)).OriginalValue!;
        if (org == c.OrgUnitId && module == c.ModuleKey && status == c.Status && created == c.CreatedAt) return [];
        return FigureRules.CaseInStatus(org, module, status, created, -1).Concat(FigureRules.CaseInStatus(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt));
    }

    /// <summary>A member changing org, status or start date moves their joined and active figures.</summary>
    private static IEnumerable<FigureDelta> MemberChanged(EntityEntry entry, Member m)
    {
        var org = (int)entry.Property(nameof(Member.OrgUnitId)).OriginalValue!;
        var status = (MemberStatus)entry.Property(nameof(Member.Status)).OriginalValue!;
        var since = (DateTime)entry.Property(nameof(Member.Since)).OriginalValue!;
        if (org == m.OrgUnitId && status == m.Status && since == m.Since) yield break;
        if (org != m.OrgUnitId || since != m.Since)
        {
            foreach (var d in FigureRules.MemberJoined(org, since)) yield return d with { Value = -1 };
            foreach (var d in FigureRules.MemberJoined(m.OrgUnitId, m.Since)) yield return d;
        }
        if (status == MemberStatus.Active) foreach (var d in FigureRules.MemberActive(org, since, -1)) yield return d;
        if (m.Status == MemberStatus.Active) foreach (var d in FigureRules.MemberActive(m.OrgUnitId, m.Since, 1)) yield return d;
    }

    private static async Task AddTasksAsync(FormFlowDbContext db, List<CaseTask> tasks, List<FigureDelta> deltas, CancellationToken ct)
    {
        var modules = db.ChangeTracker.Entries<Case>().ToDictionary(e => e.Entity.Id, e => e.Entity.ModuleKey);
        var missing = tasks.Select(t => t.CaseId).Where(id => !modules.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var c in await db.Cases.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.ModuleKey }).ToListAsync(ct))
                modules[c.Id] = c.ModuleKey;
        foreach (var t in tasks)
            deltas.AddRange(FigureRules.TaskCompleted(t.OrgUnitId, modules.GetValueOrDefault(t.CaseId, ""), t.Kind, t.DueAt, t.CompletedAt!.Value, t.Outcome));
    }

    private static async Task AddRedemptionsAsync(FormFlowDbContext db, List<Redemption> redemptions, List<FigureDelta> deltas, CancellationToken ct)
    {
        var ids = redemptions.Select(r => r.EntitlementId).Distinct().ToList();
        var entitlements = await db.Entitlements.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Join(db.Members.AsNoTracking(), e => e.MemberId, m => m.Id, (e, m) => new { e.Id, e.BenefitId, m.OrgUnitId })
            .ToDictionaryAsync(e => e.Id, e => (e.BenefitId, e.OrgUnitId), ct);
        var accounts = redemptions.Select(r => r.MerchantAccountId).OfType<string>().Distinct().ToList();
        var merchants = accounts.Count == 0 ? [] : await db.MerchantAccounts.AsNoTracking().Where(a => accounts.Contains(a.AccountId))
            .ToDictionaryAsync(a => a.AccountId, a => a.MerchantId, ct);
        foreach (var r in redemptions)
        {
            if (!entitlements.TryGetValue(r.EntitlementId, out var e)) continue;
            long? merchant = r.MerchantAccountId is { } account && merchants.TryGetValue(account, out var m) ? m : null;
            deltas.AddRange(FigureRules.Redeemed(e.OrgUnitId, r.At, e.BenefitId, merchant));
        }
    }

    private static async Task AddPointsAsync(FormFlowDbContext db, List<PointsEntry> points, List<FigureDelta> deltas, CancellationToken ct)
    {
        var caseOrgs = db.ChangeTracker.Entries<Case>().ToDictionary(e => e.Entity.Id, e => e.Entity.OrgUnitId);
        var cases = points.Select(p => p.CaseId).OfType<long>().Where(id => !caseOrgs.ContainsKey(id)).Distinct().ToList();
        if (cases.Count > 0)
            foreach (var c in await db.Cases.AsNoTracking().Where(c => cases.Contains(c.Id)).Select(c => new { c.Id, c.OrgUnitId }).ToListAsync(ct))
                caseOrgs[c.Id] = c.OrgUnitId;
        var accounts = points.Where(p => p.CaseId is null).Select(p => p.AccountId).Distinct().ToList();
        var accountOrgs = accounts.Count == 0 ? [] : await AccountOrgsAsync(db, accounts, ct);
        foreach (var p in points)
        {
            int? org = p.CaseId is { } id ? caseOrgs.TryGetValue(id, out var o) ? o : null
                : accountOrgs.TryGetValue(p.AccountId, out var m) ? m : null;
            if (org is { } at) deltas.AddRange(FigureRules.PointsAwarded(at, p.AwardedAt, p.Points));
        }
    }

    /// <summary>
    /// The org an account's points count at when no case awarded them: that of its first role (lowest ID), which a
    /// later membership or role does not change.
    /// </summary>
    internal static async Task<Dictionary<string, int>> AccountOrgsAsync(FormFlowDbContext db, List<string> accounts, CancellationToken ct) =>
        (await db.RoleAssignments.AsNoTracking().Where(r => accounts.Contains(r.AccountId)).Select(r => new { r.Id, r.AccountId, r.OrgUnitId }).ToListAsync(ct))
        .GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => g.MinBy(r => r.Id)!.OrgUnitId);

    private static async Task AddParticipationsAsync(FormFlowDbContext db, List<Participation> participations, List<FigureDelta> deltas, CancellationToken ct)
    {
        var ids = participations.Select(p => p.ServiceActivationId).Distinct().ToList();
        var modules = await db.ServiceActivations.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ModuleKey, ct);
        foreach (var p in participations)
            deltas.AddRange(FigureRules.Participated(p.OrgUnitId, modules.GetValueOrDefault(p.ServiceActivationId, ""), p.ServiceActivationId));
    }
}
