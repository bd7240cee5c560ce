using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Points;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Statistics;

/// <summary>
/// The figures kept up to date: they equal a recount after a random mix of writes through the real write paths with
/// dispatcher passes cut off midway; the recount repairs a damaged figure; each district sees only its own figures.
/// </summary>
public abstract class FigureTests(CaseServer server)
{
    /// <summary>Operations of the random mix: enough for every kind of change many times over, well under a minute per database.</summary>
    private const int Operations = 300;
    private const int Seed = 2026;

    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task AssertFiguresEqualARecountAsync()
    {
        await using var db = server.OpenDb();
        var recount = await FigureRecount.RecountAsync(db, repair: false);
        Assert.True(recount.DifferenceCount == 0,
            $"{recount.DifferenceCount} figures differ from the recount, e.g. " + string.Join("; ", recount.Differences.Take(10).Select(d => $"{d.Key}: recounted {d.Expected}, stored {d.Stored}")));
    }

    [Fact]
    public async Task The_figures_equal_a_recount_after_a_random_mix_of_writes_with_dispatcher_passes_cut_off_midway()
    {
        var random = new Random(Seed);
        // Sign-in cookies count on the test's clock: sign in again after moving it.
        async Task<(HttpClient, HttpClient[])> SignInAsync() => (await Api.CookieClientAsync(server, "worker"),
            [await Api.CookieClientAsync(server, "reviewer"), await Api.CookieClientAsync(server, "district-admin"), await Api.CookieClientAsync(server, "designer")]);
        var (worker, handlers) = await SignInAsync();
        var joinService = await CaseServer.ServiceIdAsync(worker, "join");
        var workerAccount = await AccountIdAsync("worker");
        var crashes = 0;

        for (var op = 0; op < Operations; op++)
        {
            var roll = random.Next(100);
            if (roll < 30)
            {
                var response = await worker.PostAsJsonAsync($"/api/services/{joinService}/cases", new { data = await CaseServer.JoinDataAsync(worker) });
                Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            }
            else if (roll < 55) await CompleteSomeTaskAsync(random, handlers);
            else if (roll < 62)
            {
                server.Clock.Advance(TimeSpan.FromHours(random.Next(1, 96)));
                (worker, handlers) = await SignInAsync();
            }
            else if (roll < 72) await server.DispatchAsync();
            else if (roll < 78)
            {
                // The pass dies midway: its transaction never commits and its claims stay leased until they expire.
                using var cut = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 30)));
                try { await server.Services.GetRequiredService<FormFlow.Server.Dispatch.CaseDispatcher>().RunOnceAsync(cut.Token); }
                catch (OperationCanceledException) { crashes++; }
            }
            else if (roll < 88) await AwardPointsAsync(random, workerAccount, op);
            else if (roll < 94) await RedeemAsync(random, op);
            else await ParticipateAsync(random, op);
        }
        server.Clock.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 5; i++) await server.DispatchAsync();

        await AssertFiguresEqualARecountAsync();
        await using var db = server.OpenDb();
        var city = await db.OrgUnits.Where(o => o.ParentId == null).Select(o => o.Id).FirstAsync();
        var sums = await db.Figures.Where(f => f.OrgUnitId == city && f.Period >= 2000 && f.Period < 10000).GroupBy(f => f.Measure)
            .Select(g => new { g.Key, Value = g.Sum(f => f.Value) }).ToDictionaryAsync(g => g.Key, g => g.Value);
        foreach (var measure in new[] { FigureMeasures.Received, FigureMeasures.Finished, FigureMeasures.OnTime, FigureMeasures.Late, FigureMeasures.MembersJoined, FigureMeasures.Points, FigureMeasures.Redemptions })
            Assert.True(sums.GetValueOrDefault(measure) > 0, $"the mix produced no '{measure}' ({string.Join(", ", sums.Select(s => $"{s.Key}={s.Value}"))}; {crashes} passes cut off)");
        Assert.Equal(await db.Cases.CountAsync(), sums[FigureMeasures.Received]);
    }

    [Fact]
    public async Task Cases_by_status_follow_each_case_through_its_statuses_and_equal_a_recount()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        async Task<long> DecidedAsync(string? outcome)
        {
            var id = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
            if (outcome is null) return id;
            var task = await CaseServer.InboxTaskAsync(reviewer, id);
            await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
                new { outcome, rowVersion = task["rowVersion"]!.GetValue<long>(), data = new { reason = "材料不全", note = "已处理" } }));
            return id;
        }
        long[] cases = [await DecidedAsync("approve"), await DecidedAsync("reject"), await DecidedAsync("returnForInformation"), await DecidedAsync(null)];
        var resubmitted = await DecidedAsync("returnForInformation");
        Assert.Equal("running", (await CaseServer.ResubmitWithProofAsync(worker, resubmitted))["status"]!.GetValue<string>());
        await server.DispatchAsync();

        await using var db = server.OpenDb();
        Assert.Equal(["finished", "rejected", "waitingForApplicant", "running", "running"],
            await db.Cases.Where(c => cases.Contains(c.Id) || c.Id == resubmitted).OrderBy(c => c.Id).Select(c => c.Status).ToListAsync());
        // Every root's figures by status, all years, against the cases as they stand.
        var roots = db.OrgUnits.Where(o => o.ParentId == null).Select(o => o.Id);
        var kept = await db.Figures.Where(f => roots.Contains(f.OrgUnitId) && f.Measure == FigureMeasures.ByStatus && f.Period >= 2000 && f.Period < 10000)
            .GroupBy(f => f.Key).Select(g => new { g.Key, Value = g.Sum(f => f.Value) }).Where(g => g.Value != 0).ToDictionaryAsync(g => g.Key, g => g.Value);
        var raw = await db.Cases.GroupBy(c => c.Status).Select(g => new { g.Key, Value = (long)g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Value);
        Assert.Equal(raw.OrderBy(r => r.Key, StringComparer.Ordinal), kept.OrderBy(k => k.Key, StringComparer.Ordinal));
        // The Studio's status card reads them from the city's breakdown.
        var city = await db.OrgUnits.Where(o => o.Name == "某市总工会").Select(o => o.Path).SingleAsync();
        var cityCases = await db.Cases.Where(c => db.OrgUnits.Any(o => o.Id == c.OrgUnitId && o.Path.StartsWith(city)))
            .GroupBy(c => c.Status).Select(g => new { g.Key, Value = (long)g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Value);
        var breakdown = await (await Api.CookieClientAsync(server, "designer")).GetFromJsonAsync<FormFlow.Server.Statistics.FigureBreakdown>("/api/stats/figures", System.Text.Json.JsonSerializerOptions.Web);
        Assert.Equal(cityCases.OrderBy(r => r.Key, StringComparer.Ordinal), breakdown!.CasesByStatus.ToDictionary(s => s.Key, s => s.Count).OrderBy(k => k.Key, StringComparer.Ordinal));
        var recount = await FigureRecount.RecountAsync(db, repair: false, new HashSet<string> { FigureMeasures.ByStatus });
        Assert.True(recount.DifferenceCount == 0, string.Join("; ", recount.Differences.Take(10).Select(d => $"{d.Key}: recounted {d.Expected}, stored {d.Stored}")));
        await AssertFiguresEqualARecountAsync();
    }

    [Fact]
    public async Task Steps_deadlines_follow_each_step_as_it_closes_or_changes_and_equal_the_raw_steps_and_a_recount()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        async Task CompleteAsync(HttpClient handler, long caseId)
        {
            var task = await CaseServer.InboxTaskAsync(handler, caseId);
            await Api.JsonAsync(await handler.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        }
        var inTime = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var late = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var shortened = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var escalated = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        await CompleteAsync(reviewer, inTime);
        // A review's due time brought forward while it is open (as a hand-down sets it): its new due time is the one it misses.
        await using (var db = server.OpenDb())
        {
            var review = await db.CaseTasks.SingleAsync(t => t.CaseId == shortened && t.CompletedAt == null);
            review.DueAt = server.Clock.GetUtcNow().UtcDateTime.AddHours(1);
            await db.SaveChangesAsync();
        }
        server.Clock.Advance(TimeSpan.FromDays(2));
        await CompleteAsync(await Api.CookieClientAsync(server, "reviewer"), shortened);
        server.Clock.Advance(TimeSpan.FromDays(28));
        await CompleteAsync(await Api.CookieClientAsync(server, "reviewer"), late);
        // The workflow closes the last review at its deadline (escalation) and opens the street's.
        await server.DispatchAsync();
        await server.DispatchAsync();
        await using (var db = server.OpenDb())
        {
            var reviews = await db.CaseTasks.Where(t => new[] { inTime, late, shortened, escalated }.Contains(t.CaseId) && t.ActivityId == "review")
                .OrderBy(t => t.CaseId).Select(t => t.Outcome).ToListAsync();
            Assert.Equal(["approve", "approve", "approve", FigureRules.EscalateOutcome], reviews);
            await AssertStepDeadlinesEqualTheRawStepsAsync(db);
        }
        // A step the workflow cancelled in time is met (not on time: that measure leaves cancelled steps out).
        var now = server.Clock.GetUtcNow().UtcDateTime;
        await CaseSteps.AddAsync(server, late, now.AddDays(1), now.AddHours(-1), FigureRules.CancelledOutcome);
        // A closed step's due time moved before its closing, then back: late, then met again (through the context: no
        // workflow moves a closed step's due time today, and the on-time figures do not follow it, so it goes back).
        async Task RedateAsync(Func<DateTime?, DateTime?> due)
        {
            await using var db = server.OpenDb();
            var review = await db.CaseTasks.SingleAsync(t => t.CaseId == inTime && t.ActivityId == "review");
            review.DueAt = due(review.DueAt);
            await db.SaveChangesAsync();
            await AssertStepDeadlinesEqualTheRawStepsAsync(db);
        }
        await RedateAsync(d => d!.Value.AddDays(-60));
        await RedateAsync(d => d!.Value.AddDays(60));

        // A case that changes org, module and submission time takes its closed steps along; moved back, in the same save
        // as its open step (the street's review) closing, they are where they began and the new one counts there too.
        var school = await OrgIdAsync("西湖区实验小学工会");
        async Task MoveAsync(long caseId, Func<Case, (int Org, string Module, DateTime Created)> to, bool closeOpenStep)
        {
            await using var db = server.OpenDb();
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            (c.OrgUnitId, c.ModuleKey, c.CreatedAt) = to(c);
            if (closeOpenStep) (await db.CaseTasks.SingleAsync(t => t.CaseId == caseId && t.CompletedAt == null && t.DueAt != null)).CompletedAt = now;
            await db.SaveChangesAsync();
        }
        Case before;
        await using (var db = server.OpenDb()) before = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == escalated);
        await MoveAsync(escalated, c => (school, "join-moved", c.CreatedAt.AddDays(-40)), closeOpenStep: false);
        await using (var db = server.OpenDb())
        {
            Assert.True(await db.Figures.AnyAsync(f => f.OrgUnitId == school && f.Measure == FigureMeasures.StepDeadlines && f.ModuleKey == "join-moved" && f.Value > 0));
            await AssertStepDeadlinesEqualTheRawStepsAsync(db);
        }
        await MoveAsync(escalated, _ => (before.OrgUnitId, before.ModuleKey, before.CreatedAt), closeOpenStep: true);
        await using (var db = server.OpenDb())
        {
            Assert.False(await db.Figures.AnyAsync(f => f.Measure == FigureMeasures.StepDeadlines && f.ModuleKey == "join-moved" && f.Value != 0));
            await AssertStepDeadlinesEqualTheRawStepsAsync(db);
        }
        await AssertFiguresEqualARecountAsync();
    }

    /// <summary>
    /// The roots' figures of steps' deadlines, all years, by module and key, against the steps as they stand (met: closed by
    /// the due time, late: after it); and the measure's recount finds no difference.
    /// </summary>
    private static async Task AssertStepDeadlinesEqualTheRawStepsAsync(FormFlowDbContext db)
    {
        var roots = db.OrgUnits.Where(o => o.ParentId == null).Select(o => o.Id);
        var kept = (await db.Figures.Where(f => roots.Contains(f.OrgUnitId) && f.Measure == FigureMeasures.StepDeadlines && f.Period >= 2000 && f.Period < 10000)
                .GroupBy(f => new { f.ModuleKey, f.Key }).Select(g => new { g.Key.ModuleKey, g.Key.Key, Value = g.Sum(f => f.Value) }).ToListAsync())
            .Where(g => g.Value != 0).ToDictionary(g => $"{g.ModuleKey}/{g.Key}", g => g.Value);
        var raw = (await db.CaseTasks.Where(t => t.DueAt != null && t.CompletedAt != null).Join(db.Cases, t => t.CaseId, c => c.Id, (t, c) => new { c.ModuleKey, t.DueAt, t.CompletedAt })
                .ToListAsync())
            .GroupBy(t => $"{t.ModuleKey}/{(t.CompletedAt <= t.DueAt ? "met" : "late")}").ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(raw.OrderBy(r => r.Key, StringComparer.Ordinal), kept.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.True(raw.ContainsKey("join/met") && raw.ContainsKey("join/late"), string.Join(", ", raw.Keys));
        var recount = await FigureRecount.RecountAsync(db, repair: false, new HashSet<string> { FigureMeasures.StepDeadlines });
        Assert.True(recount.DifferenceCount == 0, string.Join("; ", recount.Differences.Take(10).Select(d => $"{d.Key}: recounted {d.Expected}, stored {d.Stored}")));
    }

    [Fact]
    public async Task A_trend_of_all_time_runs_over_the_months_with_figures_and_an_asked_period_keeps_its_empty_months()
    {
        await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker"));
        var leader = await Api.CookieClientAsync(server, "designer");
        var thisMonth = FigurePeriods.LocalDay(server.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM");
        static long Activity(JsonNode bucket) =>
            new[] { "received", "finished", "membersJoined", "redemptions", "points" }.Sum(m => bucket["figures"]![m]!.GetValue<long>());

        var all = (await Api.JsonAsync(await leader.GetAsync("/api/stats/figures/trend?grain=month")))["buckets"]!.AsArray();
        Assert.InRange(all.Count, 1, 120);
        Assert.True(Activity(all[0]!) > 0, $"the first month {all[0]!["bucket"]} has no figures");
        Assert.Equal(thisMonth, all[^1]!["bucket"]!.GetValue<string>());
        Assert.True(Activity(all[^1]!) > 0, "this month's submission is not in the last bucket");

        var asked = (await Api.JsonAsync(await leader.GetAsync("/api/stats/figures/trend?grain=month&from=2001-01-01&to=2001-12-31")))["buckets"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2001-{m:D2}"), asked.Select(b => b!["bucket"]!.GetValue<string>()));
        Assert.All(asked, b => Assert.Equal(0, Activity(b!)));
    }

    [Fact]
    public async Task Compacting_the_closed_months_writes_their_figures_again_in_read_order_and_changes_no_value()
    {
        // In each of three months, rows of two measures first written on two days (as increments write them: interleaved).
        var workerAccount = await AccountIdAsync("worker");
        for (var month = 0; month < 3; month++)
        {
            await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker"));
            await AwardPointsAsync(new Random(month), workerAccount, 1000 + month);
            server.Clock.Advance(TimeSpan.FromDays(2));
            await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker"));
            server.Clock.Advance(TimeSpan.FromDays(29));
        }
        await using var db = server.OpenDb();
        var today = FigurePeriods.LocalDay(server.Clock.GetUtcNow().UtcDateTime);
        async Task<Dictionary<FigureKey, long>> FiguresAsync() =>
            await db.Figures.AsNoTracking().ToDictionaryAsync(f => new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key), f => f.Value);
        var before = await FiguresAsync();

        var pending = await FigureCompaction.PendingAsync(db, today);
        Assert.True(pending.Count >= 3, $"closed months pending: {string.Join(", ", pending)}");
        Assert.All(pending, month => Assert.True(month < FigurePeriods.Month(today)));
        foreach (var month in pending) await FigureCompaction.CompactAsync(db, month, server.Clock);

        Assert.Equal(before, await FiguresAsync());
        Assert.Empty(await FigureCompaction.PendingAsync(db, today));
        if (db.Database.IsSqlite())
        {
            // Each measure's rows of the month were inserted again in read order: the table's own order is now theirs.
            var last = pending[^1];
            var stored = await db.Figures.FromSqlRaw("""SELECT * FROM "Figures" WHERE "Period" = {0} OR "Period" BETWEEN {1} AND {2} ORDER BY rowid""",
                last, last * 100 + 1, last * 100 + 31).AsNoTracking().Select(f => new { f.Measure, f.Period, f.OrgUnitId, f.ModuleKey, f.Key }).ToListAsync();
            Assert.True(stored.Count > 10, $"{stored.Count} rows in {last}");
            Assert.Equal(stored.OrderBy(f => f.Measure, StringComparer.Ordinal).ThenBy(f => f.Period).ThenBy(f => f.OrgUnitId)
                .ThenBy(f => f.ModuleKey, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal), stored);
        }

        // Later changes add to the rows written again.
        await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker"));
        await AssertFiguresEqualARecountAsync();
    }

    [Fact]
    public async Task The_recount_names_a_figure_damaged_by_hand_and_repairs_it()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        await CaseServer.SubmitJoinAsync(worker);
        var district = await OrgIdAsync("东城区总工会");
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var before = await Api.JsonAsync(await admin.GetAsync($"/api/stats/figures?orgUnitId={district}"));
        await using (var db = server.OpenDb())
        {
            var row = await db.Figures.Where(f => f.OrgUnitId == district && f.Measure == FigureMeasures.Received && f.Period >= 2000 && f.Period < 10000).FirstAsync();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Figures" SET "Value" = "Value" + 5 WHERE "OrgUnitId" = {0} AND "Period" = {1} AND "Measure" = {2} AND "ModuleKey" = {3} AND "Key" = {4}""",
                [row.OrgUnitId, row.Period, row.Measure, row.ModuleKey, row.Key]);
            var damaged = await FigureRecount.RecountAsync(db, repair: false);
            var difference = Assert.Single(damaged.Differences);
            Assert.Equal((district, FigureMeasures.Received, row.Value, row.Value + 5), (difference.Key.OrgUnitId, difference.Key.Measure, difference.Expected, difference.Stored));
            var shown = await Api.JsonAsync(await admin.GetAsync($"/api/stats/figures?orgUnitId={district}"));
            Assert.Equal(before["totals"]!["received"]!.GetValue<long>() + 5, shown["totals"]!["received"]!.GetValue<long>());

            var repaired = await FigureRecount.RecountAsync(db, repair: true);
            Assert.True(repaired.Repaired);
            Assert.Empty((await FigureRecount.RecountAsync(db, repair: false)).Differences);
        }
        var after = await Api.JsonAsync(await admin.GetAsync($"/api/stats/figures?orgUnitId={district}"));
        Assert.Equal(before["totals"]!["received"]!.GetValue<long>(), after["totals"]!["received"]!.GetValue<long>());
    }

    [Fact]
    public async Task Each_district_sees_only_its_own_figures_in_every_view_and_export_and_only_city_roles_see_the_city()
    {
        await TestAccounts.EnsureAsync(server, "xihu-admin", Roles.Admin, "西湖区总工会");
        var dongcheng = await OrgIdAsync("东城区总工会");
        var xihu = await OrgIdAsync("西湖区总工会");
        var city = await OrgIdAsync("某市总工会");
        var east = await Api.CookieClientAsync(server, "district-admin");
        var west = await Api.CookieClientAsync(server, "xihu-admin");
        var cityStaff = await Api.CookieClientAsync(server, "designer");

        var like = (await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker")))["id"]!.GetValue<long>();
        var eastBefore = await Api.JsonAsync(await east.GetAsync("/api/stats/figures"));
        var westBefore = await Api.JsonAsync(await west.GetAsync("/api/stats/figures"));
        await XihuCases.AddAsync(server, like, "XIHU");
        var eastAfter = await Api.JsonAsync(await east.GetAsync("/api/stats/figures"));
        var westAfter = await Api.JsonAsync(await west.GetAsync("/api/stats/figures"));
        var cityNow = await Api.JsonAsync(await cityStaff.GetAsync("/api/stats/figures"));

        // Each district's default is itself; the city above is not named to them, and their numbers are their own.
        Assert.Equal(dongcheng, eastAfter["org"]!["id"]!.GetValue<int>());
        Assert.Equal(xihu, westAfter["org"]!["id"]!.GetValue<int>());
        Assert.Null(eastAfter["parent"]);
        Assert.Null(westAfter["parent"]);
        Assert.Equal(eastBefore["totals"]!.ToJsonString(), eastAfter["totals"]!.ToJsonString());
        Assert.Equal(westBefore["totals"]!["received"]!.GetValue<long>() + 1, westAfter["totals"]!["received"]!.GetValue<long>());
        Assert.Equal(city, cityNow["org"]!["id"]!.GetValue<int>());
        var children = cityNow["children"]!.AsArray().ToDictionary(c => c!["org"]!["id"]!.GetValue<int>(), c => c!["figures"]!["received"]!.GetValue<long>());
        Assert.Equal(eastAfter["totals"]!["received"]!.GetValue<long>(), children[dongcheng]);
        Assert.Equal(westAfter["totals"]!["received"]!.GetValue<long>(), children[xihu]);
        // The city drills down to 西湖区 and back up.
        var drilled = await Api.JsonAsync(await cityStaff.GetAsync($"/api/stats/figures?orgUnitId={xihu}"));
        Assert.Equal(city, drilled["parent"]!["id"]!.GetValue<int>());

        string[] views = ["", "/trend", "/modules", "/compare?otherFrom=2025-01-01&otherTo=2025-12-31", "/ranking", "/heat"];
        foreach (var (client, own, other) in new[] { (east, dongcheng, xihu), (west, xihu, dongcheng) })
        {
            foreach (var view in views)
            {
                var join = view.Contains('?') ? '&' : '?';
                await Api.ProblemAsync(await client.GetAsync($"/api/stats/figures{view}{join}orgUnitId={other}"), HttpStatusCode.NotFound);
                await Api.ProblemAsync(await client.GetAsync($"/api/stats/figures{view}{join}orgUnitId={city}"), HttpStatusCode.NotFound);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/stats/figures{view}{join}orgUnitId={own}")).StatusCode);
            }
            var ranking = await Api.JsonAsync(await client.GetAsync("/api/stats/figures/ranking?level=grassroots&limit=500"));
            await using var db = server.OpenDb();
            var ownPath = await db.OrgUnits.Where(o => o.Id == own).Select(o => o.Path).SingleAsync();
            foreach (var row in ranking["rows"]!.AsArray())
                Assert.StartsWith(ownPath, await db.OrgUnits.Where(o => o.Id == row!["org"]!["id"]!.GetValue<int>()).Select(o => o.Path).SingleAsync());

            var otherName = await db.OrgUnits.Where(o => o.Id == other).Select(o => o.Name).SingleAsync();
            foreach (var view in new[] { "breakdown", "trend", "modules", "ranking", "heat" })
            {
                await Api.ProblemAsync(await client.GetAsync($"/api/stats/figures/export?view={view}&orgUnitId={other}"), HttpStatusCode.NotFound);
                var file = await client.GetAsync($"/api/stats/figures/export?view={view}");
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                using var book = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
                var cells = string.Join("|", book.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().SelectMany(r => r.Values).Select(v => v?.ToString()));
                Assert.DoesNotContain(otherName, cells);
                Assert.DoesNotContain("某市总工会", cells);
            }
        }

        // The breakdown's export carries the same numbers as the view.
        var sheet = await cityStaff.GetAsync("/api/stats/figures/export?view=breakdown");
        using var cityBook = new MemoryStream(await sheet.Content.ReadAsByteArrayAsync());
        var rows = cityBook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var westRow = rows.Single(r => (string)r["单位"] == "西湖区总工会");
        Assert.Equal(children[xihu], Convert.ToInt64(westRow["收件"]));
    }

    [Fact]
    public async Task A_save_counts_at_the_ancestors_its_unit_has_now_after_the_unit_is_added_and_after_another_process_moves_it()
    {
        var like = (await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker")))["id"]!.GetValue<long>();
        var (dongcheng, xihu, city) = (await OrgIdAsync("东城区总工会"), await OrgIdAsync("西湖区总工会"), await OrgIdAsync("某市总工会"));
        var name = $"新设工会{Guid.NewGuid():N}"[..12];
        int unit;
        await using (var db = server.OpenDb())
            unit = (await OrgUnits.CreateAsync(db, name, OrgLevel.Grassroots, await db.OrgUnits.SingleAsync(o => o.Name == "建设街道总工会"))).Id;
        var (east, west, all) = (await ReceivedAsync(dongcheng), await ReceivedAsync(xihu), await ReceivedAsync(city));

        await XihuCases.AddAtAsync(server, like, unit, $"FF-2026-NEW{like}");
        Assert.Equal((east + 1, west, all + 1), (await ReceivedAsync(dongcheng), await ReceivedAsync(xihu), await ReceivedAsync(city)));

        // Moved by another context, as another server process sharing the database would: this server hears nothing of it.
        await using (var other = server.OpenDb())
        {
            await using var transaction = await other.BeginWriteTransactionAsync();
            await OrgUnits.MoveAsync(other, await other.OrgUnits.SingleAsync(o => o.Id == unit), await other.OrgUnits.SingleAsync(o => o.Id == xihu));
            await transaction.CommitAsync();
        }
        await XihuCases.AddAtAsync(server, like, unit, $"FF-2026-MOVED{like}");
        Assert.Equal((east, west + 2, all + 2), (await ReceivedAsync(dongcheng), await ReceivedAsync(xihu), await ReceivedAsync(city)));
        await AssertFiguresEqualARecountAsync();
    }

    [Fact]
    public async Task The_ranking_orders_every_grassroots_union_of_the_city_by_its_stored_figures()
    {
        var like = (await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker")))["id"]!.GetValue<long>();
        await XihuCases.AddAsync(server, like, "XIHU");
        var cityStaff = await Api.CookieClientAsync(server, "designer");
        var city = await OrgIdAsync("某市总工会");
        List<(int Id, long Received)> expected;
        await using (var db = server.OpenDb())
        {
            var units = await db.OrgUnits.Where(o => o.Level == OrgLevel.Grassroots).Select(o => o.Id).ToListAsync();
            var received = new Dictionary<int, long>();
            foreach (var id in units) received[id] = await ReceivedAsync(id);
            expected = received.Select(r => (r.Key, r.Value)).OrderByDescending(r => r.Value).ThenBy(r => r.Key).ToList();
        }
        Assert.True(expected.Select(e => e.Received).Distinct().Count() > 1, "every grassroots union received the same number of cases: the order shows nothing");

        foreach (var (offset, limit) in new[] { (0, 500), (1, 2) })
        {
            var ranking = await Api.JsonAsync(await cityStaff.GetAsync($"/api/stats/figures/ranking?orgUnitId={city}&level=grassroots&sort=received&order=desc&offset={offset}&limit={limit}"));
            Assert.Equal(expected.Count, ranking["total"]!.GetValue<int>());
            Assert.Equal(expected.Skip(offset).Take(limit).ToList(),
                ranking["rows"]!.AsArray().Select(r => (r!["org"]!["id"]!.GetValue<int>(), r["figures"]!["received"]!.GetValue<long>())).ToList());
        }
        var ascending = await Api.JsonAsync(await cityStaff.GetAsync($"/api/stats/figures/ranking?orgUnitId={city}&level=grassroots&sort=received&order=asc&limit=500"));
        Assert.Equal(expected.OrderBy(e => e.Received).ThenBy(e => e.Id).ToList(),
            ascending["rows"]!.AsArray().Select(r => (r!["org"]!["id"]!.GetValue<int>(), r["figures"]!["received"]!.GetValue<long>())).ToList());
    }

    [Fact]
    public async Task The_recount_one_year_at_a_time_rebuilds_every_lost_figure_of_a_case_closed_across_new_year()
    {
        var like = (await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker")))["id"]!.GetValue<long>();
        await using var db = server.OpenDb();
        var source = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == like);
        // Received on 31 December 2024 at 23:00 local time, finished two hours later, on 1 January 2025 local (still 2024 in UTC).
        db.Cases.Add(new Case
        {
            Number = $"FF-2024-NEWYEAR{like}", ServiceActivationId = source.ServiceActivationId, SnapshotHash = source.SnapshotHash, ModuleKey = source.ModuleKey,
            ApplicantAccountId = source.ApplicantAccountId, OrgUnitId = source.OrgUnitId, Status = CaseStatuses.Finished, Data = source.Data, Instance = source.Instance,
            CreatedAt = new DateTime(2024, 12, 31, 15, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2024, 12, 31, 17, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
        var kept = await db.Figures.AsNoTracking().Where(f => f.Value != 0).ToDictionaryAsync(f => new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key), f => f.Value);
        Assert.Contains(kept, f => f.Key.Period == 20241231 && f.Key.Measure == FigureMeasures.Received);
        Assert.Contains(kept, f => f.Key.Period == 20250101 && f.Key.Measure == FigureMeasures.Finished);

        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Figures" """);
        var lost = await FigureRecount.RecountAsync(db, repair: true);
        Assert.Equal(kept.Count, lost.DifferenceCount);
        Assert.True(lost.Repaired);
        var rebuilt = await db.Figures.AsNoTracking().ToDictionaryAsync(f => new FigureKey(f.OrgUnitId, f.Period, f.Measure, f.ModuleKey, f.Key), f => f.Value);
        Assert.Equal(kept.OrderBy(f => f.Key.ToString()).ToList(), rebuilt.OrderBy(f => f.Key.ToString()).ToList());
        Assert.Equal(0, (await FigureRecount.RecountAsync(db, repair: false)).DifferenceCount);
    }

    [Fact]
    public async Task Bad_parameters_are_refused_naming_the_parameter()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        foreach (var (query, parameter) in new[]
                 {
                     ("/api/stats/figures?from=2026-02-30", "from"), ("/api/stats/figures?to=soon", "to"), ("/api/stats/figures?orgUnitId=-1", "orgUnitId"),
                     ("/api/stats/figures/trend?grain=day", "grain"), ("/api/stats/figures/compare", "otherFrom"), ("/api/stats/figures/compare?otherFrom=2026-05-01&otherTo=2026-04-01", "otherFrom"),
                     ("/api/stats/figures/ranking?sort=name", "sort"), ("/api/stats/figures/ranking?order=up", "order"), ("/api/stats/figures/ranking?limit=0", "limit"),
                     ("/api/stats/figures/ranking?offset=-3", "offset"), ("/api/stats/figures/ranking?level=village", "level"), ("/api/stats/figures/heat?minTasks=x", "minTasks"),
                     ("/api/stats/figures/export?view=pie", "view"), ("/api/stats/figures/export", "view"), ("/api/stats/figures?from=1999-12-31", "from"),
                 })
        {
            var problem = await Api.ProblemAsync(await admin.GetAsync(query), HttpStatusCode.BadRequest);
            Assert.Equal(parameter, problem["parameter"]!.GetValue<string>());
        }
        await Api.ProblemAsync(await (await Api.CookieClientAsync(server, "worker")).GetAsync("/api/stats/figures/ranking"), HttpStatusCode.Forbidden);
    }

    private async Task<string> AccountIdAsync(string userName)
    {
        await using var db = server.OpenDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Cases received in the org's subtree, all time, as its stored year rows say.</summary>
    private async Task<long> ReceivedAsync(int orgUnitId)
    {
        await using var db = server.OpenDb();
        return await db.Figures.Where(f => f.OrgUnitId == orgUnitId && f.Measure == FigureMeasures.Received && f.Period >= 2000 && f.Period < 10000).SumAsync(f => f.Value);
    }

    /// <summary>Some open task is completed with one of its outcomes by whichever handler may (a refusal is part of the mix too).</summary>
    private async Task CompleteSomeTaskAsync(Random random, HttpClient[] handlers)
    {
        List<CaseTask> open;
        await using (var db = server.OpenDb())
            open = await db.CaseTasks.AsNoTracking().Where(t => t.CompletedAt == null).OrderBy(t => t.Id).Take(50).ToListAsync();
        if (open.Count == 0) return;
        var task = open[random.Next(open.Count)];
        var outcomes = JsonNode.Parse(task.Outcomes)!.AsArray().Select(o => o!.GetValue<string>()).Where(o => o != "returnForInformation").ToList();
        var outcome = outcomes.Count == 0 ? "done" : outcomes[random.Next(outcomes.Count)];
        foreach (var handler in handlers)
        {
            var response = await handler.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome, rowVersion = task.Version, data = new { reason = "材料不全", note = "已处理" } });
            Assert.True((int)response.StatusCode < 500, await response.Content.ReadAsStringAsync());
            if (response.IsSuccessStatusCode) return;
        }
    }

    private async Task AwardPointsAsync(Random random, string workerAccount, int op)
    {
        await using var db = server.OpenDb();
        await using var transaction = await db.BeginWriteTransactionAsync();
        var caseId = random.Next(2) == 0 ? await db.Cases.OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync() : null;
        await PointsLedger.AwardAsync(db, new PointsAward(workerAccount, random.Next(1, 50), "figureMix", "统计测试", random.Next(2) == 0 ? 60 : null, caseId,
            $"figure-mix-{Seed}-{op}", server.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private async Task RedeemAsync(Random random, int op)
    {
        await using var db = server.OpenDb();
        var entitlements = await db.Entitlements.OrderBy(e => e.Id).Take(20).ToListAsync();
        if (entitlements.Count == 0) return;
        var entitlement = entitlements[random.Next(entitlements.Count)];
        var merchantAccount = random.Next(2) == 0 ? await db.MerchantAccounts.Select(a => a.AccountId).FirstOrDefaultAsync() : null;
        await using var transaction = await db.BeginWriteTransactionAsync();
        var now = server.Clock.GetUtcNow();
        var outcome = await Redemptions.RecordAsync(db, entitlement, new Redemption
        {
            MerchantAccountId = merchantAccount, At = now.UtcDateTime, Period = Quotas.PeriodOf(entitlement.Period, now), IdempotencyKey = $"figure-mix-{Seed}-{op}",
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Assert.NotNull(outcome);
    }

    private async Task ParticipateAsync(Random random, int op)
    {
        await using var db = server.OpenDb();
        var accounts = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        var services = await db.ServiceActivations.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var orgs = await db.OrgUnits.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        db.Participations.Add(new FormFlow.Persistence.Responses.Participation
        {
            ServiceActivationId = services[random.Next(services.Count)], AccountId = accounts[random.Next(accounts.Count)], PeriodKey = $"mix-{op}", OrgUnitId = orgs[random.Next(orgs.Count)],
        });
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteFigureTests(SqliteCaseServer server) : FigureTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresFigureTests(PostgresCaseServer server) : FigureTests(server), IClassFixture<PostgresCaseServer>;
