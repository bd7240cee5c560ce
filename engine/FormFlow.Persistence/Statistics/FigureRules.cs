using FormFlow.Persistence.Cases;

namespace FormFlow.Persistence.Statistics;

/// <summary>A change to one org's own figures (before it is added to its ancestors and to the day, month and year rows). <paramref name="Day"/> null: <see cref="FigurePeriods.AllTime"/>.</summary>
public readonly record struct FigureDelta(int OrgUnitId, DateOnly? Day, string Measure, string ModuleKey, string Key, long Value);

/// <summary>
/// What each raw row adds to the figures. The change tracker (<see cref="FigureChanges"/>) and the recount
/// (<see cref="FigureRecount"/>) both call these, so the kept figures and the recounted ones follow one rule.
/// </summary>
public static class FigureRules
{
    public const string EscalateOutcome = "escalate";
    public const string CancelledOutcome = "cancelled";
    /// <summary>The keys of <see cref="FigureMeasures.StepDeadlines"/>.</summary>
    public const string DeadlineMet = "met", DeadlineLate = "late";

    public static bool IsClosed(string status) => status is CaseStatuses.Finished or CaseStatuses.Rejected;

    /// <summary>
    /// A case saved closed gets its <see cref="Case.ClosedAt"/> once, from its last update, so the recount finds the
    /// day its figures went to; true when stamped now. The save does it (<see cref="FigureChanges"/>), and so does a
    /// bulk writer that bypasses the save.
    /// </summary>
    public static bool StampClosing(Case c)
    {
        if (!IsClosed(c.Status) || c.ClosedAt is not null) return false;
        c.ClosedAt = c.UpdatedAt;
        return true;
    }

    public static IEnumerable<FigureDelta> CaseReceived(int org, string module, DateTime createdAt)
    {
        yield return new(org, FigurePeriods.LocalDay(createdAt), FigureMeasures.Received, module, "", 1);
    }

    /// <summary>A case counted in <paramref name="status"/> on its submission day; <paramref name="sign"/> −1 takes it out (its status changed).</summary>
    public static IEnumerable<FigureDelta> CaseInStatus(int org, string module, string status, DateTime createdAt, int sign = 1)
    {
        yield return new(org, FigurePeriods.LocalDay(createdAt), FigureMeasures.ByStatus, module, status, sign);
    }

    public static IEnumerable<FigureDelta> CaseClosed(int org, string module, string status, DateTime createdAt, DateTime closedAt)
    {
        var day = FigurePeriods.LocalDay(closedAt);
        yield return new(org, day, status == CaseStatuses.Finished ? FigureMeasures.Finished : FigureMeasures.Rejected, module, "", 1);
        yield return new(org, day, FigureMeasures.HandlingTime, module, HandlingHistogram.Bucket(closedAt - createdAt), 1);
    }

    /// <summary>
    /// A step with a due time, once closed, counted at its case (org, module, submission day): met when closed by the due
    /// time, late after it, whoever closed it (a handler, an escalation, the workflow cancelling a branch: unlike
    /// <see cref="FigureMeasures.OnTime"/>, a step cancelled in time is met, as <c>/api/stats</c> has always counted it).
    /// Nothing while it is open or has no due time. <paramref name="sign"/> −1 takes it out (its case or the step changed).
    /// </summary>
    public static IEnumerable<FigureDelta> StepDeadline(int caseOrg, string module, DateTime caseCreatedAt, DateTime? dueAt, DateTime? completedAt, int sign = 1)
    {
        if (dueAt is { } due && completedAt is { } done)
            yield return new(caseOrg, FigurePeriods.LocalDay(caseCreatedAt), FigureMeasures.StepDeadlines, module, done <= due ? DeadlineMet : DeadlineLate, sign);
    }

    public static IEnumerable<FigureDelta> TaskCompleted(int org, string module, string kind, DateTime? dueAt, DateTime completedAt, string? outcome)
    {
        var day = FigurePeriods.LocalDay(completedAt);
        if (dueAt is { } due)
        {
            if (completedAt > due) yield return new(org, day, FigureMeasures.Late, module, "", 1);
            else if (outcome != CancelledOutcome) yield return new(org, day, FigureMeasures.OnTime, module, "", 1);
        }
        if (outcome == EscalateOutcome) yield return new(org, day, FigureMeasures.Escalated, module, "", 1);
        if (kind == "offlineHandling") yield return new(org, day, FigureMeasures.Offline, module, "", 1);
    }

    /// <summary><paramref name="sign"/> −1 takes a member's figures back (the member left the org or the active state).</summary>
    public static IEnumerable<FigureDelta> MemberActive(int org, DateTime since, int sign)
    {
        yield return new(org, FigurePeriods.LocalDay(since), FigureMeasures.MembersActive, "", "", sign);
    }

    public static IEnumerable<FigureDelta> MemberJoined(int org, DateTime since)
    {
        yield return new(org, FigurePeriods.LocalDay(since), FigureMeasures.MembersJoined, "", "", 1);
    }

    public static IEnumerable<FigureDelta> Redeemed(int memberOrg, DateTime at, string benefit, long? merchantId)
    {
        var day = FigurePeriods.LocalDay(at);
        yield return new(memberOrg, day, FigureMeasures.Redemptions, "", benefit, 1);
        yield return new(memberOrg, day, FigureMeasures.MerchantRedemptions, "", merchantId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", 1);
    }

    public static IEnumerable<FigureDelta> PointsAwarded(int org, DateTime at, int points)
    {
        if (points != 0) yield return new(org, FigurePeriods.LocalDay(at), FigureMeasures.Points, "", "", points);
    }

    public static IEnumerable<FigureDelta> Participated(int org, string module, int service)
    {
        yield return new(org, null, FigureMeasures.Participants, module, service.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
    }
}
