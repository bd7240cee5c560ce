using System.CommandLine;

namespace FormFlow.Cli;

/// <summary>`formflow workflow ...` — the commands are added with the workflow engine.</summary>
public static class WorkflowCommands
{
    public static Command Create() => new("workflow", "Validate, run and import workflow definitions.");
}
