using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.ElsaImport;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Tests.Workflows.Elsa;

/// <summary>How Elsa constructs become FormFlow flowchart pieces.</summary>
public class ElsaMappingTests
{
    private static WorkflowDefinition Import(string file) =>
        ElsaImporter.Import(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf(file))));

    private static IEnumerable<(string, string, string)> Edges(WorkflowDefinition d) => d.Connections.Select(c => (c.Source, c.Outcome, c.Target));

    [Fact]
    public void If_becomes_a_decision_with_its_id_and_both_branches_rejoin_at_its_done_target()
    {
        var d = Import("10-if-then-else.json");
        var decision = d.Activities.Single(a => a.Id == "Passed");
        Assert.Equal("decision", decision.Type);
        Assert.Equal("variables.Score >= 60", decision.Input("condition")!.Expression);
        Assert.Contains(("Passed", "true", "SetPass"), Edges(d));
        Assert.Contains(("SetPass", "done", "SetBadge"), Edges(d));
        Assert.Contains(("Passed", "false", "SetFail"), Edges(d));
        Assert.Contains(("SetBadge", "done", "End1"), Edges(d));
        Assert.Contains(("SetFail", "done", "End1"), Edges(d));
        Assert.DoesNotContain(d.Activities, a => a.Id == "PassSeq");
    }

    [Fact]
    public void Sequence_chains_its_children_and_leaves_no_activity_of_its_own()
    {
        var d = Import("09-sequence-in-flowchart.json");
        (string, string, string)[] chain =
            [("Start1", "done", "Step1"), ("Step1", "done", "Step2"), ("Step2", "done", "Step3"), ("Step3", "done", "After"), ("After", "done", "End1")];
        Assert.Equal(chain.Order(), Edges(d).Order());
        Assert.Equal("log", d.Activities.Single(a => a.Id == "Step2").Type);
    }

    [Fact]
    public void Elsa_accessors_become_variables_in_expressions_but_setters_stay_in_scripts()
    {
        var chart = Import("08-loop-back-edge.json");
        Assert.Equal("variables.I < 3", chart.Activities.Single(a => a.Id == "More").Input("condition")!.Expression);
        Assert.Equal("setI(variables.I + 1);", (string)chart.Activities.Single(a => a.Id == "Increment").Input("script")!.Literal!);
        var rewriter = ElsaScriptRewriter.ForVariables(["OrgLevel", "isMember"]);
        Assert.Equal("variables.OrgLevel === 'x' && variables.isMember && input.age > 1 && getOther()",
            rewriter.Expression("getOrgLevel() === 'x' && getVariable('isMember') && getInput(\"age\") > 1 && getOther()"));
    }

    [Fact]
    public void A_flowchart_without_start_or_end_gets_them_added()
    {
        var d = Import("17-no-start-activity.json");
        Assert.Equal("start", d.Activities.Single(a => a.Id == "Flowchart1.start").Type);
        Assert.Contains(("Flowchart1.start", "done", "Double"), Edges(d));
        Assert.Contains(("Print", "done", "Flowchart1.end"), Edges(d));
    }

    [Fact]
    public void Finish_terminates_and_join_modes_and_timers_carry_over()
    {
        var finish = Import("15-set-output-finish.json").Activities.Single(a => a.Id == "Finish1");
        Assert.True((bool)finish.Input("terminate")!.Literal!);
        var any = Import("06-fork-join-wait-any.json");
        Assert.Equal("any", (string)any.Activities.Single(a => a.Id == "Join1").Input("mode")!.Literal!);
        Assert.Equal("P1D", (string)any.Activities.Single(a => a.Id == "WaitOneDay").Input("duration")!.Literal!);
        Assert.Equal("PT12H", (string)Import("13-timer.json").Activities.Single(a => a.Id == "Timer1").Input("interval")!.Literal!);
    }

    [Fact]
    public void One_outcome_wired_to_two_activities_becomes_an_explicit_fork()
    {
        var doc = JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("05-fork-join-wait-all.json")))!;
        // Drop the FlowFork: Start's Done goes straight to both checks, as Elsa allows.
        var root = doc["root"]!;
        root["activities"]!.AsArray().RemoveAt(1);
        var connections = root["connections"]!.AsArray();
        connections.RemoveAt(0);
        connections[0]!["source"] = new JsonObject { ["activity"] = "Start1", ["port"] = "Done" };
        connections[1]!["source"] = new JsonObject { ["activity"] = "Start1", ["port"] = "Done" };
        var d = ElsaImporter.Import(doc);
        Assert.Equal("fork", d.Activities.Single(a => a.Id == "Start1.done.fork").Type);
        Assert.Contains(("Start1", "done", "Start1.done.fork"), Edges(d));
        Assert.Empty(WorkflowValidator.Default.Validate(d));
        var done = new WorkflowRunner().Start(d);
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.True((bool)done.Variables["Both"]!);
    }

    [Fact]
    public void Flow_activities_inside_a_sequence_are_refused_with_their_id()
    {
        var doc = JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("09-sequence-in-flowchart.json")))!;
        doc["root"]!["activities"]![1]!["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "InnerDecision",
            ["type"] = "Elsa.FlowDecision",
            ["condition"] = new JsonObject { ["typeName"] = "Boolean", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" } },
        });
        var ex = Assert.Throws<ElsaImportException>(() => ElsaImporter.Import(doc));
        Assert.Contains("FlowDecision 'InnerDecision' can only be placed directly in a Flowchart", ex.Message);
        Assert.Equal(["InnerDecision"], ex.Errors.Single().ActivityIds);
    }

    [Fact]
    public void Match_any_switches_are_refused()
    {
        var doc = JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("04-switch-cases.json")))!;
        doc["root"]!["activities"]![1]!["mode"]!["expression"]!["value"] = "MatchAny";
        var ex = Assert.Throws<ElsaImportException>(() => ElsaImporter.Import(doc));
        Assert.Contains("switch 'ByTier' uses mode MatchAny", ex.Message);
    }
}
