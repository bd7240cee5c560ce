using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Infrastructure;

namespace FormFlow.Server.Tests.Contracts;

/// <summary>
/// The browser's API types are generated from designer/src/api/openapi.json, so that file must be what the server
/// serves. When the API changes on purpose, refresh the document and the types with <c>npm run api:refresh</c> in
/// designer/, which runs this test with FORMFLOW_UPDATE_OPENAPI=1 and then regenerates (designer/README.md, "API types").
/// </summary>
public sealed class OpenApiDocumentTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_checked_in_OpenAPI_document_is_the_one_the_server_serves()
    {
        var served = JsonNode.Parse(await server.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        // The test server's address is not part of the contract.
        served.AsObject().Remove("servers");
        var text = served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var path = RepositoryFiles.Path("designer", "src", "api", "openapi.json");

        if (Environment.GetEnvironmentVariable("FORMFLOW_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(path, text);

        var checkedIn = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(checkedIn == text,
            "designer/src/api/openapi.json is stale against the server: refresh it and the generated types with " +
            "`npm run api:refresh` in designer/ (or FORMFLOW_UPDATE_OPENAPI=1 on this test, then npm run api:generate)");
    }
}
