using System.CommandLine;

namespace FormFlow.Cli;

/// <summary>`formflow form ...` — the commands are added with the form engine.</summary>
public static class FormCommands
{
    public static Command Create() => new("form", "Check form definitions and data against them; compile them to JSON Schema.");
}
