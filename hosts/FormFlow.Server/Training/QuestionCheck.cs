using System.Text.Json.Nodes;
using FormFlow.Persistence.Training;

namespace FormFlow.Server.Training;

/// <summary>
/// A question as an editor writes it (the API's body, or one row of an Excel sheet), checked into what a bank stores.
/// Options are labels; their values are the letters A, B, C ... in order. A true/false question has the options
/// true (正确) and false (错误). The answer is a letter (single), a list of letters (multiple), true or false, or for
/// fill-in one accepted text or a list of them.
/// </summary>
internal sealed record QuestionInput(
    string? Type = null, string? Topic = null, int? Difficulty = null, string? Text = null, List<string>? Options = null,
    JsonNode? Answer = null, string? Explanation = null, string? ImageFileId = null);

internal static class QuestionCheck
{
    public const int MaxOptions = 8;

    /// <summary>The checked question's stored fields, or the field at fault and why.</summary>
    public static (BankQuestion? Question, string? Field, string? Reason) Check(QuestionInput input)
    {
        if (input.Type is not { } type || !QuestionTypes.All.Contains(type))
            return Bad("type", $"one of {string.Join(", ", QuestionTypes.All)}");
        if (string.IsNullOrWhiteSpace(input.Topic) || input.Topic.Trim().Length > 100) return Bad("topic", "a topic of 1 to 100 characters is required");
        if (input.Difficulty is not (>= 1 and <= 5)) return Bad("difficulty", "a difficulty from 1 (easy) to 5 (hard) is required");
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Trim().Length > 2000) return Bad("text", "the question text (1 to 2000 characters) is required");
        if ((input.Explanation?.Length ?? 0) > 4000) return Bad("explanation", "at most 4000 characters");

        var options = new JsonArray();
        if (type == QuestionTypes.TrueFalse)
        {
            options.Add(new JsonObject { ["value"] = "true", ["label"] = "正确" });
            options.Add(new JsonObject { ["value"] = "false", ["label"] = "错误" });
        }
        else if (type != QuestionTypes.FillIn)
        {
            var labels = input.Options ?? [];
            if (labels.Count is < 2 or > MaxOptions) return Bad("options", $"2 to {MaxOptions} options are required");
            if (labels.Any(l => string.IsNullOrWhiteSpace(l) || l.Trim().Length > 500)) return Bad("options", "each option is a text of 1 to 500 characters");
            for (var i = 0; i < labels.Count; i++) options.Add(new JsonObject { ["value"] = Letter(i), ["label"] = labels[i].Trim() });
        }
        var values = options.Select(o => (string)o!["value"]!).ToList();

        JsonNode key;
        switch (type)
        {
            case QuestionTypes.Multiple:
                var picks = Texts(input.Answer);
                if (picks is not { Count: >= 1 } || picks.Any(p => !values.Contains(p)) || picks.Distinct().Count() != picks.Count)
                    return Bad("answer", $"a list of distinct option letters ({string.Join(", ", values)})");
                key = new JsonArray(picks.Select(p => (JsonNode)p).ToArray());
                break;
            case QuestionTypes.FillIn:
                var accepted = Texts(input.Answer);
                if (accepted is not { Count: >= 1 } || accepted.Any(a => a.Trim().Length is 0 or > 200))
                    return Bad("answer", "one accepted text or a list of them (each 1 to 200 characters)");
                key = new JsonArray(accepted.Select(a => (JsonNode)a.Trim()).ToArray());
                break;
            default:
                var one = input.Answer is JsonValue v && v.TryGetValue<bool>(out var b) ? (b ? "true" : "false") : Texts(input.Answer) is [var single] ? single : null;
                if (one is null || !values.Contains(one)) return Bad("answer", $"one of {string.Join(", ", values)}");
                key = one;
                break;
        }
        return (new BankQuestion
        {
            Type = type, Topic = input.Topic.Trim(), Difficulty = input.Difficulty.Value, Text = input.Text.Trim(),
            Options = options.ToJsonString(), Answer = key.ToJsonString(), Explanation = input.Explanation?.Trim() ?? "",
            ImageFileId = string.IsNullOrWhiteSpace(input.ImageFileId) ? null : input.ImageFileId,
        }, null, null);
    }

    public static string Letter(int index) => ((char)('A' + index)).ToString();

    private static (BankQuestion?, string?, string?) Bad(string field, string reason) => (null, field, reason);

    private static List<string>? Texts(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonArray a when a.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _)) => a.Select(x => (string)x!).ToList(),
        _ => null,
    };
}
