using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FormFlow.Server.Auth;

/// <summary>
/// Identity's user manager with lockout on the server's <see cref="TimeProvider"/>: Identity reads the system clock
/// when it locks an account and when it asks whether the lock still holds, so a lock would not follow the clock
/// every other deadline of the server follows (and tests could not show that it lifts).
/// </summary>
internal sealed class ClockedUserManager(
    IUserStore<Account> store, IOptions<IdentityOptions> options, IPasswordHasher<Account> hasher,
    IEnumerable<IUserValidator<Account>> userValidators, IEnumerable<IPasswordValidator<Account>> passwordValidators,
    ILookupNormalizer normalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<Account>> logger,
    TimeProvider clock)
    : UserManager<Account>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(Account user) =>
        SupportsUserLockout && await GetLockoutEnabledAsync(user) && await GetLockoutEndDateAsync(user) is { } end && end >= clock.GetUtcNow();

    /// <summary>Counts the failure as Identity does; a failure that locks the account gets its end from the server's clock.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(Account user)
    {
        var lockedBefore = await GetLockoutEndDateAsync(user);
        var result = await base.AccessFailedAsync(user);
        if (result.Succeeded && await GetLockoutEndDateAsync(user) != lockedBefore)
            return await SetLockoutEndDateAsync(user, clock.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan);
        return result;
    }
}
