using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Follows the outcome of the first case whose condition is truthy, else "default".</summary>
internal sealed class SwitchActivity : ActivityBehaviour
{
    public const string DefaultOutcome = "default";

    public override ActivityDescriptor Descriptor { get; } = new("switch", "Branches to the first matching case.",
    [
        new("cases", InputKind.Array, Required: true, Description: "[{\"outcome\": name, \"condition\": expression}], tried in order") { Default = new JsonArray() },
    ], [DefaultOutcome])
    {
        Category = ActivityCategory.Flow,
        Label = new("多路分支", "多路分支", "Switch"),
    };

    public override IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) =>
        [.. Cases(activity).Select(c => c.Outcome).Where(o => o is { Length: > 0 }).Distinct()!, DefaultOutcome];

    private static IEnumerable<(string? Outcome, string? Condition)> Cases(ActivityDefinition activity) =>
        activity.Input("cases")?.Literal is JsonArray cases
            ? cases.Select(c => (JsonText.Of((c as JsonObject)?["outcome"]), JsonText.Of((c as JsonObject)?["condition"])))
            : [];

    public override void Check(ActivityCheck check)
    {
        if (check.IsSet("cases") && check.Literal("cases") is null)
        {
            check.Problem("cases", "cases must be a literal list: each case is an outcome port of the switch");
            return;
        }
        var seen = new HashSet<string>();
        var index = 0;
        foreach (var (outcome, condition) in Cases(check.Activity))
        {
            if (outcome is not { Length: > 0 })
                check.Problem("cases", $"case {index} needs an 'outcome' name");
            else if (outcome == DefaultOutcome || !seen.Add(outcome))
                check.Problem("cases", $"case {index}: outcome '{outcome}' is {(outcome == DefaultOutcome ? "reserved" : "used twice")}");
            if (condition is null) check.Problem("cases", $"case {index} needs a 'condition' expression");
            else check.CheckExpression("cases", condition, $"/{index}/condition");
            index++;
        }
    }

    public override void Execute(ActivityContext context)
    {
        foreach (var (outcome, condition) in Cases(context.Activity))
            if (context.IsTruthy(context.Evaluate(condition!, "cases")))
            {
                context.Complete(outcome!);
                return;
            }
        context.Complete(DefaultOutcome);
    }
}
