using Jint;
using Jint.Native;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>matches, isMobile and isEmail. A null or undefined text never matches.</summary>
internal static class TextFunctions
{
    /// <summary>
    /// matches(text, pattern): RegExp.prototype.test of <c>new RegExp(pattern)</c> for every pattern in the linear-time
    /// dialect (JavaScript's syntax and meaning without lookarounds and backreferences), matched without backtracking
    /// as the browser matches it, so no text can make a pattern run for seconds and both give the same answer.
    /// </summary>
    public static JsValue Matches(HelperCall call)
    {
        var text = call.OptionalString(0, "text");
        var pattern = call.OptionalString(1, "pattern") ?? throw call.Error("pattern must be a string, got null");
        var matcher = call.Context.Pattern(pattern, call);
        if (text is null) return JsBoolean.False;
        return matcher.IsMatch(text, call.Context.Deadline) ? JsBoolean.True : JsBoolean.False;
    }

    public static JsValue IsMobile(HelperCall call) =>
        call[0].IsString() && MainlandMobile.IsValid(call[0].AsString()) ? JsBoolean.True : JsBoolean.False;

    public static JsValue IsEmail(HelperCall call) =>
        call[0].IsString() && EmailAddress.IsValid(call[0].AsString()) ? JsBoolean.True : JsBoolean.False;
}
