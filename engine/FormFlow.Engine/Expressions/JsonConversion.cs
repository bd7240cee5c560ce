using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Scope JSON to JavaScript values and results back, directly between the two object models (no text in between).
/// Results follow JSON.stringify: undefined and functions become null (or are left out of objects), NaN and
/// Infinity become null, -0 becomes 0.
/// </summary>
internal static class JsonConversion
{
    /// <summary>
    /// The JavaScript value of a JSON node. Read-only conversion (for expressions) wraps objects in a
    /// <see cref="JsonObjectView"/> that converts members on first read; otherwise objects are converted in full.
    /// </summary>
    public static JsValue ToJs(JintEngine engine, JsonNode? node, int maxDepth, int depth = 0, bool readOnly = false)
    {
        if (depth > maxDepth)
            throw new ExpressionException(ExpressionErrorKind.LimitExceeded, $"the scope data is nested more than {maxDepth} levels deep");
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj when readOnly:
                return new JsonObjectView(engine, obj, maxDepth, depth);
            case JsonObject obj:
            {
                var result = new JsObject(engine);
                foreach (var (key, value) in obj) result.FastSetDataProperty(key, ToJs(engine, value, maxDepth, depth + 1, readOnly));
                return result;
            }
            case JsonArray array:
            {
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++) items[i] = ToJs(engine, array[i], maxDepth, depth + 1, readOnly);
                return new JsArray(engine, items);
            }
            default:
                return ToJs((JsonValue)node);
        }
    }

    private static JsValue ToJs(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => JsString.Create(value.GetValue<string>()),
        JsonValueKind.Number => JsNumber.Create(NumberOf(value)),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        _ => JsValue.Null,
    };

    /// <summary>Parsed JSON holds a JsonElement; values built in code hold the CLR number they were made from.</summary>
    public static double NumberOf(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d)) return d;
        if (value.TryGetValue<int>(out var i)) return i;
        if (value.TryGetValue<long>(out var l)) return l;
        if (value.TryGetValue<decimal>(out var m)) return (double)m;
        if (value.TryGetValue<float>(out var f)) return f;
        return double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static JsonNode? ToJson(JsValue value, int maxDepth, int depth = 0)
    {
        if (depth > maxDepth)
            throw new ExpressionException(ExpressionErrorKind.LimitExceeded, $"the result is nested more than {maxDepth} levels deep");
        switch (value.Type)
        {
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.String:
                return JsonValue.Create(value.AsString());
            case Types.Number:
                return Number(value.AsNumber());
            case Types.Object when value is JsonObjectView view:
                return view.Source.DeepClone();
            case Types.Object when value is JsArray array:
            {
                var result = new JsonArray();
                for (uint i = 0; i < array.Length; i++)
                {
                    var item = array[i];
                    result.Add(item.IsCallable() ? null : ToJson(item, maxDepth, depth + 1));
                }
                return result;
            }
            case Types.Object when !value.IsCallable():
            {
                var obj = (ObjectInstance)value;
                var result = new JsonObject();
                foreach (var key in obj.GetOwnPropertyKeys(Types.String))
                {
                    var descriptor = obj.GetOwnProperty(key);
                    if (!descriptor.Enumerable) continue;
                    var item = obj.Get(key);
                    if (item.IsUndefined() || item.IsCallable()) continue;
                    result[key.AsString()] = ToJson(item, maxDepth, depth + 1);
                }
                return result;
            }
            default:
                return null; // undefined, null, functions, symbols
        }
    }

    /// <summary>
    /// Numbers come back backed by a JsonElement, as if parsed from JSON, so callers can read them as int, long,
    /// double or decimal alike (a JsonValue made from a long refuses to be read as a double).
    /// </summary>
    private static JsonValue? Number(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number)) return null;
        // Whole numbers print without a fraction (and -0 as 0), as JSON.stringify does.
        var element = number == Math.Floor(number) && Math.Abs(number) < 9007199254740992d
            ? JsonSerializer.SerializeToElement((long)number)
            : JsonSerializer.SerializeToElement(number);
        return JsonValue.Create(element);
    }
}
