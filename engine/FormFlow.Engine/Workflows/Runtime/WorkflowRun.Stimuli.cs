using FormFlow.Engine.Workflows.Activities;

namespace FormFlow.Engine.Workflows.Runtime;

// Applying stimuli and retries. Everything here runs on a copy of the instance: a stimulus that does not fit
// throws WorkflowStimulusException and the caller's instance stays as it was.
internal sealed partial class WorkflowRun
{
    public void Apply(Stimulus stimulus)
    {
        if (Instance.Status == WorkflowStatus.Finished)
            throw new WorkflowStimulusException($"instance '{Instance.Id}' has finished; it accepts no more stimuli");
        if (Instance.Status == WorkflowStatus.Faulted)
        {
            var incident = Instance.Incidents.First(i => i.ResolvedAt is null);
            throw new WorkflowStimulusException(
                $"instance '{Instance.Id}' is faulted at activity '{incident.ActivityId}' ({incident.Message}); retry it first");
        }
        ScheduleLeftovers();
        var handled = Dispatch(stimulus);
        if (!handled) throw new WorkflowStimulusException(NothingWaits(stimulus));
        RunScheduled();
    }

    /// <summary>Applies the stimulus here and in running sub-modules; false when nothing waited for it.</summary>
    private bool Dispatch(Stimulus stimulus)
    {
        switch (stimulus)
        {
            case TaskCompleted completed:
                return ResumeOne(completed.BookmarkId, stimulus, [BookmarkKinds.UserTask, BookmarkKinds.OfflineHandling]);
            case ApplicantResubmitted resubmitted when resubmitted.BookmarkId is not null:
                return ResumeOne(resubmitted.BookmarkId, stimulus, [BookmarkKinds.RequestInformation]);
            case ApplicantResubmitted:
            {
                var open = Instance.AllBookmarks().Where(b => b.Kind == BookmarkKinds.RequestInformation).ToList();
                if (open.Count > 1)
                    throw new WorkflowStimulusException(
                        $"{open.Count} requestInformation steps wait ({string.Join(", ", open.Select(b => b.Id))}); name the bookmark");
                return open.Count == 1 && ResumeOne(open[0].Id, stimulus, [BookmarkKinds.RequestInformation]);
            }
            case TimerDue due:
                return ResumeOne(due.BookmarkId, stimulus, null);
            case EventReceived received:
            {
                var any = false;
                foreach (var bookmark in Instance.Bookmarks.Where(b => EventMatches(b, received)).ToList())
                {
                    ResumeHere(bookmark, stimulus);
                    any = true;
                }
                return DispatchToChildren(stimulus) | any;
            }
            case ClockAdvanced:
                foreach (var bookmark in Instance.Bookmarks.Where(b => b.DueAt <= Now).OrderBy(b => b.DueAt).ToList())
                    if (Instance.Bookmarks.Contains(bookmark)) ComeDue(bookmark);
                DispatchToChildren(stimulus);
                return true;
            default:
                throw new WorkflowStimulusException($"unknown stimulus {stimulus.GetType().Name}");
        }
    }

    private static bool EventMatches(Bookmark bookmark, EventReceived received) =>
        bookmark.Kind == BookmarkKinds.Event
        && (string?)bookmark.Payload["event"] == received.Name
        && (bookmark.Payload["correlation"] is null || (string?)bookmark.Payload["correlation"] == received.Correlation);

    /// <summary>Finds one bookmark by ID (or by the ID of an activity with exactly one open bookmark), here or in a sub-module.</summary>
    private bool ResumeOne(string id, Stimulus stimulus, string[]? kinds)
    {
        var bookmark = Instance.Bookmarks.Find(b => b.Id == id);
        if (bookmark is null)
        {
            var atActivity = Instance.Bookmarks.Where(b => b.ActivityId == id).ToList();
            if (atActivity.Count > 1)
                throw new WorkflowStimulusException(
                    $"activity '{id}' has {atActivity.Count} open bookmarks ({string.Join(", ", atActivity.Select(b => b.Id))}); name one");
            bookmark = atActivity.FirstOrDefault();
        }
        if (bookmark is null) return DispatchToChildren(stimulus);
        if (kinds is not null && !kinds.Contains(bookmark.Kind))
            throw new WorkflowStimulusException(
                $"bookmark '{bookmark.Id}' at activity '{bookmark.ActivityId}' is a {bookmark.Kind} step; {StimulusNames.Of(stimulus)} does not resume it");
        if (stimulus is TimerDue)
        {
            if (bookmark.DueAt is null)
                throw new WorkflowStimulusException($"bookmark '{bookmark.Id}' at activity '{bookmark.ActivityId}' has no due time");
            if (bookmark.DueAt > Now)
                throw new WorkflowStimulusException(
                    $"bookmark '{bookmark.Id}' at activity '{bookmark.ActivityId}' is not due until {bookmark.DueAt:O} (now {Now:O})");
            ComeDue(bookmark);
        }
        else ResumeHere(bookmark, stimulus);
        return true;
    }

    /// <summary>A stimulus consumes the bookmark and lets the activity decide what comes next.</summary>
    private void ResumeHere(Bookmark bookmark, Stimulus stimulus)
    {
        var (token, activity, behaviour) = Owner(bookmark);
        RemoveBookmark(bookmark);
        var context = new ActivityContext(this, token, activity);
        try
        {
            behaviour.Resume(context, bookmark, stimulus);
        }
        catch (Exception ex) when (ex is not WorkflowStimulusException)
        {
            Fault(token, ex.Message);
            return;
        }
        Proceed(context);
    }

    /// <summary>The bookmark's due time passed: timers fire, tasks send reminders or escalate.</summary>
    private void ComeDue(Bookmark bookmark)
    {
        var (token, activity, behaviour) = Owner(bookmark);
        var context = new ActivityContext(this, token, activity);
        try
        {
            behaviour.OnDue(context, bookmark);
        }
        catch (Exception ex) when (ex is not WorkflowStimulusException)
        {
            Fault(token, ex.Message);
            return;
        }
        if (context.Outcome is not null) Proceed(context);
    }

    private (Token Token, Definitions.ActivityDefinition Activity, ActivityBehaviour Behaviour) Owner(Bookmark bookmark)
    {
        var token = Instance.Tokens.Find(t => t.Id == bookmark.TokenId)
            ?? throw new WorkflowStimulusException($"bookmark '{bookmark.Id}' has no token '{bookmark.TokenId}' in instance '{Instance.Id}': the instance state is inconsistent");
        var activity = Definition.Graph.Activity(bookmark.ActivityId)
            ?? throw new WorkflowStimulusException($"bookmark '{bookmark.Id}' waits at activity '{bookmark.ActivityId}', which definition '{Definition.Id}' version {Definition.Version} does not have");
        var behaviour = Options.Registry.Find(activity.Type)
            ?? throw new WorkflowStimulusException($"activity '{activity.Id}' has unknown type '{activity.Type}'");
        return (token, activity, behaviour);
    }

    private string NothingWaits(Stimulus stimulus) => stimulus switch
    {
        TaskCompleted c => $"no open task bookmark or activity '{c.BookmarkId}' in instance '{Instance.Id}' (it may not exist or was already completed)",
        TimerDue d => $"no open bookmark '{d.BookmarkId}' in instance '{Instance.Id}' (it may not exist or has already fired)",
        ApplicantResubmitted { BookmarkId: { } id } => $"no open requestInformation bookmark '{id}' in instance '{Instance.Id}'",
        ApplicantResubmitted => $"instance '{Instance.Id}' is not waiting for the applicant to resubmit",
        EventReceived e => $"no activity of instance '{Instance.Id}' waits for event '{e.Name}'" + (e.Correlation is null ? "" : $" with correlation '{e.Correlation}'"),
        _ => $"nothing in instance '{Instance.Id}' waits for {StimulusNames.Of(stimulus)}",
    };

    // ---- retry ----

    /// <summary>Runs every faulted activity again (sub-modules retry their own), then carries on.</summary>
    public void Retry()
    {
        var faulted = Instance.Tokens.Where(t => t.Status == TokenStatus.Faulted).ToList();
        if (faulted.Count == 0) throw new WorkflowStimulusException($"instance '{Instance.Id}' has no fault to retry");
        for (var i = 0; i < Instance.Incidents.Count; i++)
            if (Instance.Incidents[i].ResolvedAt is null) Instance.Incidents[i] = Instance.Incidents[i] with { ResolvedAt = Now };
        Instance.Timeline.Add(new TimelineEntry(Now, "retried", By: By));
        foreach (var token in faulted)
        {
            if (Instance.Bookmarks.Find(b => b.TokenId == token.Id && b.Kind == BookmarkKinds.SubModule) is { } call)
            {
                token.Status = TokenStatus.Waiting;
                RetryChild(call);
            }
            else Schedule(token);
        }
        ScheduleLeftovers();
        RunScheduled();
    }
}
