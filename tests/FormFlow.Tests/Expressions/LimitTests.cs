using System.Diagnostics;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Expressions;

/// <summary>Sources and scripts that would run forever, eat memory or nest without bound end with a clear error.</summary>
public class LimitTests
{
    private static readonly Dictionary<string, JsonNode?> NoScope = new();

    private static ExpressionException ScriptFails(ExpressionEngine engine, string source) =>
        Assert.Throws<ExpressionException>(() => engine.RunScript(source, new Dictionary<string, JsonNode?> { ["variables"] = new JsonObject() }));

    [Fact]
    public void Endless_loop_stops_at_the_statement_limit()
    {
        // A generous timeout so that on a busy machine the statement limit, not the clock, ends the loop.
        var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(30) });
        var ex = ScriptFails(engine, "let i = 0; while (true) { i++; }");
        Assert.Equal(ExpressionErrorKind.LimitExceeded, ex.Kind);
        Assert.Equal("the script ran more than 100000 statements", ex.Message);
    }

    [Fact]
    public void Endless_loop_without_a_statement_limit_stops_at_the_timeout()
    {
        var engine = new ExpressionEngine(new ExpressionOptions { MaxStatements = 0, Timeout = TimeSpan.FromMilliseconds(100) });
        var watch = Stopwatch.StartNew();
        var ex = ScriptFails(engine, "for (;;) { }");
        Assert.Equal(ExpressionErrorKind.Timeout, ex.Kind);
        Assert.Equal("the script ran longer than 100 ms", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "a timeout must end the script, not the test runner");
    }

    [Fact]
    public void Doubling_a_string_stops_at_the_memory_limit()
    {
        var engine = new ExpressionEngine(new ExpressionOptions { MemoryLimitBytes = 4 * 1024 * 1024, Timeout = TimeSpan.FromSeconds(30) });
        var ex = ScriptFails(engine, "let s = 'x'; while (true) { s = s + s; variables.n = s.length; }");
        Assert.Equal(ExpressionErrorKind.LimitExceeded, ex.Kind);
        Assert.Equal("the script used more than 4194304 bytes of memory", ex.Message);
    }

    [Fact]
    public void Catastrophic_pattern_in_matches_times_out()
    {
        var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(50) });
        var ex = Assert.Throws<ExpressionException>(() => engine.Evaluate($"matches('{new string('a', 40)}!', '^(a+)+$')", NoScope));
        Assert.Equal(ExpressionErrorKind.Timeout, ex.Kind);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000)]
    public void Deeply_nested_source_is_a_limit_not_a_crash(int depth)
    {
        var source = new string('!', depth) + "true";
        var ex = Assert.Throws<ExpressionException>(() => new ExpressionEngine(new ExpressionOptions { MaxSourceLength = 200_000 }).Evaluate(source, NoScope));
        Assert.Equal(ExpressionErrorKind.LimitExceeded, ex.Kind);
        Assert.StartsWith("the source is nested too deeply (more than 64 levels)", ex.Message);
    }

    [Fact]
    public void Nesting_within_the_limit_evaluates()
    {
        Assert.Equal(true, (bool?)new ExpressionEngine().Evaluate(new string('!', 40) + "true", NoScope));
    }

    [Fact]
    public void Overlong_source_is_refused_before_parsing()
    {
        var ex = Assert.Throws<ExpressionException>(() => new ExpressionEngine().Evaluate(string.Join(" + ", Enumerable.Repeat("1", 10_000)), NoScope));
        Assert.Equal(ExpressionErrorKind.LimitExceeded, ex.Kind);
        Assert.Equal("the source is 39997 characters long; at most 20000 are allowed (line 1, column 1)", ex.Message);
    }

    [Fact]
    public void Deeply_nested_scope_data_is_a_limit_when_read()
    {
        JsonNode node = new JsonObject { ["leaf"] = 1 };
        for (var i = 0; i < 200; i++) node = new JsonObject { ["a"] = node };
        var path = "data" + string.Concat(Enumerable.Repeat(".a", 100)) + ".leaf";
        var engine = new ExpressionEngine(new ExpressionOptions { MaxNestingDepth = 500 });
        var ex = Assert.Throws<ExpressionException>(() => engine.Evaluate(path, new Dictionary<string, JsonNode?> { ["data"] = node }));
        Assert.Equal(ExpressionErrorKind.LimitExceeded, ex.Kind);
        Assert.Equal("the scope data is nested more than 64 levels deep", ex.Message);
        // Scripts convert their scope up front, so they meet the limit before running.
        var scriptEx = Assert.Throws<ExpressionException>(() => engine.RunScript("return 1;", new Dictionary<string, JsonNode?> { ["variables"] = node }));
        Assert.Equal(ExpressionErrorKind.LimitExceeded, scriptEx.Kind);
    }

    [Fact]
    public void Cyclic_script_result_is_a_limit()
    {
        var ex = ScriptFails(new ExpressionEngine(), "let a = {}; a.self = a; return a;");
        Assert.Equal(ExpressionErrorKind.LimitExceeded, ex.Kind);
        Assert.Equal("the result is nested more than 64 levels deep", ex.Message);
    }

    [Fact]
    public void The_engine_keeps_working_after_a_limit()
    {
        var engine = new ExpressionEngine();
        ScriptFails(engine, "while (true) {}");
        Assert.Equal(3, (int?)engine.RunScript("return 1 + 2;", NoScope).ReturnValue);
    }
}
