using FormFlow.Persistence.Modules;
using FormFlow.Persistence;
using FormFlow.Server.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Upgrade cascades as a crashed publisher leaves them, and one background recovery pass over them.</summary>
internal static class CrashedCascades
{
    internal const string DeadProcess = "crashed-host:4242:0123456789abcdef";

    /// <summary>One background recovery pass; how many cascades it finished.</summary>
    internal static Task<int> RecoverAsync(CaseServer server) => server.Services.GetRequiredService<CascadeRecovery>().RunOnceAsync(CancellationToken.None);

    /// <summary>What a publish commits before its cascade runs, by a process that then dies: the version and its cascade, claimed by that process.</summary>
    internal static async Task PublishAndCrashAsync(ServerFixture server, JsonObject template, string by)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var module = (await ModuleLibrary.FindAsync(db, template["id"]!.GetValue<int>(), CancellationToken.None))!;
        var owner = await db.OrgUnits.SingleAsync(o => o.Id == module.OwnerOrgUnitId);
        await server.Services.GetRequiredService<CascadeRunner>().PublishAsync(db, module, owner, by, DeadProcess, CancellationToken.None);
    }

    /// <summary>
    /// The module's last cascade as a crash between two of its steps leaves it: not done, claimed by a process that
    /// died, whose lease has lapsed.
    /// </summary>
    internal static async Task LeaveAsCrashedAsync(ServerFixture server, JsonObject module, DateTime now)
    {
        await using var db = server.OpenDb();
        var id = module["id"]!.GetValue<int>();
        var cascade = await db.ModuleCascades.Where(c => c.ModuleRecordId == id).OrderByDescending(c => c.Id).FirstAsync();
        var lapsed = now - TimeSpan.FromSeconds(1);
        await db.ModuleCascades.Where(c => c.Id == cascade.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DoneAt, (DateTime?)null).SetProperty(c => c.ClaimedBy, DeadProcess).SetProperty(c => c.ClaimedUntil, lapsed));
    }

    internal static async Task<List<ModuleCascade>> CascadesAsync(FormFlowDbContext db, JsonObject module)
    {
        var id = module["id"]!.GetValue<int>();
        return await db.ModuleCascades.AsNoTracking().Where(c => c.ModuleRecordId == id).ToListAsync();
    }
}
