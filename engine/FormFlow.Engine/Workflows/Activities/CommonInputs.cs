namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Inputs several activity types share.</summary>
internal static class CommonInputs
{
    public static readonly InputDescriptor ResultVariable = new("resultVariable", InputKind.String, Description:
        "variable that receives the activity's result (default: the activity ID)");
}
