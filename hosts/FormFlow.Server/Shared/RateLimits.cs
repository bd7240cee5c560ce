using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace FormFlow.Server.Shared;

/// <summary>
/// Rate limits over fixed windows of <c>RateLimits:WindowSeconds</c> (default 60). <see cref="Login"/> guards the
/// password endpoints per client address (<c>RateLimits:LoginPermits</c> per window, default 10);
/// <see cref="Submissions"/> is ready for form submissions, per signed-in account or else per address
/// (<c>RateLimits:SubmissionPermits</c>, default 120); <see cref="RegistrationCodes"/> guards sending sign-up codes
/// per client address (<c>RateLimits:RegistrationCodePermits</c>, default 5; each number is limited apart). A refusal is 429 with a ProblemDetails body and Retry-After.
/// </summary>
internal static class RateLimits
{
    public const string Login = "login";
    public const string Submissions = "submissions";
    public const string RegistrationCodes = "registration-codes";

    public static IServiceCollection AddFormFlowRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var window = TimeSpan.FromSeconds(config.GetValue("RateLimits:WindowSeconds", 60));
        var loginPermits = config.GetValue("RateLimits:LoginPermits", 10);
        var submissionPermits = config.GetValue("RateLimits:SubmissionPermits", 120);
        var codePermits = config.GetValue("RateLimits:RegistrationCodePermits", 5);
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(Login, context => Window(ClientAddress(context), loginPermits, window));
            options.AddPolicy(Submissions, context => Window(context.User.Identity?.Name ?? ClientAddress(context), submissionPermits, window));
            options.AddPolicy(RegistrationCodes, context => Window(ClientAddress(context), codePermits, window));
            options.OnRejected = async (rejected, ct) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().AnswerAsync(context, null, new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"too many requests to {context.Request.Path}; wait and try again",
                });
            };
        });
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}
