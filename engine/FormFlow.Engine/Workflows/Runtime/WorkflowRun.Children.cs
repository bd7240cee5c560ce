using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Workflows.Runtime;

// Sub-modules: a callSubModule activity runs a child instance kept inside the parent (Children). Stimuli for the
// child's bookmarks reach it through the parent; when the child finishes, the parent's bookmark resumes.
internal sealed partial class WorkflowRun
{
    /// <summary>Starts the child; completes the caller at once when the child finishes without waiting.</summary>
    public void StartChild(ActivityContext context, WorkflowDefinition childDefinition, JsonObject? input)
    {
        var child = new WorkflowInstance { Id = $"{Instance.Id}/{context.Activity.Id}-{context.Token.Step}", ParentId = Instance.Id };
        new WorkflowRun(Options, childDefinition, child, By).Start(input, Instance.Case);
        switch (child.Status)
        {
            case WorkflowStatus.Finished:
                context.SetResult(child.Variables.DeepClone());
                context.Complete();
                break;
            case WorkflowStatus.Faulted:
                context.Wait(BookmarkKinds.SubModule, CallPayload(child));
                Instance.Children.Add(child);
                throw new WorkflowActivityException(ChildFault(child));
            default:
                context.Wait(BookmarkKinds.SubModule, CallPayload(child));
                Instance.Children.Add(child);
                break;
        }
    }

    private static JsonObject CallPayload(WorkflowInstance child) => new()
    {
        ["definitionId"] = child.DefinitionId,
        ["version"] = child.DefinitionVersion,
        ["instanceId"] = child.Id,
    };

    private static string ChildFault(WorkflowInstance child)
    {
        var incident = child.Incidents.First(i => i.ResolvedAt is null);
        return $"sub-module '{child.DefinitionId}' ({child.Id}) faulted at activity '{incident.ActivityId}': {incident.Message}";
    }

    private bool DispatchToChildren(Stimulus stimulus)
    {
        var handled = false;
        foreach (var child in Instance.Children.ToList())
        {
            var run = ChildRun(child);
            run.ScheduleLeftovers();
            if (!run.Dispatch(stimulus)) continue;
            run.RunScheduled();
            handled = true;
            AfterChild(child);
        }
        return handled;
    }

    private void RetryChild(Bookmark call)
    {
        var child = Instance.Children.Find(c => c.Id == (string?)call.Payload["instanceId"])
            ?? throw new WorkflowStimulusException($"bookmark '{call.Id}': sub-module instance '{call.Payload["instanceId"]}' is missing");
        ChildRun(child).Retry();
        AfterChild(child);
    }

    private WorkflowRun ChildRun(WorkflowInstance child)
    {
        var definition = Options.SubWorkflows?.Resolve(child.DefinitionId, child.DefinitionVersion)
            ?? throw new WorkflowStimulusException(
                $"sub-module definition '{child.DefinitionId}' version {child.DefinitionVersion} (instance '{child.Id}') cannot be found");
        return new WorkflowRun(Options, definition, child, By);
    }

    /// <summary>Carries a child's new state to its caller: finished resumes it, faulted faults it.</summary>
    private void AfterChild(WorkflowInstance child)
    {
        var call = Instance.Bookmarks.Find(b => b.Kind == BookmarkKinds.SubModule && (string?)b.Payload["instanceId"] == child.Id);
        if (call is null) return;
        if (child.Status == WorkflowStatus.Finished)
        {
            Instance.Children.Remove(child);
            ResumeHere(call, new SubModuleFinished(child) { By = By });
        }
        else if (child.Status == WorkflowStatus.Faulted)
        {
            var token = Instance.Tokens.Find(t => t.Id == call.TokenId);
            if (token is not null && token.Status != TokenStatus.Faulted) Fault(token, ChildFault(child));
        }
    }
}

/// <summary>Internal stimulus: a sub-module instance finished; resumes the callSubModule bookmark waiting for it.</summary>
internal sealed record SubModuleFinished(WorkflowInstance Child) : Stimulus;
