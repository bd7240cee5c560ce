using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Contest leaderboards from the table of best scores (one row per participant, kept as attempts finish), scoped to
/// any subtree: people by best score, then less time used; grassroots unions by the mean of their members' best
/// scores, then mean time used. Equal score and equal time share a rank.
/// </summary>
internal sealed class Leaderboards(FormFlowDbContext db)
{
    public const int MaxLines = 100;

    public async Task<LeaderboardView> PeopleAsync(Contest contest, OrgUnit scope, string accountId, int limit, CancellationToken ct)
    {
        var whole = await HoldsEveryBestAsync(contest, scope, ct);
        var bests = db.ContestBests.AsNoTracking().Where(b => b.ContestId == contest.Id);
        if (!whole) bests = bests.Where(b => db.OrgUnits.Within(scope.Path).Any(o => o.Id == b.OrgUnitId));
        var top = await Named(bests.OrderByDescending(b => b.Score).ThenBy(b => b.TimeUsedMs).Take(limit)).ToListAsync(ct);
        // My rank from the kept histogram: the participants at a higher score (one row per score, or per union and
        // score in a subtree), plus those on my score with less time used (one range of the (contest, score, time) index).
        var counts = whole
            ? db.ContestScoreCounts.Where(h => h.ContestId == contest.Id).Select(h => new ScoreCount { Score = h.Score, Participants = h.Participants })
            : db.ContestUnionScoreCounts.Where(h => h.ContestId == contest.Id && db.OrgUnits.Within(scope.Path).Any(o => o.Id == h.OrgUnitId))
                .Select(h => new ScoreCount { Score = h.Score, Participants = h.Participants });
        var mine = await Named(bests.Where(b => b.AccountId == accountId))
            .Select(n => new { Line = n, Ahead = counts.Where(h => h.Score > n.Best.Score).Sum(h => h.Participants)
                + bests.Count(b => b.Score == n.Best.Score && b.TimeUsedMs < n.Best.TimeUsedMs) })
            .SingleOrDefaultAsync(ct);
        static LeaderboardLine Line(NamedBest n, int rank) =>
            new(rank, n.Best.AccountId, n.Name ?? "", n.Best.OrgUnitId, n.OrgName ?? "", n.Best.Score, n.Best.TimeUsedMs, 1);
        var lines = new List<LeaderboardLine>();
        for (var i = 0; i < top.Count; i++)
            lines.Add(Line(top[i], i > 0 && top[i].Best.Score == top[i - 1].Best.Score && top[i].Best.TimeUsedMs == top[i - 1].Best.TimeUsedMs ? lines[i - 1].Rank : i + 1));
        return new LeaderboardView(contest.Id, "people", scope.Id, lines, mine is null ? null : Line(mine.Line, 1 + mine.Ahead));
    }

    private sealed class NamedBest
    {
        public required ContestBest Best { get; init; }
        public string? Name { get; init; }
        public string? OrgName { get; init; }
    }

    private sealed class ScoreCount
    {
        public int Score { get; init; }
        public int Participants { get; init; }
    }

    /// <summary>The bests with their people's and unions' names, in the same query (two key lookups per row).</summary>
    private IQueryable<NamedBest> Named(IQueryable<ContestBest> bests) => bests.Select(b => new NamedBest
    {
        Best = b,
        Name = db.Users.Where(a => a.Id == b.AccountId).Select(a => a.DisplayName ?? a.UserName).FirstOrDefault(),
        OrgName = db.OrgUnits.Where(o => o.Id == b.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
    });

    /// <summary>
    /// Grassroots unions in the scope from their kept figures (<see cref="ContestUnionScore"/>): mean best score, then
    /// mean time used; equal means share a rank (compared exactly, as fractions).
    /// </summary>
    public async Task<LeaderboardView> UnionsAsync(Contest contest, OrgUnit scope, int? myUnionId, int limit, CancellationToken ct)
    {
        var unions = db.ContestUnionScores.AsNoTracking()
            .Where(u => u.ContestId == contest.Id && u.Participants > 0 && db.OrgUnits.Within(scope.Path).Any(o => o.Id == u.OrgUnitId));
        var top = await Named(unions.OrderByDescending(u => (double)u.ScoreSum / u.Participants).ThenBy(u => (double)u.TimeUsedMsSum / u.Participants)
            .ThenBy(u => u.OrgUnitId).Take(limit)).ToListAsync(ct);
        // My union's line and the count of unions ahead of it in one query (one row per union in the scope).
        var mine = myUnionId is { } id
            ? await Named(unions.Where(u => u.OrgUnitId == id)).Select(n => new
            {
                Line = n,
                Ahead = unions.Count(u => u.ScoreSum * n.Union.Participants > n.Union.ScoreSum * u.Participants
                    || (u.ScoreSum * n.Union.Participants == n.Union.ScoreSum * u.Participants && u.TimeUsedMsSum * n.Union.Participants < n.Union.TimeUsedMsSum * u.Participants)),
            }).SingleOrDefaultAsync(ct)
            : null;
        static LeaderboardLine Line(NamedUnion n, int rank) => new(rank, null, n.Name ?? "", n.Union.OrgUnitId, n.Name ?? "",
            Math.Round((double)n.Union.ScoreSum / n.Union.Participants, 2), (long)Math.Round((double)n.Union.TimeUsedMsSum / n.Union.Participants), n.Union.Participants);
        var lines = new List<LeaderboardLine>();
        for (var i = 0; i < top.Count; i++)
            lines.Add(Line(top[i], i > 0 && Tied(top[i].Union, top[i - 1].Union) ? lines[i - 1].Rank : i + 1));
        return new LeaderboardView(contest.Id, "unions", scope.Id, lines, mine is null ? null : Line(mine.Line, 1 + mine.Ahead));
    }

    private sealed class NamedUnion
    {
        public required ContestUnionScore Union { get; init; }
        public string? Name { get; init; }
    }

    private IQueryable<NamedUnion> Named(IQueryable<ContestUnionScore> unions) => unions.Select(u => new NamedUnion
    {
        Union = u,
        Name = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
    });

    private static bool Tied(ContestUnionScore a, ContestUnionScore b) =>
        a.ScoreSum * b.Participants == b.ScoreSum * a.Participants && a.TimeUsedMsSum * b.Participants == b.TimeUsedMsSum * a.Participants;

    /// <summary>
    /// Whether every union holding a best lies in the scope (the usual read: the contest's own org). Then the scope
    /// test is left out, so the order and my rank run on the (contest, score, time) index and the whole contest's
    /// histogram instead of joining each of the contest's bests to its org: the union figures, one row per union with
    /// a best, tell which case it is.
    /// </summary>
    private async Task<bool> HoldsEveryBestAsync(Contest contest, OrgUnit scope, CancellationToken ct) =>
        !await db.ContestUnionScores.AnyAsync(u => u.ContestId == contest.Id && u.Participants > 0
            && !db.OrgUnits.Within(scope.Path).Any(o => o.Id == u.OrgUnitId), ct);
}
