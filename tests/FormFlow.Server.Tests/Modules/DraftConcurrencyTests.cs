using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>Two designers saving one draft: the one whose If-Match is stale gets 409 naming who saved in between, and loses nothing silently.</summary>
public abstract class DraftConcurrencyTests(ServerFixture server)
{
    private static HttpRequestMessage Put(string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static async Task<(JsonObject Body, string ETag)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var etag = response.Headers.ETag?.ToString();
        Assert.NotNull(etag);
        return (await Api.JsonAsync(response), etag);
    }

    private static object Set(string value) =>
        new { operations = new[] { new { op = "set", element = "lawyerDeadlineDays", path = "/value", value = int.Parse(value), was = 5 } } };

    [Fact]
    public async Task A_stale_overlay_save_is_409_naming_who_saved_in_between_and_keeps_the_winner()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var module = await ModuleLibraryApi.FindAsync(admin, "legal-consultation", "东城区总工会");
        var url = $"/api/modules/{module["id"]}/overlay";
        var (_, adminTag) = await GetAsync(admin, url);
        var (_, designerTag) = await GetAsync(designer, url);
        Assert.Equal(adminTag, designerTag);

        var first = await designer.SendAsync(Put(url, Set("8"), designerTag));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(designerTag, first.Headers.ETag?.ToString());
        var winner = await designer.GetStringAsync(url);

        var late = await admin.SendAsync(Put(url, Set("9"), adminTag));
        var problem = await Api.ProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Contains("saved by designer at ", Api.Text(problem));
        Assert.Equal("designer", (string?)problem["savedBy"]);
        Assert.NotNull((string?)problem["savedAt"]);
        Assert.Equal(winner, await admin.GetStringAsync(url));

        // reloaded, the admin's save goes through
        var (_, fresh) = await GetAsync(admin, url);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(url, Set("9"), fresh))).StatusCode);
        await Api.ProblemAsync(await admin.SendAsync(Put(url, Set("9"), "\"seven\"")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Two_template_saves_racing_on_one_revision_one_lands_and_the_other_gets_409()
    {
        var first = await Api.BearerClientAsync(server, "designer");
        var second = await Api.BearerClientAsync(server, "designer");
        var module = await ModuleLibraryApi.FindAsync(first, "benefits", "某市总工会");
        var url = $"/api/modules/{module["id"]}/draft";
        var (package, etag) = await GetAsync(first, url);
        var a = package.DeepClone().AsObject();
        a["version"] = "1.1.0";
        var b = package.DeepClone().AsObject();
        b["version"] = "1.2.0";
        var answers = await Task.WhenAll(first.SendAsync(Put(url, a, etag)), second.SendAsync(Put(url, b, etag)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
        var loser = await Api.ProblemAsync(answers.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Contains("saved by designer", Api.Text(loser));
        var kept = (string?)(await Api.JsonAsync(answers.Single(r => r.StatusCode == HttpStatusCode.OK)))["version"];
        Assert.Equal(kept, (string?)(await Api.JsonAsync(await first.GetAsync(url)))["version"]);
    }
}

public sealed class SqliteDraftConcurrencyTests(SqliteServer server) : DraftConcurrencyTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresDraftConcurrencyTests(PostgresServer server) : DraftConcurrencyTests(server), IClassFixture<PostgresServer>;
