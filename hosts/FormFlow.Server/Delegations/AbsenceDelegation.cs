using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Delegations;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Delegations;

/// <summary>
/// A staff member's absence: from a time until a time a colleague stands in, seeing and handling their tasks (the
/// inbox and task rules read <see cref="Delegation"/> rows). The colleague must be staff on the same branch as one of
/// the absent member's staff units (inside its subtree, or at a unit above it), so no task travels to another
/// subtree. Setting and removing are audited.
/// </summary>
internal sealed class AbsenceDelegation(FormFlowDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public async Task<Outcome<DelegationView>> SetAsync(Account account, string? toAccountId, DateTime? from, DateTime? until, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!account.Roles.Any(r => Roles.ReachesSubtree(r.Role)))
            return new FieldProblem(StatusCodes.Status403Forbidden, "Not allowed", "only union staff hand their tasks to a colleague during an absence", null);
        if (string.IsNullOrWhiteSpace(toAccountId)) return FieldProblem.Invalid("toAccountId", "toAccountId must name the colleague who stands in");
        if (toAccountId == account.Id) return FieldProblem.Invalid("toAccountId", "you cannot stand in for yourself");
        if (from is null) return FieldProblem.Invalid("from", "from must be the time the absence starts");
        if (until is null) return FieldProblem.Invalid("until", "until must be the time the absence ends");
        var start = from.Value.ToUniversalTime();
        var end = until.Value.ToUniversalTime();
        if (end <= start) return FieldProblem.Invalid("until", "until must be after from");
        if (end <= now) return FieldProblem.Invalid("until", "until must lie in the future");
        if (end - start > Longest) return FieldProblem.Invalid("until", $"an absence lasts at most {Longest.Days} days");
        var colleague = await CurrentAccount.WithRoles(db).AsNoTracking().SingleOrDefaultAsync(a => a.Id == toAccountId, ct);
        if (colleague is null || !colleague.Roles.Any(r => Roles.ReachesSubtree(r.Role) && StaffPaths(account).Any(mine => SameBranch(mine, r.OrgUnit!.Path))))
            return FieldProblem.Invalid("toAccountId", "the colleague who stands in must hold a staff role in your subtree or at a unit above yours");

        var row = await db.Delegations.SingleOrDefaultAsync(d => d.AccountId == account.Id, ct);
        if (row is null) db.Delegations.Add(row = new Delegation { AccountId = account.Id, ToAccountId = colleague.Id });
        row.ToAccountId = colleague.Id;
        row.From = start;
        row.Until = end;
        row.CreatedAt = now;
        AuditLog.Append(db, account.UserName ?? account.Id, "delegation.set", $"account:{account.Id}", AuditLog.OrgOf(account),
            new JsonObject { ["to"] = colleague.UserName, ["from"] = start, ["until"] = end });
        await db.SaveChangesAsync(ct);
        return Outcome<DelegationView>.Done(await ViewAsync(account, ct));
    }

    public async Task RemoveAsync(Account account, CancellationToken ct)
    {
        if (await db.Delegations.SingleOrDefaultAsync(d => d.AccountId == account.Id, ct) is not { } row) return;
        db.Delegations.Remove(row);
        AuditLog.Append(db, account.UserName ?? account.Id, "delegation.removed", $"account:{account.Id}", AuditLog.OrgOf(account), new JsonObject { ["to"] = row.ToAccountId });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Who may stand in for the account: staff holding a staff role in one of its staff subtrees or above it, itself excepted.</summary>
    public async Task<IQueryable<Account>> CandidatesAsync(Account account, CancellationToken ct)
    {
        var orgs = new List<int>();
        foreach (var path in StaffPaths(account))
        {
            orgs.AddRange(await db.OrgUnits.AsNoTracking().Within(path).Select(o => o.Id).ToListAsync(ct));
            orgs.AddRange(OrgSubtree.Chain(path));
        }
        var staff = db.RoleAssignments.Where(r => r.Role != Roles.Worker && r.Role != Roles.Merchant && orgs.Contains(r.OrgUnitId)).Select(r => r.AccountId);
        return db.Users.Where(a => a.Id != account.Id && staff.Contains(a.Id));
    }

    private static IEnumerable<string> StaffPaths(Account account) =>
        account.Roles.Where(r => Roles.ReachesSubtree(r.Role)).Select(r => r.OrgUnit!.Path);

    private static bool SameBranch(string a, string b) => OrgSubtree.Contains(a, b) || OrgSubtree.Contains(b, a);

    /// <summary>The absence I set (if any) and the colleagues I stand in for, now or later.</summary>
    public async Task<DelegationView> ViewAsync(Account account, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Delegations.AsNoTracking()
            .Where(d => d.AccountId == account.Id || (d.ToAccountId == account.Id && d.Until > now)).ToListAsync(ct);
        var ids = rows.SelectMany(d => new[] { d.AccountId, d.ToAccountId }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        DelegationWindow Window(Delegation d, string other) =>
            new(new PersonRef(other, names.GetValueOrDefault(other, "")), d.From, d.Until, d.From <= now && d.Until > now);
        return new DelegationView(
            rows.Where(d => d.AccountId == account.Id).Select(d => Window(d, d.ToAccountId)).SingleOrDefault(),
            rows.Where(d => d.ToAccountId == account.Id).Select(d => Window(d, d.AccountId)).ToList());
    }
}

/// <summary>One absence: the other person (the delegate, or the absent colleague), the window, and whether it runs now.</summary>
internal sealed record DelegationWindow(PersonRef Person, DateTime From, DateTime Until, bool Active);

/// <summary><c>given</c>: my absence and who stands in; <c>standingInFor</c>: colleagues whose tasks I handle (now or later).</summary>
internal sealed record DelegationView(DelegationWindow? Given, List<DelegationWindow> StandingInFor);
