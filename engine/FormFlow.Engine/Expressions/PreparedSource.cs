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

    private readonly IReadOnlyList<(int Line, int Column)> _tags;

    private PreparedSource(ExpressionKind kind, SubsetCheck check, Prepared<Script>? script, IReadOnlyList<(int Line, int Column)>? tags = null)
    {
        Kind = kind;
        Check = check;
        Script = script;
        _tags = tags ?? [];
    }

    public ExpressionKind Kind { get; }
    public SubsetCheck Check { get; }
    public Prepared<Script>? Script { get; }

    public static PreparedSource Create(string source, ExpressionKind kind, ExpressionOptions options)
    {
        var check = SubsetChecker.Check(source, kind, options);
        if (check.Problems.Count > 0) return new PreparedSource(kind, check, null);
        var (guarded, tags) = TagTemplates(source, check.TemplateStarts);
        var code = kind == ExpressionKind.Expression
            ? ExpressionPrefix + guarded + ExpressionSuffix
            : ScriptPrefix + guarded + ScriptSuffix;
        try
        {
            return new PreparedSource(kind, check, JintEngine.PrepareScript(code, strict: true), tags);
        }
        catch (Exception ex) when (ex is ScriptPreparationException or Acornima.ParseErrorException)
        {
            // The checker parses with the same parser and strictness, so this is a safety net, not a path we expect.
            var problem = new ExpressionProblem($"syntax error: {(ex.InnerException ?? ex).Message}", 1, 1);
            return new PreparedSource(kind, SubsetCheck.Failed(ExpressionErrorKind.Syntax, problem), null);
        }
    }

    /// <summary>
    /// Tags every template literal with <see cref="TemplateLiteralGuard.TagName"/>, which builds the same string while
    /// counting it (a template of thirty references to a 1M-character string is one allocation the memory limit, checked
    /// between statements, would see only afterwards). Returns the guarded source and where each tag went (1-based line,
    /// 0-based column of the original), so that error positions can be mapped back.
    /// </summary>
    private static (string Source, List<(int Line, int Column)> Tags) TagTemplates(string source, IReadOnlyList<int> starts)
    {
        var tags = new List<(int, int)>();
        if (starts.Count == 0) return (source, tags);
        var guarded = new System.Text.StringBuilder(source.Length + starts.Count * TemplateLiteralGuard.TagName.Length);
        var copied = 0;
        foreach (var start in starts.Order())
        {
            guarded.Append(source, copied, start - copied).Append(TemplateLiteralGuard.TagName);
            copied = start;
            var lineStart = source.LastIndexOf('\n', Math.Max(0, start - 1)) is var newline && newline >= 0 && newline < start ? newline + 1 : 0;
            tags.Add((source.AsSpan(0, start).Count('\n') + 1, start - lineStart));
        }
        guarded.Append(source, copied, source.Length - copied);
        return (guarded.ToString(), tags);
    }

    /// <summary>The author's 0-based column for a 0-based column on a line (1-based) of the guarded source.</summary>
    public int OriginalColumn(int line, int column)
    {
        var shift = 0;
        var length = TemplateLiteralGuard.TagName.Length;
        foreach (var (tagLine, tagColumn) in _tags)
        {
            if (tagLine != line) continue;
            var at = tagColumn + shift; // where this tag sits in the guarded line
            if (column < at) break;
            if (column < at + length) return tagColumn; // inside the tag: the template itself
            shift += length;
        }
        return column - shift;
    }
}
