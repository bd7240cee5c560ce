using System.Text.RegularExpressions;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Sets variables[name] to a value (a literal or an expression's result).</summary>
internal sealed partial class SetVariableActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("setVariable", "Sets a workflow variable.",
    [
        new("name", InputKind.String, Required: true, Description: "the variable (a JavaScript identifier)") { Default = "result" },
        new("value", InputKind.Any, Description: "the new value; absent sets null"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Data,
        Label = new("设置变量", "設定變數", "Set variable"),
    };

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    public override void Check(ActivityCheck check)
    {
        if (check.LiteralString("name") is { } name && !Identifier().IsMatch(name))
            check.Problem("name", $"'{name}' is not a JavaScript identifier, so expressions could not read it as variables.{name}");
    }

    public override void Execute(ActivityContext context)
    {
        context.SetVariable(context.RequiredString("name"), context.Input("value"));
        context.Complete();
    }
}
