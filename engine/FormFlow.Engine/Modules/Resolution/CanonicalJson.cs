using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.JsonInput;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// The canonical text of a JSON document (object members in ordinal key order at every level, no white space) and
/// its SHA-256: equal content gives an equal hash whatever order the files were written in.
/// </summary>
public static class CanonicalJson
{
    // A module wraps its package's files a few levels deeper than they were read.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = JsonDepth.Write };

    public static string Text(JsonNode? node) => Sorted(node)?.ToJsonString(Options) ?? "null";

    /// <summary>`sha256:` followed by 64 lower-case hex digits.</summary>
    public static string Hash(JsonNode? node) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(node))));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
