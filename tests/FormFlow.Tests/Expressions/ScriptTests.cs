using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Expressions;

/// <summary>Workflow scripts: return values, mutated scope, Elsa-style accessors, isolation between runs.</summary>
public class ScriptTests
{
    private static readonly ExpressionEngine Engine = new();

    private static ScriptResult Run(string source, string variables = "{}", string? input = null)
    {
        var scope = new Dictionary<string, JsonNode?> { ["variables"] = JsonNode.Parse(variables) };
        if (input is not null) scope["input"] = JsonNode.Parse(input);
        return Engine.RunScript(source, scope);
    }

    [Fact]
    public void Returns_the_value_of_return_and_the_mutated_variables()
    {
        var result = Run("let t = 0;\nfor (const x of variables.items) { t += x.amount; }\nvariables.total = t;\nreturn t > 100 ? 'review' : 'auto';",
            """{"items": [{"amount": 80}, {"amount": 40.5}]}""");
        Assert.Equal("review", (string?)result.ReturnValue);
        Assert.Equal(120.5, (double)result.Scope["variables"]!["total"]!);
    }

    [Fact]
    public void Without_return_the_return_value_is_null()
    {
        var result = Run("variables.done = true; 42;");
        Assert.Null(result.ReturnValue);
        Assert.True((bool)result.Scope["variables"]!["done"]!);
    }

    [Fact]
    public void Elsa_accessors_read_and_write_variables()
    {
        var result = Run("setCount(getCount() + 1); setApplicantName(getApplicantName().toUpperCase()); return getCount();",
            """{"count": 1, "applicantName": "li"}""");
        Assert.Equal(2, (int)result.ReturnValue!);
        Assert.Equal("""{"count":2,"applicantName":"LI"}""", result.Scope["variables"]!.ToJsonString());
    }

    [Fact]
    public void GetVariable_and_setVariable_work_on_any_key()
    {
        var result = Run("setVariable('approved', getVariable('score') >= 60); return getVariable('missing');", """{"score": 75}""");
        Assert.Null(result.ReturnValue);
        Assert.Equal("""{"score":75,"approved":true}""", result.Scope["variables"]!.ToJsonString());
    }

    [Fact]
    public void An_accessor_for_a_key_variables_does_not_have_is_an_unknown_name()
    {
        var ex = Assert.Throws<ExpressionException>(() => Run("setTotal(1);", """{"count": 1}"""));
        Assert.Equal(ExpressionErrorKind.Disallowed, ex.Kind);
        Assert.Equal("unknown name 'setTotal': scripts can use only their scope names and the helper functions (line 1, column 1)", ex.Message);
    }

    [Fact]
    public void Input_is_readable_and_other_scope_values_come_back_too()
    {
        var result = Run("variables.amount = input.amount * 2; input.seen = true;", "{}", """{"amount": 21}""");
        Assert.Equal(42, (int)result.Scope["variables"]!["amount"]!);
        Assert.True((bool)result.Scope["input"]!["seen"]!);
    }

    [Fact]
    public void The_callers_json_is_not_changed()
    {
        var variables = new JsonObject { ["count"] = 1 };
        Engine.RunScript("variables.count = 99; setCount(100);", new Dictionary<string, JsonNode?> { ["variables"] = variables });
        Assert.Equal(1, (int)variables["count"]!);
    }

    [Fact]
    public void Locals_do_not_leak_from_one_run_into_the_next()
    {
        Assert.Equal(1, (int)Run("let x = 1; var y = 2; return x;").ReturnValue!);
        Assert.Equal(1, (int)Run("let x = 1; var y = 2; return x;").ReturnValue!); // a redeclaration would throw
    }

    [Fact]
    public void Built_in_prototypes_cannot_be_polluted_for_later_evaluations()
    {
        var ex = Assert.Throws<ExpressionException>(() => Run("let k = '__pro' + 'to__'; variables[k].polluted = 1;"));
        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
        var clean = Engine.Evaluate("data.polluted", new Dictionary<string, JsonNode?> { ["data"] = new JsonObject() });
        Assert.Null(clean);
    }

    [Fact]
    public void Runtime_errors_name_the_line_of_the_script()
    {
        var ex = Assert.Throws<ExpressionException>(() => Run("let a = 1;\nconst b = 2;\nb = 3;"));
        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
        Assert.Equal(3, ex.Problem!.Line);
        Assert.StartsWith("TypeError: Assignment to constant variable.", ex.Message);
    }

    [Fact]
    public void A_script_without_variables_gets_a_clear_error_from_getVariable()
    {
        var ex = Assert.Throws<ExpressionException>(() => Engine.RunScript("return getVariable('x');", new Dictionary<string, JsonNode?>()));
        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
        Assert.StartsWith("TypeError: getVariable: the scope has no 'variables' object", ex.Message);
    }

    [Fact]
    public void A_scope_name_may_not_hide_a_helper()
    {
        var ex = Assert.Throws<ExpressionException>(() => Engine.Evaluate("1", new Dictionary<string, JsonNode?> { ["len"] = 1 }));
        Assert.Equal(ExpressionErrorKind.Disallowed, ex.Kind);
        Assert.Equal("the scope name 'len' is reserved for the expression language", ex.Message);
    }
}
