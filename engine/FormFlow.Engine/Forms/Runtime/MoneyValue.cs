using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>Money is written with exactly two decimals (12.5 → 12.50).</summary>
internal static class MoneyValue
{
    /// <summary>
    /// Submitted amounts with more than two decimals are left as they are, for the schema's multipleOf to reject;
    /// calculated amounts are rounded half away from zero.
    /// </summary>
    public static JsonNode Normalize(JsonNode value, bool round)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number
            || !decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            return value.DeepClone();
        var rounded = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        return round || rounded == amount ? JsonValue.Create(rounded + 0.00m) : value.DeepClone();
    }
}
