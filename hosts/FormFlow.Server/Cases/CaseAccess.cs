using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Cases;

/// <summary>
/// What an account may reach, role × org subtree: its own cases as applicant; for staff roles, every case of an
/// applicant inside the role's subtree; for any role, the tasks assigned to that role at an org inside the subtree
/// (so a task at a grassroots union is in the inbox of the role's holders there and above), and those tasks' cases.
/// Anything else answers 404 exactly like an unknown ID, so other subtrees leak nothing.
/// </summary>
internal sealed class CaseAccess
{
    public Account Account { get; }
    /// <summary>Org IDs in the subtrees of the account's staff roles: their cases are visible.</summary>
    public IReadOnlySet<int> StaffOrgs { get; }
    /// <summary>Per role held: the org IDs where that role's tasks reach the account.</summary>
    public IReadOnlyDictionary<string, HashSet<int>> TaskOrgs { get; }

    private CaseAccess(Account account, HashSet<int> staffOrgs, Dictionary<string, HashSet<int>> taskOrgs)
    {
        Account = account;
        StaffOrgs = staffOrgs;
        TaskOrgs = taskOrgs;
    }

    public static async Task<CaseAccess> ForAsync(FormFlowDbContext db, Account account, CancellationToken ct)
    {
        var staff = new HashSet<int>();
        var tasks = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var role in account.Roles)
        {
            var subtree = await db.OrgUnits.AsNoTracking().Within(role.OrgUnit!.Path).Select(o => o.Id).ToListAsync(ct);
            if (Roles.ReachesSubtree(role.Role)) staff.UnionWith(subtree);
            if (!tasks.TryGetValue(role.Role, out var orgs)) tasks[role.Role] = orgs = [];
            orgs.UnionWith(subtree);
        }
        return new CaseAccess(account, staff, tasks);
    }

    public bool CanWork(CaseTask task) => TaskOrgs.TryGetValue(task.Role, out var orgs) && orgs.Contains(task.OrgUnitId);

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
