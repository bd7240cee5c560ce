using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Cli;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Dispatch;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Demo;

/// <summary>
/// `formflow db generate`: a small city (2,000 members, 40 grassroots unions, one year, five times the plan's case
/// rate) generated twice with one seed into two empty databases of the provider. The tree has its levels, every
/// module with a human step has cases in several states, the same seed gives the same rows, progress is printed, bad
/// options and a non-empty database are refused naming why, and the real server, opened on the generated database,
/// lets a generated case's handlers carry it to its end through the API.
/// </summary>
public abstract class CityGenerationTests(DatabaseProvider provider, GeneratedCity city)
{
    [Fact]
    public async Task A_small_city_has_a_city_two_districts_streets_and_the_grassroots_asked_for_with_the_demo_accounts_in_place()
    {
        Assert.True(city.Exit == ExitCodes.Ok, city.Errors);
        await using var db = city.Database.Open();
        var levels = await db.OrgUnits.GroupBy(o => o.Level).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(1, levels[OrgLevel.City]);
        Assert.Equal(2, levels[OrgLevel.District]);
        Assert.Equal(4, levels[OrgLevel.Street]);
        Assert.Equal(40, levels[OrgLevel.Grassroots]);
        Assert.True(await db.Members.CountAsync() >= 2_000);
        Assert.Equal(40, await db.RoleAssignments.Where(r => r.Role == "worker").Select(r => r.OrgUnitId).Distinct().CountAsync());

        var roles = await db.RoleAssignments.Include(r => r.Account).Include(r => r.OrgUnit)
            .Where(r => new[] { "designer", "district-admin", "reviewer", "worker" }.Contains(r.Account!.UserName!))
            .ToDictionaryAsync(r => r.Account!.UserName!, r => (r.Role, r.OrgUnit!.Name, r.OrgUnit.Level));
        Assert.Equal(("designer", "某市总工会", OrgLevel.City), roles["designer"]);
        Assert.Equal(("admin", "东城区总工会", OrgLevel.District), roles["district-admin"]);
        Assert.Equal(("reviewer", "华兴电子有限公司工会", OrgLevel.Grassroots), roles["reviewer"]);
        Assert.Equal(("worker", "华兴电子有限公司工会", OrgLevel.Grassroots), roles["worker"]);
        // Every shipped template runs at the city.
        var shipped = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "module-templates")).Count(d => File.Exists(Path.Combine(d, "module.json")));
        Assert.Equal(shipped, await db.ServiceActivations.CountAsync(a => a.OrgUnitId == city.Output["demoAccounts"]!["city"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_generated_citys_figures_equal_a_recount_of_its_rows()
    {
        Assert.True(city.Exit == ExitCodes.Ok, city.Errors);
        await using var db = city.Database.Open();
        var recount = await FormFlow.Persistence.Statistics.FigureRecount.RecountAsync(db, repair: false);
        Assert.Empty(recount.Differences);
        Assert.True(recount.StoredRows > 0);
        var cityId = city.Output["demoAccounts"]!["city"]!.GetValue<int>();
        Assert.Equal(city.Cases, await db.Figures.Where(f => f.OrgUnitId == cityId && f.Period >= 2000 && f.Period <= 2100 && f.Measure == FigureMeasures.Received).SumAsync(f => f.Value));
        // The steps' deadlines (written by the fill, as the recount counts them) are the city's closed steps with a due time.
        var steps = await db.CaseTasks.Where(t => t.DueAt != null && t.CompletedAt != null).Select(t => new { t.DueAt, t.CompletedAt }).ToListAsync();
        var deadlines = await db.Figures.Where(f => f.OrgUnitId == cityId && f.Period >= 2000 && f.Period <= 2100 && f.Measure == FigureMeasures.StepDeadlines)
            .GroupBy(f => f.Key).Select(g => new { g.Key, Value = g.Sum(f => f.Value) }).ToDictionaryAsync(g => g.Key, g => g.Value);
        Assert.Equal(((long)steps.Count(t => t.CompletedAt <= t.DueAt), (long)steps.Count(t => t.CompletedAt > t.DueAt)), (deadlines.GetValueOrDefault(FigureRules.DeadlineMet), deadlines.GetValueOrDefault(FigureRules.DeadlineLate)));
        Assert.True(deadlines.GetValueOrDefault(FigureRules.DeadlineLate) > 0, "the city has no late step");
    }

    [Fact]
    public void The_generated_figures_of_a_year_lie_in_the_order_the_dashboards_read_them()
    {
        Assert.True(city.Exit == ExitCodes.Ok, city.Errors);
        if (provider != DatabaseProvider.Sqlite) return; // PostgreSQL's heap has no row order to ask for; SQLite's rowid is the order of writing.
        var written = city.BusiestYearAsWritten;
        Assert.True(written.Count > 1000, $"{written.Count} rows");
        Assert.Equal(written.OrderBy(f => f.Period).ThenBy(f => f.Measure, StringComparer.Ordinal).ThenBy(f => f.OrgUnitId)
            .ThenBy(f => f.ModuleKey, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal), written);
    }

    [Fact]
    public async Task Every_module_with_a_human_step_has_cases_finished_and_waiting_and_some_are_rejected_late_escalated_or_offline()
    {
        Assert.True(city.Exit == ExitCodes.Ok, city.Errors);
        await using var db = city.Database.Open();
        var states = (await db.Cases.Select(c => new { c.ModuleKey, c.Status }).Distinct().ToListAsync())
            .GroupBy(c => c.ModuleKey).ToDictionary(g => g.Key, g => g.Select(c => c.Status).ToHashSet());
        foreach (var module in new[] { "benefits", "ideas", "join", "legal-consultation", "notice", "qa" })
        {
            Assert.Contains(CaseStatuses.Finished, states[module]);
            Assert.True(states[module].Count >= 2, $"{module}: only {string.Join(", ", states[module])}");
        }
        Assert.Contains(CaseStatuses.Finished, states["directory"]);
        var all = states.Values.SelectMany(s => s).ToHashSet();
        Assert.Superset(new HashSet<string> { CaseStatuses.Finished, CaseStatuses.Rejected, CaseStatuses.Running, CaseStatuses.WaitingForApplicant }, all);

        var until = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        // Closed cases carry the closing time the save stamps (the generator streams them past the save).
        Assert.False(await db.Cases.AnyAsync(c => (c.Status == CaseStatuses.Finished || c.Status == CaseStatuses.Rejected) && c.ClosedAt == null), "a closed case has no ClosedAt");
        Assert.True(await db.CaseTasks.AnyAsync(t => t.Outcome == "escalate"), "no task was escalated");
        Assert.True(await db.CaseTasks.AnyAsync(t => t.Kind == "offlineHandling" && t.CompletedAt != null), "no case was handled offline");
        Assert.True(await db.CaseTasks.AnyAsync(t => t.CompletedAt == null && t.DueAt < until), "no open task is late");
        Assert.True(await db.CaseTasks.AnyAsync(t => t.CompletedAt > t.DueAt), "no task was completed late");
        // Every effect of a generated case was carried out, so the dispatcher of a server started on it has nothing to redo.
        Assert.False(await db.Outbox.AnyAsync(o => o.DoneAt == null));
        Assert.True(await db.Redemptions.AnyAsync(r => r.CaseId != null) && await db.Redemptions.AnyAsync(r => r.MerchantAccountId != null));
        Assert.True(await db.PointsEntries.AnyAsync() && await db.Responses.AnyAsync() && await db.BallotPiles.SumAsync(p => p.Count) > 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_progress_is_printed()
    {
        Assert.True(city.Exit == ExitCodes.Ok, city.Errors);
        Assert.Equal(city.Fingerprint, city.SecondFingerprint);
        Assert.Contains("cases to walk", city.Errors);
        Assert.Contains("member accounts 2,000/2,000", city.Errors);
        Assert.Matches(@"\[\d\d:\d\d\] cases \d[\d,]*/\d[\d,]*", city.Errors);
        Assert.Contains("done in", city.Errors);
        Assert.Equal(city.Output["rows"]!["Cases"]!.GetValue<long>(), city.Cases);
    }

    [Theory]
    [InlineData("--members", "0", "--members must be between 1")]
    [InlineData("--orgs", "0", "--orgs (grassroots unions) must be between 1")]
    [InlineData("--years", "11", "--years must be between 1 and 10")]
    [InlineData("--until", "1.12.2026", "--until must be a date as yyyy-MM-dd")]
    [InlineData("--case-rate", "-1", "--case-rate must be between 0 and 100")]
    public async Task A_bad_option_is_refused_naming_it_and_writes_nothing(string option, string value, string message)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var args = new List<string> { "db", "generate", "--provider", provider.ToString().ToLowerInvariant(), "--connection", database.Settings.ConnectionString,
            "--members", "100", "--orgs", "5" };
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value; else args.AddRange([option, value]);
        var (code, _, errors) = CliRun.Of([.. args]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(message, errors);
        await using var db = await database.OpenMigratedAsync();
        Assert.False(await db.OrgUnits.AnyAsync());
    }

    [Fact]
    public async Task A_database_with_org_units_is_refused_saying_so_unless_append_is_passed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.OpenMigratedAsync())
            await OrgUnits.CreateAsync(db, "已有总工会", OrgLevel.City, null);
        string[] args = ["db", "generate", "--provider", provider.ToString().ToLowerInvariant(), "--connection", database.Settings.ConnectionString,
            "--members", "60", "--orgs", "6", "--until", "2026-12-01"];
        var (code, _, errors) = CliRun.Of(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("already holds 1 org unit(s)", errors);
        Assert.Contains("--append", errors);
        await using (var db = database.Open()) Assert.Equal(1, await db.OrgUnits.CountAsync());

        var (appended, output, appendErrors) = CliRun.Of([.. args, "--append"]);
        Assert.True(appended == ExitCodes.Ok, appendErrors);
        await using (var db = database.Open())
        {
            Assert.Equal(2, await db.OrgUnits.CountAsync(o => o.ParentId == null));
            Assert.Equal(output["rows"]!["Cases"]!.GetValue<long>(), await db.Cases.CountAsync());
        }
    }

    [Fact]
    public async Task The_server_opened_on_the_generated_database_lets_the_handlers_carry_a_generated_waiting_join_case_to_its_end()
    {
        Assert.True(city.Exit == ExitCodes.Ok, city.Errors);
        // The dispatcher runs only when the test says: the city ends before today, so deadlines of waiting cases come
        // due as the server starts, and a background pass escalating the very task being completed made this flaky.
        await using var server = await ServerFixture.StartOnAsync(city.Database, new Dictionary<string, string?> { ["Dispatcher:Enabled"] = "false" });
        async Task DispatchAllAsync()
        {
            for (var pass = 0; pass < 50 && await server.Services.GetRequiredService<CaseDispatcher>().RunOnceAsync(CancellationToken.None) > 0; pass++) { }
        }
        await DispatchAllAsync();
        long caseId;
        await using (var db = server.OpenDb())
            caseId = await db.CaseTasks.Where(t => t.CompletedAt == null && t.ActivityId == "review" && t.Kind == "userTask")
                .Join(db.Cases.Where(c => c.ModuleKey == "join" && c.Status == CaseStatuses.Running), t => t.CaseId, c => c.Id, (t, c) => c.Id)
                .OrderBy(id => id).FirstAsync();

        for (var step = 0; step < 10; step++)
        {
            CaseTask? open;
            await using (var db = server.OpenDb())
                open = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId && t.CompletedAt == null).OrderBy(t => t.Id).FirstOrDefaultAsync();
            if (open is null) break;
            // Each generated unit has a staff account (staff-<id>, the demo password) holding the roles its steps go to.
            var handler = await Api.CookieClientAsync(server, $"staff-{open.OrgUnitId}");
            var completed = await handler.PostAsJsonAsync($"/api/tasks/{open.Id}/complete", new { outcome = "approve" });
            Assert.True(completed.StatusCode == HttpStatusCode.OK, $"{open.ActivityId}: {await completed.Content.ReadAsStringAsync()}");
            await DispatchAllAsync();
        }
        await using (var db = server.OpenDb())
        {
            var done = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
            Assert.Equal(CaseStatuses.Finished, done.Status);
            Assert.Equal("joined", (string?)JsonNode.Parse(done.Instance)!["variables"]!["outcome"]);
            Assert.All(await db.CaseTasks.Where(t => t.CaseId == caseId).ToListAsync(), t => Assert.NotNull(t.CompletedAt));
        }
    }
}

/// <summary>The small city of <see cref="CityGenerationTests"/>, generated once per provider (and a second time with the same seed, for the fingerprint).</summary>
public abstract class GeneratedCity(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public int Exit { get; private set; }
    public JsonObject Output { get; private set; } = [];
    public string Errors { get; private set; } = "";
    public string Fingerprint { get; private set; } = "";
    public string SecondFingerprint { get; private set; } = "";
    public long Cases { get; private set; }
    /// <summary>SQLite: the figures of the year with the most, in the order they were written (as generated: the tests that handle cases add rows later).</summary>
    public List<Figure> BusiestYearAsWritten { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        (Exit, Output, Errors) = CliRun.Of(Args(Database));
        if (Exit != ExitCodes.Ok) return;
        await using (var db = Database.Open())
        {
            Fingerprint = await FingerprintAsync(db);
            Cases = await db.Cases.CountAsync();
            if (provider == DatabaseProvider.Sqlite) BusiestYearAsWritten = await BusiestYearAsWrittenAsync(db);
        }
        await using var second = await TestDatabase.CreateAsync(provider);
        var (exit, _, errors) = CliRun.Of(Args(second));
        if (exit != ExitCodes.Ok) throw new InvalidOperationException(errors);
        await using var again = second.Open();
        SecondFingerprint = await FingerprintAsync(again);
    }

    private static async Task<List<Figure>> BusiestYearAsWrittenAsync(FormFlowDbContext db)
    {
        var year = await db.Figures.Where(f => f.Period >= 2000 && f.Period <= 2100).GroupBy(f => f.Period).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        return await db.Figures.FromSqlRaw("""SELECT * FROM "Figures" WHERE "Period" = {0} OR "Period" BETWEEN {1} AND {2} OR "Period" BETWEEN {3} AND {4} ORDER BY rowid""",
            year, year * 100 + 1, year * 100 + 12, year * 10000 + 101, year * 10000 + 1231).AsNoTracking().ToListAsync();
    }

    private string[] Args(TestDatabase database) =>
        ["db", "generate", "--provider", provider.ToString().ToLowerInvariant(), "--connection", database.Settings.ConnectionString,
         "--members", "2000", "--orgs", "40", "--years", "1", "--seed", "11", "--until", "2026-12-01", "--case-rate", "5"];

    /// <summary>A hash of the generated rows (the password hash aside: its salt is random by design).</summary>
    private static async Task<string> FingerprintAsync(FormFlowDbContext db)
    {
        var text = new StringBuilder();
        void Add<T>(IEnumerable<T> rows) => text.AppendLine(JsonSerializer.Serialize(rows));
        Add(await db.OrgUnits.OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.Level, o.Path }).ToListAsync());
        Add(await db.Users.OrderBy(a => a.UserName).Select(a => new { a.Id, a.UserName, a.DisplayName, a.SecurityStamp, a.PhoneNumber }).ToListAsync());
        Add(await db.RoleAssignments.OrderBy(r => r.Id).Select(r => new { r.AccountId, r.Role, r.OrgUnitId }).ToListAsync());
        Add(await db.Cases.OrderBy(c => c.Id).ToListAsync());
        Add(await db.CaseTasks.OrderBy(t => t.Id).ToListAsync());
        Add(await db.CaseTimers.OrderBy(t => t.Id).ToListAsync());
        Add(await db.Outbox.OrderBy(o => o.Id).Select(o => new { o.CaseId, o.Key, o.Kind, o.Payload, o.DoneAt }).ToListAsync());
        Add(await db.Members.OrderBy(m => m.Id).Select(m => new { m.Id, m.AccountId, m.MemberNumber, m.OrgUnitId, m.Since, m.CaseId }).ToListAsync());
        Add(await db.Entitlements.OrderBy(e => e.Id).Select(e => new { e.Id, e.MemberId, e.BenefitId, e.CurrentPeriod, e.UsedInPeriod }).ToListAsync());
        Add(await db.Redemptions.OrderBy(r => r.Id).Select(r => new { r.EntitlementId, r.MerchantAccountId, r.At, r.Period, r.CaseId, r.IdempotencyKey }).ToListAsync());
        Add(await db.PointsEntries.OrderBy(p => p.Id).Select(p => new { p.AccountId, p.Points, p.CaseId, p.AwardedAt }).ToListAsync());
        Add(await db.Responses.OrderBy(r => r.Id).Select(r => new { r.AccountId, r.OrgUnitId, r.Data, r.SubmittedAt }).ToListAsync());
        Add(await db.BallotPiles.OrderBy(p => p.Answer).Select(p => new { p.Answer, p.Count }).ToListAsync());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqliteGeneratedCity() : GeneratedCity(DatabaseProvider.Sqlite);

public sealed class PostgresGeneratedCity() : GeneratedCity(DatabaseProvider.Postgres);

public sealed class SqliteCityGenerationTests(SqliteGeneratedCity city) : CityGenerationTests(DatabaseProvider.Sqlite, city), IClassFixture<SqliteGeneratedCity>;

public sealed class PostgresCityGenerationTests(PostgresGeneratedCity city) : CityGenerationTests(DatabaseProvider.Postgres, city), IClassFixture<PostgresGeneratedCity>;
