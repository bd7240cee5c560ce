using FormFlow.Server.Shared;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FormFlow.Server.Hosting;

/// <summary>
/// A database that does not answer — PostgreSQL down, unreachable or timing out, the connection pool exhausted,
/// SQLite busy past its timeout — or that cannot grow because its disk is full is the server's temporary trouble, not
/// a fault in the request: 503 ProblemDetails with <c>Retry-After</c>, so clients and load balancers retry. Nothing was committed (each request's writes are
/// one transaction), so a retry with the same Idempotency-Key is safe.
/// </summary>
internal sealed class DatabaseUnavailableProblems(IProblemDetailsService problems, ILogger<DatabaseUnavailableProblems> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception)) return false;
        var full = IsFull(exception);
        log.LogWarning(exception, "Database {Trouble} during {Method} {Path}; answered 503", full ? "disk full" : "unavailable", context.Request.Method, context.Request.Path);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.AnswerAsync(context, exception, new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = full ? "The database's disk is full" : "The database is unavailable",
            Detail = (full ? "the database could not store the request because its disk is full" : "the database did not answer in time")
                + $"; nothing was saved — try again in {RetryAfterSeconds} seconds (with the same Idempotency-Key, if you sent one)",
        });
    }

    /// <summary>The database refused to grow: SQLITE_FULL (the disk, or the file's size limit), PostgreSQL's disk_full (53100).</summary>
    private static bool IsFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: 13 } or PostgresException { SqlState: "53100" }) return true;
        return false;
    }

    /// <summary>Walks the exception and its causes (EF Core wraps provider errors) for a sign of an unreachable or overloaded database.</summary>
    internal static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is TimeoutException or SocketException or IOException:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }: // shut down, crash, cannot connect now, too many connections
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case Exception when IsFull(e):
                case TimeoutException:
                case SocketException:
                    return true;
                // Npgsql's pool: "The connection pool has been exhausted, either raise 'Max Pool Size' ... or 'Timeout'".
                case InvalidOperationException when e.Message.Contains("connection pool has been exhausted", StringComparison.Ordinal):
                    return true;
            }
        }
        return false;
    }
}
