using System.Text.Json.Nodes;
using FormFlow.Cli;
using FormFlow.Engine.Workflows.ElsaImport;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Engine.Workflows.Validation;
using Microsoft.Extensions.Time.Testing;

namespace FormFlow.Tests.Workflows.Elsa;

/// <summary>
/// Every Elsa file is imported, validated and run through the real runtime with the stimuli in expected.json,
/// and the result (as `workflow run` prints it) is compared with the expectation.
/// </summary>
public class ElsaRunTests
{
    private static readonly DateTimeOffset Start = new(2026, 2, 13, 9, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string> Runnable => ElsaFixtures.Where(e => e["run"] is not null);
    public static TheoryData<string> Invalid => ElsaFixtures.Where(e => e["invalid"] is not null);

    [Theory]
    [MemberData(nameof(Runnable))]
    public void Runs_to_the_expected_result(string file)
    {
        var expected = ElsaFixtures.ExpectationFor(file);
        var definition = ElsaImporter.Import(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf(file))));
        Assert.Empty(WorkflowValidator.Default.Validate(definition));

        var clock = new FakeTimeProvider(Start);
        var runner = new WorkflowRunner(new WorkflowRunnerOptions { Clock = clock });
        var instance = runner.Start(definition, instanceId: "elsa-test");
        if (expected["waitingBefore"] is JsonArray waitingBefore)
            Assert.Equal(
                waitingBefore.Select(w => ((string)w!["activity"]!, (string)w["kind"]!)).Order(),
                instance.Bookmarks.Select(b => (b.ActivityId, b.Kind)).Order());
        var stimuli = expected["stimuli"] as JsonArray ?? [];
        for (var i = 0; i < stimuli.Count; i++)
            instance = WorkflowCommands.Apply(runner, definition, instance, clock, StimuliFile.Parse(stimuli[i], $"{file} stimuli/{i}"));

        var report = WorkflowRunReport.From(instance, clock.GetUtcNow().ToOffset(Start.Offset));
        var run = expected["run"]!.AsObject();
        Assert.Equal((string)run["status"]!, (string)report["status"]!);
        var visited = JsonExpect.Strings(report["visited"]);
        if (run["visited"] is { } exact) Assert.Equal(JsonExpect.Strings(exact), visited);
        foreach (var id in JsonExpect.Strings(run["visitedIncludes"])) Assert.Contains(id, visited);
        foreach (var id in JsonExpect.Strings(run["visitedExcludes"])) Assert.DoesNotContain(id, visited);
        foreach (var (name, value) in run["variables"]!.AsObject())
            JsonExpect.Equal(value, report["variables"]![name], $"{file} variable {name}");
        if (run["lines"] is { } lines) Assert.Equal(JsonExpect.Strings(lines), JsonExpect.Strings(report["lines"]));
        if (run["waiting"] is JsonArray waiting) Assert.Equal(waiting.Count, report["waiting"]!.AsArray().Count);
        Assert.Empty(report["incidents"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Imports_but_fails_validation_naming_the_activities(string file)
    {
        var expected = ElsaFixtures.ExpectationFor(file);
        var definition = ElsaImporter.Import(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf(file))));
        var problems = WorkflowValidator.Default.Validate(definition);
        foreach (var text in JsonExpect.Strings(expected["invalid"]))
            Assert.Contains(problems, p => p.Message.Contains(text));
        foreach (var id in JsonExpect.Strings(expected["activityIds"]))
            Assert.Contains(problems, p => p.ActivityId == id);
    }

    [Fact]
    public void Stimuli_are_applied_in_order_and_an_event_nobody_waits_for_changes_nothing()
    {
        var definition = ElsaImporter.Import(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("14-event.json"))));
        var clock = new FakeTimeProvider(Start);
        var runner = new WorkflowRunner(new WorkflowRunnerOptions { Clock = clock });
        var waiting = runner.Start(definition, instanceId: "elsa-test");
        var before = waiting.ToJson();
        var ex = Assert.Throws<CliException>(() =>
            WorkflowCommands.Apply(runner, definition, waiting, clock, StimuliFile.Parse(new JsonObject { ["event"] = "CardLost" }, "stimuli /0")));
        Assert.Contains("stimuli /0: no activity of instance 'elsa-test' waits for event 'CardLost'", ex.Message);
        Assert.Equal(before, waiting.ToJson());
    }
}
