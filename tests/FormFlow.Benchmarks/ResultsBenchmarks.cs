using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FormFlow.Cli;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Server.Privacy;
using FormFlow.Server.Responses;
using FormFlow.Server.Services;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FormFlow.Benchmarks;

/// <summary>
/// The results of a survey as <c>GET /api/services/{id}/results</c> builds them for its organiser (an admin at the
/// service's org: totals, per-question counts, means and medians, the latest texts, the breakdown by 20 district
/// unions, turnout), through the server's <see cref="ResultsReport"/> on a fresh context per call, plus the JSON.
/// Target: ≤ 50 ms for 1,000,000 answers to 20 questions on SQLite and on PostgreSQL.
/// Baseline: the same survey with 1,000 answers, so the ratio shows that the cost does not grow with the answers.
/// The data comes from `formflow responses generate` (run here in GlobalSetup; a finished service is reused, so only
/// the first run pays the minutes of generating): SQLite in <c>$FORMFLOW_BENCH_DATA</c> (default
/// <c>/tmp/formflow-bench</c>), PostgreSQL in the database <c>formflow_bench</c> on the server of
/// <c>$FORMFLOW_TEST_POSTGRES</c> (without it PostgreSQL is skipped, saying so).
/// Run: dotnet run -c Release --project tests/FormFlow.Benchmarks -- --filter '*ResultsBenchmarks*'
/// </summary>
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ResultsBenchmarks
{
    private DatabaseSettings _settings = null!;
    private readonly SnapshotCatalog _snapshots = new();
    private readonly PiiProtector _pii = new(new EphemeralDataProtectionProvider());
    private Account _organiser = null!;
    private ServiceEntry _million = null!;
    private ServiceEntry _thousand = null!;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    public static IEnumerable<string> Databases()
    {
        yield return "sqlite";
        if (Environment.GetEnvironmentVariable("FORMFLOW_TEST_POSTGRES") is { Length: > 0 }) yield return "postgres";
        else Console.Error.WriteLine("ResultsBenchmarks: FORMFLOW_TEST_POSTGRES is not set, so PostgreSQL is skipped (set it to a server where database formflow_bench may be created)");
    }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _settings = Database == "postgres"
            ? new DatabaseSettings(DatabaseProvider.Postgres,
                new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("FORMFLOW_TEST_POSTGRES")) { Database = "formflow_bench" }.ConnectionString)
            : DatabaseSettings.Resolve(DatabaseProvider.Sqlite, null,
                Directory.CreateDirectory(Environment.GetEnvironmentVariable("FORMFLOW_BENCH_DATA") is { Length: > 0 } folder ? folder : "/tmp/formflow-bench").FullName);
        await using var db = FormFlowDatabase.CreateContext(_settings);
        var generator = new ResponseGenerator(db, TimeProvider.System);
        var million = await generator.GenerateAsync(1_000_000, 20, 20, 1, default);
        Console.Error.WriteLine($"ResultsBenchmarks: {Database} service {million.ServiceId}, {million.Answers} answers, {million.Tallies} tally rows ({(million.Reused ? "reused" : $"generated in {million.Seconds:F0} s")})");
        var thousand = await generator.GenerateAsync(1_000, 20, 20, 1, default);
        var root = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == million.OrgUnitId);
        _organiser = new Account { UserName = "bench-admin" };
        _organiser.Roles.Add(new RoleAssignment { AccountId = _organiser.Id, Role = Roles.Admin, OrgUnitId = root.Id, OrgUnit = root });
        _million = new ServiceEntry(await db.ServiceActivations.AsNoTracking().SingleAsync(a => a.Id == million.ServiceId), root);
        _thousand = new ServiceEntry(await db.ServiceActivations.AsNoTracking().SingleAsync(a => a.Id == thousand.ServiceId), root);
        if (await Results(_million) is var view && view.Length == 0) throw new InvalidOperationException("no results");
    }

    [Benchmark(Description = "results, 1,000,000 answers")]
    public Task<byte[]> Million() => Results(_million);

    [Benchmark(Baseline = true, Description = "results, 1,000 answers")]
    public Task<byte[]> Thousand() => Results(_thousand);

    private async Task<byte[]> Results(ServiceEntry service)
    {
        await using var db = FormFlowDatabase.CreateContext(_settings);
        var answer = await new ResultsReport(db, _snapshots, TimeProvider.System, _pii).ForAsync(_organiser, service, default);
        return answer.Result is Ok<ResultsView> ok
            ? JsonSerializer.SerializeToUtf8Bytes(ok.Value, JsonSerializerOptions.Web)
            : throw new InvalidOperationException($"results of service {service.Activation.Id} refused: {answer.Result}");
    }
}
