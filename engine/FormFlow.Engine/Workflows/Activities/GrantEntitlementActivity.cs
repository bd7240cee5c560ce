using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Grants the applicant a benefit with a yearly quota (an outbox effect; recordRedemption enforces it).</summary>
internal sealed class GrantEntitlementActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("grantEntitlement", "Grants a benefit with a quota per year.",
    [
        new("benefit", InputKind.String, Required: true, Description: "the benefit, e.g. haircut") { Default = "benefit" },
        new("quotaPerYear", InputKind.Integer, Required: true, Description: "uses allowed per calendar year") { Default = 1 },
        new("member", InputKind.Any, Description: "the member (default: case.applicantId)"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Union,
        Label = new("授予权益", "授予權益", "Grant entitlement"),
    };

    public override void Check(ActivityCheck check)
    {
        if (JsonText.Number(check.Literal("quotaPerYear")) is { } quota && quota < 1)
            check.Problem("quotaPerYear", $"quotaPerYear must be at least 1, not {quota}");
    }

    public override void Execute(ActivityContext context)
    {
        var benefit = context.RequiredString("benefit");
        var quota = context.Integer("quotaPerYear") ?? throw new WorkflowActivityException("input 'quotaPerYear' is required");
        if (quota < 1) throw new WorkflowActivityException($"input 'quotaPerYear' must be at least 1, not {quota}");
        context.AddEffect("grantEntitlement", new JsonObject
        {
            ["member"] = context.Input("member") ?? context.Instance.Case["applicantId"]?.DeepClone(),
            ["benefit"] = benefit,
            ["quotaPerYear"] = quota,
            ["year"] = context.Now.ToOffset(context.Options.LocalOffset).Year,
        });
        context.Complete();
    }
}
