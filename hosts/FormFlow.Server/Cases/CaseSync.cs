using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Cases;

/// <summary>
/// Writes a workflow instance into its case and brings the case's rows in line with it, in the caller's unit of
/// work: a task per open user-task or offline-handling bookmark, a timer per due time, an outbox row per new effect.
/// The caller saves (and owns the transaction), so the case, its steps and their effects commit together.
/// </summary>
internal static class CaseSync
{
    /// <summary>Roles that take offline-handling steps whose definition names no assignee.</summary>
    public const string DefaultOfflineRole = "admin";

    public static async Task ApplyAsync(FormFlowDbContext db, Case row, WorkflowInstance? before, WorkflowInstance after, string actor, DateTime now, CancellationToken ct)
    {
        // A case just started (before is null) has no rows yet: nothing to read back.
        var fresh = before is null;
        var tasks = fresh ? [] : await db.CaseTasks.Where(t => t.CaseId == row.Id).ToListAsync(ct);
        // In memory too: the dispatcher marks the timer it fires before this runs.
        var pending = fresh ? [] : (await db.CaseTimers.Where(t => t.CaseId == row.Id && t.FiredAt == null).ToListAsync(ct)).Where(t => t.FiredAt is null).ToList();
        var step = Apply(row, before, after, tasks, pending, actor, now);
        db.CaseTasks.AddRange(step.NewTasks);
        db.CaseTimers.AddRange(step.NewTimers);
        // A timer whose bookmark went or moved is no longer due work.
        db.CaseTimers.RemoveRange(step.GoneTimers);
        db.Outbox.AddRange(step.NewOutbox);
    }

    /// <summary>What one step of a case adds to its rows and which of its pending timers it drops.</summary>
    public sealed record Step(List<CaseTask> NewTasks, List<CaseTimer> NewTimers, List<CaseTimer> GoneTimers, List<OutboxEntry> NewOutbox);

    /// <summary>
    /// The same step without a database, for writers that keep a case's rows in memory (the city generator): the case
    /// row and the tasks the workflow closed are changed in place; <paramref name="tasks"/> are all the case's task
    /// rows, <paramref name="pendingTimers"/> its timers not fired yet.
    /// </summary>
    public static Step Apply(Case row, WorkflowInstance? before, WorkflowInstance after, IReadOnlyList<CaseTask> tasks, IReadOnlyList<CaseTimer> pendingTimers, string actor, DateTime now)
    {
        row.Instance = after.ToJson();
        row.Data = after.Input.ToJsonString();
        row.Status = StatusOf(after);
        row.CurrentStep = CurrentStepOf(after);
        row.UpdatedAt = now;
        row.Version++;

        var bookmarks = after.AllBookmarks().ToList();
        var newTasks = SyncTasks(row, after, bookmarks, tasks, actor, now);
        var wanted = bookmarks.Where(b => b.DueAt is not null).Select(b => (b.Id, Due: b.DueAt!.Value.UtcDateTime)).ToList();
        var newTimers = wanted.Where(w => !pendingTimers.Any(t => t.BookmarkId == w.Id && t.DueAt == w.Due))
            .Select(w => new CaseTimer { CaseId = row.Id, BookmarkId = w.Id, DueAt = w.Due }).ToList();
        var goneTimers = pendingTimers.Where(t => !wanted.Contains((t.BookmarkId, t.DueAt))).ToList();
        var known = before?.Outbox.Select(o => o.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var newOutbox = after.Outbox.Where(o => !known.Contains(o.Key)).Select(item => new OutboxEntry
        {
            CaseId = row.Id, Key = item.Key, Kind = item.Kind, ActivityId = item.ActivityId, Payload = item.Payload.ToJsonString(),
            CreatedAt = now, NextAttemptAt = now,
        }).ToList();
        return new Step(newTasks, newTimers, goneTimers, newOutbox);
    }

    private static List<CaseTask> SyncTasks(Case row, WorkflowInstance after, List<Bookmark> bookmarks, IReadOnlyList<CaseTask> tasks, string actor, DateTime now)
    {
        var open = bookmarks.Where(b => b.Kind is BookmarkKinds.UserTask or BookmarkKinds.OfflineHandling).ToList();
        var added = open.Where(b => tasks.All(t => t.BookmarkId != b.Id)).Select(b => NewTask(row, after, b)).ToList();
        var openIds = open.Select(b => b.Id).ToHashSet();
        foreach (var task in tasks.Where(t => t.CompletedAt is null && !openIds.Contains(t.BookmarkId)))
        {
            // Closed by the workflow itself: a deadline escalated it, or a join cancelled its branch.
            task.CompletedAt = now;
            task.CompletedBy = actor;
            task.Outcome = after.Timeline.Any(e => e.Event == "escalated" && (string?)e.Detail?["bookmark"] == task.BookmarkId) ? "escalate" : "cancelled";
            task.Version++;
        }
        return added;
    }

    private static CaseTask NewTask(Case row, WorkflowInstance instance, Bookmark bookmark)
    {
        var payload = bookmark.Payload;
        var assignment = payload["assignment"] as JsonObject;
        var org = int.TryParse((string?)assignment?["resolvedOrg"] ?? (string?)instance.Case["org"], out var id) ? id : row.OrgUnitId;
        DateTime? due = payload["overdueAt"] is JsonValue overdue
            ? DateTimeOffset.Parse((string)overdue!, CultureInfo.InvariantCulture).UtcDateTime
            : bookmark.DueAt?.UtcDateTime;
        return new CaseTask
        {
            CaseId = row.Id,
            BookmarkId = bookmark.Id,
            ActivityId = bookmark.ActivityId,
            Kind = bookmark.Kind,
            Title = (string?)payload["title"] ?? (string?)payload["instructions"] ?? bookmark.ActivityId,
            Role = (string?)assignment?["role"] ?? DefaultOfflineRole,
            OrgUnitId = org,
            Outcomes = (bookmark.Kind == BookmarkKinds.OfflineHandling ? new JsonArray("done") : payload["outcomes"]?.DeepClone() ?? new JsonArray()).ToJsonString(),
            FieldPermissions = (payload["fieldPermissions"]?.DeepClone() ?? new JsonObject()).ToJsonString(),
            FormId = (string?)payload["formId"],
            CreatedAt = bookmark.CreatedAt.UtcDateTime,
            DueAt = due,
        };
    }

    public static string StatusOf(WorkflowInstance instance) => instance.Status switch
    {
        WorkflowStatus.Faulted => CaseStatuses.Faulted,
        WorkflowStatus.Finished => Rejected(instance) ? CaseStatuses.Rejected : CaseStatuses.Finished,
        _ when instance.AllBookmarks().Any(b => b.Kind == BookmarkKinds.RequestInformation) => CaseStatuses.WaitingForApplicant,
        _ => CaseStatuses.Running,
    };

    /// <summary>
    /// A finished case counts as rejected when its workflow says so: the variable <c>outcome</c> is rejected,
    /// declined or refused (the shipped templates set it), or the last completed task's outcome was reject.
    /// </summary>
    private static bool Rejected(WorkflowInstance instance)
    {
        if ((instance.Variables["outcome"] as JsonValue)?.TryGetValue<string>(out var outcome) == true && outcome is "rejected" or "declined" or "refused")
            return true;
        var last = instance.Timeline.LastOrDefault(e => e.Event == "taskCompleted");
        return (string?)last?.Detail?["outcome"] == "reject";
    }

    private static string? CurrentStepOf(WorkflowInstance instance)
    {
        var titles = instance.AllBookmarks()
            .Select(b => (string?)b.Payload["title"] ?? (b.Kind == BookmarkKinds.RequestInformation ? (string?)b.Payload["message"] : null) ?? b.ActivityId)
            .Distinct().ToList();
        if (titles.Count == 0) return null;
        var text = string.Join("；", titles);
        return text.Length <= 200 ? text : text[..199] + "…";
    }
}
