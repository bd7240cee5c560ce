using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Members;

/// <summary>The issue's flow end to end: worker applies, reviewer approves, the dispatcher issues the card once, a merchant verifies it.</summary>
public abstract class JoinToCardTests(CaseServer server)
{
    [Fact]
    public async Task An_approved_join_case_gives_the_worker_a_card_the_merchant_verifies()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.GetAsync("/api/members/me/card"), HttpStatusCode.NotFound);
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        await server.DispatchAsync();
        await server.DispatchAsync(); // a second pass finds nothing more to do: still one member

        var card = await Api.JsonAsync(await worker.GetAsync("/api/members/me/card"));
        Assert.Equal("华兴电子有限公司工会", card["orgName"]!.GetValue<string>());
        Assert.StartsWith("2026", card["memberNumber"]!.GetValue<string>());
        var entitlements = JsonNode.Parse(await worker.GetStringAsync("/api/members/me/entitlements"))!.AsArray();
        Assert.Equal(["cinema", "gym", "haircut"], entitlements.Select(e => e!["benefitId"]!.GetValue<string>()).Order());
        Assert.All(entitlements, e => Assert.Equal(8, e!["quota"]!.GetValue<int>()));

        var merchant = await Api.CookieClientAsync(server, "merchant");
        var verified = await Api.JsonAsync(await merchant.PostAsJsonAsync("/api/verify", new { credential = card["credential"]!.GetValue<string>() }));
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal("刘*", verified["displayName"]!.GetValue<string>());
        await using var db = server.OpenDb();
        var member = await db.Members.SingleAsync(m => m.Account!.UserName == "worker");
        Assert.Equal(caseId, member.CaseId);
        Assert.NotNull((await db.Outbox.SingleAsync(o => o.CaseId == caseId && o.Kind == "issueMemberCard")).DoneAt);

        // The merchant may verify cards but not read cases.
        await Api.ProblemAsync(await merchant.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.NotFound);
        // The reviewer reads the case with the mobile number masked by its class.
        var reviewed = await Api.JsonAsync(await reviewer.GetAsync($"/api/cases/{caseId}"));
        Assert.Equal("138****8000", reviewed["data"]!["mobile"]!.GetValue<string>());
    }
}

public sealed class SqliteJoinToCardTests(SqliteCaseServer server) : JoinToCardTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresJoinToCardTests(PostgresCaseServer server) : JoinToCardTests(server), IClassFixture<PostgresCaseServer>;
