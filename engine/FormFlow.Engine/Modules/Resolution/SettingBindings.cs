using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Activities;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// Settings drive activity inputs (`appliesTo: [{activity, input}]`): the resolved workflow carries each setting's
/// value there, so a deadline is changed in one place and checked against its bounds.
/// </summary>
internal static class SettingBindings
{
    /// <summary>A copy of the module with every bound activity input set from its setting.</summary>
    public static JsonObject Applied(JsonObject module)
    {
        var copy = module.DeepClone().AsObject();
        foreach (var (name, activityId, input) in Bindings(copy))
            if (Activity(copy, activityId) is JsonObject activity)
            {
                var inputs = activity["inputs"] as JsonObject ?? (JsonObject)(activity["inputs"] = new JsonObject());
                inputs[input] = copy["settings"]![name]!["value"]?.DeepClone();
            }
        return copy;
    }

    /// <summary>The setting that drives an activity input, if any.</summary>
    public static string? BoundSetting(JsonObject module, string activityId, string pointer) =>
        Bindings(module).FirstOrDefault(b => b.Activity == activityId && Elements.Pointer.Overlaps(pointer, $"/inputs/{Elements.Pointer.Escape(b.Input)}")).Setting;

    public static IEnumerable<(string Setting, string Activity, string Input)> Bindings(JsonObject module)
    {
        if (module["settings"] is not JsonObject settings) yield break;
        foreach (var (name, setting) in settings)
            foreach (var target in setting?["appliesTo"]?.AsArray() ?? [])
                yield return (name, (string)target!["activity"]!, (string)target["input"]!);
    }

    public static JsonObject? Activity(JsonObject module, string id) =>
        // A workflow whose activities are not a list is reported by the soundness check; here it binds nothing.
        (module["workflow"]?["activities"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(a => JsonText.Of(a["id"]) == id);
}
