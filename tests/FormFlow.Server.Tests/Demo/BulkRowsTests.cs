using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Demo;

/// <summary>
/// The bulk writer of the city generator and the figure fills (<see cref="BulkRows"/>): the same new rows written by <c>SaveChanges</c> into one
/// database and by the bulk writer into another read back equal, column by column: converted values (enums, UTC
/// times), nulls, explicit keys and keys the database numbers. A table whose rows mix set and unset keys is refused.
/// </summary>
public abstract class BulkRowsTests(DatabaseProvider provider)
{
    private static List<object> Rows(int org) =>
    [
        .. Enumerable.Range(1, 3).Select(i => new Account
        {
            Id = $"00000000-0000-0000-0000-00000000000{i}", UserName = $"1380000000{i}", NormalizedUserName = $"1380000000{i}", DisplayName = $"成员{i}",
            PhoneNumber = i == 2 ? null : $"1380000000{i}", PhoneNumberConfirmed = i != 2, PasswordHash = "hash", SecurityStamp = "STAMP", ConcurrencyStamp = "c", LockoutEnabled = true,
        }),
        .. Enumerable.Range(1, 3).Select(i => new RoleAssignment { AccountId = $"00000000-0000-0000-0000-00000000000{i}", Role = i == 3 ? "admin" : "worker", OrgUnitId = org }),
        .. Enumerable.Range(1, 3).Select(i => new Member
        {
            Id = 40 + i, AccountId = $"00000000-0000-0000-0000-00000000000{i}", MemberNumber = $"M{i}", OrgUnitId = org, IdempotencyKey = $"m{i}",
            Status = i == 2 ? MemberStatus.Suspended : MemberStatus.Active, Since = new DateTime(2025, 3, i, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567),
        }),
        .. Enumerable.Range(1, 3).Select(i => new Entitlement
        {
            Id = 70 + i, MemberId = 40 + i, BenefitId = "cinema", Name = "观影", Quota = 4, GrantedAt = new DateTime(2025, 3, i, 0, 0, 0, DateTimeKind.Utc),
            IdempotencyKey = $"e{i}", CurrentPeriod = i == 1 ? null : "2026", UsedInPeriod = i,
        }),
        .. Enumerable.Range(1, 3).Select(i => new Redemption
        {
            EntitlementId = 70 + i, At = new DateTime(2026, 1, i, 8, 0, 0, DateTimeKind.Utc), Period = "2026", IdempotencyKey = $"r{i}", Note = i == 3 ? "线下" : null,
        }),
    ];

    [Fact]
    public async Task Rows_written_in_bulk_read_back_as_those_saved_through_the_context()
    {
        await using var saved = await TestDatabase.CreateAsync(provider);
        await using var bulk = await TestDatabase.CreateAsync(provider);
        await using (var db = await saved.OpenMigratedAsync())
        {
            var org = await OrgUnits.CreateAsync(db, "某市总工会", OrgLevel.City, null);
            foreach (var group in Rows(org.Id).GroupBy(r => r.GetType()))
            {
                db.AddRange(group);
                await db.SaveChangesAsync();
            }
        }
        await using (var db = await bulk.OpenMigratedAsync())
        {
            var org = await OrgUnits.CreateAsync(db, "某市总工会", OrgLevel.City, null);
            await using var transaction = await db.BeginWriteTransactionAsync();
            foreach (var group in Rows(org.Id).GroupBy(r => r.GetType()))
                await (Task)typeof(BulkRowsTests).GetMethod(nameof(WriteAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(group.Key).Invoke(null, [db, group.ToList()])!;
            await transaction.CommitAsync();
        }
        await using var a = saved.Open();
        await using var b = bulk.Open();
        foreach (var type in new[] { typeof(Account), typeof(RoleAssignment), typeof(Member), typeof(Entitlement), typeof(Redemption) })
        {
            var expected = await TableAsync(a, type);
            Assert.Equal(3, expected.Count);
            Assert.Equal(expected, await TableAsync(b, type));
        }
    }

    [Fact]
    public async Task Rows_that_mix_set_and_unset_generated_keys_are_refused_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenMigratedAsync();
        var org = await OrgUnits.CreateAsync(db, "某市总工会", OrgLevel.City, null);
        var rows = Rows(org.Id).OfType<Account>().ToList();
        await using (var transaction = await db.BeginWriteTransactionAsync())
        {
            await BulkRows.WriteAsync(db, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }
        List<RoleAssignment> mixed = [new() { Id = 9, AccountId = rows[0].Id, Role = "worker", OrgUnitId = org.Id }, new() { AccountId = rows[1].Id, Role = "worker", OrgUnitId = org.Id }];
        await using (var transaction = await db.BeginWriteTransactionAsync())
        {
            var refused = await Assert.ThrowsAsync<NotSupportedException>(() => BulkRows.WriteAsync(db, mixed, CancellationToken.None));
            Assert.Contains("RoleAssignment.Id", refused.Message);
        }
        Assert.False(await db.RoleAssignments.AnyAsync());
    }

    private static Task WriteAsync<T>(FormFlowDbContext db, List<object> rows) where T : class => BulkRows.WriteAsync(db, rows.Cast<T>().ToList(), CancellationToken.None);

    /// <summary>Every mapped property of every row, as text with the DateTime kind, in key order.</summary>
    private static async Task<List<string>> TableAsync(FormFlowDbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type)!;
        var rows = await ((IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!)
            .AsNoTracking().ToListAsync();
        return rows.Select(row => string.Join("|", entity.GetProperties().Select(p => p.Name + "=" + p.GetGetter().GetClrValue(row) switch
            {
                null => "null",
                DateTime t => t.ToString("O", CultureInfo.InvariantCulture) + t.Kind,
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            })))
            .Order(StringComparer.Ordinal).ToList();
    }
}

public sealed class SqliteBulkRowsTests() : BulkRowsTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkRowsTests() : BulkRowsTests(DatabaseProvider.Postgres);
