using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>
/// The recovery pass runs on its own in a running server (real clock, background loops on): a cascade its crashed
/// publisher left behind is finished without anyone asking, soon after the dead process's claim lapsed.
/// </summary>
public abstract class CascadeRecoveryServiceTests(ServerFixture server)
{
    [Fact]
    public async Task The_server_finishes_a_cascade_a_crashed_publisher_left_behind_on_its_own()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var city = await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "某市总工会");
        await ModuleLibraryApi.DraftTemplateAsync(designer, city, "2.0.0",
            p => p["settings"]!["lawyerDeadlineDays"]!["label"]!["zh-CN"] = "区总工会律师答复期限（工作日，不含受理当日）");
        await CrashedCascades.PublishAndCrashAsync(server, city, "designer");
        Assert.True((bool)(await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "东城区总工会"))["upgradeAvailable"]!);

        await CrashedCascades.LeaveAsCrashedAsync(server, city, DateTime.UtcNow);
        await DurableServer.WaitUntilAsync(async () =>
            (string?)(await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "东城区总工会"))["latestVersion"] == "2",
            TimeSpan.FromSeconds(30), () => Task.FromResult("the district was not upgraded"));
        Assert.False((bool)(await ModuleLibraryApi.FindAsync(designer, "legal-consultation", "东城区总工会"))["upgradeAvailable"]!);
        await using var db = server.OpenDb();
        await DurableServer.WaitUntilAsync(async () => Assert.Single(await CrashedCascades.CascadesAsync(db, city)).DoneAt is not null,
            TimeSpan.FromSeconds(10), () => Task.FromResult("the cascade was not marked done"));
    }
}

public sealed class SqliteCascadeRecoveryServiceTests(SqliteServer server) : CascadeRecoveryServiceTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresCascadeRecoveryServiceTests(PostgresServer server) : CascadeRecoveryServiceTests(server), IClassFixture<PostgresServer>;
