using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Expressions;

/// <summary>
/// What the sandbox promises at run time, whatever the subset checker could see in the source: no way to a
/// constructor or prototype, nothing carried from one evaluation to the next on a pooled engine, and only the
/// allowed methods callable.
/// </summary>
public class SandboxTests
{
    private static Dictionary<string, JsonNode?> Data() => new()
    {
        ["data"] = new JsonObject { ["name"] = "张三", ["tags"] = new JsonArray("a", "b"), ["n"] = 3, ["flag"] = true },
    };

    private static Dictionary<string, JsonNode?> Variables(string secret = "") => new()
    {
        ["variables"] = new JsonObject { ["secret"] = secret, ["list"] = new JsonArray(1, 2) },
    };

    [Theory]
    [InlineData("typeof data['constr' + 'uctor']")]
    [InlineData("typeof data.name['constr' + 'uctor']")]
    [InlineData("typeof data.tags['constr' + 'uctor']")]
    [InlineData("typeof data.n['constr' + 'uctor']")]
    [InlineData("typeof data.flag['constr' + 'uctor']")]
    [InlineData("typeof data['__pro' + 'to__']")]
    [InlineData("typeof data.tags['jo' + 'in']['constr' + 'uctor']")]
    [InlineData("typeof data.tags['jo' + 'in']['ca' + 'll']")]
    public void A_constructor_or_prototype_reached_by_a_computed_key_is_not_there(string expression)
    {
        Assert.Equal("undefined", (string?)new ExpressionEngine().Evaluate(expression, Data()));
    }

    [Theory]
    [InlineData("variables['constr' + 'uctor'].stash = variables.secret",
        "const c = variables['constr' + 'uctor']; return c ? c.stash : null")]
    [InlineData("variables.list['constr' + 'uctor'].stash = variables.secret",
        "const c = variables.list['constr' + 'uctor']; return c ? c.stash : null")]
    [InlineData("variables.list['jo' + 'in'].stash = variables.secret",
        "return variables.list['jo' + 'in'].stash")]
    [InlineData("variables.secret['sl' + 'ice'].stash = variables.secret",
        "return variables.secret['sl' + 'ice'].stash")]
    [InlineData("variables['__pro' + 'to__'].stash = variables.secret",
        "const p = variables['__pro' + 'to__']; return p ? p.stash : null")]
    public void Nothing_written_in_one_evaluation_is_readable_in_the_next(string write, string read)
    {
        // One engine and one thread: the second run gets the pooled Jint engine the first one used.
        var engine = new ExpressionEngine();
        try
        {
            engine.RunScript(write, Variables("身份证 110101199003077777"));
        }
        catch (ExpressionException)
        {
            // Refusing the write is one way to hold; the read below is what must never see the value.
        }
        JsonNode? leaked;
        try
        {
            leaked = engine.RunScript(read, Variables()).ReturnValue;
        }
        catch (ExpressionException)
        {
            leaked = null;
        }
        Assert.Null(leaked);
    }

    [Theory]
    [InlineData("const h = {}; h.join = variables['constr' + 'uctor']['ke' + 'ys']; return h.join(variables)")]
    [InlineData("const h = {}; h.join = variables.secret['rep' + 'eat']; return h.join(3)")]
    [InlineData("const h = {}; h.includes = variables.list['pu' + 'sh']; return h.includes(1)")]
    [InlineData("const h = []; h.slice = variables.list['fi' + 'll']; return h.slice(7)")]
    public void An_allowed_method_name_rebound_to_another_function_cannot_call_it(string script)
    {
        var ex = Assert.Throws<ExpressionException>(() => new ExpressionEngine().RunScript(script, Variables("ab")));
        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
    }

    [Theory]
    [InlineData("return variables.list.join('-') + variables.list.includes(2) + variables.list.indexOf(2) + variables.list.slice(1)", "1-2true12")]
    [InlineData("return `${variables.list}` + (variables.secret + ' x ').trim().toUpperCase() + ' y'.startsWith(' ') + 'z'.endsWith('z')", "1,2AB Xtruetrue")]
    public void The_allowed_methods_and_conversions_still_work(string script, string expected)
    {
        Assert.Equal(expected, (string?)new ExpressionEngine().RunScript(script, Variables("ab")).ReturnValue);
    }
}
