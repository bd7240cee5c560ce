using Microsoft.AspNetCore.Http.Features;

namespace FormFlow.Server.Hosting;

/// <summary>
/// Refuses request bodies above the configured size with 413 before any endpoint reads them. Kestrel enforces the
/// same limit while reading a body of unannounced length (chunked); both end in a ProblemDetails response.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, long maxBytes) => app.Use((context, next) =>
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        if (context.Request.ContentLength > maxBytes)
            throw new BadHttpRequestException(
                $"the request body has {context.Request.ContentLength} bytes; the limit is {maxBytes}", StatusCodes.Status413PayloadTooLarge);
        return next(context);
    });
}
