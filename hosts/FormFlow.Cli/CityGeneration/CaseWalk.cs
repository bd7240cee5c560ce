using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Services;
using FormFlow.Server.Cases;
using FormFlow.Server.Modules;
using FormFlow.Server.Orgs;
using FormFlow.Server.Snapshots;

namespace FormFlow.Cli.CityGeneration;

/// <summary>Who starts a case: their account, user name, org, member index (null for no member), and the entitlement facts the server gives at a moment.</summary>
internal sealed record Applicant(string AccountId, string UserName, int OrgUnitId, int? Member, Func<DateTimeOffset, JsonObject> Entitlements);

/// <summary>One generated case with all its rows, as the server would have left them after the same steps.</summary>
internal sealed record WalkedCase(Case Row, List<CaseTask> Tasks, List<CaseTimer> Timers, List<OutboxEntry> Outbox, WorkflowInstance Instance);

/// <summary>
/// Runs one case of a service through the real engine, step by step, as people and the dispatcher would have moved
/// it between its submission and the generation's end (<see cref="CityPlan.Until"/>): the submission (the start
/// form's check on sample data, the case facts the server gives), each handler's answer after a handling time
/// drawn from the case's own random stream (the first outcome most often; the fields the step must fill from the
/// forms engine's samples), offline handling, the applicant's resubmissions, and the dispatcher firing a timer when
/// a deadline comes before the answer (reminders, escalations). A case whose next answer would come after the end
/// stays waiting there, late when its deadline has passed. Each step's rows come from <see cref="CaseSync.Apply"/>,
/// the server's own sync; a task's completion is marked as the task endpoint marks it, a fired timer as the
/// dispatcher marks it, an effect done as the dispatcher leaves it. One walker per thread: the runner's clock is its own.
/// </summary>
internal sealed class CaseWalk(LoadedSnapshot snapshot, ServiceActivation service, OrgDirectory orgs, Func<string, int, string> handlerAt, DateTime until)
{
    private const int MaxSteps = 40;
    /// <summary>The share of cases whose handlers never answer before the end.</summary>
    public const double StalledShare = 0.08;
    private readonly WalkClock _clock = new();
    private WorkflowRunner? _runner;
    private WorkflowRunner Runner => _runner ??= new WorkflowRunner(new WorkflowRunnerOptions { Clock = _clock, Orgs = orgs });

    /// <summary>Cases whose sample data a step refused: they stop where they were (counted for the report).</summary>
    public int Stopped { get; private set; }

    public WalkedCase Walk(long id, Applicant applicant, DateTime createdAt, Random random)
    {
        _clock.Now = new DateTimeOffset(createdAt, TimeSpan.Zero);
        var org = applicant.OrgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var samples = new TestRunData(snapshot, fillMissing: true, _clock, org);
        var row = new Case
        {
            Id = id, Number = CaseNumbers.For(id, createdAt), ServiceActivationId = service.Id, SnapshotHash = snapshot.Hash, ModuleKey = snapshot.ModuleKey,
            ApplicantAccountId = applicant.AccountId, OrgUnitId = applicant.OrgUnitId, Status = CaseStatuses.Running, CreatedAt = createdAt, UpdatedAt = createdAt,
            Data = "{}", Instance = "{}",
        };
        var facts = new JsonObject
        {
            ["id"] = row.Id.ToString(), ["number"] = row.Number, ["applicantId"] = applicant.AccountId, ["applicantOrg"] = org,
            ["org"] = org, ["serviceId"] = service.Id, ["serviceOrg"] = service.OrgUnitId.ToString(),
        };
        var tasks = new List<CaseTask>();
        var timers = new List<CaseTimer>();
        var outbox = new List<OutboxEntry>();
        var prefilled = Prefilled(random);
        JsonObject data;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                data = samples.Submission((JsonObject)prefilled.DeepClone());
                break;
            }
            // A rule that ran out of time on a busy machine (the sandbox's limit) is tried again; a rule that refuses is a bug.
            catch (TestRunData.Refused refused) when (attempt < 5 && refused.Errors.Any(e => e.Message.Contains("ran longer than", StringComparison.Ordinal)))
            {
            }
            catch (TestRunData.Refused refused)
            {
                throw new InvalidOperationException($"{snapshot.ModuleKey}: the start form refuses its sample data: " +
                    string.Join("; ", refused.Errors.Select(e => $"{e.Path}: {e.Message} ({e.Rule})")));
            }
        }
        var instance = Runner.Start(snapshot.Workflow, data, facts, instanceId: $"case-{row.Id}", by: applicant.UserName);
        Record(CaseSync.Apply(row, null, instance, [], [], applicant.UserName, createdAt), tasks, timers, outbox, random);
        // Some cases lie on a desk: nobody answers them, so only their deadlines move them (reminders, escalations).
        var stalled = random.NextDouble() < StalledShare;
        // The last fortnight's intake meets a backlog: its steps take four times as long, so the end finds it open.
        var pace = createdAt >= until.AddDays(-14) ? 4.0 : 1.0;
        try
        {
            for (var step = 0; step < MaxSteps && instance.Status == WorkflowStatus.Waiting; step++)
            {
                if (Next(instance, tasks, timers, applicant, samples, random, stalled, pace) is not { } move) break;
                _clock.Now = move.At;
                var before = WorkflowInstance.FromJson(row.Instance);
                // The facts CaseStimuli refreshes before each stimulus (EntitlementFacts, the one ICaseFacts).
                before.Case["entitlements"] = applicant.Entitlements(move.At);
                var after = Runner.Resume(snapshot.Workflow, before, move.Stimulus);
                Record(CaseSync.Apply(row, before, after, tasks, timers.Where(t => t.FiredAt is null).ToList(), move.Actor, move.At.UtcDateTime), tasks, timers, outbox, random);
                instance = after;
            }
        }
        catch (Exception ex) when (ex is TestRunData.Refused or WorkflowStimulusException)
        {
            Stopped++;
        }
        return new WalkedCase(row, tasks, timers, outbox, instance);
    }

    /// <summary>Phone fields get a number that passes the phone rule (the forms engine's samples fill the rest).</summary>
    private JsonObject Prefilled(Random random)
    {
        var data = new JsonObject();
        foreach (var field in snapshot.StartForm.Definition.DataFields())
            if (field.Key is { } key && (key.Contains("phone", StringComparison.OrdinalIgnoreCase) || key.Contains("mobile", StringComparison.OrdinalIgnoreCase)))
                data[key] = "13" + random.Next(0, 1_000_000_000).ToString("D9");
        return data;
    }

    private sealed record Move(Stimulus Stimulus, DateTimeOffset At, string Actor);

    /// <summary>The next thing to happen to the case before the end, or null when it waits past the end.</summary>
    private Move? Next(WorkflowInstance instance, List<CaseTask> tasks, List<CaseTimer> timers, Applicant applicant, TestRunData samples, Random random, bool stalled, double pace)
    {
        var now = _clock.Now;
        var end = new DateTimeOffset(until, TimeSpan.Zero);
        var timer = timers.Where(t => t.FiredAt is null).MinBy(t => t.DueAt);
        var timerAt = timer is null ? (DateTimeOffset?)null : Later(new DateTimeOffset(timer.DueAt, TimeSpan.Zero), now).AddSeconds(random.Next(5, 90));
        foreach (var bookmark in instance.AllBookmarks())
        {
            var answer = bookmark.Kind switch
            {
                BookmarkKinds.UserTask or BookmarkKinds.OfflineHandling when !stalled => now + HandlingTime(random) * pace,
                // Most applicants answer a request for more information within days; the rest let it time out.
                BookmarkKinds.RequestInformation when random.NextDouble() < 0.75 => now + TimeSpan.FromHours(2 + random.NextDouble() * 70),
                _ => (DateTimeOffset?)null,
            };
            if (answer is not { } at) continue;
            if (timerAt is { } due && due <= at) return Fire(timer!, due, end);
            if (at > end) return null;
            return bookmark.Kind switch
            {
                BookmarkKinds.RequestInformation => new Move(new ApplicantResubmitted(samples.Resubmission(instance, bookmark), bookmark.Id) { By = applicant.UserName }, at, applicant.UserName),
                _ => Complete(instance, tasks, bookmark, samples, at, random),
            };
        }
        return timer is null ? null : Fire(timer, timerAt!.Value, end);
    }

    /// <summary>The dispatcher fires the timer (a little after it is due), unless that is after the end.</summary>
    private static Move? Fire(CaseTimer timer, DateTimeOffset at, DateTimeOffset end)
    {
        if (at > end) return null;
        timer.FiredAt = at.UtcDateTime;
        return new Move(new ClockAdvanced { By = Persistence.Audit.AuditLog.SystemActor }, at, Persistence.Audit.AuditLog.SystemActor);
    }

    /// <summary>A handler completes the step's task as the task endpoint does: the task row first, then the stimulus.</summary>
    private Move Complete(WorkflowInstance instance, List<CaseTask> tasks, Bookmark bookmark, TestRunData samples, DateTimeOffset at, Random random)
    {
        var task = tasks.Single(t => t.BookmarkId == bookmark.Id && t.CompletedAt is null);
        var handler = handlerAt(task.Role, task.OrgUnitId);
        JsonObject data;
        string outcome;
        if (bookmark.Kind == BookmarkKinds.OfflineHandling)
        {
            var results = (bookmark.Payload["results"] as JsonArray ?? []).Select(o => (string?)o).OfType<string>().ToList();
            outcome = "done";
            data = new JsonObject
            {
                ["result"] = results.Count == 0 ? "done" : Pick(results, random),
                ["date"] = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"),
                ["handler"] = handler,
            };
        }
        else
        {
            outcome = Pick((bookmark.Payload["outcomes"] as JsonArray ?? []).Select(o => (string?)o).OfType<string>().DefaultIfEmpty("done").ToList(), random);
            data = samples.TaskData(instance, bookmark);
        }
        task.CompletedAt = at.UtcDateTime;
        task.CompletedBy = handler;
        task.Outcome = outcome;
        task.Version++;
        return new Move(new TaskCompleted(task.BookmarkId, outcome, data) { By = handler }, at, handler);
    }

    /// <summary>The first outcome four times in five, else one of the others.</summary>
    private static string Pick(List<string> outcomes, Random random) =>
        outcomes.Count == 1 || random.NextDouble() < 0.8 ? outcomes[0] : outcomes[1 + random.Next(outcomes.Count - 1)];

    /// <summary>Hours to days: most steps within two working days, one in seven slow (up to three weeks).</summary>
    private static TimeSpan HandlingTime(Random random) => random.Next(7) == 0
        ? TimeSpan.FromHours(48 + random.NextDouble() * 460)
        : TimeSpan.FromHours(0.5 + random.NextDouble() * random.NextDouble() * 60);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>A step's new rows kept with the case's; its effects carried out at once (see <see cref="CityEffects"/>).</summary>
    private static void Record(CaseSync.Step step, List<CaseTask> tasks, List<CaseTimer> timers, List<OutboxEntry> outbox, Random random)
    {
        tasks.AddRange(step.NewTasks);
        timers.AddRange(step.NewTimers);
        foreach (var gone in step.GoneTimers) timers.Remove(gone);
        foreach (var entry in step.NewOutbox)
        {
            entry.DoneAt = entry.CreatedAt.AddSeconds(random.Next(1, 30));
            entry.Attempts = 1;
            entry.ClaimedBy = CityGenerator.Actor;
            entry.ClaimedUntil = entry.DoneAt;
        }
        outbox.AddRange(step.NewOutbox);
    }

    private sealed class WalkClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
