using FormFlow.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace FormFlow.Server.Hosting;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: its title, the two ways to authenticate (the session cookie and
/// a bearer token), and which operations need them.
/// </summary>
internal static class OpenApiSetup
{
    private const string Bearer = "bearer";
    private const string Cookie = "cookie";

    public static IServiceCollection AddFormFlowOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FormFlow API";
            document.Info.Description = "Every error is an application/problem+json ProblemDetails naming the problem.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from POST /api/auth/token.",
            };
            document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = AuthSetup.CookieName,
                Description = "The session cookie set by POST /api/auth/login.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()) return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] });
            return Task.CompletedTask;
        });
    });
}
