using FormFlow.Persistence.Statistics;

namespace FormFlow.Server.Statistics;

/// <summary>Summed figures of one org (its subtree) or one bucket: measure and key → value.</summary>
internal sealed class FigureBag
{
    private readonly Dictionary<(string Measure, string Key), long> values = [];

    public void Add(string measure, string key, long value) => values[(measure, key)] = values.GetValueOrDefault((measure, key)) + value;

    public long Sum(string measure) => values.Where(v => v.Key.Measure == measure).Sum(v => v.Value);

    public Dictionary<string, long> ByKey(string measure) =>
        values.Where(v => v.Key.Measure == measure && v.Value != 0).ToDictionary(v => v.Key.Key, v => v.Value);
}

/// <summary>
/// The measures of a subtree over a period. Rates and times are read from the sums: <see cref="OnTimeRate"/> is on
/// time ÷ (on time + late); the handling times (submission to closing, in hours) are the median and p90 of the merged
/// histogram. <see cref="MembersActive"/> is a stock: active members who had joined by the end of the period.
/// <see cref="Participants"/> counts survey and vote participation of all time (a ballot keeps no time).
/// </summary>
internal sealed record FigureTotals(
    long Received, long Finished, long Rejected, long OnTime, long Late, double? OnTimeRate, double? HandlingMedianHours, double? HandlingP90Hours,
    long Escalated, long Offline, long MembersJoined, long MembersActive, long Redemptions, long Points, long Participants)
{
    /// <summary>The names <c>sort</c> accepts, in the order of the export's columns.</summary>
    public static readonly string[] Names =
    [
        "received", "finished", "rejected", "onTime", "late", "onTimeRate", "handlingMedianHours", "handlingP90Hours",
        "escalated", "offline", "membersJoined", "membersActive", "redemptions", "points", "participants",
    ];

    /// <summary>Column titles of the exports (zh-CN), by <see cref="Names"/>.</summary>
    public static readonly string[] Titles =
    [
        "收件", "办结", "不予办理", "按期办理", "逾期办理", "按期率", "办理时长中位数(小时)", "办理时长P90(小时)",
        "升级", "线下办理", "新入会", "在册会员", "权益核销", "积分", "问卷投票参与",
    ];

    /// <summary>The stored measures a sort by <paramref name="name"/> needs.</summary>
    public static string[] MeasuresFor(string name) => name switch
    {
        "onTimeRate" => [FigureMeasures.OnTime, FigureMeasures.Late],
        "handlingMedianHours" or "handlingP90Hours" => [FigureMeasures.HandlingTime],
        _ => [name],
    };

    public static FigureTotals From(FigureBag bag, long membersActive)
    {
        var onTime = bag.Sum(FigureMeasures.OnTime);
        var late = bag.Sum(FigureMeasures.Late);
        var handling = bag.ByKey(FigureMeasures.HandlingTime);
        return new FigureTotals(
            bag.Sum(FigureMeasures.Received), bag.Sum(FigureMeasures.Finished), bag.Sum(FigureMeasures.Rejected), onTime, late,
            onTime + late == 0 ? null : Math.Round((double)onTime / (onTime + late), 4),
            HandlingHistogram.Quantile(handling, 0.5), HandlingHistogram.Quantile(handling, 0.9),
            bag.Sum(FigureMeasures.Escalated), bag.Sum(FigureMeasures.Offline), bag.Sum(FigureMeasures.MembersJoined), membersActive,
            bag.Sum(FigureMeasures.Redemptions), bag.Sum(FigureMeasures.Points), bag.Sum(FigureMeasures.Participants));
    }

    /// <summary>The values in the order of <see cref="Names"/>.</summary>
    public object?[] Values() =>
    [
        Received, Finished, Rejected, OnTime, Late, OnTimeRate, HandlingMedianHours, HandlingP90Hours,
        Escalated, Offline, MembersJoined, MembersActive, Redemptions, Points, Participants,
    ];

    public double? Value(string name) => Values()[Array.IndexOf(Names, name)] switch
    {
        long l => l,
        double d => d,
        _ => null,
    };
}
