using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Modules.Migration;

/// <summary>
/// Moves one running case from the snapshot it started on to another (both resolved modules). A case can move
/// when every step it waits at — and every fork it is inside — exists in the new workflow as the same kind of
/// activity (directly or through the plan's step mapping), an open task keeps its outcomes, and its form data
/// passes the new form once the plan's defaults are filled in (fields the plan grandfathers are exempt).
/// <see cref="Check"/> is the dry run; <see cref="Apply"/> refuses what <see cref="Check"/> blocks.
/// </summary>
public static class CaseMigration
{
    public static IReadOnlyList<MigrationBlock> Check(JsonObject oldModule, JsonObject newModule, WorkflowInstance instance, JsonObject data, MigrationPlan plan)
    {
        var blocks = new List<MigrationBlock>();
        switch (instance.Status)
        {
            case WorkflowStatus.Finished:
                return [new(MigrationBlockKinds.NotRunning, "the case has finished")];
            case WorkflowStatus.Faulted:
                return [new(MigrationBlockKinds.Faulted, "the case is faulted at " + string.Join(", ", instance.Incidents.Where(i => i.ResolvedAt is null).Select(i => $"'{i.ActivityId}'")) + "; retry it first")];
        }
        var (oldSteps, newSteps) = (MigrationPlan.Activities(oldModule), MigrationPlan.Activities(newModule));
        var toVersion = newModule["version"];
        var places = instance.Tokens.Select(t => t.ActivityId).Concat(instance.Scopes.Select(s => s.ForkActivityId)).Distinct();
        foreach (var from in places)
        {
            var to = Target(plan, from);
            if (!newSteps.TryGetValue(to, out var step))
            {
                blocks.Add(new(MigrationBlockKinds.StepRemoved, to == from
                    ? $"the case is at step '{from}', which version {toVersion} does not have and the plan maps nowhere"
                    : $"the plan maps step '{from}' to '{to}', which version {toVersion} does not have", from));
                continue;
            }
            var oldType = oldSteps.TryGetValue(from, out var old) ? (string?)old["type"] : null;
            if (oldType is not null && oldType != (string?)step["type"])
                blocks.Add(new(MigrationBlockKinds.StepTypeChanged, $"step '{from}' is a {oldType}; '{to}' in version {toVersion} is a {step["type"]}", from));
        }
        foreach (var bookmark in instance.Bookmarks.Where(b => b.Kind == BookmarkKinds.UserTask))
        {
            var to = Target(plan, bookmark.ActivityId);
            if (!newSteps.TryGetValue(to, out var step) || step["inputs"]?["outcomes"] is not JsonArray outcomes) continue;
            var offered = outcomes.Select(JsonText.Of).ToHashSet();
            foreach (var outcome in (bookmark.Payload["outcomes"] as JsonArray ?? []).Select(JsonText.Of).Where(o => !offered.Contains(o)))
                blocks.Add(new(MigrationBlockKinds.OutcomeRemoved, $"the open task '{bookmark.ActivityId}' offers '{outcome}', which step '{to}' in version {toVersion} does not have", bookmark.ActivityId));
        }
        blocks.AddRange(CheckData(newModule, WithDefaults(data, plan), plan));
        return blocks;
    }

    /// <summary>The case on the new snapshot: steps renamed by the plan, new variables with their defaults, defaults in the data, a timeline line.</summary>
    public static (WorkflowInstance Instance, JsonObject Data) Apply(
        JsonObject oldModule, JsonObject newModule, WorkflowInstance instance, JsonObject data, MigrationPlan plan, DateTimeOffset at, string? by)
    {
        var blocks = Check(oldModule, newModule, instance, data, plan);
        if (blocks.Count > 0) throw new CaseMigrationException(blocks);
        var newSteps = MigrationPlan.Activities(newModule);
        var moved = instance.Clone();
        foreach (var token in moved.Tokens) token.ActivityId = Target(plan, token.ActivityId);
        moved.Scopes = moved.Scopes.Select(s => s with { ForkActivityId = Target(plan, s.ForkActivityId) }).ToList();
        moved.Bookmarks = moved.Bookmarks.Select(b =>
        {
            var to = Target(plan, b.ActivityId);
            if (b.Kind == BookmarkKinds.UserTask && newSteps[to]["inputs"]?["outcomes"] is JsonArray outcomes)
                b.Payload["outcomes"] = outcomes.DeepClone(); // outcomes the new step added are offered too
            return b with { ActivityId = to };
        }).ToList();
        foreach (var variable in newModule["workflow"]?["variables"] as JsonArray ?? [])
            if ((string?)variable?["name"] is { } name && !moved.Variables.ContainsKey(name) && variable["default"] is { } value)
                moved.Variables[name] = value.DeepClone();
        var workflow = newModule["workflow"]!;
        moved.DefinitionId = (string?)workflow["id"] ?? moved.DefinitionId;
        moved.DefinitionVersion = (int?)workflow["version"] ?? moved.DefinitionVersion;
        var newData = WithDefaults(data, plan);
        moved.Input = WithDefaults(moved.Input, plan);
        var renamed = new JsonObject();
        foreach (var (from, to) in plan.Steps)
            if (instance.Tokens.Any(t => t.ActivityId == from)) renamed[from] = to;
        moved.Timeline.Add(new TimelineEntry(at, "migrated", null, by, new JsonObject
        {
            ["from"] = (string?)oldModule["version"],
            ["to"] = (string?)newModule["version"],
            ["steps"] = renamed,
        }));
        moved.UpdatedAt = at;
        return (moved, newData);
    }

    private static string Target(MigrationPlan plan, string activityId) => plan.Steps.GetValueOrDefault(activityId, activityId);

    private static JsonObject WithDefaults(JsonObject data, MigrationPlan plan)
    {
        var copy = data.DeepClone().AsObject();
        foreach (var (key, value) in plan.Defaults)
            if (copy[key] is null) copy[key] = value?.DeepClone();
        return copy;
    }

    /// <summary>The new form's verdict on the data, as a resubmission would get it, less the grandfathered fields.</summary>
    private static IEnumerable<MigrationBlock> CheckData(JsonObject newModule, JsonObject data, MigrationPlan plan)
    {
        if (ModuleSoundness.CaseForm(newModule) is not { } form) yield break;
        var result = new FormRuntime(FormDefinitionLoader.Load(form.DeepClone())).Process(data);
        foreach (var error in result.Errors)
        {
            var key = error.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            if (plan.Grandfathered.Contains(key)) continue;
            yield return error.Rule is "required" or "requiredIf"
                ? new(MigrationBlockKinds.RequiredField, $"the new form requires '{key}', which the case lacks; give a default or grandfather it", Field: key)
                : new(MigrationBlockKinds.InvalidData, $"the case's data breaks the new form at {error.Path} ({error.Rule}): {error.Message}", Field: key);
        }
    }
}
