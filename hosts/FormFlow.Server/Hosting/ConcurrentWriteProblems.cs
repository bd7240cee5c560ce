using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FormFlow.Server.Hosting;

/// <summary>
/// A write that lost a race no endpoint foresaw — a row changed since it was read (a concurrency token), or another
/// request created the same unique key first — is a conflict, not a server fault: 409 ProblemDetails saying so.
/// The request's transaction rolled back, so nothing of it was saved and reloading and trying again is safe. Endpoints
/// that expect a race (a task completed twice, an Idempotency-Key reused) still answer it themselves, more precisely.
/// </summary>
public sealed class ConcurrentWriteProblems(IProblemDetailsService problems, ILogger<ConcurrentWriteProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsLostRace(exception)) return false;
        log.LogWarning(exception, "A concurrent write won during {Method} {Path}; answered 409", context.Request.Method, context.Request.Path);
        return await problems.AnswerAsync(context, exception, new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Changed meanwhile",
            Detail = "another request changed or created the same record at the same time; nothing of this request was saved — reload and try again",
        });
    }

    /// <summary>A concurrency-token mismatch, or a unique or primary key violation reported by either database.</summary>
    internal static bool IsLostRace(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        DbUpdateException { InnerException: SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => true,
        _ => false,
    };
}
