using System.Net;
using System.Text.Json;
using FormFlow.Persistence;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Points;
using FormFlow.Persistence.Publications;
using FormFlow.Persistence.Training;
using FormFlow.Server.Publications;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Closing a contest's results once its window has closed: attempts still open are finished, each place in the
/// contest's points list credits its points to whoever holds it (tied people share the place and its points), and the
/// ranking is published to the feed of the contest's org. Settling twice changes nothing (keys on each award and on
/// the feed item). The <see cref="ContestCloser"/> settles every contest when its window ends; the call is for an
/// editor who does not want to wait for its next pass.
/// </summary>
internal sealed class ContestSettlement(FormFlowDbContext db, TimeProvider clock, Attempts attempts, Leaderboards leaderboards)
{
    public async Task<Outcome<SettlementView>> SettleAsync(Contest contest, OrgUnit org, string actorId, string actorName, CancellationToken ct)
    {
        try
        {
            return await SettleOnceAsync(contest, org, actorId, actorName, ct);
        }
        catch (DbUpdateException)
        {
            // Another server (or the closer) settled it meanwhile: everything is keyed, so a second pass only reads what it wrote.
            db.ChangeTracker.Clear();
            return await SettleOnceAsync(contest, org, actorId, actorName, ct);
        }
    }

    private async Task<Outcome<SettlementView>> SettleOnceAsync(Contest contest, OrgUnit org, string actorId, string actorName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now.UtcDateTime < contest.ClosesAt)
            return new FieldProblem(StatusCodes.Status422UnprocessableEntity, "Contest still open",
                $"contest {contest.Id} can be settled once it closes at {contest.ClosesAt:u} (rule window)", null);
        // One transaction: another server settling at the same moment meets the unique keys of the points and the
        // feed item when it commits, and fails whole (ContestCloser).
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        foreach (var open in await db.QuizAttempts.Where(a => a.ContestId == contest.Id && a.FinishedAt == null).ToListAsync(ct))
            await attempts.FinishAsync(open, ct);

        var places = JsonSerializer.Deserialize<List<int>>(contest.PlacePoints)!;
        var board = await leaderboards.PeopleAsync(contest, org, actorId, Math.Max(1, places.Count * 2), ct);
        var awarded = board.Lines.Where(l => l.Rank <= places.Count).ToList();
        foreach (var line in awarded)
            await PointsLedger.AwardAsync(db, new PointsAward(line.AccountId!, places[line.Rank - 1], "contestPlace",
                $"{contest.Title}：第{line.Rank}名", null, null, $"contest:{contest.Id}:place:{line.AccountId}", now), ct);

        var key = $"contest:{contest.Id}:results";
        var item = await db.Publications.SingleOrDefaultAsync(p => p.IdempotencyKey == key, ct);
        if (item is null)
        {
            item = new Publication
            {
                Kind = PublicationKinds.Notice, Title = "", Status = PublicationStatuses.Published, PublishAt = now.UtcDateTime, OrgUnitId = org.Id,
                IdempotencyKey = key, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
            };
            var body = "<ol>" + string.Concat(board.Lines.Take(10).Select(l =>
                $"<li>{WebUtility.HtmlEncode(l.Name)}（{WebUtility.HtmlEncode(l.OrgName)}）{l.Score}分</li>")) + "</ol>";
            await PublicationContent.ApplyAsync(db, item, $"{contest.Title} 成绩揭晓", $"{board.Lines.Count(l => l.Rank <= 10)}人进入前十", body,
                new PublicationContent.Files(null, [], null), ct);
            db.Publications.Add(item);
        }
        var stored = await db.Contests.SingleAsync(c => c.Id == contest.Id, ct);
        if (stored.SettledAt is null)
            AuditLog.Append(db, actorName, "contest.settled", $"contest:{contest.Id}", contest.OrgUnitId, new JsonObject { ["awarded"] = awarded.Count });
        stored.SettledAt ??= now.UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<SettlementView>.Done(new SettlementView(contest.Id, stored.SettledAt.Value, awarded, item.Id));
    }
}
