using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Modules;

/// <summary>GET /api/modules/{id}/versions/{version}: what a published version was, for the Studio's diff against the draft.</summary>
public abstract class ModuleVersionDocumentTests(ServerFixture server)
{
    [Fact]
    public async Task A_published_version_keeps_its_document_after_the_draft_moves_on()
    {
        var designer = await Api.BearerClientAsync(server, "designer");
        var cityJoin = await ModuleLibraryApi.FindAsync(designer, "join", "某市总工会");
        var id = cityJoin["id"]!.GetValue<int>();
        var first = (string)cityJoin["latestVersion"]!;
        var draft = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{id}/draft"));
        var published = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{id}/versions/{first}"));
        Assert.True(JsonNode.DeepEquals(draft, published), "the seeded draft is what was published");

        var before = published["settings"]!["streetDeadlineDays"]!["value"]!.GetValue<int>();
        draft["version"] = "9.0.0";
        draft["settings"]!["streetDeadlineDays"]!["value"] = before + 3;
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{id}/draft", draft)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await designer.PostAsync($"/api/modules/{id}/publish", null)).StatusCode);

        var old = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{id}/versions/{first}"));
        Assert.Equal(before, old["settings"]!["streetDeadlineDays"]!["value"]!.GetValue<int>());
        Assert.Equal(first, (string?)old["version"]);
        var latest = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{id}/versions/9.0.0"));
        Assert.Equal(before + 3, latest["settings"]!["streetDeadlineDays"]!["value"]!.GetValue<int>());

        var unknown = await Api.ProblemAsync(await designer.GetAsync($"/api/modules/{id}/versions/8.8.8"), HttpStatusCode.NotFound);
        Assert.Contains("8.8.8", Api.Text(unknown));
    }

    [Fact]
    public async Task A_derived_version_is_its_resolved_module_and_other_districts_see_nothing()
    {
        var admin = await Api.BearerClientAsync(server, "district-admin");
        var dongcheng = await ModuleLibraryApi.FindAsync(admin, "join", "东城区总工会");
        var version = (string)dongcheng["latestVersion"]!;
        var document = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{dongcheng["id"]}/versions/{version}"));
        var preview = await Api.JsonAsync(await admin.GetAsync($"/api/modules/{dongcheng["id"]}/preview"));
        Assert.True(JsonNode.DeepEquals(preview["module"], document), "unchanged since publishing, the draft resolves to the published module");
        Assert.NotEmpty(document["workflow"]!["activities"]!.AsArray());

        var designer = await Api.BearerClientAsync(server, "designer");
        var xihu = await ModuleLibraryApi.FindAsync(designer, "join", "西湖区总工会");
        await Api.ProblemAsync(await admin.GetAsync($"/api/modules/{xihu["id"]}/versions/{xihu["latestVersion"]}"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await (await Api.BearerClientAsync(server, "worker")).GetAsync($"/api/modules/{dongcheng["id"]}/versions/{version}"), HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteModuleVersionDocumentTests(SqliteServer server) : ModuleVersionDocumentTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresModuleVersionDocumentTests(PostgresServer server) : ModuleVersionDocumentTests(server), IClassFixture<PostgresServer>;
