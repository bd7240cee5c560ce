using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Tests.Conformance;

/// <summary>JSON equality as the vectors mean it: numbers by value (3 equals 3.0), object keys in any order.</summary>
internal static class JsonEquivalence
{
    public static bool AreEquivalent(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (JsonObject e, JsonObject a) => e.Count == a.Count
            && e.All(pair => a.TryGetPropertyValue(pair.Key, out var value) && AreEquivalent(pair.Value, value)),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(pair => AreEquivalent(pair.First, pair.Second)),
        (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number =>
            double.Parse(e.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            == double.Parse(a.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
        (JsonValue e, JsonValue a) => e.ToJsonString() == a.ToJsonString(),
        _ => false,
    };
}
