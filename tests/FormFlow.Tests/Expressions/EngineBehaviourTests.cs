using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Expressions;

/// <summary>Caching, pooling and thread-safety: what makes Evaluate cheap must never mix up scopes.</summary>
public class EngineBehaviourTests
{
    private static Dictionary<string, JsonNode?> Data(JsonNode? data) => new() { ["data"] = data };

    [Fact]
    public void A_source_is_checked_and_prepared_once()
    {
        var engine = new ExpressionEngine();
        engine.Evaluate("data.a + 1", Data(new JsonObject { ["a"] = 1 }));
        engine.Evaluate("data.a + 1", Data(new JsonObject { ["a"] = 2 }));
        engine.Check("data.a + 1");
        Assert.Equal(1, engine.CachedSourceCount);
        engine.Check("data.a + 2");
        Assert.Throws<ExpressionException>(() => engine.Evaluate("new X()", Data(null)));
        Assert.Throws<ExpressionException>(() => engine.Evaluate("new X()", Data(null)));
        Assert.Equal(3, engine.CachedSourceCount);
    }

    [Fact]
    public void The_same_source_reads_each_calls_own_scope()
    {
        var engine = new ExpressionEngine();
        Assert.Equal(2, (int)engine.Evaluate("data.a + 1", Data(new JsonObject { ["a"] = 1 }))!);
        Assert.Equal(11, (int)engine.Evaluate("data.a + 1", Data(new JsonObject { ["a"] = 10 }))!);
        Assert.Null(engine.Evaluate("data.a", Data(new JsonObject())));
    }

    [Fact]
    public void A_name_from_an_earlier_scope_is_unknown_in_a_later_one()
    {
        var engine = new ExpressionEngine();
        engine.Evaluate("item.x", new Dictionary<string, JsonNode?> { ["item"] = new JsonObject { ["x"] = 1 } });
        var ex = Assert.Throws<ExpressionException>(() => engine.Evaluate("item.x", Data(new JsonObject())));
        Assert.Equal(ExpressionErrorKind.Disallowed, ex.Kind);
        Assert.StartsWith("unknown name 'item'", ex.Message);
    }

    [Fact]
    public void Parallel_evaluations_each_see_their_own_data()
    {
        // Wall-clock limits are not what this test is about; a busy test machine must not trip them.
        var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(30) });
        var wrong = 0;
        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var source = (i % 3) switch
            {
                0 => "data.n * 2",
                1 => "sum(data.list) + data.n",
                _ => "len(`${data.n}`) + data.n * 2 - len(`${data.n}`)",
            };
            var data = new JsonObject { ["n"] = i, ["list"] = new JsonArray(i, 0) };
            var expected = i % 3 == 1 ? 2 * i : 2 * i;
            if ((long)engine.Evaluate(source, Data(data))! != expected) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Parallel_scripts_do_not_share_variables()
    {
        var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(30) });
        var wrong = 0;
        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var result = engine.RunScript("let t = 0; for (let k = 0; k < variables.n; k++) { t += 1; } setTotal(t); return t;",
                new Dictionary<string, JsonNode?> { ["variables"] = new JsonObject { ["n"] = i % 50, ["total"] = null } });
            if ((int)result.ReturnValue! != i % 50 || (int)result.Scope["variables"]!["total"]! != i % 50) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }

    [Theory]
    [InlineData("null", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("0.0", false)]
    [InlineData("\"\"", false)]
    [InlineData("true", true)]
    [InlineData("-1", true)]
    [InlineData("\"0\"", true)]
    [InlineData("[]", true)]
    [InlineData("{}", true)]
    public void IsTruthy_follows_JavaScript(string json, bool truthy)
    {
        Assert.Equal(truthy, ExpressionEngine.IsTruthy(JsonNode.Parse(json)));
    }

    [Fact]
    public void Number_results_read_as_any_numeric_type()
    {
        var engine = new ExpressionEngine();
        var whole = engine.Evaluate("2 + 3", Data(null))!;
        Assert.Equal(5, whole.GetValue<int>());
        Assert.Equal(5d, whole.GetValue<double>());
        Assert.Equal(5m, whole.GetValue<decimal>());
        Assert.Equal("0.30000000000000004", engine.Evaluate("0.1 + 0.2", Data(null))!.ToJsonString());
        Assert.True(ExpressionEngine.IsTruthy(whole));
    }

    [Fact]
    public void Chinese_text_passes_through_unchanged()
    {
        var result = new ExpressionEngine().Evaluate("`${data.name}（${data.unit}）`", Data(new JsonObject { ["name"] = "张三", ["unit"] = "市总工会" }));
        Assert.Equal("张三（市总工会）", (string?)result);
    }
}
