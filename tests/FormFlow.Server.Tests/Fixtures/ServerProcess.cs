using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FormFlow.Server.Demo;
using FormFlow.Server.Hosting;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// The built server (<c>dotnet FormFlow.Server.dll</c>) as a process of its own on a random port, as the README's run
/// command starts it, with extra <c>--Key=value</c> arguments. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>Tests that run several busy server processes share this collection, so they run one after another.</summary>
    public const string Collection = "Server processes";

    public Uri BaseAddress { get; private set; } = null!;
    public int Id => _process.Id;
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public static async Task<ServerProcess> StartAsync(IEnumerable<string> arguments)
    {
        var serverDll = typeof(ServerSettings).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { serverDll, "--urls", "http://127.0.0.1:0" }.Concat(arguments)) start.ArgumentList.Add(arg);
        start.Environment.Remove(DemoData.PasswordVariable);
        var server = new ServerProcess(new Process { StartInfo = start });
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (server._output) server._output.AppendLine(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        server._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.AppendLine(e.Data); };
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var first = await Task.WhenAny(listening.Task, server._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        if (first != listening.Task)
        {
            await server.DisposeAsync();
            Assert.Fail("the server did not start:\n" + server.Output);
        }
        server.BaseAddress = listening.Task.Result;
        return server;
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    // The demo banner prints the address once Kestrel listens (so only in demo mode).
    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningLine();
}
