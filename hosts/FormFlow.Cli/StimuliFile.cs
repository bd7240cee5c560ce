using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Cli;

/// <summary>
/// One entry of a stimuli file: a stimulus for the runner, or a clock move (which then fires whatever came due).
/// <see cref="Pointer"/> names the entry in error messages.
/// </summary>
internal sealed record StimulusStep(string Pointer, Stimulus? Stimulus, TimeSpan? AdvanceBy = null, DateTimeOffset? AdvanceTo = null);

/// <summary>
/// Reads a stimuli file: a JSON list applied in order (format in samples/workflows/README.md). Each entry holds
/// exactly one of complete, advance, advanceTo, event, resubmit, and optionally "by".
/// </summary>
internal static class StimuliFile
{
    private static readonly string[] Verbs = ["complete", "advance", "advanceTo", "event", "resubmit"];
    private static readonly Dictionary<string, string[]> Extras = new()
    {
        ["complete"] = ["outcome", "data"],
        ["advance"] = [],
        ["advanceTo"] = [],
        ["event"] = ["correlation", "payload"],
        ["resubmit"] = ["bookmark"],
    };

    public static IReadOnlyList<StimulusStep> Read(string path)
    {
        if (CliJson.ReadFile(path) is not JsonArray list)
            throw new CliException($"{path}: a stimuli file must hold a JSON list of stimuli");
        return list.Select((item, i) => Parse(item, $"{path} /{i}")).ToList();
    }

    public static StimulusStep Parse(JsonNode? item, string at)
    {
        if (item is not JsonObject entry) throw new CliException($"{at}: a stimulus must be an object");
        var verbs = Verbs.Where(entry.ContainsKey).ToList();
        if (verbs.Count != 1)
            throw new CliException($"{at}: a stimulus has exactly one of {string.Join(", ", Verbs)}" +
                                   (verbs.Count > 1 ? $", not {string.Join(" and ", verbs)}" : ""));
        var verb = verbs[0];
        foreach (var (key, _) in entry)
            if (key != verb && key != "by" && !Extras[verb].Contains(key))
                throw new CliException($"{at}/{key}: '{verb}' takes {string.Join(", ", Extras[verb].Append("by"))}, not '{key}'");
        var by = Text(entry, "by", at, required: false);
        return verb switch
        {
            "complete" => new StimulusStep(at, new TaskCompleted(Text(entry, "complete", at)!, Text(entry, "outcome", at)!, Object(entry, "data", at)) { By = by }),
            "event" => new StimulusStep(at, new EventReceived(Text(entry, "event", at)!, Text(entry, "correlation", at, required: false), entry["payload"]?.DeepClone()) { By = by }),
            "resubmit" => new StimulusStep(at, new ApplicantResubmitted(Object(entry, "resubmit", at) ?? throw new CliException($"{at}/resubmit: the resubmitted form data must be an object"),
                Text(entry, "bookmark", at, required: false)) { By = by }),
            "advance" => new StimulusStep(at, null, AdvanceBy: Duration(entry["advance"], $"{at}/advance")),
            _ => new StimulusStep(at, null, AdvanceTo: Moment(entry["advanceTo"], $"{at}/advanceTo")),
        };
    }

    private const int MaxAdvanceDays = 36_500;

    /// <summary>"P16D" / "PT2H", or {"days": 16, "hours": 2, "minutes": 30}.</summary>
    private static TimeSpan Duration(JsonNode? node, string at)
    {
        if (node is JsonValue v && v.TryGetValue(out string? iso))
            return Durations.TryParse(iso, out var d) ? d : throw new CliException($"{at}: '{iso}' is not a positive ISO 8601 duration such as P16D or PT2H");
        if (node is not JsonObject parts || parts.Count == 0)
            throw new CliException($"{at}: advance takes an ISO 8601 duration (\"P16D\") or {{\"days\", \"hours\", \"minutes\"}}");
        var total = TimeSpan.Zero;
        foreach (var (unit, amount) in parts)
        {
            if (amount is not JsonValue n || !n.TryGetValue(out double value) || value < 0 || value != Math.Floor(value))
                throw new CliException($"{at}/{unit}: must be a whole number, not {amount?.ToJsonString() ?? "null"}");
            // A clock advanced by more than a century tests nothing, and a TimeSpan cannot hold much more.
            if (value > MaxAdvanceDays * (unit == "hours" ? 24 : unit == "minutes" ? 24 * 60 : 1))
                throw new CliException($"{at}/{unit}: at most {MaxAdvanceDays} days in all, not {amount.ToJsonString()}");
            total += unit switch
            {
                "days" => TimeSpan.FromDays(value),
                "hours" => TimeSpan.FromHours(value),
                "minutes" => TimeSpan.FromMinutes(value),
                _ => throw new CliException($"{at}/{unit}: advance counts days, hours and minutes, not '{unit}'"),
            };
        }
        return total > TimeSpan.Zero ? total : throw new CliException($"{at}: advancing by nothing does not move the clock");
    }

    public static DateTimeOffset Moment(JsonNode? node, string at) =>
        node is JsonValue v && v.TryGetValue(out string? text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && text.Contains('T')
            ? moment
            : throw new CliException($"{at}: expected an ISO 8601 date-time with offset, e.g. 2026-03-10T09:00:00+08:00");

    private static string? Text(JsonObject entry, string key, string at, bool required = true)
    {
        var node = entry[key];
        if (node is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0) return s;
        if (node is null && !required) return null;
        throw new CliException($"{at}/{key}: expected {(key == "complete" ? "the task's activity or bookmark ID" : "a non-empty string")}");
    }

    private static JsonObject? Object(JsonObject entry, string key, string at) => entry[key] switch
    {
        null => null,
        JsonObject o => (JsonObject)o.DeepClone(),
        _ => throw new CliException($"{at}/{key}: expected an object"),
    };
}
