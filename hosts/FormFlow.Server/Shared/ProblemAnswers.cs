using Microsoft.AspNetCore.Mvc;

namespace FormFlow.Server.Shared;

/// <summary>Writes a ProblemDetails answer with its status, for a failure the server recognised outside an endpoint (an exception handler's, a refused sign-in's, a rate limit's).</summary>
internal static class ProblemAnswers
{
    public static ValueTask<bool> AnswerAsync(this IProblemDetailsService problems, HttpContext context, Exception? exception, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
