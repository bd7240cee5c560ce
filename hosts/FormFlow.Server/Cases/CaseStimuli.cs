using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Snapshots;
using FormFlow.Server.Orgs;

namespace FormFlow.Server.Cases;

/// <summary>
/// Resumes a case's workflow with a stimulus (a task completed, the applicant resubmitted, the clock advanced) and
/// syncs its rows (the case's facts refreshed first: <see cref="ICaseFacts"/>); the caller saves, and the case's concurrency token makes a racing second stimulus fail there.
/// </summary>
internal sealed class CaseStimuli(
    FormFlowDbContext db, SnapshotCatalog snapshots, OrgDirectory orgs, WorkflowRunner runner, IEnumerable<ICaseFacts> facts, TimeProvider clock)
{
    /// <returns>Null when applied; otherwise why the workflow refused the stimulus (the case is unchanged).</returns>
    public async Task<string?> ApplyAsync(Case row, Stimulus stimulus, string actor, CancellationToken ct)
    {
        var snapshot = await snapshots.RequireAsync(db, row.SnapshotHash, ct);
        var before = WorkflowInstance.FromJson(row.Instance);
        foreach (var source in facts) await source.AddAsync(db, row, clock.GetUtcNow(), before.Case, ct);
        await orgs.EnsureAsync(db, row.OrgUnitId, ct);
        WorkflowInstance after;
        try
        {
            after = runner.Resume(snapshot.Workflow, before, stimulus);
        }
        catch (WorkflowStimulusException ex)
        {
            return ex.Message;
        }
        await CaseSync.ApplyAsync(db, row, before, after, actor, clock.GetUtcNow().UtcDateTime, ct);
        return null;
    }
}
