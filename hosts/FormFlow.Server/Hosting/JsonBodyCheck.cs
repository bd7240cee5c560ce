using FormFlow.Engine.JsonInput;
using System.Text;
using System.Text.Unicode;

namespace FormFlow.Server.Hosting;

/// <summary>
/// Where JSON enters the server: a JSON body must be UTF-8 and every string in it must decode to valid UTF-16.
/// System.Text.Json parses an escaped lone surrogate (<c>"\ud800"</c>) without complaint and fails only when a string
/// is read, deep inside whichever feature reads it; checked here, such a body is a 400 naming the JSON Pointer of the
/// string, for every endpoint at once. Malformed JSON passes on: the binder names it better.
/// </summary>
internal static class JsonBodyCheck
{
    public static IApplicationBuilder UseJsonBodyCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HasJsonBody(context.Request))
        {
            context.Request.EnableBuffering();
            using var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 0, int.MaxValue));
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            context.Request.Body.Position = 0;
            Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        await next(context);
    });

    private static bool HasJsonBody(HttpRequest request) =>
        request.ContentLength is not 0 && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && request.ContentType is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static void Check(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
            throw new BadHttpRequestException($"the request body is not valid UTF-8 (at byte {FirstInvalidByte(body)})", StatusCodes.Status400BadRequest);
        if (InvalidStrings.FirstIn(body) is { } pointer)
            throw new BadHttpRequestException(InvalidStrings.Describe(pointer), StatusCodes.Status400BadRequest);
    }

    /// <summary>Where a body already known to be invalid goes wrong (the decoder says; only on that path).</summary>
    private static int FirstInvalidByte(ReadOnlySpan<byte> body)
    {
        try
        {
            Strict.GetCharCount(body);
            return body.Length;
        }
        catch (DecoderFallbackException ex)
        {
            return ex.Index;
        }
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
