using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

/// <summary>
/// Every input of every activity type, given values of every JSON kind: loading reports problems instead of
/// throwing, and whatever loads runs to a status (a fault is an incident) instead of throwing.
/// </summary>
public class OddInputTests
{
    private static readonly string[] OddValues = ["null", "0", "-3", "2.5", "\"\"", "\"x\"", "true", "[]", "[1, \"a\"]", "{}", "{\"a\": [1]}", "{\"expression\": \"input.nothing\"}"];

    public static IEnumerable<object[]> Cases() =>
        ActivityRegistry.Default.Descriptors
            .Where(d => d.Type is not ("start" or "end" or "fork" or "join"))
            .SelectMany(d => d.Inputs.Select(i => new object[] { d.Type, i.Name }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Odd_values_give_problems_or_incidents_never_exceptions(string type, string input)
    {
        var runner = new WorkflowHarness().Runner;
        var descriptor = ActivityRegistry.Default.Find(type)!.Descriptor;
        foreach (var odd in OddValues)
        {
            var inputs = new JsonObject();
            foreach (var required in descriptor.Inputs.Where(i => i.Required && i.Name != input))
                inputs[required.Name] = Plausible(required);
            inputs[input] = JsonNode.Parse(odd);
            var activity = new JsonObject { ["id"] = "step", ["type"] = type, ["inputs"] = inputs };
            var json = $$"""
                {"id": "odd", "activities": [{"id": "start", "type": "start"}, {{activity.ToJsonString()}}, {"id": "end", "type": "end"}],
                 "connections": [{"source": "start", "target": "step"}, {"source": "step", "target": "end"}]}
                """;

            var problems = WorkflowDefinitionLoader.Check(json);
            if (problems.Count > 0) continue;
            var instance = runner.Start(WorkflowDefinitionLoader.Parse(json), new JsonObject(), WorkflowHarness.Case());
            Assert.True(instance.Status is WorkflowStatus.Finished or WorkflowStatus.Waiting or WorkflowStatus.Faulted, $"{type}.{input} = {odd}");
            if (instance.Status == WorkflowStatus.Faulted) Assert.False(string.IsNullOrWhiteSpace(instance.Incidents[0].Message));
        }
    }

    private static JsonNode Plausible(InputDescriptor input) => input.Name switch
    {
        "assignTo" => new JsonObject { ["role"] = "reviewer" },
        "outcomes" => new JsonArray("done"),
        "cases" => new JsonArray(new JsonObject { ["outcome"] = "done", ["condition"] = "true" }),
        "url" => "https://example.org/",
        "duration" => "PT1H",
        "script" => "variables.x = 1;",
        "quotaPerYear" => 2,
        "correct" => new JsonObject { ["q1"] = "A" },
        _ => input.Kind switch
        {
            InputKind.Integer or InputKind.Number => 1,
            InputKind.Boolean => true,
            InputKind.Object => new JsonObject(),
            InputKind.Array => new JsonArray(),
            _ => "x",
        },
    };
}
