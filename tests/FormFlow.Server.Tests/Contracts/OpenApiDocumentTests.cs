using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Contracts;

/// <summary>
/// The browser's API types are generated from designer/src/api/openapi.json, so that file must be what the server
/// serves. When the API changes on purpose, `npm run api:refresh` in designer/ rewrites it and regenerates the types
/// (designer/README.md, "API types").
/// </summary>
public sealed class OpenApiDocumentTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_checked_in_OpenAPI_document_is_the_one_the_server_serves()
    {
        var served = JsonNode.Parse(await server.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        // The test server's address is not part of the contract.
        served.AsObject().Remove("servers");
        await CheckedInCopy.AssertCurrentAsync(served, "designer", "src", "api", "openapi.json");
    }
}
