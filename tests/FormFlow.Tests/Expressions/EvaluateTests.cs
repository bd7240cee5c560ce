using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Expressions;

public class EvaluateTests
{
    private static readonly ExpressionEngine Engine = new();

    private static JsonNode? Eval(string source, string dataJson = "{}") =>
        Engine.Evaluate(source, new Dictionary<string, JsonNode?> { ["data"] = JsonNode.Parse(dataJson) });

    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("data.a * 2", "8")]
    [InlineData("data.name.toUpperCase()", "\"ZHANG\"")]
    [InlineData("len(data.items)", "3")]
    [InlineData("sum(data.items)", "6")]
    [InlineData("data.missing?.x ?? 'none'", "\"none\"")]
    [InlineData("({a: data.a, b: [1, 'x']})", "{\"a\":4,\"b\":[1,\"x\"]}")]
    [InlineData("`${data.name}-${data.a}`", "\"zhang-4\"")]
    [InlineData("data.nothing", "null")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    public void Evaluates_to_the_JavaScript_value(string source, string expected)
    {
        var result = Eval(source, """{"a": 4, "name": "zhang", "items": [1, 2, 3]}""");
        Assert.Equal(expected, result?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Unknown_name_is_disallowed_with_its_position()
    {
        var ex = Assert.Throws<ExpressionException>(() => Eval("data.a + foo"));
        Assert.Equal(ExpressionErrorKind.Disallowed, ex.Kind);
        Assert.Equal("unknown name 'foo': expressions can use only their scope names and the helper functions (line 1, column 10)", ex.Message);
    }

    [Fact]
    public void Runtime_error_names_the_position()
    {
        var ex = Assert.Throws<ExpressionException>(() => Eval("1 +\n data.x.y"));
        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
        Assert.Equal(2, ex.Problem!.Line);
    }
}
