using System.CommandLine;
using FormFlow.Engine.Modules;

namespace FormFlow.Cli;

/// <summary>A refused package, overlay or chain: the problems as JSON on stdout, the text on stderr, exit 2.</summary>
internal static class ModuleErrors
{
    public static int Report(ParseResult parsed, ModuleException ex)
    {
        CliJson.Write(parsed, new { valid = false, errors = ex.Problems });
        parsed.InvocationConfiguration.Error.WriteLine(ex.Message);
        return ExitCodes.BadInput;
    }
}
