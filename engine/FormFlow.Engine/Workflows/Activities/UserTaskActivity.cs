using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// A human step: assigned by role at an org relative to the case, completed with one of its declared outcomes.
/// With deadlineDays it has a deadline in working days (the calendar of the runner), optional reminders some
/// working days before, and an "escalate" port followed when the deadline passes (if connected; otherwise the
/// task is only marked overdue). Completion data is checked against the step's field permissions: fields the
/// step may edit are written into the form data (input); the whole completion goes to resultVariable as
/// {outcome, data, by, at}.
/// </summary>
internal sealed class UserTaskActivity : ActivityBehaviour
{
    public const string EscalateOutcome = "escalate";
    private static readonly string[] OrgBases = ["handling", "applicant", "named"];
    private static readonly string[] Permissions = ["hidden", "read", "edit", "required"];

    public override ActivityDescriptor Descriptor { get; } = new("userTask", "A task for a person, with outcomes, deadline and field permissions.",
    [
        new("title", InputKind.String, Description: "what the handler sees in the inbox") { Default = "审核" },
        new("assignTo", InputKind.Object, Required: true, Description:
            "{role, org: handling (default) | applicant | named, level?: ancestor level such as street or district, orgId?: for named}") { Default = JsonNode.Parse("""{"role": "reviewer", "org": "handling"}""") },
        new("outcomes", InputKind.Array, Required: true, Description: "the outcome names, e.g. [\"approve\", \"reject\", \"returnForInformation\"]") { Default = new JsonArray("approve", "reject") },
        new("deadlineDays", InputKind.Integer, Description: "working days to complete it; adds the 'escalate' port") { Default = 10 },
        new("remindDaysBefore", InputKind.Any, Description: "a number or list: reminders that many working days before the deadline"),
        new("formId", InputKind.String, Description: "the task form the handler fills in"),
        new("fieldPermissions", InputKind.Object, Description: "form field key → hidden | read | edit | required"),
        CommonInputs.ResultVariable,
    ], [])
    {
        Category = ActivityCategory.People,
        Label = new("人工审核", "人工審核", "User task"),
    };

    public override IReadOnlyList<string> OutcomesOf(ActivityDefinition activity)
    {
        var declared = activity.Input("outcomes")?.Literal is JsonArray list
            ? list.Select(o => o is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
        if (activity.Input("deadlineDays") is not null && !declared.Contains(EscalateOutcome)) declared.Add(EscalateOutcome);
        return declared;
    }

    public override void Check(ActivityCheck check)
    {
        CheckOutcomes(check);
        if (check.Literal("assignTo") is JsonObject assign) CheckAssignment(check, assign);
        var deadline = JsonText.Number(check.Literal("deadlineDays"));
        if (deadline is < 1 or > 3650) check.Problem("deadlineDays", $"deadlineDays must be between 1 and 3650 working days, not {deadline}");
        if (check.IsSet("remindDaysBefore"))
        {
            if (!check.IsSet("deadlineDays")) check.Problem("remindDaysBefore", "reminders count back from a deadline: set deadlineDays too");
            if (check.Literal("remindDaysBefore") is { } remind)
                foreach (var n in remind is JsonArray a ? a : [remind.DeepClone()])
                    if (JsonText.Number(n) is not { } before || before < 1 || before != Math.Floor(before) || before >= (deadline ?? double.MaxValue))
                        check.Problem("remindDaysBefore", $"reminder {n?.ToJsonString()} must be a whole number of working days from 1 to fewer than deadlineDays");
        }
        CheckFieldPermissions(check, Permissions);
    }

    /// <summary>Each field permission is one the step can honour.</summary>
    internal static void CheckFieldPermissions(ActivityCheck check, IReadOnlyCollection<string> allowed)
    {
        if (check.Literal("fieldPermissions") is JsonObject permissions)
            foreach (var (field, value) in permissions)
                if (JsonText.Of(value) is not { } p || !allowed.Contains(p))
                    check.Problem("fieldPermissions", $"field '{field}': permission must be one of {string.Join(", ", allowed)}, not {value?.ToJsonString()}");
    }

    private static void CheckOutcomes(ActivityCheck check)
    {
        if (check.Literal("outcomes") is not JsonArray outcomes)
        {
            if (check.IsSet("outcomes")) check.Problem("outcomes", "outcomes must be a literal list: each outcome is a port of the task");
            return;
        }
        if (outcomes.Count == 0) check.Problem("outcomes", "a task needs at least one outcome");
        var seen = new HashSet<string>();
        foreach (var outcome in outcomes)
            if (outcome is not JsonValue v || !v.TryGetValue<string>(out var name) || name.Length == 0)
                check.Problem("outcomes", $"outcome {outcome?.ToJsonString() ?? "null"} must be a non-empty string");
            else if (!seen.Add(name))
                check.Problem("outcomes", $"outcome '{name}' is listed twice");
    }

    internal static void CheckAssignment(ActivityCheck check, JsonObject assign)
    {
        if (assign["role"] is not JsonValue role || !role.TryGetValue<string>(out var r) || r.Length == 0)
            check.Problem("assignTo", "assignTo needs a 'role'");
        var orgBase = JsonText.Of(assign["org"]) ?? "handling";
        if (!OrgBases.Contains(orgBase)) check.Problem("assignTo", $"assignTo.org must be one of {string.Join(", ", OrgBases)}, not '{orgBase}'");
        if (orgBase == "named" && assign["orgId"] is null) check.Problem("assignTo", "assignTo.org 'named' needs an 'orgId'");
        foreach (var (key, _) in assign)
            if (key is not ("role" or "org" or "level" or "orgId"))
                check.Problem("assignTo", $"assignTo has no property '{key}'; it takes role, org, level and orgId");
    }

    public override void Execute(ActivityContext context)
    {
        var outcomes = context.Array("outcomes") ?? throw new WorkflowActivityException("input 'outcomes' is required");
        if (outcomes.Count == 0 || outcomes.Any(o => JsonText.Of(o) is not { Length: > 0 }))
            throw new WorkflowActivityException($"input 'outcomes' must be a non-empty list of outcome names, got {outcomes.ToJsonString()}");
        var assignment = Assign(context, context.Object("assignTo") ?? throw new WorkflowActivityException("input 'assignTo' is required"));
        var payload = new JsonObject
        {
            ["title"] = context.String("title") ?? context.Activity.Name ?? context.Activity.Id,
            ["assignment"] = assignment,
            ["outcomes"] = outcomes,
        };
        if (context.String("formId") is { } formId) payload["formId"] = formId;
        if (context.Object("fieldPermissions") is { } permissions) payload["fieldPermissions"] = permissions;
        var due = TaskDeadline.Plan(context, payload);
        context.Wait(BookmarkKinds.UserTask, payload, due);
        context.Record("taskCreated", new JsonObject
        {
            ["role"] = assignment["role"]?.DeepClone(),
            ["org"] = assignment["resolvedOrg"]?.DeepClone(),
            ["deadline"] = payload["deadline"]?.DeepClone(),
        });
    }

    /// <summary>Resolves an assignTo spec to an org; returns the spec with role and resolvedOrg.</summary>
    internal static JsonObject Assign(ActivityContext context, JsonObject assign)
    {
        var role = JsonText.Of(assign["role"]) ?? throw new WorkflowActivityException("input 'assignTo' needs a 'role'");
        var orgBase = JsonText.Of(assign["org"]) ?? "handling";
        var org = orgBase switch
        {
            "handling" => CaseOrgs.Handling(context),
            "applicant" => CaseOrgs.Applicant(context),
            "named" => JsonText.Of(assign["orgId"]) ?? throw new WorkflowActivityException("assignTo.org 'named' needs an 'orgId'"),
            _ => throw new WorkflowActivityException($"assignTo.org must be one of {string.Join(", ", OrgBases)}, not '{orgBase}'"),
        };
        if (JsonText.Of(assign["level"]) is { } level) org = CaseOrgs.Ancestor(context, org, level);
        assign["role"] = role;
        assign["resolvedOrg"] = org;
        return assign;
    }

    public override void Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus)
    {
        if (stimulus is not TaskCompleted completed) { base.Resume(context, bookmark, stimulus); return; }
        var outcomes = bookmark.Payload["outcomes"]!.AsArray().Select(JsonText.Of).ToList();
        if (!outcomes.Contains(completed.Outcome))
            throw new WorkflowStimulusException(
                $"task '{context.Activity.Id}' (bookmark '{bookmark.Id}') has no outcome '{completed.Outcome}'; its outcomes are {string.Join(", ", outcomes)}");
        var data = completed.Data ?? [];
        FieldPermissions.Apply(context, bookmark, data);
        context.SetResult(new JsonObject
        {
            ["outcome"] = completed.Outcome,
            ["data"] = data.DeepClone(),
            ["by"] = completed.By,
            ["at"] = context.Now.ToString("O"),
        });
        context.Record("taskCompleted", new JsonObject { ["outcome"] = completed.Outcome, ["bookmark"] = bookmark.Id }, completed.By);
        context.Complete(completed.Outcome);
    }

    public override void OnDue(ActivityContext context, Bookmark bookmark) => TaskDeadline.OnDue(context, bookmark, EscalateOutcome);
}
