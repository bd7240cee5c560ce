using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// Copies of what the server serves that the browser code builds on (the OpenAPI document, the activity registry),
/// checked in under designer/. A test compares the served answer with its copy; with FORMFLOW_UPDATE_OPENAPI=1 it
/// writes the copy first (what `npm run api:refresh` in designer/ does).
/// </summary>
public static class CheckedInCopy
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task AssertCurrentAsync(JsonNode served, params string[] relativePath)
    {
        var text = served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var path = RepositoryFiles.Path(relativePath);
        if (Environment.GetEnvironmentVariable("FORMFLOW_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(path, text);

        var checkedIn = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(checkedIn == text,
            $"{string.Join('/', relativePath)} is stale against the server: refresh the copies and the generated types with " +
            "`npm run api:refresh` in designer/ (or run tests/FormFlow.Server.Tests/Contracts with FORMFLOW_UPDATE_OPENAPI=1, then npm run api:generate)");
    }
}
