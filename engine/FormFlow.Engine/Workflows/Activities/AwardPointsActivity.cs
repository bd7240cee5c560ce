using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Awards points (积分) to the applicant — an idea adopted, a contest placed — with the reason they read beside them;
/// an outbox effect, so the ledger line commits once however often the step is retried. A daily cap per kind keeps
/// points from being farmed.
/// </summary>
internal sealed class AwardPointsActivity : ActivityBehaviour
{
    /// <summary>As the ledger allows: a typo of 10000 for 100 should fail, not enrich someone.</summary>
    private const int MaxPoints = 1000;

    public override ActivityDescriptor Descriptor { get; } = new("awardPoints", "Awards points to a member, with a reason.",
    [
        new("points", InputKind.Integer, Required: true, Description: $"how many points, 1 to {MaxPoints}") { Default = 10 },
        new("reason", InputKind.String, Required: true, Description: "what the member reads beside the points, e.g. 金点子被采纳") { Default = "积分奖励" },
        new("kind", InputKind.String, Required: true, Description: "the kind of award; daily caps count per kind, e.g. ideaAdopted") { Default = "award" },
        new("dailyCap", InputKind.Integer, Description: "the most points of this kind one member may earn per day"),
        new("member", InputKind.Any, Description: "the member's account (default: case.applicantId)"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Union,
        Label = new("奖励积分", "獎勵積分", "Award points"),
    };

    public override void Check(ActivityCheck check)
    {
        if (JsonText.Number(check.Literal("points")) is { } points && points is < 1 or > MaxPoints)
            check.Problem("points", $"points must be 1 to {MaxPoints}, not {points}");
        if (JsonText.Number(check.Literal("dailyCap")) is { } cap && cap < 1)
            check.Problem("dailyCap", $"dailyCap must be at least 1, not {cap}");
        if (check.LiteralString("reason") is { } reason && reason.Trim().Length is 0 or > 200)
            check.Problem("reason", "reason must be 1 to 200 characters");
        if (check.LiteralString("kind") is { } kind && kind.Trim().Length is 0 or > 64)
            check.Problem("kind", "kind must be 1 to 64 characters");
    }

    public override void Execute(ActivityContext context)
    {
        var points = context.Integer("points") ?? throw new WorkflowActivityException("input 'points' is required");
        if (points is < 1 or > MaxPoints) throw new WorkflowActivityException($"input 'points' must be 1 to {MaxPoints}, not {points}");
        var cap = context.Integer("dailyCap");
        if (cap is < 1) throw new WorkflowActivityException($"input 'dailyCap' must be at least 1, not {cap}");
        context.AddEffect("awardPoints", new JsonObject
        {
            ["member"] = context.Input("member") ?? context.Instance.Case["applicantId"]?.DeepClone(),
            ["points"] = points,
            ["reason"] = context.RequiredString("reason"),
            ["kind"] = context.RequiredString("kind"),
            ["dailyCap"] = cap,
        });
        context.Complete();
    }
}
