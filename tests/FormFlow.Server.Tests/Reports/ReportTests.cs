using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Reports;

/// <summary>
/// Reports of one's own: a leader saves a report built from the figures, runs it, exports it and gets it by schedule;
/// each district sees only its own numbers, city totals only city roles, and a narrowed role runs with its scope now.
/// </summary>
public abstract class ReportTests(CaseServer server)
{
    private const string Reports = "/api/stats/reports";

    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static async Task<JsonObject> SaveAsync(HttpClient client, object definition)
    {
        var response = await client.PostAsJsonAsync(Reports, definition);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> TableAsync(HttpClient client, JsonObject report) =>
        await Api.JsonAsync(await client.GetAsync($"{Reports}/{report["id"]}/table"));

    private static async Task<List<IDictionary<string, object>>> SheetAsync(HttpClient client, JsonObject report)
    {
        var response = await client.GetAsync($"{Reports}/{report["id"]}/export");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return book.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    private static long Total(JsonObject table, int measure) => (long)table["totals"]![measure]!.GetValue<double>();

    [Fact]
    public async Task A_leader_saves_a_report_runs_it_and_exports_it_with_the_figures_numbers()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        await CaseServer.SubmitJoinAsync(worker);
        await CaseServer.SubmitJoinAsync(worker);
        var leader = await Api.CookieClientAsync(server, "district-admin");
        var figures = await Api.JsonAsync(await leader.GetAsync("/api/stats/figures"));
        var ranking = await Api.JsonAsync(await leader.GetAsync("/api/stats/figures/ranking?level=grassroots&limit=500"));

        var saved = await SaveAsync(leader, new { name = "各基层工会收件", measures = new[] { "received", "membersJoined", "onTimeRate" }, dimensions = new[] { "org" }, orgLevel = "grassroots" });
        Assert.Equal(["received", "membersJoined", "onTimeRate"], saved["measures"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains(saved["id"]!.GetValue<long>(), (await leader.GetFromJsonAsync<JsonArray>(Reports))!.Select(r => r!["id"]!.GetValue<long>()));

        var table = await TableAsync(leader, saved);
        Assert.Equal(["单位", "收件", "新入会", "按期率"], table["columns"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal(figures["totals"]!["received"]!.GetValue<long>(), Total(table, 0));
        Assert.True(Total(table, 0) >= 2);
        var rows = table["rows"]!.AsArray().ToDictionary(r => r!["labels"]![0]!.GetValue<string>(), r => (long)r!["values"]![0]!.GetValue<double>());
        var ranked = ranking["rows"]!.AsArray().ToDictionary(r => r!["org"]!["name"]!.GetValue<string>(), r => r!["figures"]!["received"]!.GetValue<long>());
        Assert.Equal(ranked.OrderBy(r => r.Key), rows.OrderBy(r => r.Key));
        Assert.Contains(rows, r => r.Value > 0);

        // By month: the months add up to the totals.
        var monthly = await SaveAsync(leader, new { name = "按月", measures = new[] { "received" }, dimensions = new[] { "month" }, from = "2026-01-01", to = "2026-06-30" });
        var months = await TableAsync(leader, monthly);
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], months["rows"]!.AsArray().Select(r => r!["labels"]![0]!.GetValue<string>()));
        Assert.Equal(Total(months, 0), months["rows"]!.AsArray().Sum(r => (long)r!["values"]![0]!.GetValue<double>()));
        Assert.True(Total(months, 0) >= 2);

        // The Excel carries the same rows and the totals.
        var sheet = await SheetAsync(leader, saved);
        Assert.Equal(rows.Count + 1, sheet.Count);
        foreach (var (name, received) in rows) Assert.Equal(received, Convert.ToInt64(sheet.Single(r => (string)r["单位"] == name)["收件"]));
        Assert.Equal(Total(table, 0), Convert.ToInt64(sheet.Single(r => (string)r["单位"] == "合计")["收件"]));

        // Changed and deleted by its owner.
        var changed = await leader.PutAsJsonAsync($"{Reports}/{saved["id"]}", new { name = "改名", measures = new[] { "finished" } });
        Assert.Equal("改名", (await Api.JsonAsync(changed))["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await leader.DeleteAsync($"{Reports}/{saved["id"]}")).StatusCode);
        await Api.ProblemAsync(await leader.GetAsync($"{Reports}/{saved["id"]}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_district_sees_only_its_own_numbers_and_city_totals_appear_only_for_city_roles()
    {
        await TestAccounts.EnsureAsync(server, "xihu-leader", Roles.Admin, "西湖区总工会");
        await TestAccounts.EnsureAsync(server, "narrowed-leader", Roles.Admin, "某市总工会");
        var dongcheng = await OrgIdAsync("东城区总工会");
        var xihu = await OrgIdAsync("西湖区总工会");
        var city = await OrgIdAsync("某市总工会");
        var like = (await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker")))["id"]!.GetValue<long>();
        await XihuCases.AddAsync(server, like, "RPT");
        var east = await Api.CookieClientAsync(server, "district-admin");
        var west = await Api.CookieClientAsync(server, "xihu-leader");
        var cityStaff = await Api.CookieClientAsync(server, "designer");
        var byDistrict = new { name = "各区", measures = new[] { "received" }, dimensions = new[] { "org" }, orgLevel = "district" };

        var eastFigures = (await Api.JsonAsync(await east.GetAsync("/api/stats/figures")))["totals"]!["received"]!.GetValue<long>();
        var westFigures = (await Api.JsonAsync(await west.GetAsync("/api/stats/figures")))["totals"]!["received"]!.GetValue<long>();
        var cityFigures = (await Api.JsonAsync(await cityStaff.GetAsync("/api/stats/figures")))["totals"]!["received"]!.GetValue<long>();
        Assert.True(eastFigures > 0 && westFigures > 0);
        Assert.True(cityFigures >= eastFigures + westFigures);

        // Each district: its own unit only, its own totals.
        var eastTable = await TableAsync(east, await SaveAsync(east, byDistrict));
        var westReport = await SaveAsync(west, byDistrict);
        var westTable = await TableAsync(west, westReport);
        Assert.Equal(["东城区总工会"], eastTable["rows"]!.AsArray().Select(r => r!["labels"]![0]!.GetValue<string>()));
        Assert.Equal(["西湖区总工会"], westTable["rows"]!.AsArray().Select(r => r!["labels"]![0]!.GetValue<string>()));
        Assert.Equal(eastFigures, Total(eastTable, 0));
        Assert.Equal(westFigures, Total(westTable, 0));

        // Nothing of another district or the city can be saved, previewed or reached, and a refusal saves nothing.
        int before;
        await using (var db = server.OpenDb()) before = await db.SavedReports.CountAsync();
        foreach (var (client, other) in new[] { (east, xihu), (west, dongcheng), (east, city), (west, city) })
        {
            var problem = await Api.ProblemAsync(await client.PostAsJsonAsync(Reports, new { name = "越界", measures = new[] { "received" }, orgUnitId = other }), HttpStatusCode.NotFound);
            Assert.Equal("orgUnitId", problem["field"]!.GetValue<string>());
            await Api.ProblemAsync(await client.PostAsJsonAsync($"{Reports}/preview", new { name = "越界", measures = new[] { "received" }, orgUnitId = other }), HttpStatusCode.NotFound);
        }
        foreach (var path in new[] { "", "/table", "/export" })
            await Api.ProblemAsync(await east.GetAsync($"{Reports}/{westReport["id"]}{path}"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await east.PutAsJsonAsync($"{Reports}/{westReport["id"]}", byDistrict), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await east.DeleteAsync($"{Reports}/{westReport["id"]}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await east.GetFromJsonAsync<JsonArray>(Reports))!, r => r!["id"]!.GetValue<long>() == westReport["id"]!.GetValue<long>());
        await using (var db = server.OpenDb())
        {
            Assert.Equal(before, await db.SavedReports.CountAsync());
            Assert.Equal("各区", await db.SavedReports.Where(r => r.Id == westReport["id"]!.GetValue<long>()).Select(r => r.Name).SingleAsync());
        }
        foreach (var (client, report) in new[] { (east, await SaveAsync(east, byDistrict)), (west, westReport) })
        {
            var cells = string.Join("|", (await SheetAsync(client, report)).SelectMany(r => r.Values).Select(v => v?.ToString()));
            Assert.DoesNotContain(client == east ? "西湖区" : "东城区", cells);
            Assert.DoesNotContain("某市总工会", cells);
        }

        // The city sees both districts and the city's totals.
        var cityReport = new { name = "全市各区", measures = new[] { "received" }, dimensions = new[] { "org" }, orgLevel = "district", orgUnitId = city };
        var cityTable = await TableAsync(cityStaff, await SaveAsync(cityStaff, cityReport));
        var cityRows = cityTable["rows"]!.AsArray().ToDictionary(r => r!["labels"]![0]!.GetValue<string>(), r => (long)r!["values"]![0]!.GetValue<double>());
        Assert.Equal(eastFigures, cityRows["东城区总工会"]);
        Assert.Equal(westFigures, cityRows["西湖区总工会"]);
        Assert.Equal(cityFigures, Total(cityTable, 0));

        // A city leader's report, run after their role was narrowed to 东城区: only 东城区's numbers, in rows and totals.
        var narrowed = await Api.CookieClientAsync(server, "narrowed-leader");
        var citywide = await SaveAsync(narrowed, cityReport);
        Assert.Equal(cityFigures, Total(await TableAsync(narrowed, citywide), 0));
        await using (var db = server.OpenDb())
        {
            var account = await db.Users.Where(u => u.UserName == "narrowed-leader").Select(u => u.Id).SingleAsync();
            var role = await db.RoleAssignments.SingleAsync(r => r.AccountId == account);
            role.OrgUnitId = dongcheng;
            await db.SaveChangesAsync();
            FormFlow.Server.Shared.CurrentAccount.Forget(db, account);
        }
        var shrunk = await TableAsync(narrowed, citywide);
        Assert.Equal([dongcheng], shrunk["scope"]!.AsArray().Select(o => o!["id"]!.GetValue<int>()));
        Assert.Equal(["东城区总工会"], shrunk["rows"]!.AsArray().Select(r => r!["labels"]![0]!.GetValue<string>()));
        Assert.Equal(eastFigures, Total(shrunk, 0));
        var shrunkCells = string.Join("|", (await SheetAsync(narrowed, citywide)).SelectMany(r => r.Values).Select(v => v?.ToString()));
        Assert.DoesNotContain("西湖区", shrunkCells);
        Assert.DoesNotContain(cityFigures.ToString(System.Globalization.CultureInfo.InvariantCulture), shrunkCells.Split('|'));
    }

    [Fact]
    public async Task Bad_definitions_are_refused_naming_the_field_and_save_nothing()
    {
        var leader = await Api.CookieClientAsync(server, "district-admin");
        var saved = await SaveAsync(leader, new { name = "好的", measures = new[] { "received" } });
        int before;
        await using (var db = server.OpenDb()) before = await db.SavedReports.CountAsync();
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { name = "", measures = new[] { "received" } }, "name"),
                     (new { name = "x", measures = Array.Empty<string>() }, "measures"),
                     (new { name = "x", measures = new[] { "received", "salary" } }, "measures[1]"),
                     (new { name = "x", measures = new[] { "received", "received" } }, "measures[1]"),
                     (new { name = "x", measures = new[] { "received" }, dimensions = new[] { "gender" } }, "dimensions[0]"),
                     (new { name = "x", measures = new[] { "received" }, dimensions = new[] { "org", "org" } }, "dimensions[1]"),
                     (new { name = "x", measures = new[] { "received" }, orgLevel = "village" }, "orgLevel"),
                     (new { name = "x", measures = new[] { "points" }, dimensions = new[] { "module" } }, "measures"),
                     (new { name = "x", measures = new[] { "participants" }, dimensions = new[] { "month" }, period = "lastMonth" }, "measures"),
                     (new { name = "x", measures = new[] { "received" }, moduleKey = "no-such-module" }, "moduleKey"),
                     (new { name = "x", measures = new[] { "received" }, from = "2026-02-30" }, "from"),
                     (new { name = "x", measures = new[] { "received" }, from = "2026-05-01", to = "2026-04-01" }, "from"),
                     (new { name = "x", measures = new[] { "received" }, dimensions = new[] { "month" } }, "from"),
                     (new { name = "x", measures = new[] { "received" }, dimensions = new[] { "month" }, from = "2020-01-01", to = "2026-01-01" }, "to"),
                     (new { name = "x", measures = new[] { "received" }, period = "someday" }, "period"),
                     (new { name = "x", measures = new[] { "received" }, period = "lastMonth", from = "2026-01-01" }, "period"),
                     (new { name = "x", measures = new[] { "received" }, schedule = new { every = "daily", day = 1, hour = 8 } }, "schedule.every"),
                     (new { name = "x", measures = new[] { "received" }, schedule = new { every = "weekly", day = 8, hour = 8 } }, "schedule.day"),
                     (new { name = "x", measures = new[] { "received" }, schedule = new { every = "monthly", day = 31, hour = 8 } }, "schedule.day"),
                     (new { name = "x", measures = new[] { "received" }, schedule = new { every = "monthly", day = 1, hour = 24 } }, "schedule.hour"),
                     (new { name = "x", measures = new[] { "received" }, orgUnitId = -1 }, "orgUnitId"),
                 })
        {
            var status = field == "orgUnitId" ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
            Assert.Equal(field, (await Api.ProblemAsync(await leader.PostAsJsonAsync(Reports, body), status))["field"]!.GetValue<string>());
            Assert.Equal(field, (await Api.ProblemAsync(await leader.PutAsJsonAsync($"{Reports}/{saved["id"]}", body), status))["field"]!.GetValue<string>());
        }
        await using (var db = server.OpenDb())
        {
            Assert.Equal(before, await db.SavedReports.CountAsync());
            Assert.Equal("好的", await db.SavedReports.Where(r => r.Id == saved["id"]!.GetValue<long>()).Select(r => r.Name).SingleAsync());
        }
        await Api.ProblemAsync(await (await Api.CookieClientAsync(server, "worker")).PostAsJsonAsync(Reports, new { name = "x", measures = new[] { "received" } }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_scheduled_report_is_sent_once_per_due_time_across_restarts_and_two_servers()
    {
        await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker"));
        await TestAccounts.EnsureAsync(server, "schedule-leader", Roles.Admin, "东城区总工会");
        var leader = await Api.CookieClientAsync(server, "schedule-leader");
        // The test clock starts on Monday 2026-03-02 09:00 local: the first Monday 08:00 due time is a week on.
        var report = await SaveAsync(leader, new { name = "周报", measures = new[] { "received" }, period = "yearToDate", schedule = new { every = "weekly", day = 1, hour = 8 } });
        Assert.Equal(new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc), report["nextDueAt"]!.GetValue<DateTime>().ToUniversalTime());
        var account = await AccountIdAsync("schedule-leader");

        // Two servers, each with its own scheduler, over the one database.
        ReportScheduler Server() => ActivatorUtilities.CreateInstance<ReportScheduler>(server.Services);
        async Task<List<FormFlow.Persistence.Notifications.Notification>> SentAsync()
        {
            await using var db = server.OpenDb();
            return await db.Notifications.AsNoTracking().Where(n => n.AccountId == account && n.Template == ReportScheduler.Template).OrderBy(n => n.Id).ToListAsync();
        }

        await Task.WhenAll(Server().RunOnceAsync(CancellationToken.None), Server().RunOnceAsync(CancellationToken.None));
        Assert.Empty(await SentAsync());

        server.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(30)); // Monday 03-09 08:30 local
        await Task.WhenAll(Server().RunOnceAsync(CancellationToken.None), Server().RunOnceAsync(CancellationToken.None));
        await Server().RunOnceAsync(CancellationToken.None); // a restarted server
        var sent = Assert.Single(await SentAsync());
        Assert.Equal($"report:{report["id"]}:202603090000", sent.EffectKey);

        // The notification reads with a link to the stored Excel, which its owner downloads and another district cannot.
        leader = await Api.CookieClientAsync(server, "schedule-leader");
        var inbox = (await Api.JsonAsync(await leader.GetAsync("/api/notifications")))["items"]!.AsArray().Single(n => n!["template"]!.GetValue<string>() == ReportScheduler.Template)!;
        var url = inbox["data"]!["url"]!.GetValue<string>();
        Assert.Contains(url, inbox["body"]!.GetValue<string>());
        Assert.Contains("周报", inbox["title"]!.GetValue<string>());
        var file = await leader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using (var book = new MemoryStream(await file.Content.ReadAsByteArrayAsync()))
        {
            var row = Assert.Single(book.Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
            var figures = await Api.JsonAsync(await leader.GetAsync("/api/stats/figures?from=2026-01-01&to=2026-03-09"));
            Assert.Equal(figures["totals"]!["received"]!.GetValue<long>(), Convert.ToInt64(row["收件"]));
        }
        await TestAccounts.EnsureAsync(server, "xihu-scheduler", Roles.Admin, "西湖区总工会");
        Assert.Equal(HttpStatusCode.NotFound, (await (await Api.CookieClientAsync(server, "xihu-scheduler")).GetAsync(url)).StatusCode);

        // The next week: one more. Three weeks with the servers down: one, for the latest due time, and the next is ahead.
        server.Clock.Advance(TimeSpan.FromDays(7));
        await Task.WhenAll(Server().RunOnceAsync(CancellationToken.None), Server().RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, (await SentAsync()).Count);
        server.Clock.Advance(TimeSpan.FromDays(21));
        await Task.WhenAll(Server().RunOnceAsync(CancellationToken.None), Server().RunOnceAsync(CancellationToken.None));
        await Server().RunOnceAsync(CancellationToken.None);
        var all = await SentAsync();
        Assert.Equal(3, all.Count);
        Assert.Equal(3, all.Select(n => n.EffectKey).Distinct().Count());
        await using var check = server.OpenDb();
        Assert.True(await check.SavedReports.Where(r => r.Id == report["id"]!.GetValue<long>()).Select(r => r.NextDueAt).SingleAsync() > server.Clock.GetUtcNow().UtcDateTime);
    }

    private async Task<string> AccountIdAsync(string userName)
    {
        await using var db = server.OpenDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}

public sealed class SqliteReportTests(SqliteCaseServer server) : ReportTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresReportTests(PostgresCaseServer server) : ReportTests(server), IClassFixture<PostgresCaseServer>;
