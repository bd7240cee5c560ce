using FormFlow.Engine.JsonInput;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Cli;

/// <summary>Reading input files and writing JSON results, shared by every command.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The answer wraps the input files a few levels deeper than they were read.
        MaxDepth = JsonDepth.Write,
        // Chinese labels and messages stay readable on stdout.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ParseResult result, object? value) =>
        result.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>Reads a JSON file; a missing file or malformed JSON is a usage error naming the file.</summary>
    public static JsonNode? ReadFile(string path)
    {
        if (!File.Exists(path)) throw new CliException($"{path}: file not found");
        var text = File.ReadAllText(path);
        if (InvalidStrings.FirstIn(text) is { } pointer) throw new CliException($"{path}: {InvalidStrings.Describe(pointer)}");
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = JsonDepth.Read });
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path}: malformed JSON: {ex.Message}");
        }
    }
}
