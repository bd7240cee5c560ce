using System.Net;
using System.Net.Http.Json;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Activities;

/// <summary>GET /api/activities serves the engine's registry, which the Studio's palette is built from.</summary>
public sealed class ActivityEndpointTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private sealed record Label(string? En);
    private sealed record Input(string Name, string Kind, bool Required, System.Text.Json.Nodes.JsonNode? Default);
    private sealed record Activity(string Type, string Category, Label Label, List<Input> Inputs, List<string> Outcomes, string? NeedsHost);

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var response = await server.CreateClient().GetAsync("/api/activities");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_designer_gets_every_registered_type_with_labels_kinds_and_defaults()
    {
        var client = await Api.CookieClientAsync(server, "designer");
        var activities = (await client.GetFromJsonAsync<List<Activity>>("/api/activities"))!;

        Assert.Equal(ActivityRegistry.Default.InRegistrationOrder.Select(d => d.Type), activities.Select(a => a.Type));
        var userTask = activities.Single(a => a.Type == "userTask");
        Assert.Equal(("people", "User task"), (userTask.Category, userTask.Label.En));
        Assert.Equal("object", userTask.Inputs.Single(i => i.Name == "assignTo").Kind);
        Assert.Equal(10, userTask.Inputs.Single(i => i.Name == "deadlineDays").Default!.GetValue<int>());
        Assert.Equal(["true", "false"], activities.Single(a => a.Type == "decision").Outcomes);
    }

    [Fact]
    public async Task The_activities_the_server_cannot_run_are_marked_so_the_palette_leaves_them_out()
    {
        var client = await Api.CookieClientAsync(server, "designer");
        var activities = (await client.GetFromJsonAsync<List<Activity>>("/api/activities"))!;
        Assert.Equal([("callSubModule", "subModules"), ("httpRequest", "http")],
            activities.Where(a => a.NeedsHost is not null).Select(a => (a.Type, a.NeedsHost!)).OrderBy(a => a.Type));
    }
}
