using System.Text.Json.Nodes;
using FormFlow.Cli;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>One in-process run of the `formflow` command line against a test database.</summary>
public static class CliRun
{
    /// <summary>The exit code, the JSON it printed when it succeeded (empty otherwise), and what it wrote to stderr.</summary>
    public static (int Code, JsonObject Output, string Errors) Of(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliApp.Run(args, stdout, stderr);
        return (code, code == ExitCodes.Ok ? JsonNode.Parse(stdout.ToString())!.AsObject() : [], stderr.ToString());
    }
}
