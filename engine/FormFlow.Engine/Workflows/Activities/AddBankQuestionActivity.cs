using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Question collection: puts an accepted proposal into a question bank, credited to the worker who proposed it. The
/// question (type, topic, difficulty, text, options, answer, explanation) is an object, usually an expression over the
/// case data; the bank is the one of that name owned by the org handling the case, the applicant's org, or their
/// ancestor at a level (created when the org has none of that name). An outbox effect: the server checks the question
/// as an editor's would be checked and adds it once per step.
/// </summary>
internal sealed class AddBankQuestionActivity : ActivityBehaviour
{
    private static readonly string[] Parts = ["type", "topic", "difficulty", "text", "options", "answer", "explanation"];

    public override ActivityDescriptor Descriptor { get; } = new("addBankQuestion", "Adds an accepted question to a question bank, crediting its proposer.",
    [
        new("question", InputKind.Object, Required: true,
            Description: "{ type, topic, difficulty, text, options, answer, explanation }, e.g. an expression over the proposal's fields")
        { Default = new JsonObject { ["expression"] = "({ type: input.questionType, topic: input.topic, difficulty: input.difficulty, text: input.stem, options: [input.optionA, input.optionB], answer: input.answer, explanation: input.explanation })" } },
        new("bank", InputKind.String, Required: true, Description: "the bank's name at the org, e.g. 职工征集题库") { Default = "职工征集题库" },
        new("org", InputKind.String, Description: "\"handling\" (default): the org handling the case, or \"applicant\""),
        new("level", InputKind.String, Description: "the bank of that org's ancestor at this level, e.g. city"),
        new("member", InputKind.Any, Description: "the proposer credited (default: case.applicantId)"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Union,
        Label = new("收入题库", "收入題庫", "Add to a question bank"),
    };

    public override void Check(ActivityCheck check)
    {
        CaseOrgs.CheckTargeted(check);
        if (check.LiteralString("bank") is { } bank && bank.Trim().Length is 0 or > 200)
            check.Problem("bank", "bank must be a name of 1 to 200 characters");
        if (check.Literal("question") is JsonObject literal && Parts.FirstOrDefault(p => !literal.ContainsKey(p) && p != "explanation") is { } missing)
            check.Problem("question", $"question has no '{missing}'");
    }

    public override void Execute(ActivityContext context)
    {
        var question = context.Object("question") ?? throw new WorkflowActivityException("input 'question' is required");
        var org = CaseOrgs.Targeted(context);
        var payload = new JsonObject
        {
            ["bank"] = context.RequiredString("bank").Trim(),
            ["org"] = org,
            ["member"] = context.Input("member") ?? context.Instance.Case["applicantId"]?.DeepClone(),
        };
        foreach (var part in Parts) payload[part] = question[part]?.DeepClone();
        context.AddEffect("addBankQuestion", payload);
        context.Record("questionCollected", new JsonObject { ["bank"] = payload["bank"]!.DeepClone(), ["org"] = org });
        context.Complete();
    }
}
