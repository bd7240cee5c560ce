using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>The module library as the Studio calls it: finding modules, drafting and publishing template versions, deriving a street module; and the org IDs and repository files those calls need.</summary>
internal static class ModuleLibraryApi
{
    internal static async Task<JsonArray> ListAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/modules"))!.AsArray();

    internal static async Task<JsonObject> FindAsync(HttpClient client, string key, string ownerName) =>
        (await ListAsync(client)).Single(m => (string?)m!["key"] == key && (string?)m["ownerOrgName"] == ownerName)!.AsObject();

    internal static async Task<int> OrgIdAsync(ServerFixture server, string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Derives <paramref name="parent"/> for a street with one overlay operation, publishes it and activates it there.</summary>
    internal static async Task<JsonObject> StreetModuleAsync(ServerFixture server, HttpClient admin, JsonObject parent, string street, object operation)
    {
        var streetId = await OrgIdAsync(server, street);
        var module = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/modules/{parent["id"]}/derive", new { orgUnitId = streetId }));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/modules/{module["id"]}/overlay", new { operations = new[] { operation } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/modules/{module["id"]}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/modules/{module["id"]}/activate", new { orgUnitId = streetId })).StatusCode);
        return module;
    }

    /// <summary>Saves the template's draft as the next version with a change (not published).</summary>
    internal static async Task DraftTemplateAsync(HttpClient designer, JsonObject template, string version, Action<JsonObject> change)
    {
        var package = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{template["id"]}/draft"));
        package["version"] = version;
        change(package);
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{template["id"]}/draft", package)).StatusCode);
    }

    /// <summary>Publishes the template's next version with a change; the answer (with the cascade's report) once the cascade is done.</summary>
    internal static async Task<JsonObject> PublishTemplateAsync(HttpClient designer, JsonObject template, string version, Action<JsonObject> change)
    {
        await DraftTemplateAsync(designer, template, version, change);
        var published = await designer.PostAsync($"/api/modules/{template["id"]}/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var answer = await Api.JsonAsync(published);
        Assert.Equal("done", (string?)answer["cascade"]);
        return answer;
    }

    internal static JsonNode Entry(JsonNode answer, string list, JsonNode module) =>
        answer[list]!.AsArray().Single(e => e!["moduleId"]!.GetValue<int>() == module["id"]!.GetValue<int>())!;
}
