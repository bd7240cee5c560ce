using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// Server processes for the durability tests: demo mode on a <see cref="TestDatabase"/>, with only the test module
/// <c>templates/durable</c> (notify the applicant → wait 3 s → notify again → review task → notify on approval),
/// a dispatcher that polls every 200 ms and holds its claims with the product's default lease (15 s, renewed while
/// the process lives), so work a killed process had claimed is taken over at most a lease after the kill.
/// </summary>
public static class DurableServer
{
    public const string ModuleKey = "durable";
    /// <summary>The module's delay; timers come due this long after submission.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);
    /// <summary>The dispatcher's default lease (Dispatcher:LeaseSeconds), which these processes keep.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    public static Task<ServerProcess> StartAsync(TestDatabase database, string? dataFolder = null) => ServerProcess.StartAsync(
    [
        $"--FormFlow:DataFolder={dataFolder ?? database.DataFolder}",
        // Processes on one database share one key ring, or one cannot open the personal data another sealed.
        $"--FormFlow:KeysFolder={Path.Combine(database.DataFolder, "keys")}",
        $"--FormFlow:ModuleTemplates={Path.Combine(AppContext.BaseDirectory, "Durability", "templates")}",
        $"--Database:Provider={database.Settings.Provider}",
        $"--Database:ConnectionString={database.Settings.ConnectionString}",
        "--Dispatcher:PollMilliseconds=200",
        "--RateLimits:SubmissionPermits=100000000",
        "--RateLimits:LoginPermits=100000",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
    ]);

    /// <summary>A client of one process signed in (cookie) as a demo account.</summary>
    public static async Task<HttpClient> ClientAsync(ServerProcess server, string userName)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await Api.LoginAsync(client, userName);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{userName} could not sign in: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static async Task<int> ServiceIdAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/services"))!.AsArray()
            .Single(s => s!["moduleKey"]!.GetValue<string>() == ModuleKey)!["id"]!.GetValue<int>();

    /// <summary>Submits one case; its ID when the server acknowledged it (201), else null.</summary>
    public static async Task<long?> SubmitAsync(HttpClient worker, int serviceId, string subject)
    {
        var response = await worker.PostAsJsonAsync($"/api/services/{serviceId}/cases", new { data = new { subject } });
        if (response.StatusCode != HttpStatusCode.Created) return null;
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
    }

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient reviewer, long taskId) =>
        reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" });

    /// <summary>Completes every task in the reviewer's inbox with "approve".</summary>
    public static async Task ApproveInboxAsync(HttpClient reviewer)
    {
        var inbox = (await Api.AllPagesAsync(reviewer, "/api/tasks"));
        foreach (var task in inbox)
            await ApproveAsync(reviewer, task!["id"]!.GetValue<long>());
    }

    /// <summary>Approves the reviewer's inbox until every case is finished with its timers fired and effects done (120 s at most).</summary>
    public static Task ApproveUntilFinishedAsync(TestDatabase database, ServerProcess server, HttpClient reviewer) => WaitUntilAsync(async () =>
    {
        await ApproveInboxAsync(reviewer);
        await using var db = FormFlowDatabase.CreateContext(database.Settings);
        return await ExactlyOnce.UnfinishedAsync(db) == 0;
    }, TimeSpan.FromSeconds(120), async () =>
    {
        await using var db = FormFlowDatabase.CreateContext(database.Settings);
        return $"{await ExactlyOnce.UnfinishedAsync(db)} cases, timers or effects unfinished of {await db.Cases.CountAsync()} cases:\n{server.Output}";
    });

    /// <summary>Runs a step over and over until a request fails because the server is gone.</summary>
    public static Task UntilDeadAsync(Func<int, Task> step) => Task.Run(async () =>
    {
        for (var n = 0; ; n++)
        {
            try { await step(n); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return; }
        }
    });

    /// <summary>Polls until the condition holds; fails with the description when it does not within the time.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, Func<Task<string>> describe)
    {
        var until = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"not reached within {within.TotalSeconds} s: {await describe()}");
            await Task.Delay(250);
        }
    }
}
