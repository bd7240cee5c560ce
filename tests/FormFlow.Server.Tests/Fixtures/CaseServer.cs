using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Database;
using FormFlow.Server.Dispatch;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// The server on a hand-moved clock with the background dispatcher off: tests run dispatcher passes themselves
/// (<see cref="DispatchAsync"/>), so timers and effects happen exactly when a test says. Sign-in cookies count on
/// the same clock, so tests use cookie clients made after they move it (bearer tokens are checked on the real clock).
/// </summary>
public class CaseServer(DatabaseProvider provider) : ServerFixture(provider)
{
    /// <summary>Monday 2026-03-02 09:00 in UTC+8, a working day.</summary>
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dispatcher:Enabled"] = "false",
        ["RateLimits:SubmissionPermits"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> DispatchAsync() => Services.GetRequiredService<CaseDispatcher>().RunOnceAsync(CancellationToken.None);

    /// <summary>The ID of the demo service for a module, as the signed-in client sees it.</summary>
    public static async Task<int> ServiceIdAsync(HttpClient client, string moduleKey) =>
        JsonNode.Parse(await client.GetStringAsync("/api/services"))!.AsArray()
            .Single(s => s!["moduleKey"]!.GetValue<string>() == moduleKey)!["id"]!.GetValue<int>();

    /// <summary>A join application that the union-join form accepts, signed with an image the applicant uploaded.</summary>
    public static async Task<JsonObject> JoinDataAsync(HttpClient applicant, string name = "李晓红") =>
        JoinData(await TestFiles.UploadPngAsync(applicant), name);

    /// <summary>A join application that the union-join form accepts, with a signature the applicant uploaded.</summary>
    public static JsonObject JoinData(JsonObject signature, string name = "李晓红") => new()
    {
        ["name"] = name,
        ["residentId"] = "11010519491231002X",
        ["mobile"] = "13800138000",
        ["region"] = "110105",
        ["employer"] = "华兴电子有限公司",
        ["employmentType"] = "fullTime",
        ["consent"] = true,
        ["signature"] = signature.DeepClone(),
    };

    public static async Task<JsonObject> SubmitJoinAsync(HttpClient worker, JsonObject? data = null)
    {
        var response = await worker.PostAsJsonAsync($"/api/services/{await ServiceIdAsync(worker, "join")}/cases", new { data = data ?? await JoinDataAsync(worker) });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// The worker submits a join application and the reviewer approves it, so the case finishes with its effects
    /// (the member card, the welcome SMS) in the outbox; returns the worker's client and the case ID.
    /// </summary>
    public async Task<(HttpClient Worker, long CaseId)> ApprovedJoinAsync()
    {
        var worker = await Api.CookieClientAsync(this, "worker");
        var caseId = (await SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(this, "reviewer");
        var task = await InboxTaskAsync(reviewer, caseId);
        var completed = await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        Assert.Equal("finished", completed["case"]!["status"]!.GetValue<string>());
        return (worker, caseId);
    }

    /// <summary>The applicant of a join case returned for information sends it again with the employment proof asked for; the case as answered.</summary>
    public static async Task<JsonObject> ResubmitWithProofAsync(HttpClient worker, long caseId)
    {
        var data = await JoinDataAsync(worker);
        var proof = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
        data["employmentProof"] = await Api.JsonAsync(await worker.PostAsync("/api/files", TestFiles.Multipart(proof, "在职证明.pdf", "application/pdf")));
        return await Api.JsonAsync(await worker.PostAsJsonAsync($"/api/cases/{caseId}/resubmit", new { data }));
    }

    /// <summary>The open task of a case in the client's inbox.</summary>
    public static async Task<JsonObject> InboxTaskAsync(HttpClient handler, long caseId) =>
        (await Api.AllPagesAsync(handler, "/api/tasks"))
            .Single(t => t["caseId"]!.GetValue<long>() == caseId);
}

public sealed class SqliteCaseServer() : CaseServer(DatabaseProvider.Sqlite)
{
    protected override Func<ServerFixture>? SeedsLike => () => new SqliteCaseServer();
}

public sealed class PostgresCaseServer() : CaseServer(DatabaseProvider.Postgres)
{
    protected override Func<ServerFixture>? SeedsLike => () => new PostgresCaseServer();
}
