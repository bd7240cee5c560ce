using System.Collections.Concurrent;

namespace FormFlow.Server.Training;

/// <summary>
/// Answers taken per contest and per minute by this server process, for the monitor's "in the last minutes" figure
/// (answers carry no time of their own in the database). The last hour is kept; a restart starts counting afresh.
/// </summary>
internal sealed class ContestPulse(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(int Contest, long Minute), long> counts = new();

    public void Answered(int contestId)
    {
        var minute = MinuteOf(clock.GetUtcNow().UtcDateTime);
        counts.AddOrUpdate((contestId, minute), 1, (_, n) => n + 1);
        if (counts.Count > 1000)
            foreach (var old in counts.Keys.Where(k => k.Minute < minute - ContestMonitor.MaxMinutes)) counts.TryRemove(old, out _);
    }

    /// <summary>Answers since the minute of <paramref name="since"/> (that whole minute included).</summary>
    public long Since(int contestId, DateTime since)
    {
        var from = MinuteOf(since);
        return counts.Where(c => c.Key.Contest == contestId && c.Key.Minute >= from).Sum(c => c.Value);
    }

    private static long MinuteOf(DateTime utc) => utc.Ticks / TimeSpan.TicksPerMinute;
}
