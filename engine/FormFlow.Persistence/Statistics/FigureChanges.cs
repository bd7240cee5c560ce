using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Points;
using FormFlow.Persistence.Responses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FormFlow.Persistence.Statistics;

/// <summary>
/// What a save is about to change in the figures, read from the change tracker before the save (original values
/// are still known then): new cases, cases changing status or closing, tasks completing, steps' deadlines, members, redemptions,
/// points, participations.
/// <see cref="FormFlowDbContext"/> adds them in the save's transaction, so they commit exactly when the change does.
/// A case closing gets its <see cref="Case.ClosedAt"/> here, once, so the recount finds the same day.
/// </summary>
internal static class FigureChanges
{
    public static async Task<List<FigureDelta>> CollectAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var deltas = new List<FigureDelta>();
        var tasks = new List<CaseTask>();
        var steps = new List<EntityEntry>();
        var casesMoved = false;
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
                    else
                    {
                        deltas.AddRange(CaseChanged(entry, c));
                        casesMoved |= PlaceBefore(entry) != PlaceOf(c);
                    }
                    if (FigureRules.StampClosing(c)) deltas.AddRange(FigureRules.CaseClosed(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt, c.UpdatedAt));
                    break;
                case CaseTask t:
                    if (t.CompletedAt is not null && (entry.State == EntityState.Added
                            || entry.State == EntityState.Modified && entry.Property(nameof(CaseTask.CompletedAt)).OriginalValue is null))
                        tasks.Add(t);
                    if (StepDeadlineChanges(entry)) steps.Add(entry);
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
        if (tasks.Count > 0 || steps.Count > 0 || casesMoved)
        {
            var places = await CasePlacesAsync(db, tasks.Select(t => t.CaseId).Concat(steps.SelectMany(e => new[] { StepBefore(e).CaseId, ((CaseTask)e.Entity).CaseId })), ct);
            foreach (var t in tasks)
                deltas.AddRange(FigureRules.TaskCompleted(t.OrgUnitId, places.TryGetValue(t.CaseId, out var p) ? p.After.ModuleKey : "", t.Kind, t.DueAt, t.CompletedAt!.Value, t.Outcome));
            await AddStepDeadlinesAsync(db, steps, places, deltas, ct);
        }
        if (redemptions.Count > 0) await AddRedemptionsAsync(db, redemptions, deltas, ct);
        if (points.Count > 0) await AddPointsAsync(db, points, deltas, ct);
        if (participations.Count > 0) await AddParticipationsAsync(db, participations, deltas, ct);
        return deltas;
    }

    /// <summary>A case changing status (or org, module or submission time) moves it in the figures by status.</summary>
    private static IEnumerable<FigureDelta> CaseChanged(EntityEntry entry, Case c)
    {
        var before = PlaceBefore(entry);
        var status = (string)entry.Property(nameof(Case.Status)).OriginalValue!;
        if (before == PlaceOf(c) && status == c.Status) return [];
        return FigureRules.CaseInStatus(before.OrgUnitId, before.ModuleKey, status, before.CreatedAt, -1)
            .Concat(FigureRules.CaseInStatus(c.OrgUnitId, c.ModuleKey, c.Status, c.CreatedAt));
    }

    /// <summary>Where a case's figures dated by submission count: the applicant's org, the module, the submission time.</summary>
    private readonly record struct CasePlace(int OrgUnitId, string ModuleKey, DateTime CreatedAt);

    private static CasePlace PlaceOf(Case c) => new(c.OrgUnitId, c.ModuleKey, c.CreatedAt);

    private static CasePlace PlaceBefore(EntityEntry entry) => new((int)entry.Property(nameof(Case.OrgUnitId)).OriginalValue!,
        (string)entry.Property(nameof(Case.ModuleKey)).OriginalValue!, (DateTime)entry.Property(nameof(Case.CreatedAt)).OriginalValue!);

    /// <summary>
    /// The place of each case the save tracks, before and after it, and of the cases <paramref name="wanted"/> it does not
    /// track (as stored: the same before and after).
    /// </summary>
    private static async Task<Dictionary<long, (CasePlace Before, CasePlace After)>> CasePlacesAsync(FormFlowDbContext db, IEnumerable<long> wanted, CancellationToken ct)
    {
        var places = new Dictionary<long, (CasePlace Before, CasePlace After)>();
        foreach (var entry in db.ChangeTracker.Entries<Case>())
            places[entry.Entity.Id] = (entry.State == EntityState.Added ? PlaceOf(entry.Entity) : PlaceBefore(entry), PlaceOf(entry.Entity));
        var missing = wanted.Where(id => !places.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var c in await db.Cases.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.OrgUnitId, c.ModuleKey, c.CreatedAt }).ToListAsync(ct))
            {
                var place = new CasePlace(c.OrgUnitId, c.ModuleKey, c.CreatedAt);
                places[c.Id] = (place, place);
            }
        return places;
    }

    /// <summary>What of a step its deadline figure depends on, as stored before the save.</summary>
    private static (long CaseId, DateTime? DueAt, DateTime? CompletedAt) StepBefore(EntityEntry entry) =>
        ((long)entry.Property(nameof(CaseTask.CaseId)).OriginalValue!, (DateTime?)entry.Property(nameof(CaseTask.DueAt)).OriginalValue,
            (DateTime?)entry.Property(nameof(CaseTask.CompletedAt)).OriginalValue);

    /// <summary>
    /// Whether the save changes a step's deadline figure (<see cref="FigureRules.StepDeadline"/>): it counted before or
    /// counts after (a due time and a closing time), and its case, due or closing time is not what it was.
    /// </summary>
    private static bool StepDeadlineChanges(EntityEntry entry)
    {
        static bool Counts((long, DateTime? DueAt, DateTime? CompletedAt)? step) => step is { DueAt: not null, CompletedAt: not null };
        var t = (CaseTask)entry.Entity;
        (long, DateTime?, DateTime?)? before = entry.State is EntityState.Modified or EntityState.Deleted ? StepBefore(entry) : null;
        (long, DateTime?, DateTime?)? after = entry.State is EntityState.Added or EntityState.Modified ? (t.CaseId, t.DueAt, t.CompletedAt) : null;
        return (Counts(before) || Counts(after)) && before != after;
    }

    /// <summary>
    /// The steps' deadline figures this save moves: a step whose case, due or closing time changes leaves where it counted
    /// and counts where it does now; a case whose org, module or submission time changes takes its closed steps along.
    /// </summary>
    private static async Task AddStepDeadlinesAsync(FormFlowDbContext db, List<EntityEntry> steps, Dictionary<long, (CasePlace Before, CasePlace After)> places,
        List<FigureDelta> deltas, CancellationToken ct)
    {
        static IEnumerable<FigureDelta> At(CasePlace place, DateTime? dueAt, DateTime? completedAt, int sign) =>
            FigureRules.StepDeadline(place.OrgUnitId, place.ModuleKey, place.CreatedAt, dueAt, completedAt, sign);
        foreach (var entry in steps)
        {
            var t = (CaseTask)entry.Entity;
            if (entry.State != EntityState.Added && StepBefore(entry) is var (caseId, due, done) && places.TryGetValue(caseId, out var was))
                deltas.AddRange(At(was.Before, due, done, -1));
            if (entry.State != EntityState.Deleted && places.TryGetValue(t.CaseId, out var now))
                deltas.AddRange(At(now.After, t.DueAt, t.CompletedAt, 1));
        }
        var moved = places.Where(p => p.Value.Before != p.Value.After).Select(p => p.Key).ToList();
        if (moved.Count == 0) return;
        // The moved cases' other closed steps are as stored (a step this save changes was counted above).
        var counted = steps.Where(e => e.State != EntityState.Added).Select(e => ((CaseTask)e.Entity).Id).ToHashSet();
        foreach (var t in await db.CaseTasks.AsNoTracking().Where(t => moved.Contains(t.CaseId) && t.DueAt != null && t.CompletedAt != null)
                     .Select(t => new { t.Id, t.CaseId, t.DueAt, t.CompletedAt }).ToListAsync(ct))
        {
            if (counted.Contains(t.Id)) continue;
            var (before, after) = places[t.CaseId];
            deltas.AddRange(At(before, t.DueAt, t.CompletedAt, -1).Concat(At(after, t.DueAt, t.CompletedAt, 1)));
        }
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
