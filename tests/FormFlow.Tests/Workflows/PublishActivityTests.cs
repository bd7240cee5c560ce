using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class PublishActivityTests
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public void A_faq_entry_takes_the_question_and_answer_and_never_credits_the_asker()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("toFaq", "publish", new { kind = "faq", title = new { expression = "input.question" }, body = new { expression = "input.answer" }, level = "district" })
            .Activity("end", "end").Chain("start", "toFaq", "end").Load();

        var done = _h.Runner.Start(definition, WorkflowHarness.Data("""{"question": "加班费怎么算？", "answer": "按工资的150%支付。", "contactName": "李四"}"""),
            WorkflowHarness.Case(), "inst-faq");

        var item = Assert.Single(done.Outbox);
        Assert.Equal("publish", item.Kind);
        Assert.Equal("faq", (string?)item.Payload["kind"]);
        Assert.Equal("加班费怎么算？", (string?)item.Payload["title"]);
        Assert.Equal("按工资的150%支付。", (string?)item.Payload["body"]);
        Assert.Equal("district-1", (string?)item.Payload["org"]);
        Assert.Equal("none", (string?)item.Payload["credit"]);
        Assert.DoesNotContain("李四", item.Payload.ToJsonString());
        Assert.DoesNotContain("worker-7", item.Payload.ToJsonString());
    }

    [Fact]
    public void A_notice_takes_the_file_id_of_an_image_field_and_credits_the_applicant()
    {
        var definition = new FlowBuilder()
            .Activity("start", "start")
            .Activity("out", "publish", new { kind = "notice", title = new { expression = "input.title" }, cover = new { expression = "input.cover" }, org = "applicant" })
            .Activity("end", "end").Chain("start", "out", "end").Load();

        var done = _h.Runner.Start(definition, WorkflowHarness.Data("""{"title": "通知", "cover": {"id": "abc", "name": "a.png"}}"""), WorkflowHarness.Case(), "inst-n");

        var item = Assert.Single(done.Outbox);
        Assert.Equal("abc", (string?)item.Payload["cover"]);
        Assert.Equal("union-1", (string?)item.Payload["org"]);
        Assert.Equal("applicant", (string?)item.Payload["credit"]);
    }

    [Fact]
    public void An_unknown_kind_is_refused_when_the_workflow_is_checked()
    {
        var problems = WorkflowDefinitionLoader.Check(new FlowBuilder()
            .Activity("start", "start")
            .Activity("out", "publish", new { kind = "poster", title = "x" })
            .Activity("end", "end").Chain("start", "out", "end").Json());
        Assert.Contains(problems, p => p.Message.Contains("kind must be one of notice, faq, showcase, directory"));
    }
}
