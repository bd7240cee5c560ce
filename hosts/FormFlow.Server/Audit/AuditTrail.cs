using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Orgs;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Audit;

/// <summary>
/// The audit log as an admin reads it: the entries about the org units of their admin subtrees, newest first, by
/// actor, action (a whole name such as <c>merchant.created</c>, or a prefix ending in a dot such as <c>merchant.</c>),
/// object (<c>case:12</c>), org unit (its subtree) and China days. Entries about no one unit (and those written before entries named their unit) are read only by
/// admins of a root unit.
/// </summary>
internal sealed class AuditTrail(FormFlowDbContext db)
{
    public async Task<(List<AuditEntryView> Items, string? Next)> SearchAsync(Account admin, AuditFilter filter, IdPage page, CancellationToken ct)
    {
        var roles = admin.Roles.Where(r => r.Role == Roles.Admin).ToList();
        var orgs = OrgVisibility.IdsWithin(db, roles);
        var root = roles.Any(r => r.OrgUnit!.ParentId is null);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.OrgId == null ? root : orgs.Contains(a.OrgId.Value));
        if (filter.Org is { } unit)
        {
            var below = db.OrgUnits.Within(unit.Path).Select(o => o.Id);
            entries = entries.Where(a => a.OrgId != null && below.Contains(a.OrgId.Value));
        }
        if (filter.Actor is { } actor) entries = entries.Where(a => a.Actor == actor);
        if (filter.Target is { } target) entries = entries.Where(a => a.Target == target);
        if (filter.Action is { } action)
            entries = action.EndsWith('.') ? entries.Where(a => a.Action.StartsWith(action)) : entries.Where(a => a.Action == action);
        if (filter.From is { } from) entries = entries.Where(a => a.At >= from);
        if (filter.Until is { } until) entries = entries.Where(a => a.At < until);
        if (page.Before is { } before) entries = entries.Where(a => a.Id < before);
        var found = await entries.OrderByDescending(a => a.Id).Take(page.Limit + 1)
            .Select(a => new { a.Id, a.At, a.Actor, a.Action, a.Target, a.OrgId, a.Details }).ToListAsync(ct);
        var (items, next) = page.Cut(found, a => a.Id);
        var ids = items.Where(a => a.OrgId is not null).Select(a => a.OrgId!.Value).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return (items.Select(a => new AuditEntryView(a.Id, new DateTimeOffset(DateTime.SpecifyKind(a.At, DateTimeKind.Utc)), a.Actor, a.Action, a.Target,
            a.OrgId, a.OrgId is { } org ? names.GetValueOrDefault(org) : null, a.Details)).ToList(), next);
    }
}

/// <summary>What to look for: exact actor, action name or prefix ending in a dot, exact object, an org unit's subtree, and a UTC range [From, Until).</summary>
internal sealed record AuditFilter(string? Actor, string? Action, string? Target, OrgUnit? Org, DateTime? From, DateTime? Until);

/// <summary>One audit entry: when (UTC), who, what, about what, the org unit it concerns (null: none named) and the details as JSON text.</summary>
internal sealed record AuditEntryView(long Id, DateTimeOffset At, string Actor, string Action, string? Target, int? OrgId, string? OrgName, string Details);
