using FormFlow.Persistence.Accounts;
using FormFlow.Server.Shared;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Auth;

/// <summary>
/// Servers in one process on copies of one seeded database (as the test fixtures run) hold accounts with the same
/// IDs: the account a server keeps for a few seconds must be its own database's, never another server's.
/// </summary>
public sealed class CopiedDatabaseAccountTests
{
    [Fact]
    public async Task A_role_given_on_one_copy_is_not_seen_by_a_server_on_another()
    {
        await using var widened = new SqliteServer();
        await using var untouched = new SqliteServer();
        await widened.InitializeAsync();
        await untouched.InitializeAsync();
        await using (var db = widened.OpenDb())
        {
            var designer = await db.Users.SingleAsync(a => a.UserName == "designer");
            db.RoleAssignments.Add(new RoleAssignment { AccountId = designer.Id, Role = Roles.Admin, OrgUnitId = await db.OrgUnits.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync() });
            await db.SaveChangesAsync();
            CurrentAccount.Forget(db, designer.Id);
        }

        var roles = async (ServerFixture server) =>
            (await Api.JsonAsync(await (await Api.CookieClientAsync(server, "designer")).GetAsync("/api/me")))["roles"]!.AsArray()
                .Select(r => r!["role"]!.GetValue<string>()).Order().ToList();
        Assert.Equal([Roles.Admin, Roles.Designer], await roles(widened));
        Assert.Equal([Roles.Designer], await roles(untouched));
    }
}
