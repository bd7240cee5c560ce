using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// The Studio's live view of a contest while it runs: who takes part, how many attempts are open now, how many answers
/// were handed in so far (counted from the stored attempts) and in the last minutes (from <see cref="ContestPulse"/>),
/// and the top ten people and unions from the kept leaderboards. Staff with a role at the contest's org or above watch it.
/// </summary>
internal sealed class ContestMonitor(FormFlowDbContext db, TimeProvider clock, Leaderboards leaderboards, ContestPulse pulse)
{
    public const int TopLines = 10, MaxMinutes = 60;

    /// <summary>Staff (not workers or merchants) holding a role at the contest's org or at an org above it.</summary>
    public static bool Watches(Account account, OrgUnit org) =>
        account.Roles.Any(r => Roles.ReachesSubtree(r.Role) && OrgSubtree.Contains(r.OrgUnit!.Path, org.Path));

    /// <summary>The contests the account watches, latest window first.</summary>
    public async Task<List<MonitoredContest>> WatchedAsync(Account account, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Contests.AsNoTracking().Join(db.OrgUnits, c => c.OrgUnitId, o => o.Id, (c, o) => new { c, o }).OrderByDescending(x => x.c.OpensAt).ToListAsync(ct);
        return all.Where(x => Watches(account, x.o))
            .Select(x => new MonitoredContest(x.c.Id, x.c.Title, x.o.Id, x.o.Name, x.c.OpensAt, x.c.ClosesAt, now >= x.c.OpensAt && now < x.c.ClosesAt, x.c.SettledAt))
            .ToList();
    }

    public async Task<ContestMonitorView> ViewAsync(Contest contest, OrgUnit org, Account viewer, int minutes, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = db.QuizAttempts.AsNoTracking().Where(a => a.ContestId == contest.Id);
        var participants = await attempts.Select(a => a.AccountId).Distinct().CountAsync(ct);
        var started = await attempts.CountAsync(ct);
        var open = await attempts.CountAsync(a => a.FinishedAt == null && a.Deadline > now, ct);
        var since = now.AddMinutes(-minutes);
        var startedRecently = await attempts.CountAsync(a => a.StartedAt >= since, ct);
        var finishedRecently = await attempts.CountAsync(a => a.FinishedAt >= since, ct);
        var people = await leaderboards.PeopleAsync(contest, org, viewer.Id, TopLines, ct);
        var unions = await leaderboards.UnionsAsync(contest, org, null, TopLines, ct);
        return new ContestMonitorView(contest.Id, contest.Title, org.Id, org.Name, contest.OpensAt, contest.ClosesAt, now >= contest.OpensAt && now < contest.ClosesAt,
            now, participants, started, open, await AnswersAsync(contest.Id, ct), minutes, pulse.Since(contest.Id, since), startedRecently, finishedRecently,
            people.Lines, unions.Lines);
    }

    /// <summary>Every answer stored in the contest's attempts (an answer changed before the deadline counts once), counted by the database.</summary>
    private async Task<long> AnswersAsync(int contestId, CancellationToken ct) =>
        await (db.Database.IsNpgsql()
            ? db.Database.SqlQuery<long>($"""SELECT COALESCE(SUM((SELECT COUNT(*) FROM json_object_keys(a."Answers"::json))), 0)::bigint AS "Value" FROM "QuizAttempts" a WHERE a."ContestId" = {contestId}""")
            : db.Database.SqlQuery<long>($"""SELECT COALESCE(SUM((SELECT COUNT(*) FROM json_each(a."Answers"))), 0) AS "Value" FROM "QuizAttempts" a WHERE a."ContestId" = {contestId}"""))
            .SingleAsync(ct);
}

/// <summary>A contest the viewer watches, for the Studio's list.</summary>
internal sealed record MonitoredContest(int Id, string Title, int OrgUnitId, string OrgName, DateTime OpensAt, DateTime ClosesAt, bool Open, DateTime? SettledAt);

/// <param name="Participants">People with at least one attempt.</param>
/// <param name="OpenAttempts">Attempts open now (started, not finished, before their deadline).</param>
/// <param name="Answers">Answers stored in all the contest's attempts so far.</param>
/// <param name="RecentAnswers">Answers this server took in the last <paramref name="Minutes"/> minutes.</param>
internal sealed record ContestMonitorView(
    int ContestId, string Title, int OrgUnitId, string OrgName, DateTime OpensAt, DateTime ClosesAt, bool Open, DateTime ServerNow,
    int Participants, int Attempts, int OpenAttempts, long Answers, int Minutes, long RecentAnswers, int RecentlyStarted, int RecentlyFinished,
    List<LeaderboardLine> TopPeople, List<LeaderboardLine> TopUnions);
