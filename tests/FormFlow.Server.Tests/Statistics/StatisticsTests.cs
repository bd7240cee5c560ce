using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using FormFlow.Server.Cases;
using FormFlow.Server.Statistics;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Statistics;

/// <summary>The dashboard's statistics after real submissions and approvals: numbers, subtree, bad parameters, export.</summary>
public abstract class StatisticsTests(CaseServer server)
{
    private static int Count(JsonNode stats, string list, string key, string value) =>
        stats[list]!.AsArray().Where(e => e![key]!.GetValue<string>() == value).Sum(e => e!["count"]!.GetValue<int>());

    private static int Total(JsonNode stats) => stats["byStatus"]!.AsArray().Sum(e => e!["count"]!.GetValue<int>());

    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return (await db.OrgUnits.SingleAsync(o => o.Name == name)).Id;
    }

    /// <summary>A case of an applicant in 西湖区 (no demo worker lives there): a copy of a real case moved to its school union; its ID.</summary>
    private async Task<long> AddXihuCaseAsync(long likeCaseId, DateTime? createdAt = null, string number = "FF-2026-XIHU01")
    {
        var school = await OrgIdAsync("西湖区实验小学工会");
        await using var db = server.OpenDb();
        var like = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == likeCaseId);
        var row = db.Cases.Add(new Case
        {
            Number = number, ServiceActivationId = like.ServiceActivationId, SnapshotHash = like.SnapshotHash, ModuleKey = like.ModuleKey,
            ApplicantAccountId = like.ApplicantAccountId, OrgUnitId = school, Status = CaseStatuses.Running, Data = like.Data, Instance = like.Instance,
            CreatedAt = createdAt ?? like.CreatedAt, UpdatedAt = like.UpdatedAt,
        });
        await db.SaveChangesAsync();
        return row.Entity.Id;
    }

    [Fact]
    public async Task Submissions_and_approvals_show_in_the_numbers_of_my_subtree_only()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var designer = await Api.CookieClientAsync(server, "designer");
        var before = await Api.JsonAsync(await admin.GetAsync("/api/stats"));
        var cityBefore = await Api.JsonAsync(await designer.GetAsync("/api/stats"));

        var worker = await Api.CookieClientAsync(server, "worker");
        var approved = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var waiting = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, approved);
        await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        await server.DispatchAsync();
        await server.DispatchAsync();
        await AddXihuCaseAsync(waiting);

        var after = await Api.JsonAsync(await admin.GetAsync("/api/stats"));
        Assert.Equal(2, Count(after, "byModule", "moduleKey", "join") - Count(before, "byModule", "moduleKey", "join"));
        Assert.Equal("入会申请", after["byModule"]!.AsArray().Single(m => m!["moduleKey"]!.GetValue<string>() == "join")!["name"]!.GetValue<string>());
        Assert.Equal(1, Count(after, "byStatus", "status", "finished") - Count(before, "byStatus", "status", "finished"));
        Assert.Equal(1, Count(after, "byStatus", "status", "running") - Count(before, "byStatus", "status", "running"));
        Assert.Equal(2, Count(after, "byMonth", "month", "2026-03") - Count(before, "byMonth", "month", "2026-03"));
        Assert.Equal(1, after["deadlinesMet"]!["met"]!.GetValue<int>() - before["deadlinesMet"]!["met"]!.GetValue<int>());
        Assert.Equal(before["deadlinesMet"]!["missed"]!.GetValue<int>(), after["deadlinesMet"]!["missed"]!.GetValue<int>());
        Assert.Equal(1, Count(after, "membersJoined", "month", "2026-03") - Count(before, "membersJoined", "month", "2026-03"));

        // The city sees 西湖区's case too; 东城区's admin never counts it, nor may ask for 西湖区.
        var city = await Api.JsonAsync(await designer.GetAsync("/api/stats"));
        Assert.Equal(3, Total(city) - Total(cityBefore));
        var xihu = await OrgIdAsync("西湖区总工会");
        Assert.Equal(1, Total(await Api.JsonAsync(await designer.GetAsync($"/api/stats?orgUnitId={xihu}"))));
        await Api.ProblemAsync(await admin.GetAsync($"/api/stats?orgUnitId={xihu}"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await admin.GetAsync("/api/stats?orgUnitId=999999"), HttpStatusCode.NotFound);
        var street = await OrgIdAsync("建设街道总工会"); // inside 东城区, nobody applied there
        Assert.Equal(0, Total(await Api.JsonAsync(await admin.GetAsync($"/api/stats?orgUnitId={street}"))));

        // A period before the submissions counts none of them.
        var february = await Api.JsonAsync(await admin.GetAsync("/api/stats?from=2026-02-01&to=2026-02-28"));
        Assert.Equal(0, Total(february));
        Assert.Equal(Total(after), Total(await Api.JsonAsync(await admin.GetAsync("/api/stats?from=2026-03-02&to=2026-03-02"))));

        // Forty days on, the review still open is past its deadline: missed, with every other task of the subtree that
        // was open and not yet due (the demo leaves some, e.g. a question proposal waiting for its expert).
        var now = server.Clock.GetUtcNow().UtcDateTime;
        server.Clock.Advance(TimeSpan.FromDays(40));
        var dongcheng = await OrgIdAsync("东城区总工会");
        int comingDue;
        await using (var db = server.OpenDb())
        {
            var path = (await db.OrgUnits.SingleAsync(o => o.Id == dongcheng)).Path;
            var subtree = db.OrgUnits.Where(o => o.Path.StartsWith(path)).Select(o => o.Id);
            var open = db.CaseTasks.Where(t => t.CompletedAt == null && t.DueAt > now && t.DueAt < now.AddDays(40)
                && db.Cases.Any(c => c.Id == t.CaseId && subtree.Contains(c.OrgUnitId)));
            Assert.True(await open.AnyAsync(t => t.CaseId == waiting), "the waiting review comes due within the forty days");
            comingDue = await open.CountAsync();
        }
        var later = await Api.JsonAsync(await (await Api.CookieClientAsync(server, "district-admin")).GetAsync("/api/stats"));
        Assert.Equal(comingDue, later["deadlinesMet"]!["missed"]!.GetValue<int>() - before["deadlinesMet"]!["missed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_answer_equals_a_count_of_the_raw_rows_whatever_the_scope_and_period()
    {
        // Cases in each status, in two districts, on either side of a month's end (local time).
        var worker = await Api.CookieClientAsync(server, "worker");
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var cases = new List<long>();
        foreach (var outcome in new[] { "approve", "reject", "returnForInformation", "" })
        {
            var id = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
            cases.Add(id);
            if (outcome == "") continue;
            var task = await CaseServer.InboxTaskAsync(reviewer, id);
            await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
                new { outcome, rowVersion = task["rowVersion"]!.GetValue<long>(), data = new { reason = "材料不全" } }));
        }
        await server.DispatchAsync();
        var april = await AddXihuCaseAsync(cases[0], new DateTime(2026, 3, 31, 20, 30, 0, DateTimeKind.Utc), "FF-2026-XIHU03"); // 1 April, local
        var february = await AddXihuCaseAsync(cases[0], new DateTime(2026, 2, 14, 10, 0, 0, DateTimeKind.Utc), "FF-2026-XIHU04");
        // Steps' deadlines of every kind, around now: met (at the very due time too, and closed by the workflow in time),
        // late, open past due (missed as well), open not yet due and without a due time (neither).
        var now = server.Clock.GetUtcNow().UtcDateTime;
        DateTime Hours(int hours) => now.AddHours(hours);
        foreach (var (caseId, due, done, outcome) in new (long, DateTime?, DateTime?, string)[]
                 {
                     (april, Hours(-48), Hours(-72), "approve"), (april, Hours(-48), Hours(-48), "approve"), (april, Hours(-48), Hours(-24), "approve"),
                     (april, Hours(-1), null, ""), (april, Hours(120), null, ""), (april, null, Hours(-5), "approve"),
                     (february, Hours(-96), Hours(-30), "reject"), (february, Hours(-96), Hours(-100), FigureRules.CancelledOutcome), (february, Hours(-3), null, ""),
                     (cases[3], Hours(-10), Hours(-2), "approve"), (cases[3], Hours(-10), null, ""),
                 })
            await CaseSteps.AddAsync(server, caseId, due, done, outcome);

        var city = await OrgIdAsync("某市总工会");
        var dongcheng = await OrgIdAsync("东城区总工会");
        var xihu = await OrgIdAsync("西湖区总工会");
        var street = await OrgIdAsync("建设街道总工会");
        (string User, int? Asked, int Root)[] scopes = [("designer", null, city), ("district-admin", null, dongcheng), ("designer", xihu, xihu), ("district-admin", street, street)];
        (string? From, string? To)[] periods =
        [
            (null, null), ("2026-03-01", "2026-03-31"), ("2026-02-10", "2026-04-05"), ("2026-03-02", "2026-03-02"), ("2026-04-01", null),
            (null, "2026-03-01"), ("2025-06-15", "2026-02-28"), ("2024-01-01", "2024-12-31"), ("1990-01-01", "2199-12-31"),
        ];
        foreach (var (user, asked, root) in scopes)
        {
            var client = await Api.CookieClientAsync(server, user);
            foreach (var (from, to) in periods)
            {
                var query = string.Join("&", new[] { ("orgUnitId", asked?.ToString()), ("from", from), ("to", to) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}"));
                var answer = await client.GetFromJsonAsync<StatsReport>($"/api/stats?{query}", JsonSerializerOptions.Web);
                Assert.Equal(await CountedFromRawRowsAsync(root, from, to), JsonSerializer.Serialize(answer, JsonSerializerOptions.Web));
            }
        }
        // The ends of the calendar are a period too (no date there makes a 500).
        var designer = await Api.CookieClientAsync(server, "designer");
        Assert.Equal(await CountedFromRawRowsAsync(city, null, null),
            JsonSerializer.Serialize(await designer.GetFromJsonAsync<StatsReport>("/api/stats?from=0001-01-01&to=9999-12-31", JsonSerializerOptions.Web), JsonSerializerOptions.Web));
        var all = await CountedFromRawRowsAsync(city, null, null);
        foreach (var status in new[] { "finished", "rejected", "waitingForApplicant", "running" }) Assert.Contains($"\"status\":\"{status}\"", all);
        await using var db = server.OpenDb();
        var steps = await db.CaseTasks.Where(t => t.DueAt != null).Select(t => new { t.DueAt, t.CompletedAt }).ToListAsync();
        Assert.Contains(steps, t => t.CompletedAt <= t.DueAt);
        Assert.Contains(steps, t => t.CompletedAt > t.DueAt);
        Assert.Contains(steps, t => t.CompletedAt == null && t.DueAt < now);
    }

    /// <summary>The dashboard's numbers for an org's subtree as the raw cases, tasks and members say, serialized as the API answers them.</summary>
    private async Task<string> CountedFromRawRowsAsync(int root, string? from, string? to)
    {
        static DateTime LocalMidnight(string day) =>
            new DateTimeOffset(DateOnly.ParseExact(day, "yyyy-MM-dd").ToDateTime(TimeOnly.MinValue), CaseNumbers.LocalOffset).UtcDateTime;
        var fromUtc = LocalMidnight(from ?? "2000-01-01");
        var toUtc = LocalMidnight(to ?? "2099-12-31").AddDays(1);
        var now = server.Clock.GetUtcNow().UtcDateTime;
        await using var db = server.OpenDb();
        var path = await db.OrgUnits.Where(o => o.Id == root).Select(o => o.Path).SingleAsync();
        var orgs = await db.OrgUnits.Where(o => o.Path.StartsWith(path)).Select(o => o.Id).ToListAsync();
        var cases = await db.Cases.Where(c => orgs.Contains(c.OrgUnitId) && c.CreatedAt >= fromUtc && c.CreatedAt < toUtc)
            .Select(c => new { c.Id, c.ModuleKey, c.Status, c.CreatedAt }).ToListAsync();
        var ids = cases.Select(c => c.Id).ToList();
        var tasks = await db.CaseTasks.Where(t => t.DueAt != null && ids.Contains(t.CaseId)).Select(t => new { t.DueAt, t.CompletedAt }).ToListAsync();
        var joined = await db.Members.Where(m => orgs.Contains(m.OrgUnitId) && m.Since >= fromUtc && m.Since < toUtc).Select(m => m.Since).ToListAsync();
        var names = await StatsReport.ModuleNamesAsync(db, cases.Select(c => c.ModuleKey).Distinct().ToList(), default);
        static List<MonthCount> PerMonth(IEnumerable<DateTime> times) =>
            times.GroupBy(StatsScope.Month).Select(g => new MonthCount(g.Key, g.Count())).OrderBy(m => m.Month, StringComparer.Ordinal).ToList();
        return JsonSerializer.Serialize(new StatsReport(
            cases.GroupBy(c => c.ModuleKey).Select(g => new ModuleCount(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count()))
                .OrderByDescending(m => m.Count).ThenBy(m => m.ModuleKey, StringComparer.Ordinal).ToList(),
            cases.GroupBy(c => c.Status).Select(g => new StatusCount(g.Key, g.Count())).OrderBy(s => s.Status, StringComparer.Ordinal).ToList(),
            PerMonth(cases.Select(c => c.CreatedAt)),
            new DeadlineCounts(tasks.Count(t => t.CompletedAt <= t.DueAt), tasks.Count(t => t.CompletedAt is { } done ? done > t.DueAt : t.DueAt < now)),
            PerMonth(joined)), JsonSerializerOptions.Web);
    }

    [Fact]
    public async Task A_case_sent_after_local_midnight_counts_in_the_local_month()
    {
        var like = (await CaseServer.SubmitJoinAsync(await Api.CookieClientAsync(server, "worker")))["id"]!.GetValue<long>();
        var designer = await Api.CookieClientAsync(server, "designer");
        var xihu = await OrgIdAsync("西湖区总工会");
        var before = await Api.JsonAsync(await designer.GetAsync($"/api/stats?orgUnitId={xihu}"));
        // 2026-03-31 20:30 UTC is 2026-04-01 04:30 in China.
        await AddXihuCaseAsync(like, new DateTime(2026, 3, 31, 20, 30, 0, DateTimeKind.Utc), "FF-2026-XIHU02");
        var after = await Api.JsonAsync(await designer.GetAsync($"/api/stats?orgUnitId={xihu}"));
        Assert.Equal(1, Count(after, "byMonth", "month", "2026-04") - Count(before, "byMonth", "month", "2026-04"));
        Assert.Equal(Count(before, "byMonth", "month", "2026-03"), Count(after, "byMonth", "month", "2026-03"));
    }

    [Fact]
    public async Task Workers_and_merchants_are_refused_and_bad_parameters_are_named()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/api/stats")).StatusCode);
        await Api.ProblemAsync(await (await Api.CookieClientAsync(server, "worker")).GetAsync("/api/stats"), HttpStatusCode.Forbidden);
        await Api.ProblemAsync(await (await Api.CookieClientAsync(server, "merchant")).GetAsync("/api/stats/export?format=csv"), HttpStatusCode.Forbidden);

        var admin = await Api.CookieClientAsync(server, "district-admin");
        foreach (var (query, parameter) in new[]
                 {
                     ("/api/stats?from=2026-13-01", "from"), ("/api/stats?to=yesterday", "to"), ("/api/stats?orgUnitId=east", "orgUnitId"),
                     ("/api/stats?from=2026-04-01&to=2026-03-01", "from"), ("/api/stats/export?format=pdf", "format"), ("/api/stats/export", "format"),
                 })
        {
            var problem = await Api.ProblemAsync(await admin.GetAsync(query), HttpStatusCode.BadRequest);
            Assert.Equal(parameter, problem["parameter"]!.GetValue<string>());
            Assert.Contains($"'{parameter}'", Api.Text(problem));
        }
    }

    [Fact]
    public async Task The_export_opens_as_a_workbook_and_a_csv_without_personal_data()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var number = (await CaseServer.SubmitJoinAsync(worker))["number"]!.GetValue<string>();
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var stats = await Api.JsonAsync(await admin.GetAsync("/api/stats"));

        var xlsx = await admin.GetAsync("/api/stats/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["汇总", "案件"], MiniExcel.GetSheetNames(book));
        var summary = book.Query(useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().ToList();
        var joinRow = summary.Single(r => (string)r["指标"] == "按模块" && (string)r["项目"] == "入会申请");
        Assert.Equal(Count(stats, "byModule", "moduleKey", "join"), Convert.ToInt32(joinRow["数量"]));
        var cases = book.Query(useHeaderRow: true, sheetName: "案件").Cast<IDictionary<string, object>>().ToList();
        var row = cases.Single(r => (string)r["案件编号"] == number);
        Assert.Equal("华兴电子有限公司工会", row["工会组织"]);
        Assert.Equal("running", row["状态"]);
        var cells = string.Join("|", summary.Concat(cases).SelectMany(r => r.Values).Select(v => v?.ToString()));
        foreach (var personal in new[] { "11010519491231002X", "13800138000", "李晓红", "刘洋" }) Assert.DoesNotContain(personal, cells);

        var csv = await admin.GetAsync("/api/stats/export?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("指标,项目,数量", lines[0]);
        Assert.Contains($"按模块,入会申请,{Count(stats, "byModule", "moduleKey", "join")}", lines);
        foreach (var personal in new[] { "11010519491231002X", "13800138000", "李晓红" }) Assert.DoesNotContain(personal, text);
    }
}

public sealed class SqliteStatisticsTests(SqliteCaseServer server) : StatisticsTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresStatisticsTests(PostgresCaseServer server) : StatisticsTests(server), IClassFixture<PostgresCaseServer>;
