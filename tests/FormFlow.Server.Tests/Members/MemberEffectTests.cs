using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Effects;
using FormFlow.Server.Members;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Members;

/// <summary>The member effect handlers on a real store: each effect happens once however often the dispatcher retries it.</summary>
public sealed class MemberEffectTests
{

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Issuing_a_card_twice_makes_one_member_with_the_benefits_modules_quota(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (accountId, orgId) = await EffectRuns.ArrangeAsync(database);
        var handler = new IssueMemberCardHandler(new ShippedBenefits());

        for (var attempt = 0; attempt < 2; attempt++) await EffectRuns.RunAsync(database, handler, EffectRuns.Request(accountId, orgId, "1:issueCard:3", "issueMemberCard"));
        // Another case approving the same person again does not make a second membership either.
        await EffectRuns.RunAsync(database, handler, EffectRuns.Request(accountId, orgId, "2:issueCard:3", "issueMemberCard"));

        await using var db = database.Open();
        var member = await db.Members.Include(m => m.Entitlements).SingleAsync();
        Assert.Equal(accountId, member.AccountId);
        Assert.Equal(orgId, member.OrgUnitId);
        Assert.True(MemberNumbers.IsWellFormed(member.MemberNumber), member.MemberNumber);
        Assert.StartsWith("2026", member.MemberNumber);
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal(1, member.CaseId);
        Assert.Equal(["cinema:观影:8", "gym:健身:8", "haircut:理发:8"],
            member.Entitlements.Select(e => $"{e.BenefitId}:{e.Name}:{e.Quota}").Order());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "member.card.issued"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Grants_set_the_quota_once_and_redemptions_stop_at_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (accountId, orgId) = await EffectRuns.ArrangeAsync(database);
        await EffectRuns.RunAsync(database, new IssueMemberCardHandler(new ShippedBenefits()), EffectRuns.Request(accountId, orgId, "1:issueCard:3", "issueMemberCard"));
        var grant = new GrantEntitlementHandler(new ShippedBenefits());
        var pool = EffectRuns.Request(accountId, orgId, "5:grantPool:1", "grantEntitlement", new() { ["benefit"] = "swimming", ["quotaPerYear"] = 2, ["year"] = 2026 });
        await EffectRuns.RunAsync(database, grant, pool);
        await EffectRuns.RunAsync(database, grant, pool);

        var redeem = new RecordRedemptionHandler();
        for (var step = 1; step <= 3; step++)
        {
            var use = EffectRuns.Request(accountId, orgId, $"6:redeem:{step}", "recordRedemption", new() { ["benefit"] = "swimming", ["merchant"] = "游泳馆", ["year"] = 2026 });
            await EffectRuns.RunAsync(database, redeem, use);
            await EffectRuns.RunAsync(database, redeem, use); // a retry of the same step records nothing new
        }

        await using var db = database.Open();
        var swimming = await db.Entitlements.SingleAsync(e => e.BenefitId == "swimming");
        Assert.Equal("swimming", swimming.Name); // not a benefit of the benefits module: its ID is its name
        Assert.Equal(2, swimming.Quota);
        Assert.Equal(2, swimming.UsedIn("2026"));
        Assert.Equal(2, await db.Redemptions.CountAsync(r => r.EntitlementId == swimming.Id));
        Assert.Equal("merchant: 游泳馆", (await db.Redemptions.FirstAsync()).Note);
        var refused = await db.AuditEntries.Where(a => a.Action == "member.redemption.refused").ToListAsync();
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.Contains("\"used\":2", a.Details));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "member.entitlement.granted"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Effects_for_someone_who_is_not_a_member_fail_naming_the_problem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (accountId, orgId) = await EffectRuns.ArrangeAsync(database);
        var grant = EffectRuns.Request(accountId, orgId, "1:grant:1", "grantEntitlement", new() { ["benefit"] = "haircut", ["quotaPerYear"] = 8 });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EffectRuns.RunAsync(database, new GrantEntitlementHandler(new ShippedBenefits()), grant));
        Assert.Contains("is not a member", error.Message);
        var missing = EffectRuns.Request(accountId, orgId, "1:grant:2", "grantEntitlement", new() { ["benefit"] = "haircut" });
        Assert.Contains("quotaPerYear", (await Assert.ThrowsAsync<InvalidOperationException>(
            () => EffectRuns.RunAsync(database, new GrantEntitlementHandler(new ShippedBenefits()), missing))).Message);
    }
}
