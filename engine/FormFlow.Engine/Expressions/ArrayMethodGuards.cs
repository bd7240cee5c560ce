using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Scripts can make an array huge without allocating it (<c>a.length = 1e9</c>), and one built-in call over it runs
/// for seconds between two limit checks. The array methods the subset allows are wrapped so they refuse such arrays,
/// and join refuses a result beyond the memory limit, before any work is done.
/// </summary>
internal static class ArrayMethodGuards
{
    private static readonly string[] GuardedMethods = ["join", "includes", "indexOf", "slice", "toString"];

    /// <summary>Replaces the methods on Array.prototype; run before the prototypes are frozen.</summary>
    public static void Install(JintEngine engine, ExpressionOptions options)
    {
        var prototype = engine.Intrinsics.Array.PrototypeObject;
        foreach (var name in GuardedMethods)
        {
            var original = prototype.Get(name);
            var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
            prototype.Set(name, new ClrFunction(engine, name, (thisObj, args) =>
            {
                Check(engine, options, name, thisObj, args);
                return engine.Call(original, thisObj, args);
            }, length));
        }
    }

    private static void Check(JintEngine engine, ExpressionOptions options, string name, JsValue thisObj, JsValue[] args)
    {
        if (thisObj is not ObjectInstance array) return;
        var length = TypeConverter.ToLength(array.Get("length"));
        if (length > options.MaxArrayLength)
            throw new JavaScriptException(engine.Intrinsics.TypeError,
                $"{name}: the array has {length} items; at most {options.MaxArrayLength} are allowed");
        if (name == "join" && length > 1 && args.Length > 0 && args[0].IsString()
            && (double)(length - 1) * args[0].AsString().Length * sizeof(char) > options.MemoryLimitBytes)
            throw new JavaScriptException(engine.Intrinsics.TypeError, $"join: the result would exceed {options.MemoryLimitBytes} bytes");
    }
}
