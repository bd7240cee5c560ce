using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Services;
using FormFlow.Server.Files;
using FormFlow.Server.Shared;
using FormFlow.Server.Snapshots;
using FormFlow.Server.Privacy;
using FormFlow.Server.Responses;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using FormFlow.Server.Orgs;

namespace FormFlow.Server.Cases;

/// <summary>
/// A submission: the forms engine checks the data, then the case, the workflow's first steps, their tasks, timers
/// and outbox rows — and the Idempotency-Key with the answer — commit in one transaction. A repeated key returns
/// the stored answer; two requests racing with one key meet at the key's unique index, and the loser returns the
/// winner's answer.
/// </summary>
internal sealed class CaseSubmission(
    FormFlowDbContext db, SnapshotCatalog snapshots, OrgDirectory orgs, WorkflowRunner runner, TimeProvider clock,
    CaseReader reader, IOptions<JsonOptions> json, PiiProtector pii, ServerMetrics metrics)
{
    public sealed record Answer(int Status, string Body, long CaseId);

    public async Task<IResult> SubmitAsync(Account account, ServiceEntry service, JsonObject data, string? idempotencyKey, CancellationToken ct)
    {
        var requestHash = idempotencyKey is null ? "" : CanonicalJson.Hash(new JsonObject { ["service"] = service.Activation.Id, ["data"] = data.DeepClone() });
        if (idempotencyKey is not null && await StoredAsync(account, idempotencyKey, requestHash, ct) is { } stored) return stored;

        var snapshot = await snapshots.RequireAsync(db, service.Activation.SnapshotHash, ct);
        if (snapshot.Policy.Responses) return ResponseProblems.TakesResponses(service.Activation.Id);
        var result = snapshot.StartForm.Runtime.Process(data, new FormProcessOptions { Mode = FormMode.Submit });
        if (!result.Valid) return CaseProblems.Invalid(result.Errors);
        var fileErrors = await FileReferences.ResolveAsync(db, pii, account.Id, snapshot.StartForm.Definition, result.Data, null, ct);
        if (fileErrors.Count > 0) return CaseProblems.Invalid(fileErrors);

        var clockNow = clock.GetUtcNow();
        var now = clockNow.UtcDateTime;
        var orgId = await service.RoutingOrgAsync(db, account, result.Data, ct);
        // A module with a window, a limit or eligibility (Responses) refuses here, and enters its participation row below.
        if (snapshot.Policy.Restricts && await ResponseGate.RefuseAsync(db, account, service, snapshot.Policy, orgId, clockNow, ct) is { } refused)
            return refused;
        await orgs.EnsureAsync(db, orgId, ct);
        try
        {
            var answer = await CreateAsync(account, service, snapshot, result.Data, orgId, idempotencyKey, requestHash, clockNow, ct);
            return Respond(answer);
        }
        catch (DbUpdateException) when (idempotencyKey is not null || snapshot.Policy.Restricts)
        {
            // Another request with the same key committed first: answer as it was answered.
            db.ChangeTracker.Clear();
            if (idempotencyKey is not null && await StoredAsync(account, idempotencyKey, requestHash, ct) is { } earlier) return earlier;
            if (await ResponseGate.LostToAsync(db, account, service, snapshot.Policy, clockNow, ct) is { } lost) return lost;
            throw;
        }
    }

    private async Task<Answer> CreateAsync(Account account, ServiceEntry service, LoadedSnapshot snapshot, JsonObject data, int orgId,
        string? idempotencyKey, string requestHash, DateTimeOffset clockNow, CancellationToken ct)
    {
        var now = clockNow.UtcDateTime;
        // A failed save here ends the whole submission (the transaction rolls back), so EF's savepoint before the
        // save would only cost two round trips on PostgreSQL.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var id = await db.ReserveCaseIdAsync(ct);
        var row = new Case
        {
            Id = id, Number = CaseNumbers.For(id, now),
            ServiceActivationId = service.Activation.Id, SnapshotHash = snapshot.Hash, ModuleKey = snapshot.ModuleKey,
            ApplicantAccountId = account.Id, OrgUnitId = orgId, Status = CaseStatuses.Running, CreatedAt = now, UpdatedAt = now,
            // CaseSync writes both from the instance below, before anything is saved.
            Data = "{}", Instance = "{}",
        };
        db.Cases.Add(row);
        if (snapshot.Policy.Restricts) ResponseGate.Enter(db, account, service, snapshot.Policy, orgId, clockNow);
        var facts = new JsonObject
        {
            ["id"] = row.Id.ToString(), ["number"] = row.Number, ["applicantId"] = account.Id, ["applicantOrg"] = orgId.ToString(),
            ["org"] = orgId.ToString(), ["serviceId"] = service.Activation.Id, ["serviceOrg"] = service.Activation.OrgUnitId.ToString(),
        };
        var instance = runner.Start(snapshot.Workflow, data, facts, instanceId: $"case-{row.Id}", by: account.UserName);
        await CaseSync.ApplyAsync(db, row, null, instance, account.UserName!, now, ct);
        AuditLog.Append(db, account.UserName!, "case.submitted", $"case:{row.Id}", row.OrgUnitId,
            new JsonObject { ["number"] = row.Number, ["service"] = service.Activation.Id, ["module"] = snapshot.ModuleKey, ["status"] = row.Status });
        await db.SaveChangesAsync(ct);
        if (idempotencyKey is null)
        {
            // Without a key nothing stores the answer, so it is rendered after the commit, outside the write lock.
            await transaction.CommitAsync(ct);
            metrics.Submitted("case", snapshot.ModuleKey);
            return await AnswerAsync(account, row, instance, ct);
        }
        var answer = await AnswerAsync(account, row, instance, ct);
        db.SubmissionKeys.Add(new SubmissionKey
        {
            AccountId = account.Id, Key = idempotencyKey, RequestHash = requestHash, CaseId = row.Id,
            StatusCode = answer.Status, Response = answer.Body, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        metrics.Submitted("case", snapshot.ModuleKey);
        return answer;
    }

    /// <summary>
    /// The new case as its applicant sees it: their own data unmasked (no access lookup needed for that), its tasks
    /// the ones this unit of work has just written (a new case has no others), so nothing is read back.
    /// </summary>
    private async Task<Answer> AnswerAsync(Account account, Case row, WorkflowInstance instance, CancellationToken ct)
    {
        var tasks = db.ChangeTracker.Entries<CaseTask>().Select(e => e.Entity).Where(t => t.CaseId == row.Id).ToList();
        // The stored data is the instance's input (CaseSync writes it from there).
        var view = await reader.ViewAsync(row, instance, instance.Input, (data, _) => data, account.DisplayName, tasks, ct);
        var body = JsonSerializer.Serialize(view, json.Value.SerializerOptions);
        return new Answer(StatusCodes.Status201Created, body, row.Id);
    }

    private async Task<IResult?> StoredAsync(Account account, string key, string requestHash, CancellationToken ct)
    {
        var stored = await db.SubmissionKeys.AsNoTracking().SingleOrDefaultAsync(k => k.AccountId == account.Id && k.Key == key, ct);
        if (stored is null) return null;
        if (stored.RequestHash != requestHash)
            return CaseProblems.Conflict("Idempotency-Key reused",
                $"the Idempotency-Key '{key}' was already used for a different submission (case {stored.CaseId}); use a new key for a new request");
        return Respond(new Answer(stored.StatusCode, stored.Response, stored.CaseId));
    }

    private static IResult Respond(Answer answer) => new StoredJson(answer.Status, answer.Body, $"/api/cases/{answer.CaseId}");

    private sealed class StoredJson(int status, string body, string location) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.Headers.Location = location;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body, Encoding.UTF8);
        }
    }
}
