using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Members;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Members;

/// <summary>The benefits workflow decides on the member's entitlement as the store counts it when the merchant verifies the card.</summary>
public abstract class BenefitsWorkflowTests(CaseServer server)
{
    private const string Union = "西湖区实验小学工会";

    [Fact]
    public async Task A_member_whose_uses_are_all_taken_is_told_the_redemption_was_refused_and_nothing_is_recorded()
    {
        var caseId = await VerifiedRedemptionAsync("member-used-up", used: 8);
        await using var db = server.OpenDb();
        Assert.False(await db.Outbox.AnyAsync(o => o.CaseId == caseId && o.Kind == "recordRedemption"));
        Assert.True(await db.Outbox.AnyAsync(o => o.CaseId == caseId && o.ActivityId == "tellRefused"));
        Assert.False(await db.Outbox.AnyAsync(o => o.CaseId == caseId && o.ActivityId == "tellRedeemed"));
    }

    [Fact]
    public async Task A_member_with_uses_left_is_told_the_store_count_after_the_redemption()
    {
        var caseId = await VerifiedRedemptionAsync("member-with-uses", used: 2);
        await server.DispatchAsync();
        await using var db = server.OpenDb();
        var told = await db.Outbox.SingleAsync(o => o.CaseId == caseId && o.ActivityId == "tellRedeemed");
        Assert.Equal(1, await db.Redemptions.CountAsync(r => r.CaseId == caseId));
        var entitlement = await db.Entitlements.SingleAsync(e => e.Member!.Account!.UserName == "member-with-uses");
        Assert.Equal(3, entitlement.UsedInPeriod);
    }

    /// <summary>A 西湖区 member holding a haircut entitlement (quota 8, <paramref name="used"/> used this year) asks to redeem it; the merchant verifies the card.</summary>
    private async Task<long> VerifiedRedemptionAsync(string userName, int used)
    {
        await TestAccounts.EnsureAsync(server, userName, Roles.Worker, Union);
        await TestAccounts.EnsureAsync(server, "xihu-merchant", Roles.Merchant, Union);
        await using (var db = server.OpenDb())
        {
            var account = await db.Users.SingleAsync(a => a.UserName == userName);
            db.Members.Add(new Member
            {
                AccountId = account.Id, MemberNumber = "M-" + userName, OrgUnitId = await db.OrgUnits.Where(o => o.Name == Union).Select(o => o.Id).SingleAsync(),
                Since = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), IdempotencyKey = "test:" + userName,
                Entitlements = [new Entitlement { BenefitId = "haircut", Name = "理发", Quota = 8, CurrentPeriod = "2026", UsedInPeriod = used,
                    GrantedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), IdempotencyKey = "test:" + userName + ":haircut" }],
            });
            await db.SaveChangesAsync();
        }
        var member = await Api.CookieClientAsync(server, userName);
        var submitted = await member.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(member, "benefits")}/cases",
            new { data = new { memberNo = "M-" + userName, cardKey = "card-1", benefit = "haircut", merchant = "星光理发" } });
        var caseId = (await Api.JsonAsync(submitted))["id"]!.GetValue<long>();
        var merchant = await Api.CookieClientAsync(server, "xihu-merchant");
        var task = await CaseServer.InboxTaskAsync(merchant, caseId);
        var completed = await Api.JsonAsync(await merchant.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "verified", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        Assert.Equal("finished", completed["case"]!["status"]!.GetValue<string>());
        return caseId;
    }
}

public sealed class SqliteBenefitsWorkflowTests(SqliteCaseServer server) : BenefitsWorkflowTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresBenefitsWorkflowTests(PostgresCaseServer server) : BenefitsWorkflowTests(server), IClassFixture<PostgresCaseServer>;
