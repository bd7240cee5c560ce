using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Hands the case to another org: the parent of the org handling it (to: "parent"), its ancestor at a level
/// (level: "district"), or a named org (orgId, which may be an expression chosen at run time, e.g. the union the
/// applicant picked). With direction: "down" the named org must lie below the org handling the case (a district
/// never hands into another district's subtree) and the timeline records <c>handedDown</c> instead of
/// <c>handedOff</c>. case.org changes; an outbox effect tells the server.
/// </summary>
internal sealed class HandOffActivity : ActivityBehaviour
{
    public override ActivityDescriptor Descriptor { get; } = new("handOff", "Hands the case to another org.",
    [
        new("to", InputKind.String, Description: "\"parent\": the parent of the org handling the case") { Default = "parent" },
        new("level", InputKind.String, Description: "the handling org's ancestor at this level, e.g. district"),
        new("orgId", InputKind.String, Description: "a named org"),
        new("direction", InputKind.String, Description: "\"up\" (default) or \"down\": down hands to orgId, which must lie below the org handling the case"),
        new("reason", InputKind.String, Description: "why, for the timeline"),
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.People,
        Label = new("移交其他组织", "移交其他組織", "Hand off"),
    };

    public override void Check(ActivityCheck check)
    {
        var set = new[] { "to", "level", "orgId" }.Count(check.IsSet);
        if (set != 1) check.Problem(null, "handOff needs exactly one of 'to', 'level' and 'orgId'");
        if (check.Literal("to") is { } to && JsonText.Of(to) != "parent") check.Problem("to", $"to must be \"parent\", not {to.ToJsonString()}");
        if (check.Literal("direction") is { } direction && JsonText.Of(direction) is not ("up" or "down"))
            check.Problem("direction", $"direction must be \"up\" or \"down\", not {direction.ToJsonString()}");
        if (check.Literal("direction") is { } down && JsonText.Of(down) == "down" && !check.IsSet("orgId"))
            check.Problem("orgId", "handing down needs orgId: the unit below to hand the case to (an expression may choose it, e.g. input.unionOrg)");
    }

    public override void Execute(ActivityContext context)
    {
        var from = CaseOrgs.Handling(context);
        string target;
        if (context.String("orgId") is { } orgId) target = orgId;
        else if (context.String("level") is { } level) target = CaseOrgs.Ancestor(context, from, level);
        else if (context.String("to") == "parent") target = CaseOrgs.Parent(context, from);
        else throw new WorkflowActivityException("handOff needs one of to: \"parent\", level or orgId");
        var down = context.String("direction") == "down";
        if (down && !CaseOrgs.IsBelow(context, target, from))
            throw new WorkflowActivityException($"handOff down: org '{target}' is not below org '{from}', which handles the case; a case is handed down only within its subtree");
        var reason = context.String("reason");
        context.Instance.Case["org"] = target;
        context.AddEffect("handOff", new JsonObject { ["caseId"] = context.Instance.Case["id"]?.DeepClone(), ["from"] = from, ["to"] = target, ["reason"] = reason });
        context.Record(down ? "handedDown" : "handedOff", new JsonObject { ["from"] = from, ["to"] = target, ["reason"] = reason });
        context.Complete();
    }
}
