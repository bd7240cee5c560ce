using System.Text.Json.Nodes;
using FormFlow.Cli;
using FormFlow.Tests.Forms;

namespace FormFlow.Tests.Cli;

/// <summary>`formflow form check` and `formflow form schema` on the shipped samples.</summary>
public class FormCommandsTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // Some sample forms are module templates' forms; their sample data stays in samples/forms/<name>.
    private static readonly Dictionary<string, string> TemplateForms = new()
    {
        ["union-join"] = "module-templates/join/forms/union-join.form.json",
        ["legal-consultation"] = "module-templates/legal-consultation/forms/legal-question.form.json",
    };

    private static string Sample(string name, string file) => file == "form.json" && TemplateForms.TryGetValue(name, out var form)
        ? RepositoryFiles.PathOf(form)
        : Path.Combine(TestForms.SamplesFolder, name, file);

    [Theory]
    [InlineData("union-join")]
    [InlineData("legal-consultation")]
    [InlineData("skills-quiz")]
    public void Valid_sample_data_exits_0_with_normalized_data(string sample)
    {
        var (exit, output, error) = Run("form", "check", Sample(sample, "form.json"), Sample(sample, "valid.json"), "--today", "2026-11-26");
        Assert.True(exit == 0, output + error);
        var result = JsonNode.Parse(output)!;
        Assert.True((bool)result["valid"]!);
        Assert.Empty(result["errors"]!.AsArray());
        Assert.NotEmpty(result["data"]!.AsObject());
    }

    [Theory]
    [InlineData("union-join")]
    [InlineData("legal-consultation")]
    [InlineData("skills-quiz")]
    public void Invalid_sample_data_exits_1_with_errors(string sample)
    {
        var (exit, output, _) = Run("form", "check", Sample(sample, "form.json"), Sample(sample, "invalid.json"), "--today", "2026-11-26");
        Assert.Equal(1, exit);
        var result = JsonNode.Parse(output)!;
        Assert.False((bool)result["valid"]!);
        Assert.All(result["errors"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty((string?)e!["message"])));
    }

    [Fact]
    public void The_union_application_derives_age_and_sex_and_drops_what_it_must()
    {
        var (_, output, _) = Run("form", "check", Sample("union-join", "form.json"), Sample("union-join", "valid.json"), "--today", "2026-11-26");
        var data = JsonNode.Parse(output)!["data"]!;
        Assert.Equal("李晓红", (string?)data["name"]);          // trimmed
        Assert.Equal(76, (int)data["age"]!);                    // recomputed, the client sent 12
        Assert.Equal("female", (string?)data["sex"]);
        Assert.Equal("1949-12-31", (string?)data["birthDate"]);
        Assert.Null(data["agency"]);                            // hidden: not a dispatched worker
        Assert.Null(data["favouriteColour"]);                   // unknown key
        Assert.Contains("\"monthlyDues\": 34.00", output);      // 0.5 % of 6800.50, money with two decimals
        Assert.Contains("李晓红", output);                       // Chinese stays readable
    }

    [Fact]
    public void Invalid_union_application_errors_carry_path_rule_and_localized_message()
    {
        var (_, output, _) = Run("form", "check", Sample("union-join", "form.json"), Sample("union-join", "invalid.json"), "--locale", "en");
        var errors = JsonNode.Parse(output)!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["path"] == "/residentId" && (string?)e["rule"] == "format"
            && (string?)e["message"] == "is not a valid resident identity card number");
        Assert.Contains(errors, e => (string?)e!["path"] == "/platformName" && (string?)e["rule"] == "requiredIf");
        Assert.Contains(errors, e => (string?)e!["path"] == "/workHistory/0/to" && (string?)e["rule"] == "historyOrder"
            && (string?)e["message"] == "The end date cannot be before the start date");
        Assert.Contains(errors, e => (string?)e!["path"] == "/consent" && (string?)e["rule"] == "consentGiven");
    }

    [Fact]
    public void Draft_mode_accepts_an_incomplete_application()
    {
        var data = TempFile("""{"name":"张三","mobile":"13800138000"}""");
        var (submitExit, _, _) = Run("form", "check", Sample("union-join", "form.json"), data);
        var (draftExit, output, _) = Run("form", "check", Sample("union-join", "form.json"), data, "--mode", "draft");
        Assert.Equal(1, submitExit);
        Assert.Equal(0, draftExit);
        Assert.True((bool)JsonNode.Parse(output)!["valid"]!);
    }

    [Fact]
    public void Schema_prints_the_data_contract()
    {
        var (exit, output, _) = Run("form", "schema", Sample("union-join", "form.json"));
        Assert.Equal(0, exit);
        var schema = JsonNode.Parse(output)!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("resident-id", (string?)schema["properties"]!["residentId"]!["format"]);
        Assert.Equal("array", (string?)schema["properties"]!["workHistory"]!["type"]);
        Assert.Contains("residentId", schema["required"]!.AsArray().Select(n => (string?)n));
        Assert.DoesNotContain("platformName", schema["required"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void A_bad_definition_exits_2_listing_its_problems_on_stderr()
    {
        var form = TempFile(TestForms.Json(TestForms.Field("a", "slider"), TestForms.Field("a", "text")));
        var (exit, output, error) = Run("form", "check", form, Sample("union-join", "valid.json"));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("unknown field type \"slider\"", error);
    }

    [Theory]
    [InlineData("form", "check", "missing.json", "missing.json")]
    [InlineData("form", "schema")]
    [InlineData("form", "check", "FORM", "DATA", "--mode", "final")]
    [InlineData("form", "check", "FORM", "DATA", "--locale", "fr")]
    public void Bad_usage_exits_2_with_a_message(params string[] args)
    {
        var resolved = args.Select(a => a switch
        {
            "FORM" => Sample("union-join", "form.json"),
            "DATA" => Sample("union-join", "valid.json"),
            _ => a,
        }).ToArray();
        var (exit, output, error) = Run(resolved);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error.Trim());
    }

    [Fact]
    public void Malformed_data_json_exits_2_naming_the_file()
    {
        var data = TempFile("{\"name\": ");
        var (exit, _, error) = Run("form", "check", Sample("union-join", "form.json"), data);
        Assert.Equal(2, exit);
        Assert.Contains(data, error);
        Assert.Contains("malformed JSON", error);
    }

    [Fact]
    public void Data_nested_deeper_than_the_JSON_limit_exits_2_without_crashing()
    {
        var data = TempFile("{\"name\":" + new string('[', 100_000) + new string(']', 100_000) + "}");
        var (exit, output, error) = Run("form", "check", Sample("union-join", "form.json"), data);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("depth", error, StringComparison.OrdinalIgnoreCase);
    }

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"formflow-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
