using System.Text.Json.Nodes;

namespace FormFlow.Tests.Workflows.Elsa;

/// <summary>The Elsa files in tests/conformance/elsa and what each must do (expected.json beside them).</summary>
public static class ElsaFixtures
{

    public static string Folder => Path.Combine(RepositoryFiles.Root, "tests", "conformance", "elsa");

    public static JsonObject Expected { get; } =
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!.AsObject();

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static JsonObject ExpectationFor(string file) =>
        Expected[file] as JsonObject ?? throw new InvalidOperationException($"expected.json has no entry for {file}");

    /// <summary>Every Elsa file in the folder; a new file without an expectation fails the test that uses it.</summary>
    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order())
            if (file != "expected.json") data.Add(file!);
        return data;
    }

    public static TheoryData<string> Where(Func<JsonObject, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var (file, node) in Expected)
            if (node is JsonObject o && predicate(o)) data.Add(file);
        return data;
    }

}
