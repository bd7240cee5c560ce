using System.Net;
using System.Net.Http.Json;
using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Fuzzing;

/// <summary>
/// The built server as its own process behind Kestrel, on SQLite with the demo data: malformed request lines and
/// percent-encodings reach the real HTTP stack, which the in-memory test host would refuse on the client side.
/// </summary>
public sealed class FuzzedServer : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServerProcess _process = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _process = await ServerProcess.StartAsync([$"--FormFlow:DataFolder={_database.DataFolder}", "--RateLimits:LoginPermits=100000", "--RateLimits:SubmissionPermits=100000"]);
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = _process.BaseAddress };

    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Api.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public FormFlowDbContext OpenDb() => FormFlowDatabase.CreateContext(_database.Settings);

    public async Task DisposeAsync()
    {
        await _process.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
    }
}
