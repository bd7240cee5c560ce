using FormFlow.Engine.Workflows.Activities;
using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Resolution;

namespace FormFlow.Engine.Modules.Migration;

/// <summary>
/// How running cases move from one snapshot to another: <see cref="Steps"/> maps an old activity ID to the new one
/// that takes over its waiting work (unmapped IDs stay as they are); <see cref="Defaults"/> fills form fields the
/// new version requires; <see cref="Grandfathered"/> lists form keys whose new rules running cases are exempt from.
/// </summary>
public sealed record MigrationPlan
{
    public IReadOnlyDictionary<string, string> Steps { get; init; } = new Dictionary<string, string>();
    public JsonObject Defaults { get; init; } = [];
    public IReadOnlyList<string> Grandfathered { get; init; } = [];

    /// <summary>Mistakes in the plan itself, the same for every case: steps or keys that do not exist.</summary>
    public IReadOnlyList<ModuleProblem> Check(JsonObject oldModule, JsonObject newModule)
    {
        var problems = new List<ModuleProblem>();
        var (oldSteps, newSteps) = (Activities(oldModule), Activities(newModule));
        foreach (var (from, to) in Steps)
        {
            if (!oldSteps.ContainsKey(from))
                problems.Add(new(from, $"/steps/{from}", $"the plan maps step '{from}', which version {oldModule["version"]} does not have"));
            if (!newSteps.ContainsKey(to))
                problems.Add(new(to, $"/steps/{from}", $"the plan maps step '{from}' to '{to}', which version {newModule["version"]} does not have"));
        }
        var keys = ModuleSoundness.CaseForm(newModule) is { } form ? ModuleSoundness.FormKeys(form) : [];
        foreach (var (key, _) in Defaults)
            if (!keys.Contains(key))
                problems.Add(new(null, $"/defaults/{key}", $"the plan gives a default for '{key}', which the new form does not have"));
        for (var i = 0; i < Grandfathered.Count; i++)
            if (!keys.Contains(Grandfathered[i]))
                problems.Add(new(null, $"/grandfathered/{i}", $"the plan exempts '{Grandfathered[i]}', which the new form does not have"));
        return problems;
    }

    /// <summary>
    /// The plan read from `{steps: {old: new}, defaults: {key: value}, grandfathered: [key]}` (all optional); a member
    /// of the wrong shape throws <see cref="FormatException"/> naming it.
    /// </summary>
    public static MigrationPlan FromJson(JsonObject? json)
    {
        if (json is null) return new();
        static string Text(JsonNode? node, string path) =>
            node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"{path} must be a string");
        if (json["steps"] is not (null or JsonObject)) throw new FormatException("/steps must be an object {oldActivityId: newActivityId}");
        if (json["defaults"] is not (null or JsonObject)) throw new FormatException("/defaults must be an object {formKey: value}");
        if (json["grandfathered"] is not (null or JsonArray)) throw new FormatException("/grandfathered must be a list of form keys");
        return new()
        {
            Steps = (json["steps"] as JsonObject ?? []).ToDictionary(p => p.Key, p => Text(p.Value, $"/steps/{p.Key}"), StringComparer.Ordinal),
            Defaults = (JsonObject?)json["defaults"]?.DeepClone() ?? [],
            Grandfathered = (json["grandfathered"] as JsonArray ?? []).Select((k, i) => Text(k, $"/grandfathered/{i}")).ToList(),
        };
    }

    internal static Dictionary<string, JsonObject> Activities(JsonObject module) =>
        (module["workflow"]?["activities"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => JsonText.Of(a["id"]) is not null).ToDictionary(a => JsonText.Of(a["id"])!, StringComparer.Ordinal);
}
