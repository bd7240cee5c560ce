using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Hosting;

/// <summary>
/// A write that lost a race no endpoint foresaw — a row changed since it was read (a concurrency token), or another
/// request created the same unique key first — is a conflict, not a server fault: 409 ProblemDetails saying so.
/// The request's transaction rolled back, so nothing of it was saved and reloading and trying again is safe. Endpoints
/// that expect a race (a task completed twice, an Idempotency-Key reused) still answer it themselves, more precisely.
/// </summary>
internal sealed class ConcurrentWriteProblems(IProblemDetailsService problems, ILogger<ConcurrentWriteProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!LostRace.Is(exception)) return false;
        log.LogWarning(exception, "A concurrent write won during {Method} {Path}; answered 409", context.Request.Method, context.Request.Path);
        return await problems.AnswerAsync(context, exception, new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Changed meanwhile",
            Detail = "another request changed or created the same record at the same time; nothing of this request was saved — reload and try again",
        });
    }
}
