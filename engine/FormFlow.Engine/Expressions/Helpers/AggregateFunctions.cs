using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace FormFlow.Engine.Expressions.Helpers;

/// <summary>
/// sum, count, min and max over arrays (typically a repeating group). A null or undefined array counts as empty; with
/// a key, each item's member of that name is used and null items are skipped.
/// </summary>
internal static class AggregateFunctions
{
    /// <summary>sum(array[, key]): numbers added left to right; null/undefined values skipped; 0 for none.</summary>
    public static JsValue Sum(HelperCall call)
    {
        var total = 0d;
        foreach (var (value, position) in Values(call))
        {
            if (value.IsNull() || value.IsUndefined()) continue;
            total += NumberAt(call, value, position);
        }
        return JsNumber.Create(total);
    }

    /// <summary>count(array[, key]): how many values are not empty in the sense of isEmpty.</summary>
    public static JsValue Count(HelperCall call)
    {
        var count = 0;
        foreach (var (value, _) in Values(call))
            if (!ValueFunctions.IsEmptyValue(value)) count++;
        return JsNumber.Create(count);
    }

    public static JsValue Min(HelperCall call) => Extreme(call, (candidate, best) => candidate < best);

    public static JsValue Max(HelperCall call) => Extreme(call, (candidate, best) => candidate > best);

    /// <summary>min(array[, key]) or min(a, b, ...): the extreme number, null/undefined skipped; null when there is none.</summary>
    private static JsValue Extreme(HelperCall call, Func<double, double, bool> better)
    {
        double? best = null;
        var values = call[0].IsArray() || call.Count == 1 && call.IsNullish(0) ? Values(call) : Arguments(call);
        foreach (var (value, position) in values)
        {
            if (value.IsNull() || value.IsUndefined()) continue;
            var number = NumberAt(call, value, position);
            if (double.IsNaN(number)) return JsNumber.Create(double.NaN);
            if (best is null || better(number, best.Value)) best = number;
        }
        return best is null ? JsValue.Null : JsNumber.Create(best.Value);
    }

    private static double NumberAt(HelperCall call, JsValue value, string position) =>
        value.IsNumber() ? value.AsNumber() : throw call.Error($"{position} is not a number, got {HelperCall.TypeName(value)}");

    private static IEnumerable<(JsValue Value, string Position)> Arguments(HelperCall call)
    {
        for (var i = 0; i < call.Count; i++) yield return (call[i], $"argument {i + 1}");
    }

    /// <summary>The values of the array in argument 0, or of each item's member named by argument 1.</summary>
    private static IEnumerable<(JsValue Value, string Position)> Values(HelperCall call)
    {
        if (call.IsNullish(0)) yield break;
        if (call[0] is not JsArray array) throw call.Error($"expects an array, got {HelperCall.TypeName(call[0])}");
        if (array.Length > call.Context.Options.MaxArrayLength)
            throw call.Error($"the array has {array.Length} items; at most {call.Context.Options.MaxArrayLength} are allowed");
        var key = call.OptionalString(1, "key");
        for (uint i = 0; i < array.Length; i++)
        {
            var item = array[i];
            if (key is null)
            {
                yield return (item, $"item {i}");
                continue;
            }
            if (item.IsNull() || item.IsUndefined()) continue;
            if (item is not ObjectInstance obj) throw call.Error($"item {i} is not an object, got {HelperCall.TypeName(item)}");
            yield return (obj.Get(key), $"item {i}.{key}");
        }
    }
}
