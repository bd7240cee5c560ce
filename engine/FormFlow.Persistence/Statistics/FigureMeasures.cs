namespace FormFlow.Persistence.Statistics;

/// <summary>The measures a <see cref="Figure"/> holds, and where each comes from (see <see cref="FigureRules"/>).</summary>
public static class FigureMeasures
{
    /// <summary>Cases submitted (day of submission, applicant's org, module).</summary>
    public const string Received = "received";
    /// <summary>
    /// Cases by their status now, key = the status (<see cref="Cases.CaseStatuses"/>), dated like <see cref="Received"/>
    /// (day of submission, applicant's org, module): +1 in the status at submission, and a change of status takes the
    /// case from the old key to the new one on its submission day. The sum over some submission days is the cases
    /// submitted then, by where they stand now.
    /// </summary>
    public const string ByStatus = "byStatus";
    /// <summary>Cases closed as finished (day of closing, applicant's org, module).</summary>
    public const string Finished = "finished";
    /// <summary>Cases closed as rejected.</summary>
    public const string Rejected = "rejected";
    /// <summary>Closed cases by handling time, submission to closing: key = histogram bucket (<see cref="HandlingHistogram"/>).</summary>
    public const string HandlingTime = "handlingTime";
    /// <summary>Tasks with a deadline completed by it (day of completion, the task's org, the case's module).</summary>
    public const string OnTime = "onTime";
    /// <summary>Tasks with a deadline completed (or closed by the workflow) after it.</summary>
    public const string Late = "late";
    /// <summary>
    /// Steps with a due time, closed, by whether they were closed by it: key <see cref="FigureRules.DeadlineMet"/> or
    /// <see cref="FigureRules.DeadlineLate"/>, dated like <see cref="ByStatus"/> (the case's submission day, the applicant's
    /// org, the case's module), not like <see cref="OnTime"/> (the day of completion, the task's org). +1 when a step
    /// closes; a change of its case's org, module or submission time (or of the step's due or closing time) moves it. The
    /// sum over some submission days is the deadlines of the cases submitted then that were met and missed so far
    /// (<c>/api/stats</c>'s <c>deadlinesMet</c>, with the steps still open past due counted live).
    /// </summary>
    public const string StepDeadlines = "stepDeadlines";
    /// <summary>Tasks the workflow escalated at their deadline (outcome <c>escalate</c>).</summary>
    public const string Escalated = "escalated";
    /// <summary>Offline-handling steps completed.</summary>
    public const string Offline = "offline";
    /// <summary>Members whose membership began (day it began, the member's org).</summary>
    public const string MembersJoined = "membersJoined";
    /// <summary>Members active now, counted at the day they joined: the sum up to a date is the active members who had joined by then.</summary>
    public const string MembersActive = "membersActive";
    /// <summary>Redemptions, key = benefit (day of use, the member's org).</summary>
    public const string Redemptions = "redemptions";
    /// <summary>Redemptions, key = merchant ID (empty when a workflow step recorded it).</summary>
    public const string MerchantRedemptions = "merchantRedemptions";
    /// <summary>Points credited (value = points; day of award; the case's org, else the org of the account's first role).</summary>
    public const string Points = "points";
    /// <summary>Survey and vote participants, key = service activation ID, period <see cref="FigurePeriods.AllTime"/>.</summary>
    public const string Participants = "participants";
}

/// <summary>
/// Fixed handling-time buckets (hours) so that medians and percentiles of any set of rows come from their merged
/// counts: bucket i holds times up to <see cref="UpperHours"/>[i]; the last one everything beyond.
/// </summary>
public static class HandlingHistogram
{
    public static readonly double[] UpperHours = [1, 2, 4, 8, 16, 24, 48, 72, 120, 168, 240, 336, 504, 720, 1080, 1440, 2160];

    public static string Bucket(TimeSpan time)
    {
        var hours = Math.Max(0, time.TotalHours);
        var i = 0;
        while (i < UpperHours.Length && hours > UpperHours[i]) i++;
        return i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0.5 median, 0.9 p90) in hours from bucket counts, interpolated linearly within
    /// its bucket (the open last bucket answers its lower bound); null when there are no times.
    /// </summary>
    public static double? Quantile(IReadOnlyDictionary<string, long> buckets, double quantile)
    {
        var total = buckets.Values.Sum();
        if (total <= 0) return null;
        var target = quantile * total;
        double seen = 0;
        for (var i = 0; i <= UpperHours.Length; i++)
        {
            var n = buckets.GetValueOrDefault(i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
            if (n <= 0) continue;
            var lower = i == 0 ? 0 : UpperHours[i - 1];
            if (seen + n >= target)
                return i == UpperHours.Length ? lower : Math.Round(lower + (UpperHours[i] - lower) * Math.Clamp((target - seen) / n, 0, 1), 1);
            seen += n;
        }
        return UpperHours[^1];
    }
}
