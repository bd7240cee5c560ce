using Microsoft.AspNetCore.Mvc;

namespace FormFlow.Server.Hosting;

/// <summary>Writes a ProblemDetails answer with its status, for a failure the server recognised (an exception handler's, a refused sign-in's).</summary>
public static class ExceptionProblems
{
    public static ValueTask<bool> AnswerAsync(this IProblemDetailsService problems, HttpContext context, Exception? exception, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
