using Microsoft.AspNetCore.Mvc;

namespace FormFlow.Server.Hosting;

/// <summary>Writes the ProblemDetails answer of an exception handler that recognised its exception.</summary>
public static class ExceptionProblems
{
    public static ValueTask<bool> AnswerAsync(this IProblemDetailsService problems, HttpContext context, Exception exception, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
