using System.Text.Json.Nodes;
using FormFlow.Cli;
using FormFlow.Tests.Workflows.Elsa;

namespace FormFlow.Tests.Cli;

/// <summary>One in-process run of the `formflow` command line, with what it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonObject Json => JsonNode.Parse(Stdout)!.AsObject();

    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A path relative to the repository root (as written in the README), made absolute.</summary>
    public static string Repo(string relative) => RepositoryFiles.PathOf(relative);
}

/// <summary>A scratch folder for files a test writes (bad definitions, stimuli); removed afterwards.</summary>
public sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "formflow-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
