using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Infrastructure;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// Server processes for the durability tests: demo mode on a <see cref="TestDatabase"/>, with only the test module
/// <c>templates/durable</c> (notify the applicant → wait 3 s → notify again → review task → notify on approval),
/// a dispatcher that polls every 200 ms and holds claims for 10 s, so work a killed process had claimed is taken
/// over quickly.
/// </summary>
public static class DurableServer
{
    public const string ModuleId = "durable";
    /// <summary>The module's delay; timers come due this long after submission.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    public static Task<ServerProcess> StartAsync(TestDatabase database, string? dataFolder = null) => ServerProcess.StartAsync(
    [
        $"--FormFlow:DataFolder={dataFolder ?? database.DataFolder}",
        $"--FormFlow:ModuleTemplates={Path.Combine(AppContext.BaseDirectory, "Durability", "templates")}",
        $"--Database:Provider={database.Settings.Provider}",
        $"--Database:ConnectionString={database.Settings.ConnectionString}",
        "--Dispatcher:PollMilliseconds=200",
        $"--Dispatcher:LeaseSeconds={Lease.TotalSeconds}",
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
            .Single(s => s!["moduleId"]!.GetValue<string>() == ModuleId)!["id"]!.GetValue<int>();

    /// <summary>Submits one case; its ID when the server acknowledged it (201), else null.</summary>
    public static async Task<long?> SubmitAsync(HttpClient worker, int serviceId, string subject)
    {
        var response = await worker.PostAsJsonAsync($"/api/services/{serviceId}/cases", new { data = new { subject } });
        if (response.StatusCode != HttpStatusCode.Created) return null;
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
    }

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient reviewer, long taskId) =>
        reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approve" });

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
