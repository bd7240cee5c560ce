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

    [Theory]
    [InlineData("^(a+)+$")]
    [InlineData("^([a-z]+ ?)+$")]
    [InlineData("^(a|aa)*$")]
    public void A_catastrophic_pattern_in_matches_answers_at_once(string pattern)
    {
        var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(30) });
        var watch = Stopwatch.StartNew();
        var result = engine.Evaluate("matches(data.s, data.p)", Scope(new string('a', 5_000) + "!", pattern));
        Assert.Equal(false, (bool?)result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_match_whose_states_times_characters_run_long_stops_at_the_timeout()
    {
        // Linear, but 9,000 states over 100,000 characters: Jint cannot interrupt C#, so the matcher watches the clock.
        var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(50) });
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<ExpressionException>(() => engine.Evaluate("matches(data.s, data.p)", Scope(new string('a', 100_000), "(?:a?){3000}a{3000}b")));
        Assert.Equal(ExpressionErrorKind.Timeout, ex.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
    }

    private static Dictionary<string, JsonNode?> Scope(string text, string pattern) =>
        new() { ["data"] = new JsonObject { ["s"] = text, ["p"] = pattern } };

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

    [Theory]
    [InlineData("let a = []; a.length = 1e9; return a.join(',');", "TypeError: join: the array has 1000000000 items; at most 1000000 are allowed")]
    [InlineData("let a = []; a[5e8] = 1; return `${a}`;", "TypeError: toString: the array has 500000001 items; at most 1000000 are allowed")]
    [InlineData("let a = []; a[5e8] = 1; return a.includes(2);", "TypeError: includes: the array has 500000001 items; at most 1000000 are allowed")]
    [InlineData("let a = []; a[5e8] = 1; return sum(a);", "TypeError: sum: the array has 500000001 items; at most 1000000 are allowed")]
    [InlineData("let s = 'x'; for (let i = 0; i < 16; i++) s += s; let a = []; a.length = 100000; return a.join(s);",
        "TypeError: join: the result would exceed 33554432 bytes")]
    public void Huge_sparse_arrays_are_refused_before_a_built_in_walks_them(string source, string message)
    {
        var ex = ScriptFails(new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(30) }), source);
        Assert.Equal(ExpressionErrorKind.Runtime, ex.Kind);
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public void A_huge_sparse_array_as_the_result_is_a_limit()
    {
        var ex = ScriptFails(new ExpressionEngine(), "let a = []; a[5e8] = 1; return a;");
        Assert.Equal(ExpressionErrorKind.LimitExceeded, ex.Kind);
        Assert.Equal("the result has an array of 500000001 items; at most 1000000 are allowed", ex.Message);
    }

    [Fact]
    public void The_engine_keeps_working_after_a_limit()
    {
        var engine = new ExpressionEngine();
        ScriptFails(engine, "while (true) {}");
        Assert.Equal(3, (int?)engine.RunScript("return 1 + 2;", NoScope).ReturnValue);
    }
}
