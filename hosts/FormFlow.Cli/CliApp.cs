using System.CommandLine;

namespace FormFlow.Cli;

/// <summary>
/// The `formflow` command line. Every command prints JSON on stdout; exit codes: 0 ok,
/// 1 the input was checked and found invalid, 2 bad definition or bad usage (message on stderr).
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("FormFlow: forms, expressions and workflows for trade-union services.");
        // Each area adds its own command group; keep one line per area here.
        root.Subcommands.Add(ExpressionCommands.Create());
        root.Subcommands.Add(FormCommands.Create());
        root.Subcommands.Add(WorkflowCommands.Create());
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(ModuleCommands.Create());
        root.Subcommands.Add(ResponseCommands.Create());
        root.Subcommands.Add(StatsCommands.Create());
        root.Subcommands.Add(ContestCommands.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine(error.Message);
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            stderr.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }
    }
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int BadInput = 2;
}

/// <summary>Bad usage or a bad definition: the message goes to stderr and the exit code is 2.</summary>
internal sealed class CliException(string message) : Exception(message);
