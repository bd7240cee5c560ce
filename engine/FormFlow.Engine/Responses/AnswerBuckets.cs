using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Responses;

/// <summary>One count (and sum, for ratings and numbers) an answer adds to a field's results.</summary>
public readonly record struct AnswerBucket(string Field, string Bucket, double Sum);

/// <summary>
/// What an answer adds to its service's tallies, per top-level field: choice and multiChoice one per chosen option,
/// boolean <c>true</c>/<c>false</c>, rating and number their value as the bucket (so a median is read from the counts)
/// with the value as the sum. Text answers are not tallied; they are listed from the stored answers.
/// The empty field name counts the answer itself; a multiChoice field's empty bucket counts the answers choosing
/// anything (its options add up to more than that). Option values are never empty, so neither collides.
/// </summary>
public static class AnswerBuckets
{
    public const string Answers = "";

    public static readonly string[] Tallied = [FieldTypes.Choice, FieldTypes.MultiChoice, FieldTypes.Boolean, FieldTypes.Rating, FieldTypes.Number, FieldTypes.Money];

    public static IEnumerable<AnswerBucket> Of(FormDefinition form, JsonObject data)
    {
        yield return new(Answers, Answers, 0);
        foreach (var field in form.DataFields())
        {
            if (field.Key is not { } key || data[key] is not { } value) continue;
            switch (field.Type)
            {
                case FieldTypes.Choice when value is JsonValue:
                    yield return new(key, value.ToString(), 0);
                    break;
                case FieldTypes.MultiChoice when value is JsonArray chosen:
                    var options = chosen.Select(c => c?.ToString()).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
                    if (options.Count > 0) yield return new(key, Answers, 0);
                    foreach (var option in options)
                        yield return new(key, option!, 0);
                    break;
                case FieldTypes.Boolean when value is JsonValue b && b.TryGetValue<bool>(out var flag):
                    yield return new(key, flag ? "true" : "false", 0);
                    break;
                case FieldTypes.Rating or FieldTypes.Number or FieldTypes.Money when Number(value) is { } n:
                    yield return new(key, n.ToString("R", CultureInfo.InvariantCulture), n);
                    break;
            }
        }
    }

    private static double? Number(JsonNode value) =>
        value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : value is JsonValue s && s.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
