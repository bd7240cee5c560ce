using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Publishes a feed item (a notice, an FAQ entry, a showcase item, a directory entry) to the subtree of the org
/// handling the case, the applicant's org, or their ancestor at a level. Its texts are expressions over the case
/// data; an outbox effect tells the server, which sanitises the body and writes the item once per step.
/// </summary>
internal sealed class PublishActivity : ActivityBehaviour
{
    private static readonly string[] Kinds = ["notice", "faq", "showcase", "directory"];

    public override ActivityDescriptor Descriptor { get; } = new("publish", "Publishes a feed item to an org's subtree.",
    [
        new("kind", InputKind.String, Required: true, Description: "notice, faq, showcase or directory") { Default = "notice" },
        new("title", InputKind.String, Required: true, Description: "the title, e.g. an expression: input.title") { Default = new JsonObject { ["expression"] = "input.title" } },
        new("summary", InputKind.String, Description: "a line under the title"),
        new("body", InputKind.String, Description: "rich text (HTML); sanitised by the server"),
        new("cover", InputKind.Any, Description: "an image field's file, shown above the body"),
        new("qr", InputKind.Any, Description: "a directory entry's QR image field"),
        new("phone", InputKind.String, Description: "a directory entry's hotline"),
        new("tags", InputKind.Array, Description: "tags, e.g. [\"政策\"]"),
        new("pinned", InputKind.Boolean, Description: "shown above the other items"),
        new("expiresInDays", InputKind.Integer, Description: "the item leaves the feed after this many days"),
        new("org", InputKind.String, Description: "\"handling\" (default): the org handling the case, or \"applicant\""),
        new("level", InputKind.String, Description: "publish at that org's ancestor at this level, e.g. district"),
        new("credit", InputKind.String, Description: "\"applicant\" (default) names the applicant as author; \"none\" never copies who asked (FAQ)"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Union,
        Label = new("发布到资讯", "發布到資訊", "Publish to the feed"),
    };

    public override void Check(ActivityCheck check)
    {
        if (check.LiteralString("kind") is { } kind && !Kinds.Contains(kind))
            check.Problem("kind", $"kind must be one of {string.Join(", ", Kinds)}, not \"{kind}\"");
        CaseOrgs.CheckTargeted(check);
        if (check.LiteralString("credit") is { } credit && credit is not ("applicant" or "none"))
            check.Problem("credit", $"credit must be \"applicant\" or \"none\", not \"{credit}\"");
        if (JsonText.Number(check.Literal("expiresInDays")) is { } days && days < 1)
            check.Problem("expiresInDays", $"expiresInDays must be at least 1, not {days}");
    }

    public override void Execute(ActivityContext context)
    {
        var kind = context.RequiredString("kind");
        if (!Kinds.Contains(kind)) throw new WorkflowActivityException($"input 'kind' must be one of {string.Join(", ", Kinds)}, not '{kind}'");
        var org = CaseOrgs.Targeted(context);
        var credit = context.String("credit") ?? (kind == "faq" ? "none" : "applicant");
        context.AddEffect("publish", new JsonObject
        {
            ["kind"] = kind,
            ["title"] = context.RequiredString("title"),
            ["summary"] = context.String("summary"),
            ["body"] = context.String("body"),
            ["cover"] = FileId(context.Input("cover")),
            ["qr"] = FileId(context.Input("qr")),
            ["phone"] = context.String("phone"),
            ["tags"] = context.Array("tags")?.DeepClone(),
            ["pinned"] = context.Boolean("pinned") ?? false,
            ["expiresInDays"] = context.Integer("expiresInDays"),
            ["org"] = org,
            ["credit"] = credit,
        });
        context.Record("published", new JsonObject { ["kind"] = kind, ["org"] = org });
        context.Complete();
    }

    /// <summary>A file field holds a reference object ({ id, name, ... }); a plain ID is taken as is.</summary>
    private static string? FileId(JsonNode? value) => value switch
    {
        JsonObject reference => JsonText.Of(reference["id"]),
        JsonArray { Count: > 0 } list => FileId(list[0]),
        _ => JsonText.Of(value),
    };
}
