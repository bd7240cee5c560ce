using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FormFlow.Server.Auth;

/// <summary>
/// The fallback policy (<see cref="AuthSetup"/>) also judges requests that matched no route, and those that routing
/// refuses for their method or media type (its 405 and 415 answers are endpoints without a route). There is nothing
/// behind those to protect, so an anonymous caller gets the named 404, 405 or 415 instead of a 401 that would make a
/// typo look like a sign-in problem. Every endpoint with a route is judged as usual.
/// </summary>
internal sealed class UnmatchedRequests : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _usual = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Succeeded || context.GetEndpoint() is RouteEndpoint
            ? _usual.HandleAsync(next, context, policy, authorizeResult)
            : next(context);
}
