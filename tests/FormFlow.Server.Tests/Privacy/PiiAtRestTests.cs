using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Cases;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Privacy;

/// <summary>Personal data at rest: encrypted in the case row, plain for the workflow and the applicant, revealed to staff with an audit entry.</summary>
public abstract class PiiAtRestTests(CaseServer server)
{
    private const string ResidentId = "11010519491231002X";
    private const string Mobile = "13800138000";

    /// <summary>The row as stored (a projection, so nothing decrypts it on the way), JSON escapes undone so 李… is not hidden as \u674E….</summary>
    private async Task<(string Data, string Instance)> RawRowAsync(long caseId)
    {
        await using var db = server.OpenDb();
        var row = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.Data, c.Instance }).SingleAsync();
        return (PlainTextScan.Unescaped(row.Data), PlainTextScan.Unescaped(row.Instance));
    }

    [Fact]
    public async Task The_row_holds_no_resident_id_or_mobile_in_plain_text_and_the_flow_still_works()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var submitted = await CaseServer.SubmitJoinAsync(worker);
        var caseId = submitted["id"]!.GetValue<long>();
        Assert.Equal(ResidentId, submitted["data"]!["residentId"]!.GetValue<string>());

        var (data, instance) = await RawRowAsync(caseId);
        foreach (var secret in new[] { ResidentId, Mobile, "李晓红" })
        {
            Assert.DoesNotContain(secret, data);
            Assert.DoesNotContain(secret, instance);
        }
        Assert.Contains("pii:v1:", data);
        Assert.Equal("华兴电子有限公司", JsonNode.Parse(data)!["employer"]!.GetValue<string>()); // not personal: stays readable

        // The applicant reads their own data in full; the reviewer works the task and the case finishes.
        Assert.Equal(Mobile, (await Api.JsonAsync(await worker.GetAsync($"/api/cases/{caseId}")))["data"]!["mobile"]!.GetValue<string>());
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var detail = await Api.JsonAsync(await reviewer.GetAsync($"/api/tasks/{task["id"]}"));
        Assert.Equal(ResidentId, detail["case"]!["data"]!["residentId"]!.GetValue<string>()); // read permission at this step
        var completed = await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        Assert.Equal("finished", completed["case"]!["status"]!.GetValue<string>());
        await server.DispatchAsync();
        await server.DispatchAsync();

        (data, instance) = await RawRowAsync(caseId);
        Assert.DoesNotContain(ResidentId, data + instance);
        Assert.DoesNotContain(Mobile, data + instance);
        // The welcome message went to the decrypted mobile number: the applicant got it.
        await using var db = server.OpenDb();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.CaseId == caseId && n.Template == "joinApproved"));
        Assert.Equal(CaseStatuses.Finished, (await db.Cases.SingleAsync(c => c.Id == caseId)).Status);
    }

    [Fact]
    public async Task Staff_reveal_with_an_audit_entry_and_nobody_else_can()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var admin = await Api.CookieClientAsync(server, "district-admin");
        Assert.Equal("138****8000", (await Api.JsonAsync(await admin.GetAsync($"/api/cases/{caseId}")))["data"]!["mobile"]!.GetValue<string>());
        var listed = string.Join(",", (await Api.AllPagesAsync(admin, "/api/cases")).Select(c => c.ToJsonString()));
        Assert.DoesNotContain(Mobile, listed);

        var revealed = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/cases/{caseId}/reveal", new { fields = new[] { "mobile", "residentId" }, reason = "核对入会资料" }));
        Assert.Equal(Mobile, revealed["values"]!["mobile"]!.GetValue<string>());
        Assert.Equal(ResidentId, revealed["values"]!["residentId"]!.GetValue<string>());
        await using (var db = server.OpenDb())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == "case.piiRevealed" && a.Target == $"case:{caseId}");
            Assert.Equal("district-admin", entry.Actor);
            Assert.DoesNotContain(Mobile, entry.Details ?? "");
        }

        var notPersonal = await Api.ProblemAsync(await admin.PostAsJsonAsync($"/api/cases/{caseId}/reveal", new { fields = new[] { "mobile", "employer" }, reason = "核对入会资料" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/fields/1", notPersonal["pointer"]!.GetValue<string>());
        await Api.ProblemAsync(await (await Api.CookieClientAsync(server, "merchant")).PostAsJsonAsync($"/api/cases/{caseId}/reveal", new { fields = new[] { "mobile" } }), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await worker.PostAsJsonAsync($"/api/cases/{caseId}/reveal", new { fields = new[] { "mobile" } }), HttpStatusCode.Forbidden);
        await using (var db = server.OpenDb())
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "case.piiRevealed" && a.Target == $"case:{caseId}"));
    }
}

public sealed class SqlitePiiAtRestTests(SqliteCaseServer server) : PiiAtRestTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresPiiAtRestTests(PostgresCaseServer server) : PiiAtRestTests(server), IClassFixture<PostgresCaseServer>;
