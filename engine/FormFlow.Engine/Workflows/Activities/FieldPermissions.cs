using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// A task step's rights over the case form: a completion may write fields the step may "edit" or must fill
/// ("required") into the form data; writing a "hidden" or "read" field is refused; keys without a permission
/// are task data only. A "required" field must have a value after the completion.
/// </summary>
internal static class FieldPermissions
{
    public static void Apply(ActivityContext context, Bookmark bookmark, JsonObject data)
    {
        if (bookmark.Payload["fieldPermissions"] is not JsonObject permissions) return;
        var problems = new List<string>();
        foreach (var (key, _) in data)
            if (JsonText.Of(permissions[key]) is "hidden" or "read")
                problems.Add($"field '{key}' is {permissions[key]} at this step and may not be changed");
        foreach (var (key, permission) in permissions)
            if (JsonText.Of(permission) == "required" && IsEmpty(data.ContainsKey(key) ? data[key] : context.Instance.Input[key]))
                problems.Add($"field '{key}' is required at this step");
        if (problems.Count > 0)
            throw new WorkflowStimulusException($"task '{context.Activity.Id}' (bookmark '{bookmark.Id}'): {string.Join("; ", problems)}");
        foreach (var (key, value) in data)
            if (JsonText.Of(permissions[key]) is "edit" or "required")
                context.Instance.Input[key] = value?.DeepClone();
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length == 0) || value is JsonArray { Count: 0 };
}
