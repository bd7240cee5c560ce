using System.Net;
using System.Net.Sockets;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// A TCP relay in front of the test PostgreSQL server that a test can freeze: while frozen it passes no bytes either
/// way and opens no new upstream connection, so the database looks like one that stopped answering (a hung host,
/// a network partition) rather than one that refuses connections.
/// </summary>
public sealed class FreezableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private volatile TaskCompletionSource _thawed = Thawed();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public FreezableProxy(string upstreamHost, int upstreamPort)
    {
        (_host, _port) = (upstreamHost, upstreamPort);
        _listener.Start();
        _ = AcceptAsync();
    }

    public void Freeze() => _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Thaw() => _thawed.TrySetResult();

    private static TaskCompletionSource Thawed()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await _thawed.Task.WaitAsync(_stop.Token);
                await upstream.ConnectAsync(_host, _port, _stop.Token);
                await Task.WhenAny(PumpAsync(client.GetStream(), upstream.GetStream()), PumpAsync(upstream.GetStream(), client.GetStream()));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException) { }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16384];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await _thawed.Task.WaitAsync(_stop.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
