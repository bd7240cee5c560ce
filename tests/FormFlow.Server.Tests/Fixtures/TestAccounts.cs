using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Accounts beyond the demo ones, with the demo password and one role at a named demo org.</summary>
public static class TestAccounts
{
    public static async Task EnsureAsync(ServerFixture server, string userName, string role, string orgName, string? displayName = null)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        await using var db = server.OpenDb();
        var account = new Account { UserName = userName, DisplayName = displayName ?? userName };
        account.PasswordHash = users.PasswordHasher.HashPassword(account, Api.DemoPassword);
        var created = await users.CreateAsync(account);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.RoleAssignments.Add(new RoleAssignment { AccountId = account.Id, Role = role, OrgUnitId = await db.OrgUnits.Where(o => o.Name == orgName).Select(o => o.Id).SingleAsync() });
        await db.SaveChangesAsync();
    }
}
