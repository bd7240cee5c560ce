using FormFlow.Persistence.Database;
using FormFlow.Persistence.Members;
using FormFlow.Server.Members;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Members;

/// <summary>Redemptions racing for the last uses of a quota, each on its own connection and transaction: the quota holds.</summary>
public sealed class QuotaRaceTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Of_twelve_racers_for_the_last_two_uses_exactly_two_win(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (accountId, orgId) = await EffectRuns.ArrangeAsync(database);
        await EffectRuns.RunAsync(database, new IssueMemberCardHandler(new ShippedBenefits()),
            EffectRuns.Request(accountId, orgId, "1:issueCard:1", "issueMemberCard"));
        long entitlementId;
        await using (var db = database.Open())
        {
            var haircut = await db.Entitlements.SingleAsync(e => e.BenefitId == "haircut");
            entitlementId = haircut.Id;
            for (var i = 0; i < 6; i++) Assert.True(await Quotas.TryUseAsync(db, haircut.Id, "2026"));
        }

        using var start = new Barrier(12);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await using var db = database.Open();
            var entitlement = await db.Entitlements.AsNoTracking().SingleAsync(e => e.Id == entitlementId);
            start.SignalAndWait();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await Redemptions.RecordAsync(db, entitlement, new Redemption
            {
                At = DateTime.UtcNow, Period = "2026", IdempotencyKey = $"race-{i}",
            });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return outcome;
        })));

        Assert.Equal(2, outcomes.Count(o => o is RedemptionOutcome.Recorded));
        Assert.All(outcomes.OfType<RedemptionOutcome.QuotaExhausted>(), o => Assert.Equal((8, 8), (o.Used, o.Quota)));
        await using var check = database.Open();
        Assert.Equal(2, await check.Redemptions.CountAsync(r => r.EntitlementId == entitlementId));
        Assert.Equal(8, (await check.Entitlements.SingleAsync(e => e.Id == entitlementId)).UsedIn("2026"));
        // A new year starts again at one.
        Assert.True(await Quotas.TryUseAsync(check, entitlementId, "2027"));
        Assert.Equal(1, (await check.Entitlements.AsNoTracking().SingleAsync(e => e.Id == entitlementId)).UsedIn("2027"));
    }
}
