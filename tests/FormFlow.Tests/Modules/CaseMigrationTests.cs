using System.Text.Json.Nodes;
using FormFlow.Engine.Calendars;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Modules.Migration;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;
using Microsoft.Extensions.Time.Testing;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>
/// Cases started on join 1.0.0 and the city's 1.1.0, which renames the street review step, drops the request for
/// information (a return now rejects) and requires a new field, the applicant's ethnic group.
/// </summary>
public sealed class CaseMigrationTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly WorkflowRunner _runner;
    private readonly JsonObject _v1 = JoinV1();
    private readonly JsonObject _v2;

    public CaseMigrationTests()
    {
        _runner = new WorkflowRunner(new WorkflowRunnerOptions
        {
            Clock = _clock, Calendar = WorkingDayCalendar.ChinaMainland,
            Orgs = new OrgTree().Add("bj", "city").Add("d", "district", "bj").Add("s", "street", "d").Add("u", "grassroots", "s"),
        });
        _v2 = NextVersion(_v1, "1.1.0", (module, index) =>
        {
            var workflow = module["workflow"]!.AsObject();
            index.Find("streetReview")!.Node["id"] = "streetCheck";
            module["settings"]!["streetDeadlineDays"]!["appliesTo"]![0]!["activity"] = "streetCheck";
            var activities = workflow["activities"]!.AsArray();
            activities.Remove(index.Find("askForInformation")!.Node);
            var connections = workflow["connections"]!.AsArray();
            foreach (var c in connections.ToList())
            {
                if ((string?)c!["source"] == "askForInformation") connections.Remove(c);
                if ((string?)c["target"] == "askForInformation") c["target"] = "markRejected";
                foreach (var end in new[] { "source", "target" })
                    if ((string?)c[end] == "streetReview") c[end] = "streetCheck";
            }
            index.Find("employment")!.Node["fields"]!.AsArray().Insert(0, JsonNode.Parse(
                """{"id": "nation", "key": "nation", "type": "text", "required": true, "label": {"zh-CN": "民族"}}"""));
        });
        _v2 = ChainResolver.Resolve(_v2, []).Module; // the new snapshot is sound
    }

    private static JsonObject Application() =>
        new FormRuntime(FormDefinitionLoader.Load(ModuleSoundness.CaseForm(JoinV1())!.DeepClone()))
            .Process(JsonNode.Parse(File.ReadAllText(Repo("samples/forms/union-join/valid.json")))) is { Valid: true } result
            ? result.Data : throw new InvalidOperationException("the sample application is invalid");

    private WorkflowInstance Start(params Stimulus[] stimuli)
    {
        var definition = WorkflowDefinitionLoader.FromNode(_v1["workflow"]);
        var instance = _runner.Start(definition, Application(), new JsonObject { ["id"] = "c", ["applicantOrg"] = "u", ["applicantId"] = "w" }, instanceId: "c-wf");
        foreach (var stimulus in stimuli) instance = _runner.Resume(definition, instance, stimulus);
        return instance;
    }

    private WorkflowInstance Escalated()
    {
        var started = Start();
        _clock.Advance(TimeSpan.FromDays(25)); // the grassroots review's 15 working days pass
        return _runner.Resume(WorkflowDefinitionLoader.FromNode(_v1["workflow"]), started, new ClockAdvanced());
    }

    private static MigrationPlan Plan(string json) => MigrationPlan.FromJson(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void A_new_required_field_blocks_until_the_plan_gives_a_default_or_grandfathers_it()
    {
        var waiting = Start();
        var blocks = CaseMigration.Check(_v1, _v2, waiting, waiting.Input, new MigrationPlan());
        var block = Assert.Single(blocks);
        Assert.Equal(MigrationBlockKinds.RequiredField, block.Kind);
        Assert.Equal("nation", block.Field);

        Assert.Empty(CaseMigration.Check(_v1, _v2, waiting, waiting.Input, Plan("""{"grandfathered": ["nation"]}""")));
        var plan = Plan("""{"defaults": {"nation": "未填写"}}""");
        Assert.Empty(CaseMigration.Check(_v1, _v2, waiting, waiting.Input, plan));

        var (moved, data) = CaseMigration.Apply(_v1, _v2, waiting, waiting.Input, plan, _clock.GetUtcNow(), "designer");
        Assert.Equal("未填写", (string)data["nation"]!);
        Assert.Equal("未填写", (string)moved.Input["nation"]!);
        Assert.False(waiting.Input.ContainsKey("nation")); // the original is untouched
        Assert.Equal("migrated", moved.Timeline[^1].Event);
        Assert.Equal("1.1.0", (string)moved.Timeline[^1].Detail!["to"]!);

        // the moved case runs on the new workflow to its end
        var finished = _runner.Resume(WorkflowDefinitionLoader.FromNode(_v2["workflow"]), moved, new TaskCompleted("review", "approve"));
        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal("joined", (string)finished.Variables["outcome"]!);
    }

    [Fact]
    public void A_case_at_a_renamed_step_moves_only_with_a_step_mapping_and_goes_on_there()
    {
        var escalated = Escalated();
        Assert.Contains(escalated.Bookmarks, b => b.ActivityId == "streetReview");
        var defaults = """ "defaults": {"nation": "汉族"} """;

        var blocked = CaseMigration.Check(_v1, _v2, escalated, escalated.Input, Plan($"{{{defaults}}}"));
        var block = Assert.Single(blocked);
        Assert.Equal(MigrationBlockKinds.StepRemoved, block.Kind);
        Assert.Equal("streetReview", block.Activity);
        Assert.Contains("version 1.1.0 does not have", block.Message);

        var plan = Plan($$"""{"steps": {"streetReview": "streetCheck"}, {{defaults}}}""");
        Assert.Empty(plan.Check(_v1, _v2));
        var (moved, _) = CaseMigration.Apply(_v1, _v2, escalated, escalated.Input, plan, _clock.GetUtcNow(), null);
        Assert.Equal("streetCheck", Assert.Single(moved.Bookmarks).ActivityId);
        Assert.Equal("streetReview", (string)moved.Timeline[^1].Detail!["steps"]!.AsObject().Single().Key);

        var finished = _runner.Resume(WorkflowDefinitionLoader.FromNode(_v2["workflow"]), moved, new TaskCompleted("streetCheck", "approve"));
        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Contains("issueCard", finished.Visited);
    }

    [Fact]
    public void A_dry_run_over_several_cases_says_which_cannot_move_and_why()
    {
        var plan = Plan("""{"steps": {"streetReview": "streetCheck"}, "defaults": {"nation": "汉族"}}""");
        var cases = new Dictionary<string, WorkflowInstance>
        {
            ["waiting"] = Start(),
            ["returned"] = Start(new TaskCompleted("review", "returnForInformation")),
            ["finished"] = Start(new TaskCompleted("review", "approve")),
            ["escalated"] = Escalated(),
        };
        var verdicts = cases.ToDictionary(c => c.Key, c => CaseMigration.Check(_v1, _v2, c.Value, c.Value.Input, plan));

        Assert.Empty(verdicts["waiting"]);
        Assert.Empty(verdicts["escalated"]);
        Assert.Equal(MigrationBlockKinds.StepRemoved, Assert.Single(verdicts["returned"]).Kind);
        Assert.Equal("askForInformation", verdicts["returned"][0].Activity);
        Assert.Equal(MigrationBlockKinds.NotRunning, Assert.Single(verdicts["finished"]).Kind);

        var refused = Assert.Throws<CaseMigrationException>(() =>
            CaseMigration.Apply(_v1, _v2, cases["returned"], cases["returned"].Input, plan, _clock.GetUtcNow(), null));
        Assert.Contains("askForInformation", refused.Message);
    }

    [Fact]
    public void Removing_an_outcome_of_an_open_task_or_changing_the_step_type_blocks()
    {
        var v3 = NextVersion(_v1, "1.2.0", (module, index) =>
        {
            var review = index.Find("review")!.Node;
            review["inputs"]!["outcomes"]!.AsArray().RemoveAt(3); // handleOffline
            index.Find("offline")!.Node["type"] = "userTask";
        });
        var atReview = Start();
        var outcome = Assert.Single(CaseMigration.Check(_v1, v3, atReview, atReview.Input, new MigrationPlan()));
        Assert.Equal(MigrationBlockKinds.OutcomeRemoved, outcome.Kind);
        Assert.Contains("'handleOffline'", outcome.Message);

        var atOffline = Start(new TaskCompleted("review", "handleOffline"));
        var kinds = CaseMigration.Check(_v1, v3, atOffline, atOffline.Input, new MigrationPlan()).Select(b => b.Kind);
        Assert.Contains(MigrationBlockKinds.StepTypeChanged, kinds);
    }

    [Fact]
    public void A_plan_naming_missing_steps_or_fields_is_refused_as_a_whole()
    {
        var plan = Plan("""{"steps": {"nope": "streetCheck", "review": "gone"}, "defaults": {"colour": "red"}, "grandfathered": ["shoeSize"]}""");
        var messages = plan.Check(_v1, _v2).Select(p => p.Message).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains(messages, m => m.Contains("step 'nope', which version 1.0.0 does not have"));
        Assert.Contains(messages, m => m.Contains("'gone', which version 1.1.0 does not have"));
        Assert.Contains(messages, m => m.Contains("default for 'colour'"));
        Assert.Contains(messages, m => m.Contains("exempts 'shoeSize'"));
    }
}
