using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Tests.Fixtures;
using MiniExcelLibs;

namespace FormFlow.Server.Tests.Cases;

/// <summary>The staff case list: only the staff member's subtrees, filters, keyset pages and the masked Excel export.</summary>
public abstract class StaffCaseListTests(CaseServer server)
{
    private async Task<(HttpClient Worker, HttpClient Other, HttpClient Xihu)> ApplicantsAsync()
    {
        await TestAccounts.EnsureAsync(server, "list-other-worker", Roles.Worker, "顺达物流有限公司工会");
        await TestAccounts.EnsureAsync(server, "list-xihu-worker", Roles.Worker, "西湖区实验小学工会");
        await TestAccounts.EnsureAsync(server, "list-xihu-admin", Roles.Admin, "西湖区总工会");
        return (await Api.CookieClientAsync(server, "worker"), await Api.CookieClientAsync(server, "list-other-worker"),
            await Api.CookieClientAsync(server, "list-xihu-worker"));
    }

    private static async Task<string> SubmitAsync(HttpClient applicant) => (await CaseServer.SubmitJoinAsync(applicant))["number"]!.GetValue<string>();

    private static async Task<List<string>> NumbersAsync(HttpClient client, string url) =>
        (await Api.AllPagesAsync(client, url)).Select(c => c["number"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_case_of_another_subtree_never_appears_in_a_staff_list()
    {
        var (_, _, xihu) = await ApplicantsAsync();
        var xihuCase = await SubmitAsync(xihu);
        var dongcheng = await Api.CookieClientAsync(server, "district-admin");
        Assert.DoesNotContain(xihuCase, await NumbersAsync(dongcheng, "/api/cases"));
        Assert.DoesNotContain(xihuCase, await NumbersAsync(dongcheng, $"/api/cases?number={xihuCase}"));
        Assert.Contains(xihuCase, await NumbersAsync(await Api.CookieClientAsync(server, "list-xihu-admin"), $"/api/cases?number={xihuCase}"));
    }

    [Fact]
    public async Task A_worker_lists_only_their_own_cases()
    {
        var (worker, other, _) = await ApplicantsAsync();
        var otherCase = await SubmitAsync(other);
        var mine = await SubmitAsync(worker);
        var listed = await NumbersAsync(worker, "/api/cases");
        Assert.Contains(mine, listed);
        Assert.DoesNotContain(otherCase, listed);
    }

    [Fact]
    public async Task Staff_find_cases_by_number_applicant_status_service_and_day()
    {
        var (worker, other, _) = await ApplicantsAsync();
        var workers = await SubmitAsync(worker);
        var others = await SubmitAsync(other);
        var staff = await Api.CookieClientAsync(server, "district-admin");

        Assert.Equal([workers], await NumbersAsync(staff, $"/api/cases?number={workers}"));
        Assert.Equal([workers], await NumbersAsync(staff, $"/api/cases?number={workers[^6..].ToLowerInvariant()}"));
        var byName = await NumbersAsync(staff, "/api/cases?applicant=刘洋");
        Assert.Contains(workers, byName);
        Assert.DoesNotContain(others, byName);
        var byAccount = await NumbersAsync(staff, "/api/cases?applicant=LIST-OTHER");
        Assert.Contains(others, byAccount);
        Assert.DoesNotContain(workers, byAccount);
        Assert.Contains(workers, await NumbersAsync(staff, "/api/cases?status=running"));
        Assert.DoesNotContain(workers, await NumbersAsync(staff, "/api/cases?status=finished"));
        var join = await CaseServer.ServiceIdAsync(worker, "join");
        Assert.Contains(workers, await NumbersAsync(staff, $"/api/cases?serviceId={join}"));
        Assert.DoesNotContain(workers, await NumbersAsync(staff, $"/api/cases?serviceId={join + 1000}"));

        // The server's clock says 2026-03-02 (China time) when these were submitted; days are inclusive.
        var today = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var tomorrow = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(1).ToString("yyyy-MM-dd");
        var yesterday = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Contains(workers, await NumbersAsync(staff, $"/api/cases?submittedFrom={today}&submittedTo={today}"));
        Assert.DoesNotContain(workers, await NumbersAsync(staff, $"/api/cases?submittedFrom={tomorrow}"));
        Assert.DoesNotContain(workers, await NumbersAsync(staff, $"/api/cases?submittedTo={yesterday}"));
    }

    [Fact]
    public async Task Pages_show_every_case_once_without_repeats_or_gaps()
    {
        var (worker, other, _) = await ApplicantsAsync();
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync(worker);
            await SubmitAsync(other);
        }
        var staff = await Api.CookieClientAsync(server, "district-admin");
        var all = await NumbersAsync(staff, "/api/cases");
        Assert.True(all.Count >= 6);

        var walked = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Api.JsonAsync(await staff.GetAsync("/api/cases?limit=4" + (cursor is null ? "" : $"&cursor={cursor}")));
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 4);
            walked.AddRange(items.Select(c => c!["number"]!.GetValue<string>()));
            cursor = (string?)page["next"];
            pages++;
        } while (cursor is not null);
        Assert.Equal(all, walked);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal((all.Count + 3) / 4, pages);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("status=open", "status")]
    [InlineData("serviceId=0", "serviceId")]
    [InlineData("submittedFrom=2026-13-01", "submittedFrom")]
    [InlineData("submittedTo=yesterday", "submittedTo")]
    [InlineData("submittedFrom=2026-03-05&submittedTo=2026-03-01", "submittedTo")]
    public async Task A_bad_parameter_is_400_naming_it(string query, string parameter)
    {
        var staff = await Api.CookieClientAsync(server, "district-admin");
        var listed = await Api.ProblemAsync(await staff.GetAsync($"/api/cases?{query}"), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, listed["parameter"]!.GetValue<string>());
        if (!query.StartsWith("limit") && !query.StartsWith("cursor"))
            Assert.Equal(parameter, (await Api.ProblemAsync(await staff.GetAsync($"/api/cases/export?{query}"), HttpStatusCode.BadRequest))["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_export_lists_the_filtered_cases_with_personal_data_masked()
    {
        var (worker, other, _) = await ApplicantsAsync();
        var number = await SubmitAsync(worker);
        var othersNumber = await SubmitAsync(other);
        var staff = await Api.CookieClientAsync(server, "district-admin");

        var response = await staff.GetAsync("/api/cases/export?applicant=刘洋");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = book.Query(useHeaderRow: true, sheetName: "案件").Cast<IDictionary<string, object>>().ToList();
        var row = rows.Single(r => (string)r["案件编号"] == number);
        Assert.DoesNotContain(rows, r => (string)r["案件编号"] == othersNumber);
        Assert.Equal(await NumbersAsync(staff, "/api/cases?applicant=刘洋"), rows.Select(r => (string)r["案件编号"]).ToList());
        Assert.Equal("刘*", row["申请人"]);
        var cells = string.Join("|", row.Values.Select(v => v?.ToString()));
        Assert.Contains("138****8000", cells);
        Assert.Contains("李*红", cells);
        foreach (var personal in new[] { "11010519491231002X", "13800138000", "李晓红", "刘洋" }) Assert.DoesNotContain(personal, cells);
    }

    [Fact]
    public async Task The_export_of_the_whole_subtree_holds_the_list_in_its_order_with_each_org_named()
    {
        var (worker, other, _) = await ApplicantsAsync();
        await SubmitAsync(worker);
        await SubmitAsync(other);
        var staff = await Api.CookieClientAsync(server, "district-admin");

        var response = await staff.GetAsync("/api/cases/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = book.Query(useHeaderRow: true, sheetName: "案件").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(await NumbersAsync(staff, "/api/cases"), rows.Select(r => (string)r["案件编号"]).ToList());
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r["所属单位"] as string), $"case {r["案件编号"]} has no org"));
    }
}

public sealed class SqliteStaffCaseListTests(SqliteCaseServer server) : StaffCaseListTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresStaffCaseListTests(PostgresCaseServer server) : StaffCaseListTests(server), IClassFixture<PostgresCaseServer>;
