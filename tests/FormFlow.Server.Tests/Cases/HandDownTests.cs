using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Cases;

/// <summary>
/// A district's handler hands a case down to a street of their district: it leaves their colleagues' desk for that
/// street's inbox (not another street's), with who, why and by when on the case's timeline; another district's
/// street is refused, naming the rule.
/// </summary>
public abstract class HandDownTests(CaseServer server)
{
    private async Task<(HttpClient Lawyer, JsonObject Task, long CaseId)> DistrictTaskAsync()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var data = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.Path("samples/forms/legal-consultation/valid.json")))!.AsObject();
        data.Remove("attachments");
        var submitted = await worker.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(worker, "legal-consultation")}/cases", new { data });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var caseId = (await Api.JsonAsync(submitted))["id"]!.GetValue<long>();
        var lawyer = await Api.CookieClientAsync(server, "lawyer");
        return (lawyer, await CaseServer.InboxTaskAsync(lawyer, caseId), caseId);
    }

    private static async Task<bool> InInboxAsync(HttpClient handler, long caseId) =>
        (await Api.AllPagesAsync(handler, "/api/tasks")).Any(t => t["caseId"]!.GetValue<long>() == caseId);

    [Fact]
    public async Task A_case_handed_down_to_和平街道_reaches_its_inbox_not_建设街道s_and_the_timeline_says_who_why_and_by_when()
    {
        await TestAccounts.EnsureAsync(server, "heping-lawyer", "lawyer", "和平街道总工会");
        await TestAccounts.EnsureAsync(server, "jianshe-lawyer", "lawyer", "建设街道总工会");
        var (lawyer, task, caseId) = await DistrictTaskAsync();
        var heping = await Api.CookieClientAsync(server, "heping-lawyer");
        var jianshe = await Api.CookieClientAsync(server, "jianshe-lawyer");
        Assert.False(await InInboxAsync(heping, caseId));

        var targets = JsonNode.Parse(await lawyer.GetStringAsync($"/api/tasks/{task["id"]}/hand-down"))!.AsArray();
        Assert.Contains(targets, t => (string?)t!["name"] == "建设街道总工会");
        Assert.DoesNotContain(targets, t => (string?)t!["name"] == "北山街道总工会" || (string?)t!["name"] == "东城区总工会");
        var street = targets.Single(t => (string?)t!["name"] == "和平街道总工会")!;
        var deadline = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).AddDays(5).ToString("yyyy-MM-dd");
        var handed = await lawyer.PostAsJsonAsync($"/api/tasks/{task["id"]}/hand-down",
            new { orgUnitId = street["id"]!.GetValue<int>(), reason = "申请人在和平街道辖区，请街道法律服务站跟进", deadline });
        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);

        Assert.True(await InInboxAsync(heping, caseId));
        Assert.False(await InInboxAsync(jianshe, caseId));
        var moved = await CaseServer.InboxTaskAsync(heping, caseId);
        Assert.Equal(DateOnly.Parse(deadline).AddDays(1), DateOnly.FromDateTime(moved["dueAt"]!.GetValue<DateTimeOffset>().UtcDateTime)); // due by the end of the day
        Assert.Equal("和平街道总工会", (string?)moved["assignee"]!["orgName"]);
        var view = await Api.JsonAsync(await heping.GetAsync($"/api/cases/{caseId}"));
        var entry = view["timeline"]!.AsArray().Single(e => (string?)e!["kind"] == "handedDown")!;
        Assert.Equal(("东城区总工会", "和平街道总工会", "申请人在和平街道辖区，请街道法律服务站跟进", deadline),
            ((string?)entry["detail"]!["fromName"], (string?)entry["detail"]!["toName"], (string?)entry["detail"]!["reason"], (string?)entry["detail"]!["deadline"]));
        Assert.NotNull(entry["by"]);
        var notices = JsonNode.Parse(await heping.GetStringAsync("/api/notifications"))!["items"]!.AsArray();
        Assert.Contains(notices, n => n!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Contains("申请人在和平街道辖区", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hand_down_into_another_district_is_403_naming_the_subtree_rule_and_changes_nothing()
    {
        var (lawyer, task, caseId) = await DistrictTaskAsync();
        var beishan = await ModuleLibraryApi.OrgIdAsync(server, "北山街道总工会");
        var deadline = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).AddDays(5).ToString("yyyy-MM-dd");
        var refused = await Api.ProblemAsync(await lawyer.PostAsJsonAsync($"/api/tasks/{task["id"]}/hand-down",
            new { orgUnitId = beishan, reason = "试图跨区下派", deadline }), HttpStatusCode.Forbidden);
        Assert.Contains("handed down only to a unit below", (string?)refused["detail"]);
        Assert.Contains("北山街道总工会", (string?)refused["detail"]);
        var missing = await Api.ProblemAsync(await lawyer.PostAsJsonAsync($"/api/tasks/{task["id"]}/hand-down",
            new { orgUnitId = await ModuleLibraryApi.OrgIdAsync(server, "和平街道总工会"), reason = " ", deadline }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("reason", (string?)missing["field"]);
        var still = await CaseServer.InboxTaskAsync(lawyer, caseId);
        Assert.Equal("东城区总工会", (string?)still["assignee"]!["orgName"]);
        Assert.Equal(task["rowVersion"]!.GetValue<long>(), still["rowVersion"]!.GetValue<long>());
    }
}

public sealed class SqliteHandDownTests(SqliteCaseServer server) : HandDownTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresHandDownTests(PostgresCaseServer server) : HandDownTests(server), IClassFixture<PostgresCaseServer>;
