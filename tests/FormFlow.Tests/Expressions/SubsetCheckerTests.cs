using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Expressions;

/// <summary>Each construct outside the subset is refused with its own message and its 1-based position.</summary>
public class SubsetCheckerTests
{
    private static readonly ExpressionEngine Engine = new();

    private static ExpressionProblem Single(string source, ExpressionKind kind = ExpressionKind.Expression)
    {
        var problems = Engine.Check(source, kind);
        Assert.True(problems.Count >= 1, $"'{source}' should be refused");
        return problems[0];
    }

    [Theory]
    [InlineData("data.a + (for (;;) {})", "syntax error: Unexpected token", 1, 11)]
    [InlineData("for (;;) {}", "loops are not allowed in expressions", 1, 1)]
    [InlineData("  while (true) {}", "loops are not allowed in expressions", 1, 3)]
    [InlineData("data.items.map(x => x)", "the method 'map' is not allowed", 1, 12)]
    [InlineData("data.a || (x => x)", "function definitions are not allowed in expressions", 1, 12)]
    [InlineData("[function () { return 1; }]", "function definitions are not allowed in expressions", 1, 2)]
    [InlineData("data.a = 1", "assignment is not allowed in expressions", 1, 1)]
    [InlineData("1 + data.a++", "'++' and '--' are not allowed in expressions", 1, 5)]
    [InlineData("new Date()", "'new' is not allowed in expressions", 1, 1)]
    [InlineData("this.x", "'this' is not allowed in expressions", 1, 1)]
    [InlineData("eval('1')", "'eval' is not allowed in expressions", 1, 1)]
    [InlineData("Function('return 1')", "'Function' is not allowed in expressions", 1, 1)]
    [InlineData("data.a && globalThis", "the global object ('globalThis') is not accessible in expressions", 1, 11)]
    [InlineData("window", "the global object ('window') is not accessible in expressions", 1, 1)]
    [InlineData("data.a + foo", "unknown name 'foo'", 1, 10)]
    [InlineData("data.constructor", "the member 'constructor' is not accessible in expressions", 1, 6)]
    [InlineData("data['__proto__']", "the member '__proto__' is not accessible in expressions", 1, 6)]
    [InlineData("data.x.prototype", "the member 'prototype' is not accessible in expressions", 1, 8)]
    [InlineData("/a+/", "regular expression literals are not allowed in expressions (use matches(text, pattern))", 1, 1)]
    [InlineData("'a' in data", "the operator 'in' is not allowed in expressions", 1, 1)]
    [InlineData("data instanceof Array", "the operator 'instanceof' is not allowed in expressions", 1, 1)]
    [InlineData("delete data.a", "the operator 'delete' is not allowed in expressions", 1, 1)]
    [InlineData("void 0", "the operator 'void' is not allowed in expressions", 1, 1)]
    [InlineData("data.a | 1", "the operator '|' is not allowed in expressions", 1, 1)]
    [InlineData("(data.a, data.b)", "comma (sequence) expressions are not allowed in expressions", 1, 2)]
    [InlineData("[...data.list]", "spread ('...') is not allowed in expressions", 1, 2)]
    [InlineData("String.raw`x`", "tagged templates are not allowed in expressions", 1, 1)]
    [InlineData("(class {})", "classes are not allowed in expressions", 1, 2)]
    [InlineData("import('x')", "'import' is not allowed in expressions", 1, 1)]
    [InlineData("({[data.k]: 1})", "computed object keys are not allowed in expressions", 1, 3)]
    [InlineData("({get x() { return 1; }})", "getters, setters and methods in object literals are not allowed in expressions", 1, 3)]
    [InlineData("let x = 1", "variable declarations are not allowed in expressions", 1, 1)]
    [InlineData("if (data.a) 1", "'if' statements are not allowed in expressions (use condition ? a : b)", 1, 1)]
    [InlineData("data.a;\ndata.b", "only one expression is allowed (combine conditions with && or ?:)", 2, 1)]
    [InlineData("len", "the helper 'len' can only be called, as len(...)", 1, 1)]
    [InlineData("foo(1)", "'foo' is not a helper function", 1, 1)]
    [InlineData("data.name['trim']()", "calling a computed member (obj[...]()) is not allowed", 1, 11)]
    [InlineData("[1, , 2]", "empty array slots (holes) are not allowed in expressions", 1, 1)]
    [InlineData("10n", "BigInt literals are not allowed in expressions", 1, 1)]
    [InlineData("data.a +\n  (b => b)", "function definitions are not allowed in expressions", 2, 4)]
    public void Refuses_with_message_and_position(string source, string message, int line, int column)
    {
        var problem = Single(source);
        Assert.StartsWith(message, problem.Message);
        Assert.Equal((line, column), (problem.Line, problem.Column));
    }

    [Fact]
    public void Evaluate_throws_the_same_message_with_its_position()
    {
        var ex = Assert.Throws<ExpressionException>(() => Engine.Evaluate("1 + (x => x)", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>()));
        Assert.Equal(ExpressionErrorKind.Disallowed, ex.Kind);
        Assert.Equal("function definitions are not allowed in expressions (line 1, column 6)", ex.Message);
        Assert.Equal(new ExpressionProblem("function definitions are not allowed in expressions", 1, 6), ex.Problem);
    }

    [Theory]
    [InlineData("data.age >= 18 && isResidentId(data.id)")]
    [InlineData("item.qty * item.price + index")]
    [InlineData("data.tags?.includes('x') ? `${data.name}!` : null")]
    [InlineData("({total: sum(data.rows, 'amount'), rows: [1, 2]})")]
    [InlineData("typeof data.x === 'undefined' || !data.x")]
    [InlineData("data['键'] ?? -1")]
    public void Accepts_the_subset(string source)
    {
        Assert.Empty(Engine.Check(source));
    }

    [Fact]
    public void Scope_names_given_to_Check_replace_the_defaults()
    {
        Assert.Empty(Engine.Check("caseInfo.status === 'open'", ExpressionKind.Expression, ["caseInfo"]));
        var problem = Assert.Single(Engine.Check("data.x", ExpressionKind.Expression, ["caseInfo"]));
        Assert.StartsWith("unknown name 'data'", problem.Message);
    }

    [Fact]
    public void Reports_every_problem_not_just_the_first()
    {
        var problems = Engine.Check("new Date() + this.x + foo");
        Assert.Equal(["'new' is not allowed in expressions", "'this' is not allowed in expressions"],
            problems.Where(p => !p.Message.StartsWith("unknown")).Select(p => p.Message));
    }

    [Theory]
    [InlineData("1 +", "syntax error: Unexpected end of input", 1, 4)]
    [InlineData("data.a +\n  * 2", "syntax error: Unexpected token", 2, 3)]
    [InlineData("010", "syntax error: Octal literals are not allowed in strict mode", 1, 1)]
    [InlineData("   ", "the source is empty", 1, 1)]
    public void Syntax_errors_have_a_position(string source, string message, int line, int column)
    {
        var problem = Single(source);
        Assert.StartsWith(message, problem.Message);
        Assert.Equal((line, column), (problem.Line, problem.Column));
        var ex = Assert.Throws<ExpressionException>(() => Engine.Evaluate(source, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>()));
        Assert.Equal(ExpressionErrorKind.Syntax, ex.Kind);
    }

    [Theory]
    [InlineData("let t = 0; for (let i = 0; i < 3; i++) { t += i; } variables.t = t; return t;")]
    [InlineData("const rows = variables.rows; for (const r of rows) { if (r.ok) { r.n = (r.n ?? 0) + 1; } else continue; }")]
    [InlineData("var i = 0; while (i < 10) { i++; if (i > 5) break; } do { i--; } while (i > 0);")]
    [InlineData("setTotal(getTotal() + 1); setVariable('x', getVariable('y'));")]
    [InlineData("let s = ''; s ||= 'x'; s += len(s); return s;")]
    public void Scripts_accept_statements_assignment_and_accessors(string source)
    {
        Assert.Empty(Engine.Check(source, ExpressionKind.Script));
    }

    [Theory]
    [InlineData("function f() {}", "function definitions are not allowed in scripts", 1, 1)]
    [InlineData("let f = () => 1;", "function definitions are not allowed in scripts", 1, 9)]
    [InlineData("variables = {};", "assignment to 'variables' is not allowed", 1, 1)]
    [InlineData("total = 1;", "assignment to 'total' is not allowed", 1, 1)]
    [InlineData("let len = 1;", "'len' is a helper function and cannot be declared as a variable", 1, 5)]
    [InlineData("switch (1) {}", "'switch' is not allowed in scripts", 1, 1)]
    [InlineData("try { } finally { }", "'try' is not allowed in scripts", 1, 1)]
    [InlineData("throw 1;", "'throw' is not allowed in scripts", 1, 1)]
    [InlineData("a: for (;;) { break a; }", "a label is not allowed in scripts", 1, 1)]
    [InlineData("let {a} = variables;", "destructuring is not allowed in scripts", 1, 5)]
    [InlineData("for (const k in variables) {}", "loops are not allowed in scripts", 1, 1)]
    [InlineData("variables.constructor.prototype.x = 1;", "the member 'constructor' is not accessible in scripts", 1, 11)]
    [InlineData("let g = globalThis;", "the global object ('globalThis') is not accessible in scripts", 1, 9)]
    [InlineData("variables.x = eval('1');", "'eval' is not allowed in scripts", 1, 15)]
    [InlineData("variables.x |= 1;", "the operator '|=' is not allowed in scripts", 1, 1)]
    public void Scripts_still_refuse(string source, string message, int line, int column)
    {
        var problem = Single(source, ExpressionKind.Script);
        Assert.StartsWith(message, problem.Message);
        Assert.Equal((line, column), (problem.Line, problem.Column));
    }
}
