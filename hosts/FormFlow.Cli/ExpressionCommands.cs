using System.CommandLine;

namespace FormFlow.Cli;

/// <summary>`formflow expr ...` — placeholder group until the expressions engine lands.</summary>
public static class ExpressionCommands
{
    public static Command Create() => new("expr", "Check and evaluate FormFlow expressions.");
}
