using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;
using FormFlow.Tests.Workflows.Elsa;
using static FormFlow.Tests.Cli.CliRun;

namespace FormFlow.Tests.Cli;

/// <summary>`formflow workflow validate` and `formflow workflow import-elsa`.</summary>
public class WorkflowValidateImportTests
{
    [Theory]
    [InlineData("module-templates/join/workflow.json", "formflow")]
    [InlineData("module-templates/legal-consultation/workflow.json", "formflow")]
    [InlineData("samples/workflows/elsa/benefit-claim.elsa.json", "elsa")]
    [InlineData("samples/workflows/elsa/skills-quiz.elsa.json", "elsa")]
    public void Shipped_samples_are_valid(string file, string format)
    {
        var run = Of("workflow", "validate", Repo(file));
        Assert.Equal(0, run.ExitCode);
        Assert.True((bool)run.Json["valid"]!);
        Assert.Equal(format, (string)run.Json["format"]!);
        Assert.Empty(run.Json["errors"]!.AsArray());
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Invalid_definition_lists_every_problem_with_activity_ids_and_exits_2()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("bad.json", """
            {
              "id": "bad", "activities": [
                { "id": "start", "type": "start" },
                { "id": "check", "type": "decision", "inputs": { "condition": { "expression": "variables.x >" } } },
                { "id": "stamp", "type": "stampPassport" },
                { "id": "end", "type": "end" }
              ],
              "connections": [
                { "source": "start", "target": "check" },
                { "source": "check", "outcome": "true", "target": "end" },
                { "source": "check", "outcome": "maybe", "target": "nowhere" }
              ]
            }
            """);
        var run = Of("workflow", "validate", file);
        Assert.Equal(2, run.ExitCode);
        Assert.False((bool)run.Json["valid"]!);
        var errors = run.Json["errors"]!.AsArray();
        Assert.Contains(errors, e => JsonExpect.Strings(e!["activityIds"]).SequenceEqual(["stamp"]) && ((string)e!["message"]!).Contains("unknown activity type 'stampPassport'"));
        Assert.Contains(errors, e => JsonExpect.Strings(e!["activityIds"]).SequenceEqual(["check"]) && ((string)e!["message"]!).Contains("bad expression"));
        Assert.Contains(errors, e => JsonExpect.Strings(e!["activityIds"]).SequenceEqual(["nowhere"]) && ((string)e!["message"]!).Contains("target activity 'nowhere' does not exist"));
        Assert.Contains($"{file}: invalid workflow definition ({errors.Count} problems)", run.Stderr);
    }

    [Fact]
    public void Elsa_file_with_unsupported_types_is_invalid_with_one_error_listing_them()
    {
        var run = Of("workflow", "validate", Repo("tests/conformance/elsa/19-unsupported-types.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("elsa", (string)run.Json["format"]!);
        var error = Assert.Single(run.Json["errors"]!.AsArray());
        Assert.Contains("Elsa.HttpEndpoint (Http1), Elsa.SendEmail (Mail1), Elsa.ForEach (Loop1)", (string)error!["message"]!);
        Assert.Equal(["Http1", "Mail1", "Loop1"], JsonExpect.Strings(error["activityIds"]));
    }

    [Theory]
    [InlineData("tests/conformance/elsa/23-malformed-truncated.json", "malformed JSON")]
    [InlineData("tests/conformance/elsa/does-not-exist.json", "file not found")]
    public void Unreadable_file_is_a_usage_error_on_stderr(string file, string message)
    {
        var run = Of("workflow", "validate", Repo(file));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public void Import_elsa_prints_a_definition_the_loader_accepts_and_validates()
    {
        var run = Of("workflow", "import-elsa", Repo("samples/workflows/elsa/benefit-claim.elsa.json"));
        Assert.Equal(0, run.ExitCode);
        var definition = WorkflowDefinitionLoader.Parse(run.Stdout);
        Assert.Empty(WorkflowValidator.Default.Validate(definition));
        Assert.Equal("benefit-claim", definition.Id);
        Assert.Equal(2, definition.Version);
        Assert.Equal(["Start1", "HasQuota", "Grant", "TellGranted", "WaitRedeemed", "MarkRedeemed", "Exhausted", "TellExhausted", "End1"],
            definition.Activities.Select(a => a.Id));
        Assert.Equal("waitForEvent", definition.Activities.Single(a => a.Id == "WaitRedeemed").Type);
        Assert.Equal(-200, definition.Activities.Single(a => a.Id == "HasQuota").Layout!.X);
    }

    [Fact]
    public void Import_elsa_refuses_unsupported_types_and_non_elsa_files()
    {
        var unsupported = Of("workflow", "import-elsa", Repo("tests/conformance/elsa/19-unsupported-types.json"));
        Assert.Equal(2, unsupported.ExitCode);
        Assert.Equal("", unsupported.Stdout);
        Assert.Contains("unsupported Elsa activity types: Elsa.HttpEndpoint (Http1), Elsa.SendEmail (Mail1), Elsa.ForEach (Loop1)", unsupported.Stderr);

        var notElsa = Of("workflow", "import-elsa", Repo("module-templates/join/workflow.json"));
        Assert.Equal(2, notElsa.ExitCode);
        Assert.Contains("not an Elsa 3 export", notElsa.Stderr);
    }
}
