using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Snapshots;

namespace FormFlow.Server.Tasks;

/// <summary>
/// Turns a completion's data into the stimulus the workflow gets, through the forms engine with the step's field
/// permissions: form fields the step may edit (or must fill) are merged into the case data and the whole form is
/// checked; a form field the step may only read, may not see, or has no permission for is refused by path; keys
/// that are not form fields (a review note, the offline record) are task data only.
/// </summary>
internal static class TaskCompletion
{
    public sealed record Prepared(JsonObject? StimulusData, IReadOnlyList<FormError> Errors);

    public static Prepared Prepare(CaseTask task, LoadedForm form, JsonObject caseData, JsonObject? data, string? comment)
    {
        var stimulus = new JsonObject();
        if (comment is not null) stimulus["comment"] = comment;
        if (task.Kind == BookmarkKinds.OfflineHandling)
        {
            foreach (var (key, value) in data ?? []) stimulus[key] = value?.DeepClone();
            return new Prepared(stimulus, []);
        }

        var permissions = JsonNode.Parse(task.FieldPermissions)!.AsObject();
        var fieldKeys = form.Definition.DataFields().Select(f => f.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        string? Permission(string key) => (string?)permissions[key];
        var errors = new List<FormError>();
        var submitted = (JsonObject)caseData.DeepClone();
        var edited = new List<string>();
        foreach (var (key, value) in data ?? [])
        {
            if (!fieldKeys.Contains(key)) { stimulus[key] = value?.DeepClone(); continue; }
            if (Permission(key) is "edit" or "required")
            {
                submitted[key] = value?.DeepClone();
                edited.Add(key);
            }
            else errors.Add(new FormError("/" + key, "permission",
                $"field '{key}' is {Permission(key) ?? "not editable"} at step '{task.ActivityId}' and may not be changed"));
        }
        if (errors.Count > 0) return new Prepared(null, errors);

        var result = form.Runtime.Process(submitted, ProcessOptions(task, form, caseData));
        if (!result.Valid) return new Prepared(null, result.Errors);
        foreach (var key in edited) stimulus[key] = result.Data[key]?.DeepClone();
        return new Prepared(stimulus, []);
    }

    /// <summary>How the step's form is checked: every form field the step has no edit right on keeps its stored value, whatever was sent.</summary>
    public static FormProcessOptions ProcessOptions(CaseTask task, LoadedForm form, JsonObject caseData)
    {
        var permissions = JsonNode.Parse(task.FieldPermissions)!.AsObject();
        var access = form.Definition.DataFields().Select(f => f.Key).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(k => k, k => (string?)permissions[k] switch
            {
                "hidden" => FieldAccess.Hidden,
                "edit" => FieldAccess.Edit,
                "required" => FieldAccess.Required,
                _ => FieldAccess.Read,
            });
        return new FormProcessOptions { Mode = FormMode.Submit, Permissions = access, PreviousData = caseData };
    }
}
