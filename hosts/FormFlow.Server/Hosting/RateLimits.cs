using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace FormFlow.Server.Hosting;

/// <summary>
/// Rate limits. <see cref="Login"/> guards the password endpoints per client address (configurable with
/// <c>RateLimits:LoginPerMinute</c>, default 10); <see cref="Submissions"/> is ready for form submissions, per
/// signed-in account or else per address (<c>RateLimits:SubmissionsPerMinute</c>, default 120).
/// A refusal is 429 with a ProblemDetails body and Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Submissions = "submissions";

    public static IServiceCollection AddFormFlowRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var loginPerMinute = config.GetValue("RateLimits:LoginPerMinute", 10);
        var submissionsPerMinute = config.GetValue("RateLimits:SubmissionsPerMinute", 120);
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(Login, context => PerMinute(ClientAddress(context), loginPerMinute));
            options.AddPolicy(Submissions, context => PerMinute(context.User.Identity?.Name ?? ClientAddress(context), submissionsPerMinute));
            options.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"too many requests to {context.Request.Path}; wait and try again",
                    },
                });
            };
        });
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
