using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class SubModuleTests
{
    private static readonly WorkflowDefinition Child = new FlowBuilder("legal-advice", 1)
        .Activity("start", "start")
        .Activity("answer", "userTask", new { assignTo = new { role = "lawyer", org = "named", orgId = "legal-centre" }, outcomes = new[] { "answered" } })
        .Activity("note", "setVariable", new { name = "answer", value = new { expression = "variables.answer.data.text" } })
        .Activity("end", "end")
        .Connect("start", "answer").Connect("answer", "note", "answered").Connect("note", "end")
        .Load();

    private static readonly WorkflowDefinition Parent = new FlowBuilder("consultation", 1)
        .Activity("start", "start")
        .Activity("ask", "callSubModule", new { definitionId = "legal-advice", input = new { expression = "({question: input.question})" } })
        .Activity("reply", "notify", new { channel = "inbox", recipient = "worker-7", template = "answer", data = new { expression = "({text: variables.ask.answer})" } })
        .Activity("end", "end")
        .Chain("start", "ask", "reply", "end")
        .Load();

    [Fact]
    public void The_parent_waits_for_the_child_and_receives_its_variables()
    {
        var h = new WorkflowHarness(configure: o => o with { SubWorkflows = new SubWorkflowCatalog().Add(Child) });
        var waiting = h.Runner.Start(Parent, WorkflowHarness.Data("""{"question": "加班费怎么算?"}"""), WorkflowHarness.Case(), "p1");

        Assert.Equal(WorkflowStatus.Waiting, waiting.Status);
        Assert.Equal(BookmarkKinds.SubModule, Assert.Single(waiting.Bookmarks).Kind);
        var child = Assert.Single(waiting.Children);
        Assert.Equal("加班费怎么算?", (string?)child.Input["question"]);
        var childTask = Assert.Single(waiting.AllBookmarks(), b => b.Kind == BookmarkKinds.UserTask);
        Assert.StartsWith("p1/ask-", childTask.Id);

        var done = h.Runner.Resume(Parent, waiting, new TaskCompleted(childTask.Id, "answered", WorkflowHarness.Data("""{"text": "按1.5倍"}""")));

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Empty(done.Children);
        Assert.Equal("按1.5倍", (string?)done.Variables["ask"]!["answer"]);
        Assert.Equal("按1.5倍", (string?)done.Outbox.Single().Payload["data"]!["text"]);
    }

    [Fact]
    public void A_missing_child_definition_is_an_incident_and_retry_picks_it_up_once_available()
    {
        var catalog = new SubWorkflowCatalog();
        var h = new WorkflowHarness(configure: o => o with { SubWorkflows = catalog });
        var faulted = h.Runner.Start(Parent, WorkflowHarness.Data("""{"question": "q"}"""), WorkflowHarness.Case());
        Assert.Contains("sub-module definition 'legal-advice' cannot be found", faulted.Incidents[0].Message);

        catalog.Add(Child);
        var waiting = h.Runner.Retry(Parent, faulted);
        Assert.Equal(WorkflowStatus.Waiting, waiting.Status);
        Assert.Single(waiting.Children);
    }

    [Fact]
    public void A_faulting_child_faults_the_parent_and_retry_retries_the_child()
    {
        var broken = new FlowBuilder("legal-advice", 1)
            .Activity("start", "start")
            .Activity("route", "decision", new { condition = new { expression = "input.question.length > 0" } })
            .Activity("end", "end").Connect("start", "route").Connect("route", "end", "true").Connect("route", "end", "false").Load();
        var h = new WorkflowHarness(configure: o => o with { SubWorkflows = new SubWorkflowCatalog().Add(broken) });
        var parent = new FlowBuilder("consultation", 1)
            .Activity("start", "start").Activity("ask", "callSubModule", new { definitionId = "legal-advice" })
            .Activity("end", "end").Chain("start", "ask", "end").Load();

        var faulted = h.Runner.Start(parent, WorkflowHarness.Data("{}"), instanceId: "p2");
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Contains("sub-module 'legal-advice' (p2/ask-", faulted.Incidents[0].Message);
        Assert.Contains("faulted at activity 'route'", faulted.Incidents[0].Message);

        faulted.Children[0].Input["question"] = "q";
        var done = h.Runner.Retry(parent, faulted);
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Empty(done.Children);
    }
}
