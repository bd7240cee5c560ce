using Jint;
using System.Globalization;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>len, isEmpty, coalesce and round: helpers about any value.</summary>
internal static class ValueFunctions
{
    /// <summary>len(x): characters (UTF-16 units, as JavaScript's length) of a string, items of an array; 0 for null.</summary>
    public static JsValue Len(HelperCall call)
    {
        var value = call[0];
        if (value.IsNull() || value.IsUndefined()) return JsNumber.Create(0);
        if (value.IsString()) return JsNumber.Create(value.AsString().Length);
        if (value is JsArray array) return JsNumber.Create(array.Length);
        throw call.Error($"expects a string or an array, got {HelperCall.TypeName(value)}");
    }

    public static JsValue IsEmpty(HelperCall call) => IsEmptyValue(call[0]) ? JsBoolean.True : JsBoolean.False;

    /// <summary>null, undefined, "", [] and {} are empty; 0, false and "  " are not.</summary>
    public static bool IsEmptyValue(JsValue value) => value.Type switch
    {
        Types.Undefined or Types.Null => true,
        Types.String => value.AsString().Length == 0,
        Types.Object when value is JsArray array => array.Length == 0,
        Types.Object => ((ObjectInstance)value).GetOwnPropertyKeys(Types.String).Count == 0,
        _ => false,
    };

    /// <summary>coalesce(a, b, ...): the first argument that is neither null nor undefined; null when all are.</summary>
    public static JsValue Coalesce(HelperCall call)
    {
        for (var i = 0; i < call.Count; i++)
            if (!call.IsNullish(i)) return call[i];
        return JsValue.Null;
    }

    /// <summary>
    /// round(x[, digits]): half away from zero at the number's shortest decimal form (the digits JavaScript prints), so
    /// round(2.345, 2) is 2.35 and round(-2.5) is -3, unlike Math.round. null stays null.
    /// </summary>
    public static JsValue Round(HelperCall call)
    {
        if (call.IsNullish(0)) return JsValue.Null;
        var x = call.Number(0, "x");
        var digits = call.Count > 1 ? call.Integer(1, "digits", 0, 10) : 0;
        if (double.IsNaN(x) || double.IsInfinity(x)) return JsNumber.Create(x);
        if (!decimal.TryParse(x.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            return JsNumber.Create(x); // beyond decimal's range: far too large to have fraction digits
        var rounded = (double)Math.Round(exact, digits, MidpointRounding.AwayFromZero);
        return JsNumber.Create(rounded == 0 ? 0 : rounded);
    }
}
