using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>
/// A database written by the release before merchant records opens with this one and loses nothing: each merchant
/// account with its offers becomes a merchant record (coded by its user name, at its merchant role's org) holding
/// those benefits and linked to the account, and members stored with accounts stay as they were.
/// </summary>
public sealed class LandedMerchantsTests
{
    private static readonly DateTime Saved = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Merchant_offers_of_the_last_release_become_merchant_records_linked_to_their_accounts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var old = await database.OpenAsReleaseBeforeAsync("MerchantRecordsAndMemberImport"))
        {
            await WriteAsThePreviousReleaseDidAsync(old);
        }

        await using var db = database.Open();
        Assert.Contains(await FormFlowDatabase.MigrateAsync(db), m => m.EndsWith("_MerchantRecordsAndMemberImport"));

        var merchant = await db.Merchants.Include(m => m.Benefits).Include(m => m.Accounts).SingleAsync();
        Assert.Equal(("shop", "惠民生活广场", 2), (merchant.Code, merchant.Name, merchant.DistrictOrgUnitId));
        Assert.Equal(["cinema", "haircut"], merchant.Benefits.Select(b => b.BenefitId).Order());
        Assert.Equal(["account-shop"], merchant.Accounts.Select(a => a.AccountId));
        var member = await db.Members.SingleAsync();
        Assert.Equal(("account-worker", "202612345674"), (member.AccountId, member.MemberNumber));
        Assert.Null(member.Mobile);
    }

    private static async Task WriteAsThePreviousReleaseDidAsync(DbContext db)
    {
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "OrgUnits" ("Id", "Name", "Level", "Path") VALUES (1, '某市总工会', 'city', '1/')
            """);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "OrgUnits" ("Id", "Name", "Level", "Path", "ParentId") VALUES (2, '东城区总工会', 'district', '1/2/', 1)
            """);
        foreach (var (id, name, display) in new[] { ("account-shop", "shop", "惠民生活广场"), ("account-worker", "worker", "刘洋") })
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "DisplayName", "EmailConfirmed", "PhoneNumberConfirmed",
                                           "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ({{id}}, {{name}}, {{name.ToUpperInvariant()}}, {{display}}, FALSE, FALSE, FALSE, FALSE, 0)
                """);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "RoleAssignments" ("AccountId", "Role", "OrgUnitId") VALUES ('account-shop', 'merchant', 2)
            """);
        foreach (var benefit in new[] { "haircut", "cinema" })
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO "MerchantOffers" ("MerchantAccountId", "BenefitId") VALUES ('account-shop', {{benefit}})
                """);
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "Members" ("AccountId", "MemberNumber", "OrgUnitId", "Status", "Since", "IdempotencyKey")
            VALUES ('account-worker', '202612345674', 2, 'active', {{Saved}}, 'join:1')
            """);
    }
}
