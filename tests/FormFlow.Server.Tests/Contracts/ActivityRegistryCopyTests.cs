using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Contracts;

/// <summary>
/// The Studio reads its palette from GET /api/activities at run time; its unit tests, which run without a server,
/// read designer/test/support/activities.json instead, so that copy must be what the server serves.
/// </summary>
public sealed class ActivityRegistryCopyTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_Studio_tests_copy_of_the_activity_registry_is_the_one_the_server_serves()
    {
        var client = await Api.CookieClientAsync(server, "designer");
        var served = JsonNode.Parse(await client.GetStringAsync("/api/activities"))!;
        await CheckedInCopy.AssertCurrentAsync(served, "designer", "test", "support", "activities.json");
    }
}
