using Jint;
using Jint.Native;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>Resident ID helpers. An ID that is not valid (or null) yields false/null rather than an error: forms
/// derive birth date and sex while the number is still being typed.</summary>
internal static class IdentityFunctions
{
    public static JsValue IsResidentId(HelperCall call) =>
        call[0].IsString() && ResidentId.IsValid(call[0].AsString()) ? JsBoolean.True : JsBoolean.False;

    public static JsValue BirthDateFromId(HelperCall call) =>
        Parse(call, out var birth, out _) ? JsString.Create(DateText.Write(birth)) : JsValue.Null;

    public static JsValue SexFromId(HelperCall call) =>
        Parse(call, out _, out var male) ? JsString.Create(male ? "male" : "female") : JsValue.Null;

    /// <summary>ageFromId(id[, asOf]): full years at asOf (default today).</summary>
    public static JsValue AgeFromId(HelperCall call)
    {
        var asOf = call.OptionalDate(1, "asOf") ?? call.Context.Today;
        return Parse(call, out var birth, out _) ? JsNumber.Create(DateFunctions.FullYears(birth, asOf)) : JsValue.Null;
    }

    private static bool Parse(HelperCall call, out DateOnly birth, out bool male)
    {
        birth = default;
        male = false;
        return call[0].IsString() && ResidentId.TryParse(call[0].AsString(), out birth, out male);
    }
}
