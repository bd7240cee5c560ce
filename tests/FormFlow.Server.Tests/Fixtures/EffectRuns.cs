using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence;
using FormFlow.Server.Effects;
using FormFlow.Server.Members;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Runs an outbox effect handler as the dispatcher does, against a database with one member-to-be and their union.</summary>
internal static class EffectRuns
{
    /// <summary>When every effect run here happens.</summary>
    internal static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>As the dispatcher does: one transaction per attempt, the handler's writes committed with it.</summary>
    internal static async Task RunAsync(TestDatabase database, IEffectHandler handler, Func<FormFlowDbContext, EffectRequest> request)
    {
        await using var db = database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await handler.HandleAsync(request(db), default);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    internal static Func<FormFlowDbContext, EffectRequest> Request(string accountId, int orgId, string key, string kind, JsonObject? payload = null) =>
        db => new EffectRequest(db, long.Parse(key.Split(':')[0]), accountId, orgId, key,
            new OutboxItem(key, kind, key.Split(':')[1], Now, (JsonObject)(payload ?? new JsonObject { ["org"] = orgId.ToString() }).DeepClone()), Now);

    internal static async Task<(string AccountId, int OrgId)> ArrangeAsync(TestDatabase database)
    {
        await using var db = await database.OpenMigratedAsync();
        var org = await OrgUnits.CreateAsync(db, "华兴电子有限公司工会", OrgLevel.Grassroots, null);
        var account = new Account { UserName = "wang.fang", DisplayName = "王小芳" };
        db.Users.Add(account);
        await db.SaveChangesAsync();
        return (account.Id, org.Id);
    }
}
