using FormFlow.Server.Effects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Demo accounts made members as an approved join case would.</summary>
public static class Memberships
{
    /// <summary>Makes the demo account a member (once) with the server's own issueMemberCard handler, and signs in as it.</summary>
    public static async Task<HttpClient> MemberClientAsync(ServerFixture server, string userName)
    {
        await using (var db = server.OpenDb())
        {
            var account = await db.Users.Include(a => a.Roles).SingleAsync(a => a.UserName == userName);
            if (!await db.Members.AnyAsync(m => m.AccountId == account.Id))
            {
                // The server's own handler, with the benefits of the demo city's benefits service.
                await using var scope = server.Services.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetServices<IEffectHandler>().Single(h => h.Kind == "issueMemberCard");
                await EffectRuns.RunAsync(server.Database, handler,
                    EffectRuns.Request(account.Id, account.Roles[0].OrgUnitId, $"{userName.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0xFFFFF}:issueCard:1", "issueMemberCard"));
            }
        }
        return await Api.CookieClientAsync(server, userName);
    }

    /// <summary>A fresh card credential of the demo account, made a member first.</summary>
    public static async Task<string> CredentialAsync(ServerFixture server, string userName) =>
        (await Api.JsonAsync(await (await MemberClientAsync(server, userName)).GetAsync("/api/members/me/card")))["credential"]!.GetValue<string>();
}
