using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// Every log entry a test server writes, as the structured console would carry it: the rendered message, each
/// structured value and the exception text.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    /// <summary>Server settings that log everything down to Debug, EF Core's SQL and ASP.NET Core's requests included.</summary>
    public static IReadOnlyDictionary<string, string?> Everything(IReadOnlyDictionary<string, string?> settings) => new Dictionary<string, string?>(settings)
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
    };

    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))} | {exception}");
        }
    }
}
