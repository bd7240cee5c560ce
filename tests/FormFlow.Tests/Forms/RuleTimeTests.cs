using System.Diagnostics;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Runtime;

namespace FormFlow.Tests.Forms;

/// <summary>
/// One submission cannot buy minutes of server time with its rules: patterns match in linear time, and all rules of a
/// submission share one time budget, past which the answer is an error naming the rule.
/// </summary>
public class RuleTimeTests
{
    private static FormDefinition RowsWithRule(string rule) => TestForms.Load(TestForms.Field("rows", "group", $$$"""
        "maxItems": 1000, "fields": [{"id": "x", "key": "x", "type": "textarea", "maxLength": 100000, "label": {"zh-CN": "x"},
          "validate": [{"id": "words", "expression": {{{System.Text.Json.JsonSerializer.Serialize(rule)}}}, "message": {"zh-CN": "只能是小写单词"}}]}]
        """));

    private static JsonObject Rows(int count, string text) =>
        new() { ["rows"] = new JsonArray([.. Enumerable.Range(0, count).Select(_ => (JsonNode)new JsonObject { ["x"] = text })]) };

    [Fact]
    public void A_catastrophic_row_pattern_over_a_thousand_rows_answers_in_well_under_a_second()
    {
        var runtime = new FormRuntime(RowsWithRule("matches(item.x, '^([a-z]+ ?)+$')"));
        var data = Rows(1000, "abcdef ghijkl mnopqr stuvwx yz abcdef!");
        runtime.Process(Rows(1, "warm up"));

        var watch = Stopwatch.StartNew();
        var result = runtime.Process(data);
        watch.Stop();

        // Every row is judged (none matches: the text ends in '!'), not given up on.
        Assert.Equal(1000, result.Errors.Count(e => e.Rule == "words" && e.Message == "只能是小写单词"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Rules_past_the_submission_time_budget_stop_with_an_error_naming_the_rule()
    {
        // Linear but slow: 9,000 states over 100,000 characters runs into the 100 ms timeout on every row.
        var engine = new ExpressionEngine(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(100) });
        var limits = new FormLimits { RuleTime = TimeSpan.FromMilliseconds(300) };
        var runtime = new FormRuntime(RowsWithRule("matches(item.x, '(?:a?){3000}a{3000}b')"), engine, limits);

        var watch = Stopwatch.StartNew();
        var result = runtime.Process(Rows(50, new string('a', 100_000)), new FormProcessOptions { Locale = "en" });
        watch.Stop();

        Assert.False(result.Valid);
        var stop = Assert.Single(result.Errors, e => e.Message.Contains("ran longer than 300 ms", StringComparison.Ordinal));
        Assert.Equal("words", stop.Rule);
        Assert.Matches("^/rows/[0-9]+/x$", stop.Path);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.ElapsedMilliseconds} ms, where 50 rows x 100 ms would be 5 s");
    }
}
