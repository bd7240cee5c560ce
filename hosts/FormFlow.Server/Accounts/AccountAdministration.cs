using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Orgs;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Accounts;

/// <summary>
/// Accounts and roles for admins: an admin at X creates accounts and grants roles at X and below — never above or
/// beside X — and disables accounts or issues password-reset links only for accounts whose every role lies in X's
/// subtree (an admin cannot lock out the city's staff). Every change is audited.
/// </summary>
internal sealed class AccountAdministration(FormFlowDbContext db, UserManager<Account> users)
{
    public sealed record Grant(string? Role, int? OrgUnitId);

    public async Task<Outcome<Account>> CreateAsync(Account admin, string? userName, string? displayName, string? password, IReadOnlyList<Grant>? roles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName)) return FieldProblem.Invalid("userName", "userName is required");
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 100) return FieldProblem.Invalid("displayName", "displayName is required, at most 100 characters");
        var (grants, refusal) = await GrantsAsync(admin, roles, ct);
        if (refusal is not null) return refusal;
        if (await users.FindByNameAsync(userName.Trim()) is not null) return FieldProblem.Conflict("userName", $"the user name '{userName.Trim()}' is taken");

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var account = new Account { UserName = userName.Trim(), DisplayName = displayName.Trim(), LockoutEnabled = true };
        var created = password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password);
        if (!created.Succeeded) return Identity(created, password is null ? "userName" : "password");
        foreach (var (role, org) in grants) db.RoleAssignments.Add(new RoleAssignment { AccountId = account.Id, Role = role, OrgUnitId = org.Id });
        AuditLog.Append(db, admin.UserName!, "account.created", $"account:{account.Id}", grants.Select(g => (int?)g.Item2.Id).FirstOrDefault(), new JsonObject
        {
            ["userName"] = account.UserName, ["roles"] = Roles(grants), ["password"] = password is null ? "none (reset link)" : "set by admin",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Account>.Done(await ReloadAsync(account.Id, ct));
    }

    /// <summary>Replaces the account's roles inside the admin's subtrees with <paramref name="roles"/>; roles elsewhere stay.</summary>
    public async Task<Outcome<Account>> SetRolesAsync(Account admin, string id, IReadOnlyList<Grant>? roles, CancellationToken ct)
    {
        var (grants, refusal) = await GrantsAsync(admin, roles, ct, allowNone: true);
        if (refusal is not null) return refusal;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (await FindAsync(admin, id, ct) is not { } account) return NotFound(id);
        var mine = account.Roles.Where(r => OrgAdmins.Manages(admin, r.OrgUnit!, inclusive: true)).ToList();
        db.RoleAssignments.RemoveRange(mine);
        foreach (var (role, org) in grants) db.RoleAssignments.Add(new RoleAssignment { AccountId = account.Id, Role = role, OrgUnitId = org.Id });
        AuditLog.Append(db, admin.UserName!, "account.roles.changed", $"account:{account.Id}",
            grants.Select(g => (int?)g.Item2.Id).FirstOrDefault() ?? mine.Select(r => (int?)r.OrgUnitId).FirstOrDefault(), new JsonObject
        {
            ["removed"] = new JsonArray(mine.Select(r => (JsonNode)$"{r.Role}@{r.OrgUnitId}").ToArray()), ["granted"] = Roles(grants),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        CurrentAccount.Forget(db, account.Id);
        return Outcome<Account>.Done(await ReloadAsync(account.Id, ct));
    }

    /// <summary>Disables (or enables again) an account: a disabled one cannot sign in, and its cookies and tokens stop working at once.</summary>
    public async Task<Outcome<Account>> SetDisabledAsync(Account admin, string id, bool disabled, CancellationToken ct)
    {
        if (await FindAsync(admin, id, ct) is not { } account) return NotFound(id);
        if (account.Id == admin.Id) return FieldProblem.Conflict("id", "you cannot disable your own account");
        if (!Owns(admin, account)) return Beyond(account);
        var tracked = (await users.FindByIdAsync(account.Id))!;
        await users.SetLockoutEnabledAsync(tracked, true);
        await users.SetLockoutEndDateAsync(tracked, disabled ? DateTimeOffset.MaxValue : null);
        if (disabled) await users.UpdateSecurityStampAsync(tracked);
        AuditLog.Append(db, admin.UserName!, disabled ? "account.disabled" : "account.enabled", $"account:{account.Id}", OrgIn(admin, account));
        await db.SaveChangesAsync(ct);
        CurrentAccount.Forget(db, account.Id);
        return Outcome<Account>.Done(await ReloadAsync(account.Id, ct));
    }

    /// <summary>A one-time token for setting a new password: it stops working once used (the password change renews the security stamp) or after a day.</summary>
    public async Task<(Outcome<Account> Outcome, string? Token)> ResetTokenAsync(Account admin, string id, CancellationToken ct)
    {
        if (await FindAsync(admin, id, ct) is not { } account) return ((Outcome<Account>)NotFound(id), null);
        if (!Owns(admin, account)) return ((Outcome<Account>)Beyond(account), null);
        var tracked = (await users.FindByIdAsync(account.Id))!;
        var token = await users.GeneratePasswordResetTokenAsync(tracked);
        AuditLog.Append(db, admin.UserName!, "account.password.reset-issued", $"account:{account.Id}", OrgIn(admin, account));
        await db.SaveChangesAsync(ct);
        return (Outcome<Account>.Done(account), token);
    }

    /// <summary>The accounts holding a role in the admin's subtrees, by user name, after <paramref name="after"/>.</summary>
    public async Task<List<Account>> ListAsync(Account admin, string? query, string? after, int take, CancellationToken ct)
    {
        IQueryable<OrgUnit>? scope = null;
        foreach (var root in AdminRoots(admin)) scope = scope is null ? db.OrgUnits.Within(root) : scope.Concat(db.OrgUnits.Within(root));
        if (scope is null) return [];
        var accounts = CurrentAccount.WithRoles(db).AsNoTracking()
            .Where(a => db.RoleAssignments.Any(r => r.AccountId == a.Id && scope.Any(o => o.Id == r.OrgUnitId)));
        if (!string.IsNullOrWhiteSpace(query)) accounts = accounts.Where(a => a.UserName!.Contains(query) || a.DisplayName.Contains(query));
        if (after is not null) accounts = accounts.Where(a => string.Compare(a.UserName, after) > 0);
        return await accounts.OrderBy(a => a.UserName).Take(take).ToListAsync(ct);
    }

    private static List<string> AdminRoots(Account admin) =>
        admin.Roles.Where(r => r.Role == Persistence.Accounts.Roles.Admin).Select(r => r.OrgUnit!.Path).ToList();

    /// <summary>True when every role of the account lies in the admin's subtrees.</summary>
    /// <summary>The unit of the account's first role inside the admin's subtrees: where an entry about it is read.</summary>
    private static int? OrgIn(Account admin, Account account) =>
        account.Roles.Where(r => OrgAdmins.Manages(admin, r.OrgUnit!, inclusive: true)).OrderBy(r => r.Id).Select(r => (int?)r.OrgUnitId).FirstOrDefault();

    private static bool Owns(Account admin, Account account) => account.Roles.All(r => OrgAdmins.Manages(admin, r.OrgUnit!, inclusive: true));

    /// <summary>The roles to grant, each checked: a known role, at an existing live unit of the admin's subtrees.</summary>
    private async Task<(List<(string Role, OrgUnit Org)> Grants, FieldProblem? Refusal)> GrantsAsync(
        Account admin, IReadOnlyList<Grant>? roles, CancellationToken ct, bool allowNone = false)
    {
        var grants = new List<(string Role, OrgUnit Org)>();
        if (roles is null || (roles.Count == 0 && !allowNone)) return (grants, FieldProblem.Invalid("roles", "at least one role is required: [{ role, orgUnitId }]"));
        for (var i = 0; i < roles.Count; i++)
        {
            var (role, orgId) = (roles[i].Role, roles[i].OrgUnitId);
            if (role is null || !Persistence.Accounts.Roles.All.Contains(role))
                return (grants, FieldProblem.Invalid($"roles/{i}/role", $"'{role}' is not a role: one of {string.Join(", ", Persistence.Accounts.Roles.All)}"));
            var org = orgId is null ? null : await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null) return (grants, FieldProblem.Invalid($"roles/{i}/orgUnitId", $"org unit {orgId} does not exist"));
            if (!OrgAdmins.Manages(admin, org, inclusive: true))
                return (grants, new FieldProblem(StatusCodes.Status403Forbidden, "Role beyond your subtree",
                    $"you may grant roles only at your admin unit and below, not {role} at '{org.Name}'", $"roles/{i}/orgUnitId"));
            if (org.ArchivedAt is not null) return (grants, FieldProblem.Conflict($"roles/{i}/orgUnitId", $"'{org.Name}' is archived"));
            if (!grants.Any(g => g.Role == role && g.Org.Id == org.Id)) grants.Add((role, org));
        }
        return (grants, null);
    }

    private async Task<Account?> FindAsync(Account admin, string id, CancellationToken ct)
    {
        var account = await CurrentAccount.WithRoles(db).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        // Accounts with no role in the admin's subtrees answer as if they did not exist.
        return account is not null && account.Roles.Any(r => OrgAdmins.Manages(admin, r.OrgUnit!, inclusive: true)) ? account : null;
    }

    private Task<Account> ReloadAsync(string id, CancellationToken ct) => CurrentAccount.WithRoles(db).AsNoTracking().SingleAsync(a => a.Id == id, ct);

    private static JsonArray Roles(List<(string Role, OrgUnit Org)> grants) => new(grants.Select(g => (JsonNode)$"{g.Role}@{g.Org.Id}").ToArray());

    private static FieldProblem Identity(IdentityResult result, string field) =>
        FieldProblem.Invalid(field, string.Join(" ", result.Errors.Select(e => e.Description)));

    private static FieldProblem NotFound(string id) =>
        new(StatusCodes.Status404NotFound, "Account not found", $"account {id} does not exist or holds no role in your subtree", "id");

    private static FieldProblem Beyond(Account account) =>
        new(StatusCodes.Status403Forbidden, "Account beyond your subtree", $"'{account.UserName}' also holds roles outside your subtree; an admin above you manages it", "id");
}
