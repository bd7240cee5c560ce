using Jint;
using Jint.Native;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>Date helpers over "yyyy-MM-dd" strings. A null, undefined or "" date yields null.</summary>
internal static class DateFunctions
{
    public static JsValue Today(HelperCall call) => JsString.Create(DateText.Write(call.Context.Today));

    /// <summary>age(birthDate[, asOf]): full years lived at asOf (default today).</summary>
    public static JsValue Age(HelperCall call)
    {
        var birth = call.OptionalDate(0, "birthDate");
        var asOf = call.OptionalDate(1, "asOf") ?? call.Context.Today;
        return birth is null ? JsValue.Null : JsNumber.Create(FullYears(birth.Value, asOf));
    }

    /// <summary>Full years from birth to asOf; someone born on 29 February turns a year older on 1 March in common years.</summary>
    public static int FullYears(DateOnly birth, DateOnly asOf)
    {
        var years = asOf.Year - birth.Year;
        if (asOf.Month < birth.Month || (asOf.Month == birth.Month && asOf.Day < birth.Day)) years--;
        return years;
    }

    /// <summary>daysBetween(a, b): b minus a in days, negative when b is earlier.</summary>
    public static JsValue DaysBetween(HelperCall call)
    {
        var from = call.OptionalDate(0, "from");
        var to = call.OptionalDate(1, "to");
        return from is null || to is null ? JsValue.Null : JsNumber.Create(to.Value.DayNumber - from.Value.DayNumber);
    }

    public static JsValue AddDays(HelperCall call)
    {
        var date = call.OptionalDate(0, "date");
        var days = call.Integer(1, "days", -36500, 36500);
        return date is null ? JsValue.Null : JsString.Create(DateText.Write(date.Value.AddDays(days)));
    }

    /// <summary>workingDaysBetween(a, b): working days after a up to and including b; negative when b is earlier.</summary>
    public static JsValue WorkingDaysBetween(HelperCall call)
    {
        var from = call.OptionalDate(0, "from");
        var to = call.OptionalDate(1, "to");
        if (from is null || to is null) return JsValue.Null;
        if (Math.Abs(to.Value.DayNumber - from.Value.DayNumber) > 36500) throw call.Error("the dates are more than 100 years apart");
        return JsNumber.Create(call.Context.Options.Calendar.WorkingDaysBetween(from.Value, to.Value));
    }

    /// <summary>addWorkingDays(d, n): the day on which n working days after d have passed (d itself never counts).</summary>
    public static JsValue AddWorkingDays(HelperCall call)
    {
        var date = call.OptionalDate(0, "date");
        var days = call.Integer(1, "days", 0, 3650);
        return date is null ? JsValue.Null : JsString.Create(DateText.Write(call.Context.Options.Calendar.AddWorkingDays(date.Value, days)));
    }
}
