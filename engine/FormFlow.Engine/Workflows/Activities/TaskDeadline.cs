using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Working-day deadlines of user tasks. The deadline is the local day on which deadlineDays working days after
/// the task's creation day have passed (the creation day does not count); the task is overdue from the start of
/// the next day. A reminder "N days before" falls at the start of the working day N working days before the
/// deadline. Days are counted in the runner's local offset (UTC+8 by default).
/// </summary>
internal static class TaskDeadline
{
    /// <summary>Writes deadline, overdueAt and reminders into the bookmark payload; returns the first due time.</summary>
    public static DateTimeOffset? Plan(ActivityContext context, JsonObject payload)
    {
        var days = context.Integer("deadlineDays");
        if (days is null) return null;
        if (days is < 1 or > 3650) throw new WorkflowActivityException($"input 'deadlineDays' must be between 1 and 3650, not {days}");
        var calendar = context.Options.Calendar;
        var offset = context.Options.LocalOffset;
        var today = DateOnly.FromDateTime(context.Now.ToOffset(offset).DateTime);
        var deadline = calendar.AddWorkingDays(today, days.Value);
        payload["deadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        payload["overdueAt"] = StartOf(deadline.AddDays(1), offset).ToString("O");

        var reminders = new JsonArray();
        foreach (var before in ReminderDays(context).Distinct().OrderDescending())
        {
            if (before < 1 || before >= days)
                throw new WorkflowActivityException($"input 'remindDaysBefore': {before} must be from 1 to fewer than deadlineDays ({days})");
            var day = deadline;
            for (var counted = 0; counted < before;)
            {
                day = day.AddDays(-1);
                if (calendar.IsWorkingDay(day)) counted++;
            }
            reminders.Add(new JsonObject { ["daysBefore"] = before, ["at"] = StartOf(day, offset).ToString("O"), ["sent"] = false });
        }
        payload["reminders"] = reminders;
        return NextDue(payload);
    }

    private static IEnumerable<int> ReminderDays(ActivityContext context) => context.Input("remindDaysBefore") switch
    {
        null => [],
        JsonArray list => list.Select(n => ToDays(n)),
        var single => [ToDays(single)],
    };

    private static int ToDays(JsonNode? node) =>
        JsonText.Number(node) is { } d && d == Math.Floor(d) && d is >= 1 and <= 3650
            ? (int)d
            : throw new WorkflowActivityException($"input 'remindDaysBefore': {node?.ToJsonString() ?? "null"} is not a whole number of working days");

    private static DateTimeOffset StartOf(DateOnly day, TimeSpan offset) => new(day.ToDateTime(TimeOnly.MinValue), offset);

    private static DateTimeOffset Read(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    /// <summary>The next moment something is due: an unsent reminder, or the deadline unless already marked overdue.</summary>
    private static DateTimeOffset? NextDue(JsonObject payload)
    {
        DateTimeOffset? next = payload["overdue"] is JsonValue o && o.GetValue<bool>() ? null : Read(payload["overdueAt"]);
        foreach (var reminder in payload["reminders"]!.AsArray())
            if (!reminder!["sent"]!.GetValue<bool>() && (next is null || Read(reminder["at"]) < next)) next = Read(reminder["at"]);
        return next;
    }

    /// <summary>Sends due reminders (outbox notify, once each), then escalates or marks the task overdue.</summary>
    public static void OnDue(ActivityContext context, Bookmark bookmark, string escalateOutcome)
    {
        var payload = bookmark.Payload;
        if (payload["overdueAt"] is null) return;
        var assignment = payload["assignment"]!.AsObject();
        foreach (var reminder in payload["reminders"]!.AsArray().Select(r => r!.AsObject()))
        {
            if (reminder["sent"]!.GetValue<bool>() || Read(reminder["at"]) > context.Now) continue;
            reminder["sent"] = true;
            var daysBefore = (int)JsonText.Number(reminder["daysBefore"])!;
            context.AddEffect("notify", new JsonObject
            {
                ["channel"] = "inbox",
                ["recipient"] = $"{assignment["role"]}@{assignment["resolvedOrg"]}",
                ["template"] = "taskReminder",
                ["data"] = new JsonObject { ["task"] = context.Activity.Id, ["bookmark"] = bookmark.Id, ["deadline"] = payload["deadline"]?.DeepClone(), ["daysBefore"] = daysBefore },
            }, $"{bookmark.Id}:reminder-{daysBefore}");
            context.Record("reminderSent", new JsonObject { ["bookmark"] = bookmark.Id, ["daysBefore"] = daysBefore });
        }
        var overdue = Read(payload["overdueAt"]) <= context.Now;
        if (overdue && context.Definition.Graph.Targets(context.Activity.Id, escalateOutcome).Count > 0)
        {
            context.Release(bookmark);
            context.SetResult(new JsonObject { ["outcome"] = escalateOutcome, ["at"] = context.Now.ToString("O") });
            context.Record("escalated", new JsonObject { ["bookmark"] = bookmark.Id, ["deadline"] = payload["deadline"]?.DeepClone() });
            context.Complete(escalateOutcome);
            return;
        }
        if (overdue && payload["overdue"] is null)
        {
            payload["overdue"] = true;
            context.Record("overdue", new JsonObject { ["bookmark"] = bookmark.Id, ["deadline"] = payload["deadline"]?.DeepClone() });
        }
        context.UpdateBookmark(bookmark with { DueAt = NextDue(payload) });
    }
}
