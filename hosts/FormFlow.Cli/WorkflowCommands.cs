using System.CommandLine;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.ElsaImport;
using FormFlow.Engine.Workflows.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace FormFlow.Cli;

/// <summary>
/// `formflow workflow validate|run|import-elsa`. Definitions may be FormFlow JSON or Elsa 3 exports (detected by
/// their "Elsa.*" root). Results go to stdout as JSON; an invalid definition, a bad file or a stimulus that does
/// not fit exits 2 with the reason on stderr.
/// </summary>
internal static class WorkflowCommands
{
    public static Command Create()
    {
        var group = new Command("workflow", "Validate, run and import workflow definitions.");
        group.Subcommands.Add(CreateValidate());
        group.Subcommands.Add(CreateRun());
        group.Subcommands.Add(CreateImportElsa());
        return group;
    }

    private static Command CreateValidate()
    {
        var file = new Argument<string>("definition") { Description = "Workflow definition JSON (FormFlow or Elsa 3 export)." };
        var command = new Command("validate", "Check a definition; prints {valid, errors} and exits 2 when it is invalid.") { file };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            var loaded = WorkflowFiles.Load(path);
            var valid = loaded.Problems.Count == 0;
            CliJson.Write(parsed, new JsonObject
            {
                ["valid"] = valid,
                ["format"] = loaded.FromElsa ? "elsa" : "formflow",
                ["errors"] = new JsonArray(loaded.Problems.Select(p => (JsonNode?)p.ToJson()).ToArray()),
            });
            if (valid) return ExitCodes.Ok;
            parsed.InvocationConfiguration.Error.WriteLine($"{path}: invalid workflow definition ({loaded.Problems.Count} problem{(loaded.Problems.Count == 1 ? "" : "s")})");
            return ExitCodes.BadInput;
        });
        return command;
    }

    private static Command CreateRun()
    {
        var file = new Argument<string>("definition") { Description = "Workflow definition JSON (FormFlow or Elsa 3 export)." };
        var input = new Option<string?>("--input") { Description = "JSON object file: the start input (the submitted form data)." };
        var stimuli = new Option<string?>("--stimuli") { Description = "JSON list of stimuli applied in order (see samples/workflows/README.md)." };
        var now = new Option<string?>("--now") { Description = "Start time, ISO 8601 with offset (default: the current time), e.g. 2026-02-13T09:00:00+08:00." };
        var caseFile = new Option<string?>("--case") { Description = "JSON object file: case facts seen as `caseInfo` in expressions (id, applicantId, applicantOrg, ...)." };
        var orgs = new Option<string?>("--orgs") { Description = "JSON list of orgs {id, level, parent} for task assignment and escalation." };
        var command = new Command("run", "Start an instance, apply the stimuli, print {status, variables, visited, waiting, ...}.")
        {
            file, input, stimuli, now, caseFile, orgs,
        };
        command.SetAction(parsed =>
        {
            var start = parsed.GetValue(now) is { } text ? StimuliFile.Moment(JsonValue.Create(text), "--now") : DateTimeOffset.Now;
            var definition = WorkflowFiles.LoadValid(parsed.GetValue(file)!);
            var steps = parsed.GetValue(stimuli) is { } stimuliPath ? StimuliFile.Read(stimuliPath) : [];
            var clock = new FakeTimeProvider(start);
            var runner = new WorkflowRunner(new WorkflowRunnerOptions { Clock = clock, Orgs = WorkflowFiles.ReadOrgs(parsed.GetValue(orgs)) });
            var instance = runner.Start(definition,
                WorkflowFiles.ReadObject(parsed.GetValue(input), "input"),
                WorkflowFiles.ReadObject(parsed.GetValue(caseFile), "case"),
                instanceId: "cli");
            foreach (var step in steps) instance = Apply(runner, definition, instance, clock, step);
            CliJson.Write(parsed, WorkflowRunReport.From(instance, clock.GetUtcNow().ToOffset(start.Offset)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Applies one stimulus; one that does not fit stops the run with the entry and the reason.</summary>
    public static WorkflowInstance Apply(WorkflowRunner runner, WorkflowDefinition definition, WorkflowInstance instance, FakeTimeProvider clock, StimulusStep step)
    {
        try
        {
            if (step.Stimulus is { } stimulus) return runner.Resume(definition, instance, stimulus);
            var now = clock.GetUtcNow();
            var target = step.AdvanceTo ?? now + step.AdvanceBy!.Value;
            if (target < now)
                throw new CliException($"{step.Pointer}: {target:O} is before the current time {now.ToOffset(target.Offset):O}; the clock only moves forward");
            clock.SetUtcNow(target);
            return runner.Resume(definition, instance, new ClockAdvanced());
        }
        catch (WorkflowStimulusException ex)
        {
            throw new CliException($"{step.Pointer}: {ex.Message}");
        }
    }

    private static Command CreateImportElsa()
    {
        var file = new Argument<string>("elsa") { Description = "An Elsa 3 workflow export (JSON)." };
        var command = new Command("import-elsa", "Print the FormFlow definition equivalent to an Elsa 3 workflow export.") { file };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            var document = CliJson.ReadFile(path);
            if (!ElsaImporter.IsElsa(document))
                throw new CliException($"{path}: not an Elsa 3 export (expected a \"root\" activity whose type starts with \"Elsa.\")");
            try
            {
                CliJson.Write(parsed, WorkflowDefinitionLoader.ToJson(ElsaImporter.Import(document)));
            }
            catch (ElsaImportException ex)
            {
                throw new CliException($"{path}: cannot import:\n  " + string.Join("\n  ", ex.Errors));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
