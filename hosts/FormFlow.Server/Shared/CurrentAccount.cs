using System.Security.Claims;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace FormFlow.Server.Shared;

/// <summary>
/// The signed-in account with its role assignments and their org units. Every API request needs it, and reading it
/// (an account, its roles, their orgs) cost as much as the rest of a submission, so each process keeps an account
/// for <see cref="Freshness"/> after reading it: a role given or taken, or an account removed, takes effect within
/// that time. The account is read-only to callers (it is not tracked by their context).
/// </summary>
internal static class CurrentAccount
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    // Keyed by database and account ID: hosts sharing this process (tests) may serve copies of one database, whose
    // accounts have the same IDs (a test that gave the designer a second role showed it to another test's server).
    private static readonly MemoryCache Recent = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>
    /// The account behind a cookie or token (both carry the account ID as the name identifier), or null when it no
    /// longer exists — the caller then answers 401.
    /// </summary>
    public static async Task<Account?> LoadAsync(FormFlowDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        var key = Key(db, id);
        if (Recent.TryGetValue(key, out Account? known)) return known;
        var account = await WithRoles(db).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is not null) Recent.Set(key, account, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Freshness });
        return account;
    }

    /// <summary>
    /// Drops this process's copy of an account whose sign-ins or roles just changed in <paramref name="db"/>'s database,
    /// so the next request reads it.
    /// </summary>
    public static void Forget(FormFlowDbContext db, string accountId) => Recent.Remove(Key(db, accountId));

    private static (string? Database, string AccountId) Key(FormFlowDbContext db, string accountId) => (db.Database.GetConnectionString(), accountId);

    public static IQueryable<Account> WithRoles(FormFlowDbContext db) =>
        db.Users.Include(a => a.Roles).ThenInclude(r => r.OrgUnit);

    /// <summary>The answer when a valid cookie or token names an account that has since been removed.</summary>
    public static ProblemHttpResult Gone() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "the signed-in account no longer exists");
}
