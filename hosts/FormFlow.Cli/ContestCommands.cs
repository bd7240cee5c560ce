using System.CommandLine;
using System.Diagnostics;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Cli;

/// <summary>
/// `formflow contests seed-bests --contest ID --participants 100000 [--unions 200] [--seed 1] [--provider sqlite|postgres]
/// [--connection ...] [--data-folder ./data]` — scored participants for measuring a contest's leaderboard read
/// (tests/load/contest-rush.sh): worker accounts at generated grassroots unions under the contest's org, one best score
/// each (as a finished attempt leaves it) and the contest's kept figures (union scores, score histograms) recounted from
/// those bests (ContestRecount), written in bulk.
/// Not written: the attempts themselves (the leaderboard reads only the bests and the union figures).
/// </summary>
internal static class ContestCommands
{
    private const int Chunk = 5_000;

    public static Command Create()
    {
        var database = new DatabaseOptions();
        var contestId = new Option<int>("--contest") { Description = "the contest's ID", Required = true };
        var participants = new Option<int>("--participants") { Description = "scored participants to add", Required = true };
        var unions = new Option<int>("--unions") { Description = "grassroots unions to spread them over (created under the contest's org)", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "seed of the random scores and times", DefaultValueFactory = _ => 1 };
        var seedBests = database.AddTo(new Command("seed-bests", "Add many scored participants to a contest's leaderboard, in bulk.") { contestId, participants, unions, seed });
        seedBests.SetAction(async (result, ct) =>
        {
            var (n, u) = (result.GetValue(participants), result.GetValue(unions));
            if (n is < 1 or > 10_000_000) throw new CliException("--participants must be between 1 and 10000000");
            if (u is < 1 or > 100_000) throw new CliException("--unions must be between 1 and 100000");
            var settings = database.Resolve(result);
            await using var db = FormFlowDatabase.CreateContext(settings);
            var watch = Stopwatch.StartNew();
            var contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Id == result.GetValue(contestId), ct)
                ?? throw new CliException($"contest {result.GetValue(contestId)} does not exist");
            var added = await SeedAsync(db, contest, n, u, result.GetValue(seed), ct);
            CliJson.Write(result, new
            {
                provider = settings.Provider.ToString().ToLowerInvariant(), contest = contest.Id, participants = added,
                bests = await db.ContestBests.CountAsync(b => b.ContestId == contest.Id, ct),
                unions = await db.ContestUnionScores.CountAsync(s => s.ContestId == contest.Id, ct), seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
            });
            return ExitCodes.Ok;
        });
        return new Command("contests", "Contests and their leaderboards.") { seedBests };
    }

    private static async Task<int> SeedAsync(FormFlowDbContext db, Contest contest, int participants, int unionCount, int seed, CancellationToken ct)
    {
        var org = await db.OrgUnits.SingleAsync(o => o.Id == contest.OrgUnitId, ct);
        var run = $"{contest.Id}-{seed}-{DateTime.UtcNow.Ticks:x}";
        var units = Enumerable.Range(1, unionCount).Select(i => (Unit: new OrgUnit { Name = $"竞赛压测第{i}工会-{run}", Level = OrgLevel.Grassroots }, Parent: org)).ToList();
        await using (var transaction = await db.BeginWriteTransactionAsync(ct))
        {
            await OrgUnits.AddManyAsync(db, units, ct);
            await transaction.CommitAsync(ct);
        }
        var random = new Random(seed);
        var at = DateTime.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < participants; start += Chunk)
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            foreach (var i in Enumerable.Range(start, Math.Min(Chunk, participants - start)))
            {
                var userName = $"bench-{run}-{i}";
                var account = new Account { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = $"压测职工{i}", SecurityStamp = Guid.NewGuid().ToString("N") };
                var union = units[random.Next(units.Count)].Unit.Id;
                db.Users.Add(account);
                db.RoleAssignments.Add(new RoleAssignment { AccountId = account.Id, Role = Roles.Worker, OrgUnitId = union });
                // Scores spread over 0..questions with most in the upper half, times over the attempt's duration: many ties on score, few on time.
                var score = Math.Min(contest.Questions, (int)Math.Round(contest.Questions * Math.Sqrt(random.NextDouble())));
                db.ContestBests.Add(new ContestBest
                {
                    ContestId = contest.Id, AccountId = account.Id, OrgUnitId = union, Score = score,
                    TimeUsedMs = random.NextInt64(10_000, contest.DurationSeconds * 1000L), AttemptId = 0, AchievedAt = at,
                });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        await using (var transaction = await db.BeginWriteTransactionAsync(ct))
        {
            await ContestRecount.RecountAsync(db, contest.Id, ct);
            await transaction.CommitAsync(ct);
        }
        return participants;
    }
}
