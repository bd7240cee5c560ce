using System.Text.Json.Nodes;

namespace FormFlow.Tests.Workflows.Elsa;

/// <summary>Compares JSON as values: numbers by value (42 equals 42.0), objects by their members.</summary>
public static class JsonExpect
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string where)
    {
        if (!Same(expected, actual))
            Assert.Fail($"{where}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
    }

    public static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && Same(p.Value, y[p.Key])),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.TryGetValue(out decimal m) && y.TryGetValue(out decimal n) => m == n,
        (JsonValue x, JsonValue y) => x.ToJsonString() == y.ToJsonString(),
        _ => false,
    };

    public static string[] Strings(JsonNode? list) => list?.AsArray().Select(x => x!.GetValue<string>()).ToArray() ?? [];
}
