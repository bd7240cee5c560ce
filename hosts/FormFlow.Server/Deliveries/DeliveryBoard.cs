using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Deliveries;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Privacy;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Deliveries;

/// <summary>
/// What admins see of outgoing messages and failed workflow effects, in their admin subtrees only: deliveries by
/// status and channel (a message for no union yet, such as a registration code of a registrant who named none, only
/// to admins of a top unit), the log channel's messages in full, failed outbox items; and retrying one now.
/// </summary>
internal sealed class DeliveryBoard(FormFlowDbContext db, PiiProtector pii, ChannelAdapters adapters, TimeProvider clock)
{
    public static readonly string[] Statuses = ["pending", "sent", "failed"];

    public sealed record DeliveryView(long Id, string Channel, string Status, string? Via, string To, string Template, string Title, string? Body,
        int Attempts, string? LastError, DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? SentAt, DateTime? FailedAt);

    public sealed record FailedEffectView(long Id, long CaseId, string CaseNumber, string Kind, string Key, int Attempts, string? LastError, DateTime FailedAt);

    /// <summary>The org units the admin administers (their subtrees), and whether one of them is a top unit.</summary>
    private async Task<(List<int> Orgs, bool Top)> ScopeAsync(Account admin, CancellationToken ct)
    {
        var orgs = new HashSet<int>();
        foreach (var at in admin.Roles.Where(r => r.Role == Roles.Admin).Select(r => r.OrgUnit!))
            orgs.UnionWith(await db.OrgUnits.AsNoTracking().Within(at.Path).Select(o => o.Id).ToListAsync(ct));
        return (orgs.ToList(), admin.Roles.Any(r => r.Role == Roles.Admin && r.OrgUnit!.ParentId is null));
    }

    private async Task<IQueryable<Delivery>> VisibleAsync(Account admin, CancellationToken ct)
    {
        var (orgs, top) = await ScopeAsync(admin, ct);
        return db.Deliveries.AsNoTracking().Where(d => d.OrgUnitId == null ? top : orgs.Contains(d.OrgUnitId.Value));
    }

    public async Task<(List<DeliveryView> Items, string? Next)> ListAsync(Account admin, string? status, string? channel, string? via, IdPage page, CancellationToken ct)
    {
        var query = await VisibleAsync(admin, ct);
        query = status switch
        {
            "pending" => query.Where(d => d.DoneAt == null && d.FailedAt == null),
            "sent" => query.Where(d => d.DoneAt != null),
            "failed" => query.Where(d => d.FailedAt != null),
            _ => query,
        };
        if (channel is not null) query = query.Where(d => d.Channel == channel);
        if (via is not null) query = query.Where(d => d.Via == via);
        if (page.Before is { } before) query = query.Where(d => d.Id < before);
        var rows = await query.OrderByDescending(d => d.Id).Take(page.Limit + 1).ToListAsync(ct);
        return page.Cut(rows.Select(View).ToList(), d => d.Id);
    }

    /// <summary>
    /// A delivery as an admin sees it. Its text and full address only when it never leaves FormFlow (the log channel):
    /// that page is then the only place it can be read. A real SMS's text (a registration code) stays with its recipient.
    /// </summary>
    private DeliveryView View(Delivery d)
    {
        var readable = d.Via == ChannelSettings.Log || (d.Via is null && adapters.For(d.Channel)?.Name == ChannelSettings.Log);
        var to = pii.OpenText(d.To);
        var status = d.DoneAt is not null ? "sent" : d.FailedAt is not null ? "failed" : "pending";
        return new DeliveryView(d.Id, d.Channel, status, d.Via, readable ? to : Masks.Phone(to), d.Template, d.Title, readable ? pii.OpenText(d.Body) : null,
            d.Attempts, d.LastError, d.CreatedAt, status == "pending" ? d.NextAttemptAt : null, d.DoneAt, d.FailedAt);
    }

    /// <summary>Sends a delivery again now (a failed one gets one more try; a pending one skips its back-off). False when not visible or already sent.</summary>
    public async Task<bool> RetryAsync(Account admin, long id, CancellationToken ct)
    {
        if (!await (await VisibleAsync(admin, ct)).AnyAsync(d => d.Id == id && d.DoneAt == null, ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Deliveries.Where(d => d.Id == id && d.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.FailedAt, (DateTime?)null).SetProperty(d => d.NextAttemptAt, now), ct);
        AuditLog.Append(db, admin.UserName!, "delivery.retried", $"delivery:{id}",
            await db.Deliveries.Where(d => d.Id == id).Select(d => d.OrgUnitId).SingleAsync(ct));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<(List<FailedEffectView> Items, string? Next)> FailedEffectsAsync(Account admin, IdPage page, CancellationToken ct)
    {
        var (orgs, _) = await ScopeAsync(admin, ct);
        var query = db.Outbox.AsNoTracking().Where(o => o.FailedAt != null)
            .Join(db.Cases.AsNoTracking().Where(c => orgs.Contains(c.OrgUnitId)), o => o.CaseId, c => c.Id, (o, c) => new { o, c.Number });
        if (page.Before is { } before) query = query.Where(x => x.o.Id < before);
        var rows = await query.OrderByDescending(x => x.o.Id).Take(page.Limit + 1)
            .Select(x => new FailedEffectView(x.o.Id, x.o.CaseId, x.Number, x.o.Kind, x.o.Key, x.o.Attempts, x.o.LastError, x.o.FailedAt!.Value)).ToListAsync(ct);
        return page.Cut(rows, r => r.Id);
    }

    /// <summary>Gives a failed outbox item one more try now. False when it is not failed or its case is outside the admin's subtrees.</summary>
    public async Task<bool> RetryEffectAsync(Account admin, long id, CancellationToken ct)
    {
        var (orgs, _) = await ScopeAsync(admin, ct);
        var item = await db.Outbox.Where(o => o.Id == id && o.FailedAt != null)
            .Where(o => db.Cases.Any(c => c.Id == o.CaseId && orgs.Contains(c.OrgUnitId))).SingleOrDefaultAsync(ct);
        if (item is null) return false;
        (item.FailedAt, item.NextAttemptAt) = (null, clock.GetUtcNow().UtcDateTime);
        AuditLog.Append(db, admin.UserName!, "effect.retried", $"case:{item.CaseId}",
            await db.Cases.Where(c => c.Id == item.CaseId).Select(c => (int?)c.OrgUnitId).SingleAsync(ct), new JsonObject { ["kind"] = item.Kind, ["key"] = item.Key });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
