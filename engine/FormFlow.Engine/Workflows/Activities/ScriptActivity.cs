using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Runs JavaScript statements in the sandbox. The script may change <c>variables</c> (directly or with
/// setVariable / setX()); its return value goes to resultVariable when that input is given.
/// </summary>
internal sealed class ScriptActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("script", "Runs JavaScript statements over variables, input and case.",
    [
        new("script", InputKind.Script, Required: true, Description: "JavaScript statements; 'return x' sets the result") { Default = "return null;" },
        new("resultVariable", InputKind.String, Description: "variable that receives the script's return value (none when absent)"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Data,
        Label = new("脚本", "腳本", "Script"),
    };

    public override void Execute(ActivityContext context)
    {
        var source = context.RequiredString("script");
        var (returned, scope) = context.RunScript(source);
        if (scope.TryGetValue("variables", out var variables))
        {
            if (variables is not JsonObject updated)
                throw new WorkflowActivityException("the script replaced 'variables' with something that is not an object");
            context.ReplaceVariables(updated);
        }
        if (context.String("resultVariable") is { } name) context.SetVariable(name, returned);
        context.Complete();
    }
}
