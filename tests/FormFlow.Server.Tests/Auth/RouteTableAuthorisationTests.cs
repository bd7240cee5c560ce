using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Auth;

/// <summary>
/// Authorisation by default: every endpoint of the route table either requires authorisation or is anonymous and on
/// the reviewed list below (the same list as SECURITY.md); anything else fails here, so a new endpoint that forgets
/// RequireAuthorization, or opens itself with AllowAnonymous, is caught before it ships. The fallback policy is the
/// backstop behind it.
/// </summary>
public sealed partial class RouteTableAuthorisationTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    /// <summary>The anonymous endpoints, each for a reason given in SECURITY.md.</summary>
    internal static readonly HashSet<string> Anonymous =
    [
        "* /health",                            // load balancers and orchestrators probe it (any method)
        "GET /openapi/{documentName}.json",     // the API's shape is public, as it is in the repository
        "GET /api-docs/{documentName?}",        // the page that renders it, and its script and icon
        "GET /api-docs/scalar.js",
        "GET /api-docs/scalar.aspnetcore.js",
        "GET /api-docs/favicon.svg",
        "POST /api/auth/login",                 // signing in
        "POST /api/auth/login/hall",            // ... with the service hall in the answer (the Portal's)
        "POST /api/auth/token",
        "POST /api/auth/login/form",            // ... from the Portal page's own form, before its scripts ran (only with this server's Origin)
        "POST /api/auth/password/reset",        // setting a password with an admin's one-time link (the person cannot sign in yet)
        "GET /api/auth/providers",              // the sign-in page's buttons
        "GET /api/auth/oidc/login",             // a browser starting the union's login
        "POST /api/auth/register/code",         // a worker signing up has no account yet: a code to their mobile (rate limited per address and number)
        "POST /api/auth/register",              // ... and the sign-up itself, with that code
        "GET /api/auth/register/orgs",          // ... and the unions to choose from: id, name, parent, level of active units only, as on any union's public site
        "GET /api/members/public-key",          // offline verification of member cards
        "GET /",                                // the Portal and Studio pages: no data, they show the sign-in form
        "GET /index.html",
        "GET /studio/",
        "GET /studio/index.html",
    ];

    private List<(string Name, RouteEndpoint Endpoint)> Endpoints() =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => ($"{m} /{e.RoutePattern.RawText!.TrimStart('/')}", e)))
            .ToList();

    [Fact]
    public void Every_endpoint_requires_authorisation_or_is_on_the_anonymous_list()
    {
        var problems = new List<string>();
        foreach (var (name, endpoint) in Endpoints())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorised = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
            if (anonymous && !Anonymous.Contains(name)) problems.Add($"{name} allows anonymous callers but is not on the reviewed list");
            else if (!anonymous && !authorised) problems.Add($"{name} has no authorisation metadata (RequireAuthorization or a reviewed AllowAnonymous)");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(Anonymous.Except(Endpoints().Select(e => e.Name))); // no stale entries
    }

    [Fact]
    public async Task The_fallback_policy_requires_a_signed_in_user()
    {
        var fallback = await server.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task Every_endpoint_off_the_list_answers_an_anonymous_caller_with_401()
    {
        var client = server.CreateClient();
        foreach (var (name, _) in Endpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            var (method, pattern) = (name[..name.IndexOf(' ')], name[(name.IndexOf(' ') + 1)..]);
            // Route values made up: authorisation runs before the handler looks at them.
            var path = RouteValue().Replace(pattern, "1");
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} ({path}) answered {(int)response.StatusCode} to an anonymous caller");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteValue();
}
