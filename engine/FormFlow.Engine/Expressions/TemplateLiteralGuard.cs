using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// Every template literal of a rule runs tagged with this function (PreparedSource adds the tag): it builds exactly
/// the string the untagged template would (the literal text, and each value converted as a template converts it), but
/// counts it as it grows, so <c>`${s}${s}...`</c> over a huge string is refused before it is allocated.
/// </summary>
internal static class TemplateLiteralGuard
{
    /// <summary>A name no scope may take and no rule can write (a tagged template is outside the subset).</summary>
    public const string TagName = "__template";

    public static void Install(JintEngine engine, HelperContext context) =>
        engine.SetValue(TagName, new ClrFunction(engine, TagName, (_, args) =>
        {
            var strings = (ObjectInstance)args[0];
            var parts = (int)TypeConverter.ToLength(strings.Get("length"));
            var result = new StringBuilder();
            for (var i = 0; i < parts; i++)
            {
                Append(context, result, TypeConverter.ToString(strings.Get(i)));
                if (i + 1 < parts && i + 1 < args.Length) Append(context, result, TypeConverter.ToString(args[i + 1]));
            }
            return JsString.Create(result.ToString());
        }));

    private static void Append(HelperContext context, StringBuilder result, string piece)
    {
        context.Build("template literal", piece.Length);
        result.Append(piece);
    }
}
