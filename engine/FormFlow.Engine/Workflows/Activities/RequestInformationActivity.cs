using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Sends the case back to the applicant with a message (an outbox item) and waits until they resubmit. The
/// resubmitted data becomes the instance input; resultVariable gets {message, resubmittedAt, by}.
/// </summary>
internal sealed class RequestInformationActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("requestInformation", "Asks the applicant for more information.",
    [
        new("message", InputKind.String, Required: true, Description: "what the applicant must add or correct") { Default = "请补充材料后重新提交。" },
        new("fields", InputKind.Array, Description: "form field keys the resubmission must fill"),
        CommonInputs.ResultVariable,
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.People,
        Label = new("请申请人补充材料", "請申請人補充材料", "Request information"),
    };

    public override void Execute(ActivityContext context)
    {
        var message = context.RequiredString("message");
        var fields = context.Array("fields") ?? [];
        context.AddEffect("requestInformation", new JsonObject
        {
            ["recipient"] = context.Instance.Case["applicantId"]?.DeepClone(),
            ["message"] = message,
            ["fields"] = fields.DeepClone(),
        });
        context.Wait(BookmarkKinds.RequestInformation, new JsonObject { ["message"] = message, ["fields"] = fields });
        context.Record("informationRequested", new JsonObject { ["message"] = message });
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus)
    {
        if (stimulus is not ApplicantResubmitted resubmitted) { base.Resume(context, bookmark, stimulus); return; }
        var missing = (bookmark.Payload["fields"] as JsonArray ?? [])
            .Select(JsonText.Of).OfType<string>()
            .Where(key => resubmitted.Data[key] is null || JsonText.Of(resubmitted.Data[key]) is { Length: 0 })
            .ToList();
        if (missing.Count > 0)
            throw new WorkflowStimulusException(
                $"the resubmission for '{context.Activity.Id}' (bookmark '{bookmark.Id}') lacks the requested field(s) {string.Join(", ", missing)}");
        context.ReplaceInput((JsonObject)resubmitted.Data.DeepClone());
        context.SetResult(new JsonObject
        {
            ["message"] = bookmark.Payload["message"]?.DeepClone(),
            ["resubmittedAt"] = context.Now.ToString("O"),
            ["by"] = resubmitted.By,
        });
        context.Record("resubmitted", new JsonObject { ["bookmark"] = bookmark.Id }, resubmitted.By);
        context.Complete();
    }
}
