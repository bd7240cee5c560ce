using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Records that a member card is to be issued (the server issues it, once per idempotency key, so a retried
/// step never makes a second card). resultVariable gets {cardKey, org}.
/// </summary>
internal sealed class IssueMemberCardActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("issueMemberCard", "Issues a member card to the applicant.",
    [
        new("member", InputKind.Object, Description: "member data for the card (default: the form data)"),
        new("org", InputKind.String, Description: "the member's org (default: the org handling the case)"),
        CommonInputs.ResultVariable,
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Union,
        Label = new("发放会员卡", "發放會員卡", "Issue member card"),
    };

    public override void Execute(ActivityContext context)
    {
        var org = context.String("org") ?? CaseOrgs.Handling(context);
        var member = context.Object("member") ?? (JsonObject)context.Instance.Input.DeepClone();
        var item = context.AddEffect("issueMemberCard", new JsonObject
        {
            ["caseId"] = context.Instance.Case["id"]?.DeepClone(),
            ["org"] = org,
            ["member"] = member,
        });
        context.SetResult(new JsonObject { ["cardKey"] = item.Key, ["org"] = org });
        context.Record("memberCardIssued", new JsonObject { ["org"] = org, ["key"] = item.Key });
        context.Complete();
    }
}
