using System.Text.Json.Nodes;
using FormFlow.Persistence.Training;

namespace FormFlow.Server.Training;

/// <summary>
/// A question's options and key as stored (JSON text), and the one rule for whether a given answer is right: a single
/// or true/false answer is the key's value, a multiple-choice answer holds exactly the key's values in any order, a
/// fill-in answer is one of the accepted texts, ignoring case and surrounding spaces.
/// </summary>
internal static class QuestionKeys
{
    public static List<QuestionOption> Options(BankQuestion q) =>
        JsonNode.Parse(q.Options)!.AsArray().Select(o => new QuestionOption((string)o!["value"]!, (string)o["label"]!)).ToList();

    public static JsonNode Key(BankQuestion q) => JsonNode.Parse(q.Answer)!;

    public static bool IsRight(BankQuestion q, JsonNode? given)
    {
        var key = Key(q);
        return q.Type switch
        {
            QuestionTypes.Multiple => given is JsonArray g && key is JsonArray k
                && g.Select(Text).ToHashSet().SetEquals(k.Select(Text)) && g.Count == k.Count,
            QuestionTypes.FillIn => Text(given) is { } text && key.AsArray().Any(a => string.Equals(Text(a)?.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase)),
            _ => Text(given) is { } value && value == Text(key),
        };
    }

    /// <summary>Why an answer cannot count for this question (wrong shape or an unknown option), or null.</summary>
    public static string? ShapeProblem(BankQuestion q, JsonNode? given)
    {
        var values = Options(q).Select(o => o.Value).ToHashSet();
        return q.Type switch
        {
            QuestionTypes.Multiple => given is JsonArray list && list.All(v => Text(v) is { } t && values.Contains(t))
                ? null : $"a list of option values ({string.Join(", ", values)})",
            QuestionTypes.FillIn => Text(given) is { Length: > 0 and <= 200 } ? null : "a text of 1 to 200 characters",
            _ => Text(given) is { } one && values.Contains(one) ? null : $"one option value ({string.Join(", ", values)})",
        } is { } expected ? $"question {q.Id} takes {expected}" : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

internal sealed record QuestionOption(string Value, string Label);
