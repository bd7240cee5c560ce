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
        var bests = await InScopeAsync(contest, scope, ct);
        var top = await bests.OrderByDescending(b => b.Score).ThenBy(b => b.TimeUsedMs).Take(limit).ToListAsync(ct);
        var mine = await bests.SingleOrDefaultAsync(b => b.AccountId == accountId, ct);
        var people = top.Select(b => b.AccountId).Append(accountId).ToList();
        var names = await db.Users.Where(a => people.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName ?? a.UserName ?? "", ct);
        var orgIds = top.Select(b => b.OrgUnitId).Append(mine?.OrgUnitId ?? 0).Distinct().ToList();
        var orgs = await db.OrgUnits.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        LeaderboardLine Line(ContestBest b, int rank) =>
            new(rank, b.AccountId, names.GetValueOrDefault(b.AccountId, ""), b.OrgUnitId, orgs.GetValueOrDefault(b.OrgUnitId, ""), b.Score, b.TimeUsedMs, 1);
        var lines = new List<LeaderboardLine>();
        for (var i = 0; i < top.Count; i++)
            lines.Add(Line(top[i], i > 0 && top[i].Score == top[i - 1].Score && top[i].TimeUsedMs == top[i - 1].TimeUsedMs ? lines[i - 1].Rank : i + 1));
        LeaderboardLine? me = null;
        if (mine is not null)
        {
            // Two counts, each one range of the (contest, score, time) index: their OR in one count made the database
            // scan every best of the contest.
            var ahead = await bests.CountAsync(b => b.Score > mine.Score, ct)
                + await bests.CountAsync(b => b.Score == mine.Score && b.TimeUsedMs < mine.TimeUsedMs, ct);
            me = Line(mine, 1 + ahead);
        }
        return new LeaderboardView(contest.Id, "people", scope.Id, lines, me);
    }

    /// <summary>
    /// Grassroots unions in the scope from their kept figures (<see cref="ContestUnionScore"/>): mean best score, then
    /// mean time used; equal means share a rank (compared exactly, as fractions).
    /// </summary>
    public async Task<LeaderboardView> UnionsAsync(Contest contest, OrgUnit scope, int? myUnionId, int limit, CancellationToken ct)
    {
        var unions = db.ContestUnionScores.AsNoTracking()
            .Where(u => u.ContestId == contest.Id && u.Participants > 0 && db.OrgUnits.Within(scope.Path).Any(o => o.Id == u.OrgUnitId));
        var top = await unions.OrderByDescending(u => (double)u.ScoreSum / u.Participants).ThenBy(u => (double)u.TimeUsedMsSum / u.Participants)
            .ThenBy(u => u.OrgUnitId).Take(limit).ToListAsync(ct);
        var mine = myUnionId is { } id ? await unions.SingleOrDefaultAsync(u => u.OrgUnitId == id, ct) : null;
        var ids = top.Select(u => u.OrgUnitId).Append(mine?.OrgUnitId ?? 0).Distinct().ToList();
        var orgs = await db.OrgUnits.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        LeaderboardLine Line(ContestUnionScore u, int rank) => new(rank, null, orgs.GetValueOrDefault(u.OrgUnitId, ""), u.OrgUnitId,
            orgs.GetValueOrDefault(u.OrgUnitId, ""), Math.Round((double)u.ScoreSum / u.Participants, 2), (long)Math.Round((double)u.TimeUsedMsSum / u.Participants), u.Participants);
        var lines = new List<LeaderboardLine>();
        for (var i = 0; i < top.Count; i++)
            lines.Add(Line(top[i], i > 0 && Tied(top[i], top[i - 1]) ? lines[i - 1].Rank : i + 1));
        LeaderboardLine? me = null;
        if (mine is not null)
            me = Line(mine, 1 + await unions.CountAsync(u => u.ScoreSum * mine.Participants > mine.ScoreSum * u.Participants
                || (u.ScoreSum * mine.Participants == mine.ScoreSum * u.Participants && u.TimeUsedMsSum * mine.Participants < mine.TimeUsedMsSum * u.Participants), ct));
        return new LeaderboardView(contest.Id, "unions", scope.Id, lines, me);
    }

    private static bool Tied(ContestUnionScore a, ContestUnionScore b) =>
        a.ScoreSum * b.Participants == b.ScoreSum * a.Participants && a.TimeUsedMsSum * b.Participants == b.TimeUsedMsSum * a.Participants;

    /// <summary>
    /// The bests of participants whose union lies in the scope. When every union holding a best does (the usual read:
    /// the contest's own org), the scope test is left out, so the order and my rank's count run on the
    /// (contest, score, time) index alone instead of joining each of the contest's bests to its org: the union figures,
    /// one row per union with a best, tell which case it is.
    /// </summary>
    private async Task<IQueryable<ContestBest>> InScopeAsync(Contest contest, OrgUnit scope, CancellationToken ct)
    {
        var bests = db.ContestBests.AsNoTracking().Where(b => b.ContestId == contest.Id);
        var outside = await db.ContestUnionScores.AnyAsync(u => u.ContestId == contest.Id && u.Participants > 0
            && !db.OrgUnits.Within(scope.Path).Any(o => o.Id == u.OrgUnitId), ct);
        return outside ? bests.Where(b => db.OrgUnits.Within(scope.Path).Any(o => o.Id == b.OrgUnitId)) : bests;
    }
}
