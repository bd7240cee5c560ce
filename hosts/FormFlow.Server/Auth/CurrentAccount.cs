using System.Security.Claims;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Auth;

/// <summary>The signed-in account with its role assignments and their org units, read fresh from the store.</summary>
public static class CurrentAccount
{
    /// <summary>
    /// The account behind a cookie or token (both carry the account ID as the name identifier), or null when it no
    /// longer exists — the caller then answers 401.
    /// </summary>
    public static async Task<Account?> LoadAsync(FormFlowDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? null : await WithRoles(db).SingleOrDefaultAsync(a => a.Id == id, ct);
    }

    public static IQueryable<Account> WithRoles(FormFlowDbContext db) =>
        db.Users.Include(a => a.Roles).ThenInclude(r => r.OrgUnit);

    /// <summary>The answer when a valid cookie or token names an account that has since been removed.</summary>
    public static ProblemHttpResult Gone() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "the signed-in account no longer exists");
}
