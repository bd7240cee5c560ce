using FormFlow.Engine.JsonInput;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Loading;

/// <summary>
/// Reads a form definition from JSON: checks it against the definition-format schema, then the semantic checks
/// (<see cref="DefinitionChecks"/>). Any problem throws a <see cref="FormDefinitionException"/> listing all of them.
/// </summary>
public static class FormDefinitionLoader
{
    /// <summary>Definitions larger than this (in characters) are rejected before parsing.</summary>
    public const int MaxLength = 2_000_000;
    /// <summary>Deepest JSON nesting accepted in a definition (a group sits about 9 levels down).</summary>
    public const int MaxDepth = JsonDepth.Read;

    /// <summary>The JSON Schema (draft 2020-12) of the definition format, for editors and tools.</summary>
    public static string DefinitionSchema => DefinitionMetaSchema.Text;

    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static FormDefinition Load(string json)
    {
        if (json.Length > MaxLength)
            throw Single($"definition is {json.Length} characters long; the limit is {MaxLength}");
        if (InvalidStrings.FirstIn(json) is { } pointer) throw Single(InvalidStrings.Describe(pointer));
        JsonNode? raw;
        JsonElement element;
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = MaxDepth };
            raw = JsonNode.Parse(json, documentOptions: options);
            using var document = JsonDocument.Parse(json, options);
            element = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Single($"malformed JSON: {ex.Message}");
        }
        return Load(raw, element);
    }

    // The meta-schema check reports a definition nested too deep; writing it for that check must not fail first.
    public static FormDefinition Load(JsonNode? raw) => Load(raw, JsonSerializer.SerializeToElement(raw, DeepWrite));

    private static readonly JsonSerializerOptions DeepWrite = new() { MaxDepth = JsonDepth.Write };

    private static FormDefinition Load(JsonNode? raw, JsonElement element)
    {
        var problems = DefinitionMetaSchema.Check(element, raw);
        if (problems.Count > 0) throw new FormDefinitionException(problems);
        FormDefinition form;
        try
        {
            form = raw.Deserialize<FormDefinition>(SerializerOptions)!;
        }
        catch (JsonException ex)
        {
            // The format allows it but the runtime cannot hold it: an integer past int's range (maxLength: 1e308).
            var path = JsonPaths.ToPointer(ex.Path) ?? "";
            throw new FormDefinitionException([new DefinitionProblem(null, path, $"the value at {(path.Length == 0 ? "the top" : path)} is out of range")]);
        }
        problems = DefinitionChecks.Run(form, raw!);
        if (problems.Count > 0) throw new FormDefinitionException(problems);
        return form;
    }

    private static FormDefinitionException Single(string message) => new([new DefinitionProblem(null, "", message)]);
}
