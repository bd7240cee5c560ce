using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Benchmarks;

/// <summary>
/// Workflow runtime throughput, in memory, single-threaded.
/// Targets: the 10-activity flowchart with a JavaScript decision ≥ 20,000 runs/s and ≤ 20 KB allocated per run;
/// start a workflow waiting on a user task, then complete it: ≥ 10,000 pairs/s.
/// Baseline: the same flowchart with a literal decision, so the ratio shows what the JavaScript costs.
/// Run: dotnet run -c Release --project tests/FormFlow.Benchmarks -- --filter '*WorkflowBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class WorkflowBenchmarks
{
    private WorkflowRunner _runner = null!;
    private WorkflowDefinition _javaScriptDecision = null!;
    private WorkflowDefinition _literalDecision = null!;
    private WorkflowDefinition _taskFlow = null!;
    private readonly JsonObject _input = new() { ["amount"] = 250, ["name"] = "张三" };
    private readonly JsonObject _case = new() { ["id"] = "case-1", ["applicantOrg"] = "union-1" };
    private readonly TaskCompleted _approve = new("review", "approve");

    [GlobalSetup]
    public void Setup()
    {
        _runner = new WorkflowRunner(new WorkflowRunnerOptions { Clock = TimeProvider.System });
        _javaScriptDecision = TenActivities(new JsonObject { ["expression"] = "input.amount > 100 && variables.step >= 2" });
        _literalDecision = TenActivities(JsonValue.Create(true));
        _taskFlow = WorkflowDefinitionLoader.Load("""
            {"id": "task", "activities": [
              {"id": "start", "type": "start"},
              {"id": "review", "type": "userTask", "inputs": {"assignTo": {"role": "reviewer", "org": "applicant"}, "outcomes": ["approve", "reject"]}},
              {"id": "end", "type": "end"}],
             "connections": [{"source": "start", "target": "review"},
               {"source": "review", "outcome": "approve", "target": "end"}, {"source": "review", "outcome": "reject", "target": "end"}]}
            """);
    }

    /// <summary>start → 3 × setVariable → decision → 3 × setVariable → notify → end: ten activities run.</summary>
    private static WorkflowDefinition TenActivities(JsonNode condition)
    {
        var activities = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "start" } };
        for (var i = 1; i <= 3; i++)
            activities.Add(new JsonObject { ["id"] = $"s{i}", ["type"] = "setVariable", ["inputs"] = new JsonObject { ["name"] = "step", ["value"] = i } });
        activities.Add(new JsonObject { ["id"] = "decide", ["type"] = "decision", ["inputs"] = new JsonObject { ["condition"] = condition } });
        for (var i = 4; i <= 6; i++)
            activities.Add(new JsonObject { ["id"] = $"s{i}", ["type"] = "setVariable", ["inputs"] = new JsonObject { ["name"] = "step", ["value"] = i } });
        activities.Add(new JsonObject { ["id"] = "tell", ["type"] = "notify", ["inputs"] = new JsonObject { ["channel"] = "sms", ["recipient"] = "x", ["template"] = "t" } });
        activities.Add(new JsonObject { ["id"] = "end", ["type"] = "end" });
        var order = new[] { "start", "s1", "s2", "s3", "decide" };
        var connections = new JsonArray();
        for (var i = 0; i + 1 < order.Length; i++) connections.Add(new JsonObject { ["source"] = order[i], ["target"] = order[i + 1] });
        connections.Add(new JsonObject { ["source"] = "decide", ["outcome"] = "true", ["target"] = "s4" });
        connections.Add(new JsonObject { ["source"] = "decide", ["outcome"] = "false", ["target"] = "end" });
        var rest = new[] { "s4", "s5", "s6", "tell", "end" };
        for (var i = 0; i + 1 < rest.Length; i++) connections.Add(new JsonObject { ["source"] = rest[i], ["target"] = rest[i + 1] });
        var definition = new JsonObject
        {
            ["id"] = "ten", ["variables"] = new JsonArray { new JsonObject { ["name"] = "step", ["default"] = 0 } },
            ["activities"] = activities, ["connections"] = connections,
        };
        return WorkflowDefinitionLoader.Load(definition.ToJsonString());
    }

    [Benchmark(Baseline = true, Description = "10 activities, literal decision")]
    public WorkflowInstance LiteralDecision() => _runner.Start(_literalDecision, _input, _case, "bench");

    [Benchmark(Description = "10 activities, JavaScript decision")]
    public WorkflowInstance JavaScriptDecision() => _runner.Start(_javaScriptDecision, _input, _case, "bench");

    [Benchmark(Description = "start at a user task + complete it")]
    public WorkflowInstance StartAndCompleteTask() =>
        _runner.Resume(_taskFlow, _runner.Start(_taskFlow, _input, _case, "bench"), _approve);
}
