using System.Text.Json.Nodes;
using FormFlow.Tests.Workflows.Elsa;
using static FormFlow.Tests.Cli.CliRun;

namespace FormFlow.Tests.Cli;

/// <summary>`formflow workflow run` on the shipped samples and their stimuli files, and on stimuli that do not fit.</summary>
public class WorkflowRunCommandTests
{
    private const string Friday = "2026-02-13T09:00:00+08:00";

    private static CliRun Join(string? stimuli) => Of([
        "workflow", "run", Repo("module-templates/join/workflow.json"), "--now", Friday,
        "--input", Repo("samples/workflows/join-application.json"),
        "--case", Repo("samples/workflows/join-case.json"),
        "--orgs", Repo("samples/workflows/orgs.json"),
        .. stimuli is null ? Array.Empty<string>() : ["--stimuli", stimuli],
    ]);

    private static CliRun Legal(string stimuli) => Of(
        "workflow", "run", Repo("module-templates/legal-consultation/workflow.json"), "--now", Friday,
        "--input", Repo("samples/workflows/legal-question.json"),
        "--case", Repo("samples/workflows/legal-case.json"),
        "--orgs", Repo("samples/workflows/orgs.json"),
        "--stimuli", Repo($"samples/workflows/legal-consultation.{stimuli}.stimuli.json"));

    private static string[] Visited(CliRun run) => JsonExpect.Strings(run.Json["visited"]);

    private static string[] EffectKinds(CliRun run) => run.Json["effects"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray();

    [Fact]
    public void Join_waits_for_the_grassroots_review_with_a_deadline_after_the_spring_festival()
    {
        var run = Join(null);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("waiting", (string)run.Json["status"]!);
        var task = Assert.Single(run.Json["waiting"]!.AsArray())!;
        Assert.Equal("review", (string)task["activity"]!);
        Assert.Equal("userTask", (string)task["kind"]!);
        Assert.Equal("bj-haidian-zgc-xinghuo", (string)task["assignment"]!["resolvedOrg"]!);
        // 15 working days from Friday 13 February 2026, across the festival break and two worked Saturdays.
        Assert.Equal("2026-03-12", (string)task["deadline"]!);
        Assert.Equal(["approve", "reject", "returnForInformation", "handleOffline"], JsonExpect.Strings(task["outcomes"]));
    }

    [Fact]
    public void Join_approved_issues_the_member_card()
    {
        var run = Join(Repo("samples/workflows/join-review.approved.stimuli.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("finished", (string)run.Json["status"]!);
        Assert.Equal(["start", "review", "recordHandler", "issueCard", "markJoined", "welcome", "endJoined"], Visited(run));
        Assert.Equal("joined", (string)run.Json["variables"]!["outcome"]!);
        Assert.Equal("材料齐全，同意入会", (string)run.Json["variables"]!["review"]!["data"]!["reviewNote"]!);
        Assert.Equal(["issueMemberCard", "notify"], EffectKinds(run));
        var sms = run.Json["effects"]![1]!["payload"]!;
        Assert.Equal("13800138000", (string)sms["recipient"]!);
        Assert.Equal((string)run.Json["variables"]!["memberCard"]!["cardKey"]!, (string)sms["data"]!["card"]!);
    }

    [Fact]
    public void Join_deadline_escalates_to_the_street_and_then_the_district()
    {
        var run = Join(Repo("samples/workflows/join-review.escalated.stimuli.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("finished", (string)run.Json["status"]!);
        Assert.Equal(
            ["start", "review", "handToStreet", "streetReview", "handToDistrict", "districtReview", "recordHandler", "issueCard", "markJoined", "welcome", "endJoined"],
            Visited(run));
        Assert.Equal("bj-haidian", (string)run.Json["variables"]!["handledBy"]!);
        var handOffs = run.Json["effects"]!.AsArray().Where(e => (string)e!["kind"]! == "handOff").Select(e => (string)e!["payload"]!["to"]!);
        Assert.Equal(["bj-haidian-zgc", "bj-haidian"], handOffs);
        Assert.Contains(run.Json["effects"]!.AsArray(), e => (string?)e!["payload"]!["template"] == "taskReminder");
    }

    [Fact]
    public void Join_is_still_with_the_grassroots_union_on_the_deadline_day()
    {
        using var scratch = new ScratchFolder();
        var lastDay = scratch.Write("last-day.json", """[ { "advanceTo": "2026-03-12T23:59:00+08:00" } ]""");
        var run = Join(lastDay);
        Assert.Equal("waiting", (string)run.Json["status"]!);
        Assert.Equal("review", (string)run.Json["waiting"]![0]!["activity"]!);
        Assert.DoesNotContain("handToStreet", Visited(run));
        var nextMorning = scratch.Write("next-morning.json", """[ { "advanceTo": "2026-03-13T00:00:00+08:00" } ]""");
        Assert.Equal("streetReview", (string)Join(nextMorning).Json["waiting"]![0]!["activity"]!);
    }

    [Fact]
    public void Join_returned_for_information_goes_back_to_review_after_the_resubmission()
    {
        var run = Join(Repo("samples/workflows/join-review.returned.stimuli.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("finished", (string)run.Json["status"]!);
        Assert.Equal(["start", "review", "askForInformation", "review", "recordHandler", "issueCard", "markJoined", "welcome", "endJoined"], Visited(run));
        Assert.Equal(["requestInformation", "issueMemberCard", "notify"], EffectKinds(run));
        Assert.Equal("在职证明.pdf", (string)run.Json["effects"]![1]!["payload"]!["member"]!["employmentProof"]!["name"]!);
    }

    [Fact]
    public void Join_handled_offline_records_the_handling_and_issues_the_card()
    {
        var run = Join(Repo("samples/workflows/join-review.offline.stimuli.json"));
        Assert.Equal("finished", (string)run.Json["status"]!);
        Assert.Equal(["start", "review", "offline", "joinedOffline", "recordHandler", "issueCard", "markJoined", "welcome", "endJoined"], Visited(run));
        var record = run.Json["variables"]!["offline"]!;
        Assert.Equal("joined", (string)record["result"]!);
        Assert.Equal("王干事", (string)record["handler"]!);
        Assert.Equal("2026-02-13", (string)record["date"]!);
    }

    [Fact]
    public void Legal_consultation_answered_takes_one_follow_up_question_then_the_rating_and_closes()
    {
        var run = Legal("answered");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("finished", (string)run.Json["status"]!);
        Assert.Equal(["start", "triage", "markUrgent", "lawyerAnswer", "recordLawyer", "sendAnswer",
            "collectFeedback", "askFeedback", "feedbackWindow", "firstOfBoth", "hasFollowUp", "followUp", "sendFollowUpAnswer",
            "collectFeedback", "askFeedback", "feedbackWindow", "firstOfBoth", "hasFollowUp", "summarise", "closeCase", "end"], Visited(run));
        var variables = run.Json["variables"]!;
        Assert.Equal("urgent", (string)variables["priority"]!);
        Assert.Equal("lawyer-chen", (string)variables["answeredBy"]!);
        Assert.Equal("lawyer-chen", (string)variables["followUpTask"]!["by"]!);
        Assert.True((bool)variables["satisfied"]!);
        Assert.Equal("书面答复，追问1次，满意（5分）", (string)variables["summary"]!);
        // answer, follow-up answer and rating request, rating request again, closing notice
        Assert.Equal(["notify", "requestInformation", "notify", "requestInformation", "notify"], EffectKinds(run));
        Assert.Equal("caseClosed", (string)run.Json["effects"]![4]!["payload"]!["template"]!);
        Assert.Equal("2026-02-16T09:00:00+08:00", (string)run.Json["now"]!);
    }

    [Fact]
    public void Legal_consultation_refuses_a_lawyer_completion_without_an_answer()
    {
        var stimuli = Path.Combine(Path.GetTempPath(), $"legal-{Guid.NewGuid():N}.json");
        File.WriteAllText(stimuli, """[ { "complete": "lawyerAnswer", "outcome": "answered", "data": {} } ]""");
        try
        {
            var run = Of("workflow", "run", Repo("module-templates/legal-consultation/workflow.json"), "--now", Friday,
                "--input", Repo("samples/workflows/legal-question.json"), "--case", Repo("samples/workflows/legal-case.json"),
                "--orgs", Repo("samples/workflows/orgs.json"), "--stimuli", stimuli);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("field 'answer' is required at this step", run.Stderr);
        }
        finally { File.Delete(stimuli); }
    }

    [Fact]
    public void Legal_consultation_overdue_goes_to_the_city_and_ends_after_the_feedback_window()
    {
        var run = Legal("escalated");
        Assert.Equal("finished", (string)run.Json["status"]!);
        var visited = Visited(run);
        Assert.Equal(["start", "triage", "markUrgent", "lawyerAnswer", "toCity", "cityLawyerAnswer", "meeting", "recordLawyer", "sendAnswer", "collectFeedback"], visited[..10]);
        // no rating within 7 days: the window closes the case
        Assert.Equal(["askFeedback", "feedbackWindow", "firstOfBoth", "hasFollowUp", "summarise", "closeCase", "end"], visited[^7..]);
        Assert.Equal("面谈，未评价", (string)run.Json["variables"]!["summary"]!);
        Assert.Equal("referredToArbitration", (string)run.Json["variables"]!["meetingRecord"]!["result"]!);
    }

    [Fact]
    public void Elsa_samples_run_directly()
    {
        var claim = Of("workflow", "run", Repo("samples/workflows/elsa/benefit-claim.elsa.json"), "--now", Friday,
            "--stimuli", Repo("samples/workflows/elsa/benefit-claim.stimuli.json"));
        Assert.Equal(0, claim.ExitCode);
        Assert.Equal("finished", (string)claim.Json["status"]!);
        Assert.Equal(["Start1", "HasQuota", "Grant", "TellGranted", "WaitRedeemed", "MarkRedeemed", "End1"], Visited(claim));
        Assert.Equal(7, (int)claim.Json["variables"]!["UsedThisYear"]!);
        Assert.Equal("redeemed", (string)claim.Json["variables"]!["Status"]!);
        Assert.Equal(["本年度已使用 7/8 次"], JsonExpect.Strings(claim.Json["lines"]));

        var passed = Of("workflow", "run", Repo("samples/workflows/elsa/skills-quiz.elsa.json"), "--now", Friday,
            "--input", Repo("samples/workflows/elsa/quiz-answers-pass.json"));
        JsonExpect.Equal(JsonNode.Parse("""{"score": 100, "passed": true, "level": 2}"""), passed.Json["variables"]!["QuizResult"], "QuizResult");

        var failed = Of("workflow", "run", Repo("samples/workflows/elsa/skills-quiz.elsa.json"), "--now", Friday,
            "--input", Repo("samples/workflows/elsa/quiz-answers-fail.json"));
        Assert.Equal("waiting", (string)failed.Json["status"]!);
        Assert.Equal("2026-02-14T09:00:00+08:00", (string)failed.Json["waiting"]![0]!["dueAt"]!);
        var retried = Of("workflow", "run", Repo("samples/workflows/elsa/skills-quiz.elsa.json"), "--now", Friday,
            "--input", Repo("samples/workflows/elsa/quiz-answers-fail.json"), "--stimuli", Repo("samples/workflows/elsa/skills-quiz.retry.stimuli.json"));
        Assert.Equal(["得分 50，明天可以再试一次", "重新答题已开放"], JsonExpect.Strings(retried.Json["lines"]));
    }

    [Theory]
    [InlineData("""[ { "complete": "nope", "outcome": "approve" } ]""", "/0: no open task bookmark or activity 'nope'")]
    [InlineData("""[ { "complete": "review", "outcome": "maybe" } ]""", "/0: task 'review' (bookmark 'b4') has no outcome 'maybe'; its outcomes are approve, reject, returnForInformation, handleOffline")]
    [InlineData("""[ { "complete": "review", "outcome": "approve" }, { "complete": "review", "outcome": "approve" } ]""", "/1: instance 'cli' has finished; it accepts no more stimuli")]
    [InlineData("""[ { "complete": "review", "outcome": "returnForInformation" }, { "complete": "review", "outcome": "approve" } ]""", "/1: no open task bookmark or activity 'review'")]
    [InlineData("""[ { "complete": "review", "outcome": "approve", "data": { "name": "王五" } } ]""", "/0: task 'review' (bookmark 'b4'): field 'name' is read at this step and may not be changed")]
    [InlineData("""[ { "event": "Nobody" } ]""", "/0: no activity of instance 'cli' waits for event 'Nobody'")]
    [InlineData("""[ { "complete": "review", "outcome": "returnForInformation" }, { "resubmit": { "name": "张三" } } ]""", "/1: the resubmission for 'askForInformation' (bookmark 'b6') lacks the requested field(s) employmentProof")]
    [InlineData("""[ { "complete": "review", "outcome": "handleOffline" }, { "complete": "offline", "outcome": "done", "data": { "result": "maybe", "date": "2026-03-01", "handler": "王干事" } } ]""", "/1: offline handling 'offline' (bookmark 'b6'): /result: 'maybe' is not one of joined, declined; /date: 2026-03-01 is in the future (today is 2026-02-13)")]
    [InlineData("""[ { "resubmit": { "name": "张三" } } ]""", "/0: instance 'cli' is not waiting for the applicant to resubmit")]
    [InlineData("""[ { "advanceTo": "2026-01-01T09:00:00+08:00" } ]""", "/0: 2026-01-01T09:00:00.0000000+08:00 is before the current time")]
    [InlineData("""[ { "advance": { "weeks": 2 } } ]""", "/0/advance/weeks: advance counts days, hours and minutes, not 'weeks'")]
    [InlineData("""[ { "complete": "review", "event": "x" } ]""", "/0: a stimulus has exactly one of complete, advance, advanceTo, event, resubmit, not complete and event")]
    [InlineData("""[ { "complete": "review", "outcome": "approve", "colour": "red" } ]""", "/0/colour: 'complete' takes outcome, data, by, not 'colour'")]
    [InlineData("""{ "complete": "review" }""", "a stimuli file must hold a JSON list of stimuli")]
    [InlineData("""[ { "complete": "review", """, "malformed JSON")]
    public void Stimuli_that_do_not_fit_stop_with_exit_2_and_name_the_entry(string stimuli, string message)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("stimuli.json", stimuli);
        var run = Join(file);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr);
        Assert.StartsWith(file, run.Stderr);
    }

    [Fact]
    public void Running_an_invalid_definition_lists_its_problems_and_exits_2()
    {
        var run = Of("workflow", "run", Repo("tests/conformance/elsa/27-script-outside-sandbox.json"), "--now", Friday);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("(Compute): bad script: the method 'min' is not allowed", run.Stderr);
        Assert.Contains("(Check): bad expression: 'eval' is not allowed", run.Stderr);
    }

    [Fact]
    public void Bad_options_are_usage_errors()
    {
        var badNow = Of("workflow", "run", Repo("module-templates/join/workflow.json"), "--now", "next friday");
        Assert.Equal(2, badNow.ExitCode);
        Assert.Contains("--now: expected an ISO 8601 date-time with offset", badNow.Stderr);
        using var scratch = new ScratchFolder();
        var list = scratch.Write("input.json", "[1, 2]");
        var badInput = Of("workflow", "run", Repo("module-templates/join/workflow.json"), "--now", Friday, "--input", list);
        Assert.Equal(2, badInput.ExitCode);
        Assert.Contains("the input file must hold a JSON object", badInput.Stderr);
        var orphan = scratch.Write("orgs.json", """[ { "id": "street-9", "level": "street", "parent": "district-9" } ]""");
        var badOrgs = Of("workflow", "run", Repo("module-templates/join/workflow.json"), "--now", Friday, "--orgs", orphan);
        Assert.Equal(2, badOrgs.ExitCode);
        Assert.Contains($"{orphan} /0: parent 'district-9' of org 'street-9' must be listed before it", badOrgs.Stderr);
    }

    [Fact]
    public void A_fault_while_running_is_reported_as_a_faulted_run_naming_the_activity()
    {
        using var scratch = new ScratchFolder();
        var elsa = JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("17-no-start-activity.json")))!;
        elsa["root"]!["activities"]![0]!["script"]!["expression"]!["value"] = "setN(getN().toUpperCase())";
        var run = Of("workflow", "run", scratch.Write("faulty.json", elsa.ToJsonString()), "--now", Friday);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("faulted", (string)run.Json["status"]!);
        var incident = Assert.Single(run.Json["incidents"]!.AsArray())!;
        Assert.Equal("Double", (string)incident["activity"]!);
        Assert.Contains("TypeError", (string)incident["message"]!);
        Assert.Equal(["Flowchart1.start", "Double"], Visited(run));
    }
}
