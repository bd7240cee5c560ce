using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Every value a rule touches inherits from a handful of built-in prototypes, and a computed key
/// (<c>x['constr' + 'uctor']</c>) reaches any of their members whatever the subset checker saw in the source. So the
/// prototypes keep only what valid rules call and what JavaScript itself calls to convert a value, and everything
/// reachable from them is frozen: no constructor, no <c>__proto__</c>, no other method to rebind an allowed name to,
/// and nothing an evaluation could write for a later one on the same pooled engine to read.
/// </summary>
internal static class BuiltInLockdown
{
    // ToPrimitive calls these (string concatenation, template literals, comparisons); `length` cannot be removed.
    private static readonly string[] Conversions = ["toString", "valueOf", "length"];

    // The prototypes of every value a rule can hold; Object's and Function's come along as theirs.
    private static readonly string[] ValueTypes = ["Array", "String", "Number", "Boolean"];

    /// <summary>Strips and freezes the prototypes and freezes the given global functions; run once per new engine.</summary>
    public static void Apply(JintEngine engine, IEnumerable<string> globalFunctions)
    {
        var methods = SubsetChecker.AllowedMethods.Concat(Conversions).ToHashSet(StringComparer.Ordinal);
        // Object and Function prototypes hold nothing a rule calls; the others keep the allowed methods they have.
        var conversions = Conversions.ToHashSet(StringComparer.Ordinal);
        KeepOnly(PrototypeOf(engine, "Object"), conversions);
        KeepOnly(PrototypeOf(engine, "Function"), conversions);
        ObjectInstance[] prototypes = [.. ValueTypes.Select(name => PrototypeOf(engine, name))];
        foreach (var prototype in prototypes) KeepOnly(prototype, methods);

        var freeze = engine.Intrinsics.Object.Get("freeze");
        var frozen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        foreach (var prototype in prototypes) DeepFreeze(engine, freeze, prototype, frozen);
        foreach (var name in globalFunctions)
            if (engine.GetValue(name) is ObjectInstance function) DeepFreeze(engine, freeze, function, frozen);
    }

    private static ObjectInstance PrototypeOf(JintEngine engine, string constructor) =>
        (ObjectInstance)((ObjectInstance)engine.GetValue(constructor)).Get("prototype");

    /// <summary>Removes every string-keyed member but the kept ones. Symbol keys stay: no rule can name a symbol.</summary>
    private static void KeepOnly(ObjectInstance prototype, IReadOnlySet<string> kept)
    {
        foreach (var key in prototype.GetOwnPropertyKeys(Types.String))
            if (!kept.Contains(key.AsString()) && !prototype.Delete(key))
                throw new InvalidOperationException($"the built-in member '{key}' could not be removed");
    }

    /// <summary>Freezes the object and, through every own data value and accessor, whatever it reaches.</summary>
    private static void DeepFreeze(JintEngine engine, JsValue freeze, ObjectInstance target, HashSet<ObjectInstance> frozen)
    {
        if (!frozen.Add(target)) return;
        foreach (var key in target.GetOwnPropertyKeys(Types.String | Types.Symbol))
        {
            var descriptor = target.GetOwnProperty(key);
            foreach (var reached in new[] { descriptor.Value, descriptor.Get, descriptor.Set })
                if (reached is ObjectInstance inner) DeepFreeze(engine, freeze, inner, frozen);
        }
        if (target.Prototype is { } prototype) DeepFreeze(engine, freeze, prototype, frozen);
        engine.Call(freeze, JsValue.Undefined, [target]);
    }
}
