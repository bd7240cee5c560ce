using System.Diagnostics;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Expressions;

/// <summary>
/// One native call that builds a huge string from small inputs must be refused before it allocates: the memory
/// limit is only checked between statements, and a single join of 300 references to a 1M-character string used to
/// build 314M characters (2.9 GB) before anything noticed.
/// </summary>
public class AllocationBombTests
{
    // 2^20 characters, built by doubling (about 4 MB allocated on the way), then 300 references to it.
    private const string Megabyte = "let s = 'x'; while (s.length < 1000000) { s = s + s; } ";
    private const string ThreeHundred = Megabyte + "const a = []; for (let i = 0; i < 300; i++) { a[i] = s; } ";

    // Thirty uses of the 1M-character string in one statement, between two checks of the memory limit.
    private const string Substitutions = "${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}";
    private const string Additions = " + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s + s";
    // Twelve doublings inside one call: 4096 times the string.
    private const string Doublings = "t = t + t, t = t + t, t = t + t, t = t + t, t = t + t, t = t + t, t = t + t, t = t + t, t = t + t, t = t + t, t = t + t, t = t + t";

    private static readonly ExpressionOptions Limits = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData("template literal of the array", ThreeHundred + "return `${a}`;")]
    [InlineData("join with no separator", ThreeHundred + "return a.join('');")]
    [InlineData("join with a huge separator", ThreeHundred + "return a.join(s);")]
    [InlineData("string plus the array", ThreeHundred + "return '' + a;")]
    [InlineData("nested arrays", ThreeHundred + "return [a, a].join();")]
    [InlineData("join as an argument", ThreeHundred + "return a.includes(a.join());")]
    // The subset refuses these methods by name; rebound onto an allowed name they used to run.
    [InlineData("rebound method", Megabyte + "const h = {}; h.slice = s['rep' + 'eat']; return h.slice(300);")]
    [InlineData("rebound method", Megabyte + "const h = {}; h.slice = s['pad' + 'Start']; return h.slice(300000000);")]
    [InlineData("rebound method", Megabyte + "const h = {}; h.slice = s['con' + 'cat']; return h.slice(s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s);")]
    [InlineData("rebound concat", Megabyte + "const a = [s]; a.slice = a['con' + 'cat']; return a.slice(a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a).join();")]
    [InlineData("doubling in a loop", "let s = 'x'; while (true) { s = s + s; }")]
    [InlineData("one template, thirty substitutions", Megabyte + "return `" + Substitutions + "`;")]
    [InlineData("templates summed in one statement", Megabyte + "return `${s}${s}${s}${s}${s}${s}` + `${s}${s}${s}${s}${s}${s}` + `${s}${s}${s}${s}${s}${s}`;")]
    [InlineData("one sum of thirty strings", Megabyte + "return s" + Additions + ";")]
    [InlineData("compound assignment of a sum", Megabyte + "let t = s; t += s" + Additions + "; return t;")]
    [InlineData("twelve doublings in one call", Megabyte + "let t = s; return len(" + Doublings + ");")]
    [InlineData("template doubling in a loop", "let s = 'x'; while (true) { s = `${s}${s}`; }")]
    public void A_string_bomb_is_refused_in_under_a_second_with_bounded_memory(string bomb, string script)
    {
        var engine = new ExpressionEngine(Limits);
        engine.RunScript("return 1", Scope()); // sets up the pooled engine outside the measurement
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var ex = Assert.Throws<ExpressionException>(() => engine.RunScript(script, Scope()));

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(ex.Kind is ExpressionErrorKind.Runtime or ExpressionErrorKind.LimitExceeded, $"{bomb}: {ex.Message}");
        Assert.True(allocated < 4 * Limits.MemoryLimitBytes, $"{bomb}: allocated {allocated / (1024 * 1024)} MB");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{bomb}: took {watch.ElapsedMilliseconds} ms");
    }

    private static Dictionary<string, JsonNode?> Scope() => new() { ["variables"] = new JsonObject() };

    [Theory]
    [InlineData("`${data.a}` + `x` + data.n.y", 28)]
    [InlineData("data.n.y + `${data.a}`", 8)]
    [InlineData("`${data.a}${`${data.n.y}`}`", 23)]
    public void Errors_name_the_authors_column_although_templates_run_guarded(string expression, int column)
    {
        var scope = new Dictionary<string, JsonNode?> { ["data"] = new JsonObject { ["a"] = "x", ["n"] = null } };
        var ex = Assert.Throws<ExpressionException>(() => new ExpressionEngine().Evaluate(expression, scope));
        Assert.EndsWith($"(line 1, column {column})", ex.Message);
    }

    [Theory]
    [InlineData("`a${data.a}b${data.n}c${data.list}d${1.5}e`", "axbnullc1,2d1.5e")]
    [InlineData("`${`${data.a}`}` + `\u4e2d\n`", "x中\n")]
    [InlineData("``", "")]
    public void Templates_build_the_same_strings_as_before(string expression, string expected)
    {
        var scope = new Dictionary<string, JsonNode?> { ["data"] = new JsonObject { ["a"] = "x", ["n"] = null, ["list"] = new JsonArray(1, 2) } };
        Assert.Equal(expected, (string?)new ExpressionEngine().Evaluate(expression, scope));
    }
}
