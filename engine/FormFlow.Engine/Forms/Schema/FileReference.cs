using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Schema;

/// <summary>
/// The value of file, image and signature fields: a reference to an upload stored elsewhere,
/// {"id", "name", "size", "contentType"}; id and name are required.
/// </summary>
internal static class FileReference
{
    public static readonly IReadOnlyList<string> Properties = ["id", "name", "size", "contentType"];
    private static readonly string[] SignatureTypes = ["image/png", "image/svg+xml"];

    internal static JsonObject Schema(FieldDefinition f)
    {
        JsonObject contentType = f.Accept is { Count: > 0 } accept ? new() { ["type"] = "string", ["enum"] = Strings(accept) }
            : f.Type == FieldTypes.Signature ? new() { ["type"] = "string", ["enum"] = Strings(SignatureTypes) }
            : f.Type == FieldTypes.Image ? new() { ["type"] = "string", ["pattern"] = "^image/" }
            : new() { ["type"] = "string", ["maxLength"] = 255 };
        var size = new JsonObject { ["type"] = "integer", ["minimum"] = 0 };
        if (f.MaxSize is { } maxSize) size["maximum"] = maxSize;
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 200 },
                ["name"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 255 },
                ["size"] = size,
                ["contentType"] = contentType,
            },
            ["required"] = new JsonArray("id", "name"),
            ["additionalProperties"] = false,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
