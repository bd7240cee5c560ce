using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Reads JSON strings and numbers without throwing on other kinds of value. Numbers are read by their JSON text,
/// because values built in memory (expression results, definitions made in code) keep their CLR type (long,
/// int, decimal) and do not convert to double with TryGetValue.
/// </summary>
internal static class JsonText
{
    public static string? Of(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
