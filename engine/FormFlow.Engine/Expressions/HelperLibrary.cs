using FormFlow.Engine.Expressions.Helpers;
using Jint;
using Jint.Native;
using Jint.Runtime.Interop;

using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>The helper functions every expression can call, by name. README.md in this folder documents each one.</summary>
internal static class HelperLibrary
{
    private static readonly Dictionary<string, Func<HelperCall, JsValue>> Functions = new(StringComparer.Ordinal)
    {
        ["isResidentId"] = IdentityFunctions.IsResidentId,
        ["birthDateFromId"] = IdentityFunctions.BirthDateFromId,
        ["ageFromId"] = IdentityFunctions.AgeFromId,
        ["sexFromId"] = IdentityFunctions.SexFromId,
        ["age"] = DateFunctions.Age,
        ["today"] = DateFunctions.Today,
        ["daysBetween"] = DateFunctions.DaysBetween,
        ["addDays"] = DateFunctions.AddDays,
        ["workingDaysBetween"] = DateFunctions.WorkingDaysBetween,
        ["addWorkingDays"] = DateFunctions.AddWorkingDays,
        ["len"] = ValueFunctions.Len,
        ["isEmpty"] = ValueFunctions.IsEmpty,
        ["coalesce"] = ValueFunctions.Coalesce,
        ["round"] = ValueFunctions.Round,
        ["sum"] = AggregateFunctions.Sum,
        ["count"] = AggregateFunctions.Count,
        ["min"] = AggregateFunctions.Min,
        ["max"] = AggregateFunctions.Max,
        ["matches"] = TextFunctions.Matches,
        ["isMobile"] = TextFunctions.IsMobile,
        ["isEmail"] = TextFunctions.IsEmail,
    };

    public static IReadOnlyCollection<string> Names => Functions.Keys;

    public static bool IsHelper(string name) => Functions.ContainsKey(name);

    /// <summary>Defines every helper as a global function of a fresh engine.</summary>
    public static void Install(JintEngine engine, HelperContext context)
    {
        foreach (var (name, function) in Functions)
            engine.SetValue(name, new ClrFunction(engine, name, (_, arguments) => function(new HelperCall(name, arguments, context))));
    }
}
