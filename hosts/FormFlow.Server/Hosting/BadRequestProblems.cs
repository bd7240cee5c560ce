using FormFlow.Server.Shared;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using FormFlow.Engine.JsonInput;

namespace FormFlow.Server.Hosting;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unknown or missing fields, wrong content type,
/// oversized bodies, unparsable route values) into 4xx ProblemDetails that name the problem and, for JSON, the
/// JSON Pointer of the offending value. Anything else falls through to the default 500 handler.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var problem = new ProblemDetails { Status = bad.StatusCode, Title = TitleFor(bad.StatusCode) };
        if (bad.InnerException is JsonException json)
        {
            problem.Title = "The request body is not valid for this endpoint";
            problem.Detail = json.Message;
            if (JsonPaths.ToPointer(json.Path) is { } pointer) problem.Extensions["pointer"] = pointer;
        }
        else
        {
            problem.Detail = bad.Message;
        }
        return await problems.AnswerAsync(context, exception, problem);
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json)",
        _ => "The request is not valid",
    };
}
