using System.Text;
using System.Text.Json;

namespace FormFlow.Engine.JsonInput;

/// <summary>
/// Finds a JSON string whose escapes do not make valid UTF-16 (a lone surrogate such as <c>"\ud800"</c>).
/// System.Text.Json parses such a string without complaint and fails only when it is read or written again, deep
/// inside whichever code touches it; every place where JSON enters (the server's request bodies, the loaders of
/// packages, forms and workflows, the command line's files) asks here first and refuses the text, naming the string.
/// </summary>
public static class InvalidStrings
{
    /// <summary>The JSON Pointer of the first such string, or null when there is none (malformed JSON is left to the parser, which names it better).</summary>
    public static string? FirstIn(string json) => json.Contains("\\u", StringComparison.Ordinal) ? FirstIn(Encoding.UTF8.GetBytes(json)) : null;

    /// <inheritdoc cref="FirstIn(string)"/>
    public static string? FirstIn(ReadOnlySpan<byte> utf8)
    {
        // Only an escape can make a surrogate that UTF-8 text cannot hold, and most JSON has no \u escape at all.
        if (utf8.IndexOf("\\u"u8) < 0) return null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = JsonDepth.Write });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!Decodes(ref reader, out var name)) return Pointer(frames);
                        frames[^1] = frames[^1] with { Property = name };
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                        if (reader.TokenType == JsonTokenType.String && !Decodes(ref reader, out _)) return Pointer(frames);
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    /// <summary>What a refusal says: where the string is and what is wrong with it.</summary>
    public static string Describe(string pointer) =>
        $"the string at {(pointer.Length == 0 ? "the top" : pointer)} holds an escape that is not valid UTF-16 (a lone surrogate such as \\ud800)";

    /// <summary>An object or array being read, and where in it the reader is.</summary>
    private readonly record struct Frame(bool IsArray, int Index, string? Property)
    {
        public string Segment => IsArray ? Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Property ?? "";
    }

    private static string Pointer(List<Frame> frames) => string.Concat(frames.Select(f => "/" + f.Segment.Replace("~", "~0").Replace("/", "~1")));

    private static bool Decodes(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            return false;
        }
    }
}
