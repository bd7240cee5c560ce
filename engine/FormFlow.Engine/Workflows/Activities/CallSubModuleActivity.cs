using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Runs another workflow definition as a child instance and waits for it to finish; the child's final
/// variables go to resultVariable. Stimuli for the child's tasks are sent to the parent instance.
/// </summary>
internal sealed class CallSubModuleActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("callSubModule", "Runs a sub-module workflow and waits for it.",
    [
        new("definitionId", InputKind.String, Required: true, Description: "the child workflow definition") { Default = "" },
        new("version", InputKind.Integer, Description: "its version (default: the latest the resolver knows)"),
        new("input", InputKind.Object, Description: "the child's start input (default: this instance's input)"),
        CommonInputs.ResultVariable,
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Integration,
        NeedsHost = "subModules",
        Label = new("调用子模块", "調用子模組", "Call sub-module"),
    };

    public override void Execute(ActivityContext context)
    {
        var id = context.RequiredString("definitionId");
        var version = context.Integer("version");
        var resolver = context.Options.SubWorkflows
            ?? throw new WorkflowActivityException($"no sub-module resolver is configured to find definition '{id}'");
        var definition = resolver.Resolve(id, version)
            ?? throw new WorkflowActivityException($"sub-module definition '{id}'{(version is null ? "" : $" version {version}")} cannot be found");
        context.Run.StartChild(context, definition, context.Object("input") ?? context.Instance.Input);
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus)
    {
        if (stimulus is not SubModuleFinished finished) { base.Resume(context, bookmark, stimulus); return; }
        context.SetResult(finished.Child.Variables.DeepClone());
        context.Record("subModuleFinished", new() { ["instanceId"] = finished.Child.Id });
        context.Complete();
    }
}
