namespace FormFlow.Server.Hosting;

/// <summary>
/// Fills in a detail for the bare status answers that the framework produces without one (401 from a challenge,
/// 404 for an unknown route, 415 ...), so every ProblemDetails names the problem.
/// </summary>
internal static class ProblemDefaults
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null) return;
        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status401Unauthorized =>
                "sign in first: the cookie from POST /api/auth/login, or Authorization: Bearer with a token from POST /api/auth/token",
            StatusCodes.Status403Forbidden => $"your roles do not allow {request.Method} {request.Path}",
            StatusCodes.Status404NotFound => $"no endpoint at {request.Path}",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}",
            StatusCodes.Status413PayloadTooLarge =>
                $"the request body is too large: the limit is {context.HttpContext.RequestServices.GetRequiredService<ServerSettings>().BodyLimitFor(request.Path)} bytes",
            StatusCodes.Status415UnsupportedMediaType => "the request body must be JSON (Content-Type: application/json)",
            _ => null,
        };
    }
}
