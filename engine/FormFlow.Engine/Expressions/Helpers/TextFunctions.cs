using Jint;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Jint.Native;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>matches, isMobile and isEmail. A null or undefined text never matches.</summary>
internal static class TextFunctions
{
    private const int MaxCachedPatterns = 512;
    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Regex> Patterns = new();

    /// <summary>
    /// matches(text, pattern): true when the pattern matches somewhere in the text, like RegExp.prototype.test (anchor
    /// with ^ and $ for the whole text). ECMAScript regex rules; the match is stopped after the options' timeout.
    /// </summary>
    public static JsValue Matches(HelperCall call)
    {
        var text = call.OptionalString(0, "text");
        var pattern = call.OptionalString(1, "pattern") ?? throw call.Error("pattern must be a string, got null");
        var regex = Compile(call, pattern);
        return text is not null && regex.IsMatch(text) ? JsBoolean.True : JsBoolean.False;
    }

    public static JsValue IsMobile(HelperCall call) =>
        call[0].IsString() && MainlandMobile.IsValid(call[0].AsString()) ? JsBoolean.True : JsBoolean.False;

    public static JsValue IsEmail(HelperCall call) =>
        call[0].IsString() && EmailAddress.IsValid(call[0].AsString()) ? JsBoolean.True : JsBoolean.False;

    private static Regex Compile(HelperCall call, string pattern)
    {
        var timeout = call.Context.Options.Timeout;
        if (Patterns.TryGetValue((pattern, timeout), out var cached)) return cached;
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException ex)
        {
            throw call.Error($"invalid pattern \"{pattern}\": {ex.Message}");
        }
        // Patterns come from definitions, so few are distinct; the bound only guards against a generated flood.
        if (Patterns.Count >= MaxCachedPatterns) Patterns.Clear();
        Patterns[(pattern, timeout)] = regex;
        return regex;
    }
}
