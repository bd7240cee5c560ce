using System.Text.Json.Nodes;
using FormFlow.Cli;

namespace FormFlow.Tests.Cli;

/// <summary>`formflow expr eval` and `formflow expr check`, run in-process.</summary>
public class ExpressionCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("formflow-expr-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Eval_prints_the_value_as_json()
    {
        var data = File("data.json", """{"id": "440305199003071236", "items": [{"amount": 1.5}, {"amount": 2}]}""");
        var (exit, output, error) = Run("expr", "eval", "({age: ageFromId(data.id), total: sum(data.items, 'amount')})",
            "--data", data, "--today", "2026-03-02");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"age": 35, "total": 3.5}"""), JsonNode.Parse(output)), output);
    }

    [Fact]
    public void Eval_writes_chinese_text_unescaped()
    {
        var (exit, output, _) = Run("expr", "eval", "'工会' + '会员'");
        Assert.Equal(0, exit);
        Assert.Equal("\"工会会员\"", output.Trim());
    }

    [Fact]
    public void Eval_of_undefined_prints_null()
    {
        var (exit, output, _) = Run("expr", "eval", "undefined");
        Assert.Equal(0, exit);
        Assert.Equal("null", output.Trim());
    }

    [Theory]
    [InlineData("while (true) {}", "expression: loops are not allowed in expressions (line 1, column 1)")]
    [InlineData("globalThis.process", "expression: the global object ('globalThis') is not accessible in expressions (line 1, column 1)")]
    [InlineData("len(5)", "expression: TypeError: len: expects a string or an array, got number (line 1, column 1)")]
    [InlineData("1 +", "expression: syntax error: Unexpected end of input (line 1, column 4)")]
    [InlineData("data.a + foo", "expression: unknown name 'foo': expressions can use only their scope names and the helper functions (line 1, column 10)")]
    public void Eval_of_a_bad_expression_exits_2_with_the_message_on_stderr(string expression, string message)
    {
        var (exit, output, error) = Run("expr", "eval", expression);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public void Eval_with_a_missing_or_malformed_data_file_exits_2()
    {
        var missing = Run("expr", "eval", "1", "--data", Path.Combine(_folder, "nope.json"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("nope.json: file not found", missing.Err);
        var malformed = Run("expr", "eval", "1", "--data", File("bad.json", "{"));
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("bad.json: malformed JSON", malformed.Err);
    }

    [Fact]
    public void Eval_with_a_bad_today_exits_2()
    {
        var (exit, _, error) = Run("expr", "eval", "today()", "--today", "2026/03/02");
        Assert.Equal(2, exit);
        Assert.Equal("--today: '2026/03/02' is not a date written yyyy-MM-dd", error.Trim());
    }

    [Fact]
    public void Eval_script_prints_the_return_value_and_the_scope()
    {
        var variables = File("vars.json", """{"count": 2}""");
        var (exit, output, error) = Run("expr", "eval", "--script", "setCount(getCount() * 10); return 'ok';", "--variables", variables);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"returnValue": "ok", "scope": {"variables": {"count": 20}}}"""), JsonNode.Parse(output)), output);
    }

    [Fact]
    public void Eval_script_that_loops_forever_exits_2()
    {
        var (exit, _, error) = Run("expr", "eval", "--script", "for (;;) {}");
        Assert.Equal(2, exit);
        Assert.StartsWith("expression: the script ran", error.Trim());
    }

    [Fact]
    public void The_shipped_samples_give_the_documented_answers()
    {
        var samples = RepositoryFiles.PathOf("samples/expressions");
        var member = Path.Combine(samples, "member.json");
        Assert.Equal("true", Run("expr", "eval", "isResidentId(data.idNumber) && ageFromId(data.idNumber) >= 18", "--data", member, "--today", "2026-03-02").Out.Trim());
        Assert.Equal("327.04", Run("expr", "eval", "round(sum(data.expenses, 'amount') * 0.8, 2)", "--data", member).Out.Trim());
        Assert.Equal("\"2026-03-05\"", Run("expr", "eval", "addWorkingDays(data.submittedOn, 10)", "--data", member).Out.Trim());
        var script = Run("expr", "eval", "--script",
            "let t = 0; for (const row of variables.items) { if (row.approved) t += row.amount; } setTotal(t); return t > 1000 ? 'review' : 'auto';",
            "--variables", Path.Combine(samples, "variables.json"));
        var result = JsonNode.Parse(script.Out)!;
        Assert.Equal("review", (string?)result["returnValue"]);
        Assert.Equal(1250.5, (double)result["scope"]!["variables"]!["total"]!);
    }

    [Fact]
    public void Check_lists_problems_and_exits_1()
    {
        var (exit, output, _) = Run("expr", "check", "data.x.constructor");
        Assert.Equal(1, exit);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"valid": false, "problems": [{"message": "the member 'constructor' is not accessible in expressions", "line": 1, "column": 8}]}"""),
            JsonNode.Parse(output)), output);
    }

    [Fact]
    public void Check_of_a_good_expression_exits_0()
    {
        var (exit, output, _) = Run("expr", "check", "isMobile(data.phone)");
        Assert.Equal(0, exit);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"valid": true, "problems": []}"""), JsonNode.Parse(output)), output);
    }
}
