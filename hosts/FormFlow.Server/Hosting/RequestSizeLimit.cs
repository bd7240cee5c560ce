using Microsoft.AspNetCore.Http.Features;

namespace FormFlow.Server.Hosting;

/// <summary>
/// Refuses request bodies above the configured size with 413 before any endpoint reads them. Kestrel enforces the
/// same limit while reading a body of unannounced length (chunked); both end in a ProblemDetails response.
/// File uploads (<see cref="Files.FileEndpoints.Path"/>) have a limit of their own.
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, ServerSettings settings) => app.Use((context, next) =>
    {
        var maxBytes = settings.BodyLimitFor(context.Request.Path);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        if (context.Request.ContentLength > maxBytes)
            throw new BadHttpRequestException(
                $"the request body has {context.Request.ContentLength} bytes; the limit is {maxBytes}", StatusCodes.Status413PayloadTooLarge);
        return next(context);
    });
}
