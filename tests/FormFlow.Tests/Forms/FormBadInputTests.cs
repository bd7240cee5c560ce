using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using static FormFlow.Tests.Forms.TestForms;

namespace FormFlow.Tests.Forms;

/// <summary>Hostile and oversized input: each gets a clear error naming the path and rule, and changes nothing.</summary>
public class FormBadInputTests
{
    private static readonly FormRuntime Runtime = new(Load(
        Field("name", "text", "\"maxLength\":50,\"pattern\":\"^(a+)+$\""),
        Field("tags", "multiChoice", """ "options":[{"value":"a","label":{"zh-CN":"a"}}] """),
        Field("rows", "group", """ "fields":[{"id":"v","key":"v","type":"number","label":{"zh-CN":"v"}}] """),
        Field("count", "number", "\"calculate\":\"len(data.rows)\"")));

    [Fact]
    public void A_10_MB_string_is_dropped_with_a_maxLength_error()
    {
        var result = Runtime.Process(new JsonObject { ["name"] = new string('字', 10 * 1024 * 1024) }, new() { Locale = "en" });
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/name", "maxLength"), (error.Path, error.Rule));
        Assert.Equal("must be at most 100000 characters long", error.Message);
        Assert.Null(result.Data["name"]);
    }

    [Theory]
    [InlineData("""{"tags": [1e400, 1]}""", "/tags")]
    [InlineData("""{"rows": [{"v": -1e400}]}""", "/rows")]
    public void A_number_too_large_to_handle_is_dropped_with_a_numberRange_error(string json, string path)
    {
        var result = Runtime.Process(JsonNode.Parse(json), new() { Locale = "en" });
        var error = Assert.Single(result.Errors);
        Assert.Equal((path, "numberRange"), (error.Path, error.Rule));
        Assert.Equal("is a number too large to handle", error.Message);
        Assert.Null(result.Data[path[1..]]);
    }

    [Fact]
    public void An_array_of_100k_rows_is_dropped_with_a_maxItems_error()
    {
        var rows = new JsonArray();
        for (var i = 0; i < 100_000; i++) rows.Add(new JsonObject { ["v"] = i });
        var result = Runtime.Process(new JsonObject { ["rows"] = rows });
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/rows", "maxItems"), (error.Path, error.Rule));
        Assert.Equal("最多 1000 项", error.Message);
        Assert.Equal("0", result.Data["count"]!.ToJsonString());
    }

    [Fact]
    public void Deeply_nested_arrays_in_a_field_are_dropped_without_recursion()
    {
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 50_000; i++) deep = new JsonArray(deep);
        var result = Runtime.Process(new JsonObject { ["tags"] = deep, ["unknown"] = new JsonArray() });
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/tags", "maxDepth"), (error.Path, error.Rule));
        Assert.Null(result.Data["tags"]);
    }

    [Fact]
    public void Many_unknown_keys_are_dropped()
    {
        var data = new JsonObject();
        for (var i = 0; i < 100_000; i++) data[$"k{i}"] = i;
        var result = Runtime.Process(data);
        Assert.True(result.Valid);
        Assert.Equal(["count"], result.Data.Select(p => p.Key));
    }

    [Fact]
    public void A_backtracking_pattern_cannot_hang_the_server()
    {
        var result = Runtime.Process(new JsonObject { ["name"] = new string('a', 49) + "!" });
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/name", "pattern"), (error.Path, error.Rule));
    }

    [Fact]
    public void Processing_changes_neither_the_submitted_nor_the_previous_data()
    {
        var data = JsonNode.Parse("""{"name":"  aa ","rows":[{"v":1,"x":2}],"count":9,"extra":true}""")!.AsObject();
        var previous = JsonNode.Parse("""{"name":"a","rows":[]}""")!.AsObject();
        var (before, previousBefore) = (data.ToJsonString(), previous.ToJsonString());
        var result = Runtime.Process(data, new() { PreviousData = previous, Permissions = new Dictionary<string, FieldAccess> { ["tags"] = FieldAccess.Read } });
        Assert.True(result.Valid, string.Join(", ", result.Errors));
        Assert.Equal("""{"name":"aa","rows":[{"v":1}],"count":1}""", result.Data.ToJsonString());
        Assert.Equal(before, data.ToJsonString());
        Assert.Equal(previousBefore, previous.ToJsonString());
    }

    [Fact]
    public void A_permission_naming_no_field_is_refused_clearly()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Runtime.Process(new JsonObject(), new() { Permissions = new Dictionary<string, FieldAccess> { ["salary"] = FieldAccess.Read } }));
        Assert.Contains("'salary'", ex.Message);
        Assert.Contains("no field with that id or key path", ex.Message);
    }

    [Fact]
    public void A_definition_over_the_size_limit_is_refused_before_parsing()
    {
        var ex = Assert.Throws<FormDefinitionException>(() => FormDefinitionLoader.Load(new string(' ', FormDefinitionLoader.MaxLength + 1)));
        Assert.Contains("the limit is 2000000", Assert.Single(ex.Problems).Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"form\"")]
    [InlineData("{}")]
    public void A_definition_of_the_wrong_shape_lists_its_problems(string json)
    {
        var ex = Assert.Throws<FormDefinitionException>(() => FormDefinitionLoader.Load(json));
        Assert.NotEmpty(ex.Problems);
        Assert.All(ex.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void A_rule_that_fails_at_run_time_is_an_error_on_its_field_not_an_exception()
    {
        var result = Runtime.Process(new JsonObject { ["rows"] = 5 });
        Assert.Contains(result.Errors, e => e.Path == "/rows" && e.Rule == "type");
        Assert.Contains(result.Errors, e => e.Path == "/count" && e.Rule == "calculate" && e.Message.StartsWith("规则无法计算"));
    }
}
