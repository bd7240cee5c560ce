using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Server.Demo;
using FormFlow.Server.Hosting;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Hosting;

/// <summary>
/// The server as a real process on Kestrel, as the README's run command starts it: demo data on an empty SQLite
/// folder, the demo accounts and URL printed, JSON logs, and Kestrel's own body limit for bodies of unannounced length.
/// </summary>
public sealed class ServerProcessTests(DemoServerProcess server) : IClassFixture<DemoServerProcess>
{
    [Fact]
    public async Task Starts_in_demo_mode_prints_the_accounts_and_serves_the_api()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(client, "district-admin")).StatusCode);
        Assert.True(File.Exists(Path.Combine(server.DataFolder, "formflow.db")), "the SQLite file lives in the data folder");

        var output = server.Output;
        foreach (var person in DemoData.People) Assert.Matches($@"{Regex.Escape(person.UserName)}\s+{person.Role}\s+{person.OrgName}", output);
        Assert.Contains("(password: demo)", output);
        // Logs are one JSON object per line.
        var logs = output.Split('\n').Where(l => l.StartsWith("{\"Timestamp\"")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Contains(logs, l => l["Category"]!.GetValue<string>() == "Microsoft.Hosting.Lifetime" && l["LogLevel"]!.GetValue<string>() == "Information");
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_as_a_security_event()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.LoginAsync(client, "lawyer", "guess")).StatusCode);
        // The console logger writes on its own thread; give it a moment.
        for (var i = 0; i < 50 && !server.Output.Contains("\"Category\":\"FormFlow.Security\""); i++) await Task.Delay(100);
        var line = server.Output.Split('\n').Single(l => l.Contains("\"Category\":\"FormFlow.Security\""));
        var log = JsonNode.Parse(line)!;
        Assert.Equal("Warning", log["LogLevel"]!.GetValue<string>());
        Assert.Equal("lawyer", log["State"]!["UserName"]!.GetValue<string>());
        Assert.Equal("wrong-password", log["State"]!["Reason"]!.GetValue<string>());
        Assert.DoesNotContain("guess", line);
    }

    [Fact]
    public async Task Kestrel_refuses_an_oversized_chunked_body_with_413_problem()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"userName\":\"designer\",\"password\":\"{new string('x', 3 << 20)}\"}}")));
        body.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = body };
        request.Headers.TransferEncodingChunked = true;
        var problem = await Api.ProblemAsync(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("too large", Api.Text(problem));
    }
}

/// <summary>One server process on an empty data folder, started once for the tests above and killed after them.</summary>
public sealed class DemoServerProcess : IAsyncLifetime
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("formflow-process-").FullName;
    public Uri BaseAddress => _process.BaseAddress;
    public string Output => _process.Output;
    private ServerProcess _process = null!;

    public async Task InitializeAsync() => _process = await ServerProcess.StartAsync([$"--FormFlow:DataFolder={DataFolder}"]);

    public async Task DisposeAsync()
    {
        await _process.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
