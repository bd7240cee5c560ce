using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Scores quiz answers against the correct ones. A multi-choice answer (a list) is right when it holds exactly
/// the correct choices, in any order. resultVariable gets {score, maxScore, correct: [...], wrong: [...]} and,
/// with passScore, passed.
/// </summary>
internal sealed class ScoreQuizActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("scoreQuiz", "Scores quiz answers.",
    [
        new("correct", InputKind.Object, Required: true, Description: "question key → correct answer (a list for multi-choice)") { Default = new JsonObject() },
        new("answers", InputKind.Object, Description: "question key → given answer (default: the form data)"),
        new("points", InputKind.Object, Description: "question key → points (default 1 each)"),
        new("passScore", InputKind.Number, Description: "score needed to pass"),
        CommonInputs.ResultVariable,
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Data,
        Label = new("测验评分", "測驗評分", "Score quiz"),
    };

    public override void Execute(ActivityContext context)
    {
        var correct = context.Object("correct") ?? throw new WorkflowActivityException("input 'correct' is required");
        var answers = context.Object("answers") ?? context.Instance.Input;
        var points = context.Object("points") ?? [];
        double score = 0, max = 0;
        var right = new JsonArray();
        var wrong = new JsonArray();
        foreach (var (question, expected) in correct)
        {
            var worth = JsonText.Number(points[question]) is { } value
                ? value
                : points.ContainsKey(question) ? throw new WorkflowActivityException($"input 'points': '{question}' must be a number") : 1;
            max += worth;
            if (Matches(answers[question], expected))
            {
                score += worth;
                right.Add(question);
            }
            else wrong.Add(question);
        }
        var result = new JsonObject { ["score"] = score, ["maxScore"] = max, ["correct"] = right, ["wrong"] = wrong };
        if (context.Number("passScore") is { } pass) result["passed"] = score >= pass;
        context.SetResult(result);
        context.Complete();
    }

    private static bool Matches(JsonNode? given, JsonNode? expected)
    {
        if (given is JsonArray g && expected is JsonArray e)
            return g.Count == e.Count && e.All(x => g.Any(y => JsonNode.DeepEquals(x, y)));
        return given is not null && JsonNode.DeepEquals(given, expected);
    }
}
