using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Cases;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// Everything a join application touches, as the people involved do it: the worker saves a draft and submits it,
/// the reviewer approves it, the dispatcher issues the card and sends the welcome, the worker shows the card to a
/// merchant and reads the welcome, and a district admin exports the statistics.
/// </summary>
public static class PersonalDataFlow
{
    public const string Name = "李晓红";
    public const string ResidentId = "11010519491231002X";
    public const string Mobile = "13800138000";
    public const string Email = "li.xiaohong@example.cn";
    /// <summary>Calculated by the form from the resident ID.</summary>
    public const string BirthDate = "1949-12-31";

    /// <summary>The applicant's personal values: every one is a field with a PII class in the join form.</summary>
    public static readonly string[] PersonalValues = [Name, ResidentId, Mobile, Email, BirthDate];

    public static async Task RunAsync(CaseServer server)
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        // People name their files after themselves: the file's metadata is personal too.
        var data = CaseServer.JoinData(await TestFiles.UploadPngAsync(worker, $"{Name}的签名.png"), Name);
        data["email"] = Email;
        var draftPath = $"/api/services/{await CaseServer.ServiceIdAsync(worker, "join")}/draft";
        await Api.JsonAsync(await worker.PutAsJsonAsync(draftPath, new { data }));
        Assert.Equal(ResidentId, (await Api.JsonAsync(await worker.GetAsync(draftPath)))["data"]!["residentId"]!.GetValue<string>());

        var caseId = (await CaseServer.SubmitJoinAsync(worker, data))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        Assert.Equal(ResidentId, (await Api.JsonAsync(await reviewer.GetAsync($"/api/tasks/{task["id"]}")))["case"]!["data"]!["residentId"]!.GetValue<string>());
        await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        await server.DispatchAsync();
        await server.DispatchAsync();

        var card = await Api.JsonAsync(await worker.GetAsync("/api/members/me/card"));
        var merchant = await Api.CookieClientAsync(server, "merchant");
        await Api.JsonAsync(await merchant.PostAsJsonAsync("/api/verify", new { credential = card["credential"]!.GetValue<string>() }));
        var welcome = JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray()
            .Single(n => n!["caseId"]!.GetValue<long>() == caseId && n["template"]!.GetValue<string>() == "joinApproved")!;
        Assert.Equal(Name, welcome["data"]!["name"]!.GetValue<string>()); // sealed at rest, not lost
        Assert.Equal(Mobile, (await Api.JsonAsync(await worker.GetAsync($"/api/cases/{caseId}")))["data"]!["mobile"]!.GetValue<string>());

        var admin = await Api.CookieClientAsync(server, "district-admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/stats/export?format=xlsx")).StatusCode);
        await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/cases/{caseId}/reveal", new { fields = new[] { "mobile" }, reason = "电话联系申请人" }));
    }
}
