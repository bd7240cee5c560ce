using Jint;
using Jint.Native;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>matches, isMobile and isEmail. A null or undefined text never matches.</summary>
internal static class TextFunctions
{
    /// <summary>
    /// matches(text, pattern): RegExp.prototype.test of <c>new RegExp(pattern)</c> — JavaScript's own regular
    /// expression rules (as Jint implements them), so the browser gives the same answer. The match is stopped after
    /// the options' timeout.
    /// </summary>
    public static JsValue Matches(HelperCall call)
    {
        var text = call.OptionalString(0, "text");
        var pattern = call.OptionalString(1, "pattern") ?? throw call.Error("pattern must be a string, got null");
        var regExp = call.Context.RegExp(pattern);
        if (text is null) return JsBoolean.False;
        var engine = call.Context.Engine;
        return engine.Call(regExp.Get("test"), regExp, [JsString.Create(text)]);
    }

    public static JsValue IsMobile(HelperCall call) =>
        call[0].IsString() && MainlandMobile.IsValid(call[0].AsString()) ? JsBoolean.True : JsBoolean.False;

    public static JsValue IsEmail(HelperCall call) =>
        call[0].IsString() && EmailAddress.IsValid(call[0].AsString()) ? JsBoolean.True : JsBoolean.False;
}
