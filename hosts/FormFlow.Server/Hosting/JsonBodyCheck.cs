using System.Text.Json;
using System.Text;

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
            using var buffer = new MemoryStream();
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
        try
        {
            Strict.GetCharCount(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BadHttpRequestException($"the request body is not valid UTF-8 (at byte {ex.Index})", StatusCodes.Status400BadRequest);
        }
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Property = Decoded(ref reader, frames) };
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                        if (reader.TokenType == JsonTokenType.String) Decoded(ref reader, frames);
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed or too deep: the endpoint's binder refuses it with its own message.
        }
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>An object or array being read: where in it the reader is, for the JSON Pointer of a bad string.</summary>
    private readonly record struct Frame(bool IsArray, int Index, string? Property)
    {
        public string Segment => IsArray ? Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Property ?? "";
    }

    private static string Decoded(ref Utf8JsonReader reader, List<Frame> frames)
    {
        if (!reader.ValueIsEscaped) return reader.GetString()!;
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var pointer = string.Concat(frames.Select(f => "/" + f.Segment));
            throw new BadHttpRequestException(
                $"the string at {(pointer.Length == 0 ? "the top" : pointer)} holds an escape that is not valid UTF-16 (a lone surrogate such as \\ud800)",
                StatusCodes.Status400BadRequest);
        }
    }
}
