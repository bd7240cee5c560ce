using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Demo;

/// <summary>
/// Seeds <see cref="DemoData"/> into an empty database, in one transaction, with an audit entry. A database that
/// already holds any org unit is left alone, so restarts never duplicate anything.
/// </summary>
internal static class DemoSeeder
{
    /// <returns>True when it seeded, false when the database already had data.</returns>
    public static async Task<bool> SeedAsync(FormFlowDbContext db, UserManager<Account> users, string password, CancellationToken ct = default)
    {
        if (await db.OrgUnits.AnyAsync(ct))
        {
            await EnsureMerchantsAsync(db, ct);
            return false;
        }
        // The hierarchy and accounts in a transaction of their own, disposed before the merchants are added: on SQLite
        // it holds the process's write gate until disposed, and the merchants' save would wait for it for ever.
        await using (var transaction = await db.BeginWriteTransactionAsync(ct))
        {
            var orgs = new Dictionary<string, OrgUnit>();
            await AddAsync(db, DemoData.Hierarchy, null, orgs, ct);
            var hash = DemoData.PasswordHash(users.PasswordHasher, password);
            foreach (var person in DemoData.People)
            {
                var account = new Account { UserName = person.UserName, DisplayName = person.DisplayName };
                // Demo passwords are short on purpose, so they bypass the password-strength rules real accounts meet.
                account.PasswordHash = hash;
                Check(await users.CreateAsync(account), person.UserName);
                db.RoleAssignments.Add(new RoleAssignment { AccountId = account.Id, Role = person.Role, OrgUnitId = orgs[person.OrgName].Id });
            }
            AuditLog.Append(db, AuditLog.SystemActor, "seed.demo", null, null, new JsonObject
            {
                ["orgUnits"] = orgs.Count,
                ["accounts"] = new JsonArray(DemoData.People.Select(p => (JsonNode)p.UserName).ToArray()),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await EnsureMerchantsAsync(db, ct);
        return true;
    }

    /// <summary>
    /// The demo merchant records, each once by its code (a demo database of an earlier release already has the demo
    /// merchant's, migrated from its offers), linked to their demo accounts.
    /// </summary>
    private static async Task EnsureMerchantsAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var codes = DemoData.Merchants.Select(m => m.Code).ToList();
        var present = await db.Merchants.Where(m => codes.Contains(m.Code)).Select(m => m.Code).ToListAsync(ct);
        var orgs = await db.OrgUnits.ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        foreach (var demo in DemoData.Merchants.Where(m => !present.Contains(m.Code) && orgs.ContainsKey(m.District)))
        {
            var merchant = new Merchant
            {
                Code = demo.Code, Name = demo.Name, Category = demo.Category, Address = demo.Address, DistrictOrgUnitId = orgs[demo.District],
                Discount = demo.Discount, ContactName = demo.ContactName, ContactPhone = demo.ContactPhone,
                Benefits = demo.Benefits.Select(b => new MerchantBenefit { BenefitId = b }).ToList(),
            };
            var accountId = demo.Account is null ? null : await db.Users.Where(a => a.UserName == demo.Account).Select(a => a.Id).SingleOrDefaultAsync(ct);
            if (accountId is not null && !await db.MerchantAccounts.AnyAsync(l => l.AccountId == accountId, ct))
                merchant.Accounts.Add(new MerchantAccount { AccountId = accountId });
            db.Merchants.Add(merchant);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process starting on the same database added them meanwhile.
            db.ChangeTracker.Clear();
        }
    }

    private static async Task AddAsync(FormFlowDbContext db, DemoData.Unit unit, OrgUnit? parent, Dictionary<string, OrgUnit> orgs, CancellationToken ct)
    {
        var created = await OrgUnits.CreateAsync(db, unit.Name, unit.Level, parent, ct);
        orgs[unit.Name] = created;
        foreach (var child in unit.Children) await AddAsync(db, child, created, orgs, ct);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
