using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Delegations;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Cases;

/// <summary>
/// What an account may reach, role × org subtree: its own cases as applicant; for staff roles, every case of an
/// applicant inside the role's subtree; for any role, the tasks assigned to that role at an org inside the subtree
/// (so a task at a grassroots union is in the inbox of the role's holders there and above), and those tasks' cases.
/// Anything else answers 404 exactly like an unknown ID, so other subtrees leak nothing. During an absence
/// (<see cref="Delegation"/>) the delegate also reaches the absent account's tasks, as if it held their roles.
/// </summary>
internal sealed class CaseAccess
{
    public Account Account { get; }
    /// <summary>Org IDs in the subtrees of the account's staff roles: their cases are visible.</summary>
    public IReadOnlySet<int> StaffOrgs { get; }
    /// <summary>Per role held: the org IDs where that role's tasks reach the account.</summary>
    public IReadOnlyDictionary<string, HashSet<int>> TaskOrgs { get; }
    /// <summary>The accounts whose claimed tasks this account may handle: itself and those it stands in for now.</summary>
    public IReadOnlySet<string> ActsFor { get; }

    private CaseAccess(Account account, HashSet<int> staffOrgs, Dictionary<string, HashSet<int>> taskOrgs, HashSet<string> actsFor)
    {
        Account = account;
        StaffOrgs = staffOrgs;
        TaskOrgs = taskOrgs;
        ActsFor = actsFor;
    }

    /// <summary>What the account reaches by its own roles.</summary>
    public static async Task<CaseAccess> ForAsync(FormFlowDbContext db, Account account, CancellationToken ct)
    {
        var staff = new HashSet<int>();
        var tasks = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        await AddRolesAsync(db, account, staff, tasks, ct);
        return new CaseAccess(account, staff, tasks, new HashSet<string>(StringComparer.Ordinal) { account.Id });
    }

    /// <summary>What the account reaches by its own roles and, at <paramref name="now"/>, by the delegations it holds for absent colleagues.</summary>
    public static async Task<CaseAccess> ForAsync(FormFlowDbContext db, Account account, DateTime now, CancellationToken ct)
    {
        var own = await ForAsync(db, account, ct);
        var absent = await db.Delegations.AsNoTracking()
            .Where(d => d.ToAccountId == account.Id && d.From <= now && d.Until > now).Select(d => d.AccountId).ToListAsync(ct);
        if (absent.Count == 0) return own;
        var tasks = own.TaskOrgs.ToDictionary(p => p.Key, p => new HashSet<int>(p.Value), StringComparer.Ordinal);
        var actsFor = new HashSet<string>(own.ActsFor, StringComparer.Ordinal);
        var ignoredStaff = new HashSet<int>();
        foreach (var colleague in await db.Users.AsNoTracking().Include(a => a.Roles).ThenInclude(r => r.OrgUnit)
                     .Where(a => absent.Contains(a.Id)).ToListAsync(ct))
        {
            // The delegate works the colleague's tasks; the colleague's wider case view (staff subtree) is not lent.
            await AddRolesAsync(db, colleague, ignoredStaff, tasks, ct);
            actsFor.Add(colleague.Id);
        }
        return new CaseAccess(account, (HashSet<int>)own.StaffOrgs, tasks, actsFor);
    }

    private static async Task AddRolesAsync(FormFlowDbContext db, Account account, HashSet<int> staff, Dictionary<string, HashSet<int>> tasks, CancellationToken ct)
    {
        foreach (var role in account.Roles)
        {
            var subtree = await db.OrgUnits.AsNoTracking().Within(role.OrgUnit!.Path).Select(o => o.Id).ToListAsync(ct);
            if (Roles.ReachesSubtree(role.Role)) staff.UnionWith(subtree);
            if (!tasks.TryGetValue(role.Role, out var orgs)) tasks[role.Role] = orgs = [];
            orgs.UnionWith(subtree);
        }
    }

    public bool CanWork(CaseTask task) => TaskOrgs.TryGetValue(task.Role, out var orgs) && orgs.Contains(task.OrgUnitId);

    /// <summary>True when the task is unclaimed, or claimed by this account or one it stands in for.</summary>
    public bool MayHandle(CaseTask task) => task.ClaimedBy is null || ActsFor.Contains(task.ClaimedBy);

    public bool CanSee(Case c, IEnumerable<CaseTask> tasksOfCase) =>
        c.ApplicantAccountId == Account.Id || StaffOrgs.Contains(c.OrgUnitId) || tasksOfCase.Any(CanWork);

    /// <summary>Staff see personal data of cases in their subtree; the applicant sees their own.</summary>
    public bool SeesPersonalData(Case c) => c.ApplicantAccountId == Account.Id;

    /// <summary>The case with this ID when the account may see it, else null.</summary>
    public async Task<Case?> FindCaseAsync(FormFlowDbContext db, long id, CancellationToken ct)
    {
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        if (c.ApplicantAccountId == Account.Id || StaffOrgs.Contains(c.OrgUnitId)) return c;
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == id).ToListAsync(ct);
        return tasks.Any(CanWork) ? c : null;
    }

    /// <summary>Open tasks the account may work (its inbox), unordered.</summary>
    public async Task<List<CaseTask>> InboxAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var found = new List<CaseTask>();
        foreach (var (role, orgs) in TaskOrgs)
        {
            var ids = orgs.ToList();
            found.AddRange(await db.CaseTasks.AsNoTracking()
                .Where(t => t.CompletedAt == null && t.Role == role && ids.Contains(t.OrgUnitId)).ToListAsync(ct));
        }
        return found;
    }
}
