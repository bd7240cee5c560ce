using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Cases;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tasks;

/// <summary>
/// The inbox's filters: a service, a step (activity id), who holds the task (<c>unclaimed</c>, <c>mine</c>,
/// <c>others</c>) and overdue. A page is newest first by task id; each role the account holds (or stands in for) is
/// one indexed query, and the pages are merged, so the cursor stays a plain id.
/// </summary>
internal sealed record InboxQuery(int? ServiceId, string? Step, string? Claim, bool? Overdue)
{
    public const string Describe = "filters: serviceId, step (activity id), claim (unclaimed | mine | others) and overdue (true | false)";
    private static readonly string[] Claims = ["unclaimed", "mine", "others"];

    public static bool TryRead(int? serviceId, string? step, string? claim, bool? overdue, out InboxQuery query, out ProblemHttpResult? problem)
    {
        query = new InboxQuery(serviceId, string.IsNullOrWhiteSpace(step) ? null : step.Trim(), string.IsNullOrWhiteSpace(claim) ? null : claim.Trim(), overdue);
        problem = null;
        if (serviceId is < 1) problem = IdPage.BadParameter("serviceId", "serviceId must be a service's id");
        else if (query.Step is { Length: > 100 }) problem = IdPage.BadParameter("step", "step must be at most 100 characters");
        else if (query.Claim is { } c && !Claims.Contains(c)) problem = IdPage.BadParameter("claim", $"claim must be one of {string.Join(", ", Claims)}, not '{c}'");
        return problem is null;
    }

    public async Task<(List<CaseTask> Items, string? Next)> PageAsync(FormFlowDbContext db, CaseAccess access, IdPage page, DateTime now, CancellationToken ct)
    {
        var found = new List<CaseTask>();
        foreach (var (role, orgs) in access.TaskOrgs)
        {
            var ids = orgs.ToList();
            var tasks = Filter(db, access, db.CaseTasks.AsNoTracking().Where(t => t.CompletedAt == null && t.Role == role && ids.Contains(t.OrgUnitId)), now);
            if (page.Before is { } before) tasks = tasks.Where(t => t.Id < before);
            found.AddRange(await tasks.OrderByDescending(t => t.Id).Take(page.Limit + 1).ToListAsync(ct));
        }
        var merged = found.DistinctBy(t => t.Id).OrderByDescending(t => t.Id).Take(page.Limit + 1).ToList();
        return page.Cut(merged, t => t.Id);
    }

    private IQueryable<CaseTask> Filter(FormFlowDbContext db, CaseAccess access, IQueryable<CaseTask> tasks, DateTime now)
    {
        if (ServiceId is { } service)
        {
            var cases = db.Cases.Where(c => c.ServiceActivationId == service).Select(c => c.Id);
            tasks = tasks.Where(t => cases.Contains(t.CaseId));
        }
        if (Step is { } step) tasks = tasks.Where(t => t.ActivityId == step);
        var mine = access.ActsFor.ToList();
        tasks = Claim switch
        {
            "unclaimed" => tasks.Where(t => t.ClaimedBy == null),
            "mine" => tasks.Where(t => t.ClaimedBy != null && mine.Contains(t.ClaimedBy)),
            "others" => tasks.Where(t => t.ClaimedBy != null && !mine.Contains(t.ClaimedBy)),
            _ => tasks,
        };
        return Overdue switch
        {
            true => tasks.Where(t => t.DueAt != null && t.DueAt <= now),
            false => tasks.Where(t => t.DueAt == null || t.DueAt > now),
            _ => tasks,
        };
    }
}
