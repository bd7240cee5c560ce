using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Records one use of a benefit, enforcing its yearly quota: uses this year are usedThisYear (what the server
/// knows from other cases) plus the redemptions already recorded by this instance in the same year. Over the
/// quota, or when the store has nothing left of the member's entitlement (remaining, from the host's case facts), it
/// follows "refused" and records nothing. The quota is quotaPerYear, else the one granted by a
/// grantEntitlement earlier in this instance.
/// </summary>
internal sealed class RecordRedemptionActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("recordRedemption", "Records a benefit use within its quota.",
    [
        new("benefit", InputKind.String, Required: true, Description: "the benefit, e.g. haircut") { Default = "benefit" },
        new("quotaPerYear", InputKind.Integer, Description: "uses allowed per year (default: the grant in this instance)"),
        new("usedThisYear", InputKind.Integer, Description: "uses recorded elsewhere this year (e.g. from case facts)"),
        new("remaining", InputKind.Integer, Description: "uses the member's entitlement has left in the store (e.g. from case facts); 0 refuses. Absent: only the quota counts"),
        new("merchant", InputKind.String, Description: "where it was redeemed"),
        CommonInputs.ResultVariable,
    ], ["done", "refused"])
    {
        Category = ActivityCategory.Union,
        Label = new("记录权益使用", "記錄權益使用", "Record redemption"),
    };

    public override void Execute(ActivityContext context)
    {
        var benefit = context.RequiredString("benefit");
        var year = context.Now.ToOffset(context.Options.LocalOffset).Year;
        var quota = context.Integer("quotaPerYear") ?? GrantedQuota(context, benefit)
            ?? throw new WorkflowActivityException($"no quota is known for benefit '{benefit}': set quotaPerYear or grant it first");
        var thisStep = $"{context.Instance.Id}:{context.Activity.Id}:{context.Token.Step}";
        var recordedHere = context.Instance.Outbox.Count(o =>
            o.Kind == "recordRedemption" && o.Key != thisStep
            && JsonText.Of(o.Payload["benefit"]) == benefit && JsonText.Number(o.Payload["year"]) == year);
        var used = (context.Integer("usedThisYear") ?? 0) + recordedHere;
        // The store has the last word: what it has left of the member's entitlement, counting this instance's uses.
        var storeEmpty = context.Integer("remaining") is { } remaining && remaining - recordedHere <= 0;
        if (used >= quota || storeEmpty)
        {
            context.SetResult(new JsonObject { ["refused"] = true, ["used"] = used, ["quotaPerYear"] = quota, ["storeEmpty"] = storeEmpty });
            context.Record("redemptionRefused", new JsonObject { ["benefit"] = benefit, ["used"] = used, ["quotaPerYear"] = quota, ["storeEmpty"] = storeEmpty });
            context.Complete("refused");
            return;
        }
        context.AddEffect("recordRedemption", new JsonObject
        {
            ["member"] = context.Instance.Case["applicantId"]?.DeepClone(),
            ["benefit"] = benefit,
            ["merchant"] = context.String("merchant"),
            ["year"] = year,
        });
        context.SetResult(new JsonObject { ["refused"] = false, ["used"] = used + 1, ["quotaPerYear"] = quota });
        context.Complete();
    }

    private static int? GrantedQuota(ActivityContext context, string benefit) =>
        context.Instance.Outbox.LastOrDefault(o => o.Kind == "grantEntitlement" && JsonText.Of(o.Payload["benefit"]) == benefit)
            ?.Payload["quotaPerYear"] is { } quota ? (int?)JsonText.Number(quota) : null;
}
