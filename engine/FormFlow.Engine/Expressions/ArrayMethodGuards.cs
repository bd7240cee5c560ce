using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Scripts can make an array huge without allocating it (<c>a.length = 1e9</c>), and one built-in call over it runs
/// for seconds between two limit checks; and one join of 300 references to a 1M-character string builds 300M
/// characters before the memory limit, checked between statements, notices. So the array methods the subset allows
/// refuse such arrays, and join (which toString, template literals and string concatenation of an array call) is
/// done here, counting the result as it grows (<see cref="HelperContext.Build"/>) and refusing it before it passes the
/// memory limit.
/// </summary>
internal static class ArrayMethodGuards
{
    private static readonly string[] LengthCheckedMethods = ["includes", "indexOf", "slice"];

    /// <summary>Replaces the methods on Array.prototype; run before the prototypes are frozen.</summary>
    public static void Install(JintEngine engine, HelperContext context)
    {
        var options = context.Options;
        var prototype = engine.Intrinsics.Array.PrototypeObject;
        foreach (var name in LengthCheckedMethods)
        {
            var original = prototype.Get(name);
            var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
            prototype.Set(name, new ClrFunction(engine, name, (thisObj, args) =>
            {
                LengthOf(engine, options, name, thisObj);
                return engine.Call(original, thisObj, args);
            }, length));
        }
        var join = new BoundedJoin(engine, context);
        prototype.Set("join", new ClrFunction(engine, "join", (thisObj, args) => join.Join("join", thisObj, args.Length > 0 ? args[0] : JsValue.Undefined), 1));
        prototype.Set("toString", new ClrFunction(engine, "toString", (thisObj, _) => join.Join("toString", thisObj, JsValue.Undefined), 0));
    }

    private static ulong LengthOf(JintEngine engine, ExpressionOptions options, string name, JsValue thisObj)
    {
        if (thisObj is not ObjectInstance array) return 0;
        var length = TypeConverter.ToLength(array.Get("length"));
        if (length > options.MaxArrayLength)
            throw new JavaScriptException(engine.Intrinsics.TypeError,
                $"{name}: the array has {length} items; at most {options.MaxArrayLength} are allowed");
        return length;
    }

    /// <summary>Array.prototype.join as the language defines it, with the result's length counted before each append.</summary>
    private sealed class BoundedJoin(JintEngine engine, HelperContext context)
    {
        // Arrays being joined right now: an array that contains itself joins as "" there, as in browsers.
        private readonly HashSet<ObjectInstance> _inProgress = new(ReferenceEqualityComparer.Instance);

        public JsValue Join(string name, JsValue thisObj, JsValue separatorArgument)
        {
            // Only an array or an object a method was rebound onto can be the receiver: primitives have no join.
            var array = thisObj as ObjectInstance ?? throw new JavaScriptException(engine.Intrinsics.TypeError, $"{name}: called on a non-object");
            var length = LengthOf(engine, context.Options, name, array);
            var separator = separatorArgument.IsUndefined() ? "," : TypeConverter.ToString(separatorArgument);
            if (length == 0 || !_inProgress.Add(array)) return JsString.Empty;
            try
            {
                var result = new StringBuilder();
                for (ulong k = 0; k < length; k++)
                {
                    if (k > 0) Append(name, result, separator);
                    var element = array.Get(k);
                    if (!element.IsNull() && !element.IsUndefined()) Append(name, result, TypeConverter.ToString(element));
                }
                return JsString.Create(result.ToString());
            }
            finally
            {
                _inProgress.Remove(array);
            }
        }

        private void Append(string name, StringBuilder result, string piece)
        {
            context.Build(name, piece.Length);
            result.Append(piece);
        }
    }
}
