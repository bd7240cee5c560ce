using Acornima.Ast;
using Jint;

using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>A checked source and, when the check passed, the Jint script prepared from it (reusable on any engine).</summary>
internal sealed class PreparedSource
{
    // Both wrappers add exactly one line before the author's text and leave its columns alone, so positions map back
    // by subtracting one line. Scripts run inside a function so `return` ends them and their locals stay local.
    private const string ExpressionPrefix = "(\n";
    private const string ExpressionSuffix = "\n)";
    private const string ScriptPrefix = "(function () {\n";
    private const string ScriptSuffix = "\n})()";
    public const int WrapperLines = 1;

    private PreparedSource(ExpressionKind kind, SubsetCheck check, Prepared<Script>? script)
    {
        Kind = kind;
        Check = check;
        Script = script;
    }

    public ExpressionKind Kind { get; }
    public SubsetCheck Check { get; }
    public Prepared<Script>? Script { get; }

    public static PreparedSource Create(string source, ExpressionKind kind, ExpressionOptions options)
    {
        var check = SubsetChecker.Check(source, kind, options);
        if (check.Problems.Count > 0) return new PreparedSource(kind, check, null);
        var code = kind == ExpressionKind.Expression
            ? ExpressionPrefix + source + ExpressionSuffix
            : ScriptPrefix + source + ScriptSuffix;
        try
        {
            return new PreparedSource(kind, check, JintEngine.PrepareScript(code, strict: true));
        }
        catch (Exception ex) when (ex is ScriptPreparationException or Acornima.ParseErrorException)
        {
            // The checker parses with the same parser and strictness, so this is a safety net, not a path we expect.
            var problem = new ExpressionProblem($"syntax error: {(ex.InnerException ?? ex).Message}", 1, 1);
            return new PreparedSource(kind, SubsetCheck.Failed(ExpressionErrorKind.Syntax, problem), null);
        }
    }
}
