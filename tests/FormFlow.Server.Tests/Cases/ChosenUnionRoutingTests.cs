using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Cases;

/// <summary>
/// A join application goes to the union the applicant chose (unionOrg) when it lies under the service's org — a
/// migrant worker registered under one union who works under another — and by the account's org otherwise.
/// </summary>
public abstract class ChosenUnionRoutingTests(CaseServer server)
{
    private static JsonNode Review(JsonObject created) => created["openSteps"]!.AsArray().Single(s => (string?)s!["activityId"] == "review")!;

    [Fact]
    public async Task A_join_application_is_reviewed_at_the_union_the_applicant_chose_under_the_service_not_at_the_accounts()
    {
        await TestAccounts.EnsureAsync(server, "shunda-reviewer", "reviewer", "顺达物流有限公司工会");
        var worker = await Api.CookieClientAsync(server, "worker");
        var data = await CaseServer.JoinDataAsync(worker);
        data["unionOrg"] = (await ModuleLibraryApi.OrgIdAsync(server, "顺达物流有限公司工会")).ToString();

        var created = await CaseServer.SubmitJoinAsync(worker, data);

        Assert.Equal("顺达物流有限公司工会", (string?)Review(created)["assignee"]!["orgName"]);
        var caseId = created["id"]!.GetValue<long>();
        Assert.Contains(await Api.AllPagesAsync(await Api.CookieClientAsync(server, "shunda-reviewer"), "/api/tasks"), t => t["caseId"]!.GetValue<long>() == caseId);
        Assert.DoesNotContain(await Api.AllPagesAsync(await Api.CookieClientAsync(server, "reviewer"), "/api/tasks"), t => t["caseId"]!.GetValue<long>() == caseId);
    }

    [Fact]
    public async Task A_chosen_union_outside_the_services_subtree_leaves_the_application_with_the_accounts_union()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var data = await CaseServer.JoinDataAsync(worker);
        data["unionOrg"] = (await ModuleLibraryApi.OrgIdAsync(server, "西湖区实验小学工会")).ToString();

        var created = await CaseServer.SubmitJoinAsync(worker, data);

        Assert.Equal("华兴电子有限公司工会", (string?)Review(created)["assignee"]!["orgName"]);
    }
}

public sealed class SqliteChosenUnionRoutingTests(SqliteCaseServer server) : ChosenUnionRoutingTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresChosenUnionRoutingTests(PostgresCaseServer server) : ChosenUnionRoutingTests(server), IClassFixture<PostgresCaseServer>;
