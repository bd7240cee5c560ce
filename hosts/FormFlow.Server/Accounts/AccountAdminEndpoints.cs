using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Orgs;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Accounts;

/// <summary>Accounts and roles for admins: list, create, change roles, disable and enable, and a password-reset link.</summary>
internal static class AccountAdminEndpoints
{
    public const int DefaultLimit = 50, MaxLimit = 200;

    public static void MapAccountAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);
        accounts.MapGet("/", ListAsync).ProducesProblem(400)
            .WithSummary($"The accounts holding a role in my admin subtrees, by user name; ?q= searches user and display names; ?limit= (1–{MaxLimit}, default {DefaultLimit}) and ?cursor= (the previous page's next).");
        accounts.MapPost("/", CreateAsync).ProducesProblem(400).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Creates an account: { userName, displayName, password?, roles: [{ role, orgUnitId }] }; roles only at my admin unit and below (403 otherwise). Without a password, issue a reset link for the person to set one.");
        accounts.MapPut("/{id}/roles", SetRolesAsync).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Replaces the account's roles inside my admin subtrees: { roles: [{ role, orgUnitId }] }; its roles elsewhere stay.");
        accounts.MapPost("/{id}/disable", (string id, AccountAdministration admin, FormFlowDbContext db, HttpContext http, CancellationToken ct) => SetDisabledAsync(id, true, admin, db, http, ct))
            .ProducesProblem(404).ProducesProblem(409).WithSummary("Disables an account whose roles all lie in my subtree: it cannot sign in, and its sessions and tokens stop working.");
        accounts.MapPost("/{id}/enable", (string id, AccountAdministration admin, FormFlowDbContext db, HttpContext http, CancellationToken ct) => SetDisabledAsync(id, false, admin, db, http, ct))
            .ProducesProblem(404).ProducesProblem(409).WithSummary("Enables a disabled account again.");
        accounts.MapPost("/{id}/password-reset", ResetLinkAsync).ProducesProblem(404)
            .WithSummary("A one-time link (valid one day, dead once used) with which the person sets a new password in the Portal; give it to them in person or by a trusted channel.");
    }

    internal sealed record GrantRequest(string? Role = null, int? OrgUnitId = null);
    internal sealed record CreateAccountRequest(string? UserName = null, string? DisplayName = null, string? Password = null, List<GrantRequest>? Roles = null);
    internal sealed record SetRolesRequest(List<GrantRequest>? Roles = null);
    /// <summary>A role the admin sees (named apart from the Auth RoleView, which OpenAPI would otherwise take for both).</summary>
    internal sealed record AccountRoleView(string Role, int OrgUnitId, string OrgName);
    /// <param name="RolesElsewhere">How many of its roles lie outside my subtrees (not shown).</param>
    internal sealed record AccountAdminView(string Id, string UserName, string DisplayName, bool Disabled, List<AccountRoleView> Roles, int RolesElsewhere);
    internal sealed record AccountPage(List<AccountAdminView> Items, string? Next);
    internal sealed record ResetLinkView(string Link, DateTimeOffset ExpiresAt);

    private static AccountAdminView View(Account admin, Account account, DateTimeOffset now)
    {
        var mine = account.Roles.Where(r => OrgAdmins.Manages(admin, r.OrgUnit!, inclusive: true)).ToList();
        return new AccountAdminView(account.Id, account.UserName!, account.DisplayName, account.LockoutEnd > now.AddYears(100),
            mine.Select(r => new AccountRoleView(r.Role, r.OrgUnitId, r.OrgUnit!.Name)).OrderBy(r => r.OrgUnitId).ThenBy(r => r.Role).ToList(), account.Roles.Count - mine.Count);
    }

    private static async Task<Results<Ok<AccountPage>, ProblemHttpResult>> ListAsync(
        string? q, int? limit, string? cursor, AccountAdministration administration, FormFlowDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        if (limit is < 1 or > MaxLimit) return FieldProblem.Invalid("limit", $"limit must be 1 to {MaxLimit}, not {limit}").ToResult();
        var take = limit ?? DefaultLimit;
        var found = await administration.ListAsync(admin, q, cursor, take + 1, ct);
        var now = clock.GetUtcNow();
        var items = found.Take(take).Select(a => View(admin, a, now)).ToList();
        return TypedResults.Ok(new AccountPage(items, found.Count > take ? items[^1].UserName : null));
    }

    private static async Task<Results<Created<AccountAdminView>, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest body, AccountAdministration administration, FormFlowDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        var outcome = await administration.CreateAsync(admin, body.UserName, body.DisplayName, body.Password, Grants(body.Roles), ct);
        return outcome.Value is { } account ? TypedResults.Created($"/api/accounts/{account.Id}", View(admin, account, clock.GetUtcNow())) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<AccountAdminView>, ProblemHttpResult>> SetRolesAsync(
        string id, SetRolesRequest body, AccountAdministration administration, FormFlowDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        var outcome = await administration.SetRolesAsync(admin, id, Grants(body.Roles), ct);
        return outcome.Value is { } account ? TypedResults.Ok(View(admin, account, clock.GetUtcNow())) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<AccountAdminView>, ProblemHttpResult>> SetDisabledAsync(
        string id, bool disabled, AccountAdministration administration, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        var outcome = await administration.SetDisabledAsync(admin, id, disabled, ct);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return outcome.Value is { } account ? TypedResults.Ok(View(admin, account, now)) : outcome.Problem!.ToResult();
    }

    private static async Task<Results<Ok<ResetLinkView>, ProblemHttpResult>> ResetLinkAsync(
        string id, AccountAdministration administration, FormFlowDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await AdminAsync(db, http, ct) is not { } admin) return NotAdmin();
        var (outcome, token) = await administration.ResetTokenAsync(admin, id, ct);
        if (token is null) return outcome.Problem!.ToResult();
        var link = $"/reset-password?account={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}";
        return TypedResults.Ok(new ResetLinkView(link, clock.GetUtcNow().Add(PasswordReset.Lifespan)));
    }

    private static List<AccountAdministration.Grant>? Grants(List<GrantRequest>? roles) =>
        roles?.Select(r => new AccountAdministration.Grant(r.Role, r.OrgUnitId)).ToList();

    /// <summary>The signed-in account when it holds the admin role somewhere.</summary>
    private static async Task<Account?> AdminAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        await CurrentAccount.LoadAsync(db, http.User, ct) is { } account && account.Roles.Any(r => r.Role == Roles.Admin) ? account : null;

    private static ProblemHttpResult NotAdmin() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not an admin", detail: "only admins manage accounts");
}
