using System.Text;
using Acornima;
using Acornima.Ast;
using FormFlow.Engine.Expressions;

namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>
/// Elsa JavaScript reads variables with <c>getX()</c> / <c>getVariable("X")</c> and workflow input with
/// <c>getInput("X")</c>. FormFlow expressions see <c>variables</c> and <c>input</c> objects instead, so those
/// calls are rewritten to <c>variables.X</c> / <c>input.X</c>. Scripts keep <c>setX(v)</c>: the script runner
/// provides it. Anything the rewriter does not recognise is left as written for the validator to judge.
/// </summary>
internal sealed class ElsaScriptRewriter(IReadOnlyDictionary<string, string> getters)
{
    private static readonly ParserOptions Options = new() { AllowReturnOutsideFunction = true };

    public static ElsaScriptRewriter ForVariables(IEnumerable<string> variableNames) =>
        new(variableNames.Distinct().ToDictionary(ScriptAccessors.Getter, name => name, StringComparer.Ordinal));

    public string Expression(string source) => Rewrite(source, script: false);

    public string Script(string source) => Rewrite(source, script: true);

    private string Rewrite(string source, bool script)
    {
        Node root;
        try
        {
            root = script ? new Parser(Options).ParseScript(source, strict: true) : new Parser(Options).ParseExpression(source, strict: true);
        }
        catch (ParseErrorException)
        {
            return source;
        }
        var edits = new List<(int Start, int End, string Text)>();
        Collect(root, edits);
        if (edits.Count == 0) return source;
        var result = new StringBuilder(source);
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
            result.Remove(start, end - start).Insert(start, text);
        return result.ToString();
    }

    private void Collect(Node node, List<(int, int, string)> edits)
    {
        if (node is CallExpression { Callee: Identifier callee } call && Replacement(callee.Name, call.Arguments) is { } text)
        {
            edits.Add((call.Range.Start, call.Range.End, text));
            return;
        }
        foreach (var child in node.ChildNodes) Collect(child, edits);
    }

    private string? Replacement(string callee, NodeList<Expression> arguments)
    {
        if (arguments.Count == 0 && getters.TryGetValue(callee, out var variable)) return $"variables.{variable}";
        if (arguments.Count != 1 || arguments[0] is not StringLiteral { Value: var name } || !IsIdentifier(name)) return null;
        return callee switch
        {
            "getVariable" => $"variables.{name}",
            "getInput" => $"input.{name}",
            _ => null,
        };
    }

    /// <summary>The identifiers FormFlow variable names allow (ASCII, as in the definition schema).</summary>
    internal static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
