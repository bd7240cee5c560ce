using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Responses;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Responses;
using FormFlow.Server.Privacy;
using FormFlow.Server.Services;
using FormFlow.Server.Shared;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Responses;

/// <summary>What the respondent gets back: the period the answer counts in and whether results are now visible to them.</summary>
internal sealed record ResponseReceipt(int ServiceId, string? Period, bool ResultsVisible);

/// <summary>
/// An answer to a survey or vote: the forms runtime checks it exactly as it checks a case submission, then the
/// participation row, the answer (named or anonymous to handlers) or the ballot (secret), and the tallies commit in
/// one transaction. No workflow, no task, no case.
/// </summary>
internal sealed class ResponseSubmission(FormFlowDbContext db, SnapshotCatalog snapshots, TimeProvider clock, PiiProtector pii, ServerMetrics metrics)
{
    public async Task<Results<Created<ResponseReceipt>, ProblemHttpResult>> SubmitAsync(Account account, ServiceEntry service, JsonObject data, CancellationToken ct)
    {
        var snapshot = await snapshots.RequireAsync(db, service.Activation.SnapshotHash, ct);
        var policy = snapshot.Policy;
        if (!policy.Responses) return ResponseProblems.TakesCases(service.Activation.Id);
        var now = clock.GetUtcNow();
        var orgId = service.ApplicantOrg(account);
        if (await ResponseGate.RefuseAsync(db, account, service, policy, orgId, now, ct) is { } refused) return refused;

        var result = snapshot.StartForm.Runtime.Process(data, new FormProcessOptions { Mode = FormMode.Submit });
        if (!result.Valid) return FormProblems.Invalid(result.Errors);
        var secret = policy.Anonymity == ResponseAnonymity.SecretBallot;
        var pile = secret ? BallotPiles.KeyOf(snapshot.StartForm.Definition, result.Data) : null;
        if (pile is not null && !snapshot.Piles.Contains(pile)) return ResponseProblems.NotAPile(service.Activation.Id);
        if (secret) await EnsurePilesAsync(service.Activation.Id, snapshot, ct);

        try
        {
            await StoreAsync(account, service, snapshot, result.Data, pile, orgId, now, ct);
        }
        catch (DbUpdateException)
        {
            if (await ResponseGate.LostToAsync(db, account, service, policy, now, ct) is { } lost) return lost;
            throw;
        }
        metrics.Submitted("response", snapshot.ModuleKey);
        var receipt = new ResponseReceipt(service.Activation.Id, policy.PeriodKey(now),
            policy.ResultsVisible(service.IsOrganisedBy(account), answered: true, now));
        return TypedResults.Created($"/api/services/{service.Activation.Id}/results", receipt);
    }

    private async Task StoreAsync(Account account, ServiceEntry service, LoadedSnapshot snapshot, JsonObject data, string? pile, int orgId,
        DateTimeOffset now, CancellationToken ct)
    {
        var id = service.Activation.Id;
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        // The participation first: a second answer of the same member waits here for the first to commit and fails,
        // before it touches any pile or tally.
        ResponseGate.Enter(db, account, service, snapshot.Policy, orgId, now);
        await db.SaveChangesAsync(ct);
        if (pile is not null)
        {
            if (await db.CastBallotAsync(id, pile, ct) != 1) throw new InvalidOperationException($"service {id} has no pile for a checked ballot");
            await db.AddToTalliesAsync(id, orgId, [(AnswerBuckets.Answers, AnswerBuckets.Answers, 0)], ct);
        }
        else
        {
            db.Responses.Add(new ResponseRecord
            {
                ServiceActivationId = id, AccountId = account.Id, OrgUnitId = orgId, SnapshotHash = snapshot.Hash,
                Data = pii.Protect(snapshot.StartForm.Definition, data).ToJsonString(), SubmittedAt = now.UtcDateTime,
            });
            // Sorted, so two answers lock shared tally rows in the same order and cannot deadlock.
            var buckets = AnswerBuckets.Of(snapshot.StartForm.Definition, data)
                .OrderBy(b => b.Field, StringComparer.Ordinal).ThenBy(b => b.Bucket, StringComparer.Ordinal)
                .Select(b => (b.Field, b.Bucket, b.Sum)).ToList();
            await db.AddToTalliesAsync(id, orgId, buckets, ct);
        }
        // For a secret ballot this is all that is written about the voter: that they took part.
        AuditLog.Append(db, account.UserName!, "response.submitted", $"service:{id}", orgId, new JsonObject { ["module"] = snapshot.ModuleKey });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Creates the ballot's piles at zero in their own transaction, so no vote's transaction ever inserts one.</summary>
    private async Task EnsurePilesAsync(int service, LoadedSnapshot snapshot, CancellationToken ct)
    {
        if (await db.BallotPiles.CountAsync(p => p.ServiceActivationId == service, ct) >= snapshot.Piles.Count) return;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        await db.EnsurePilesAsync(service, snapshot.Piles.Order(StringComparer.Ordinal).ToList(), ct);
        await transaction.CommitAsync(ct);
    }
}
