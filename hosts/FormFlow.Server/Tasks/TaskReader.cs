using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Cases;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;
using FormFlow.Server.Privacy;
using FormFlow.Server.Orgs;

namespace FormFlow.Server.Tasks;

/// <summary>Builds task views: the case number, service and applicant names, the assignee's org, overdue.</summary>
internal sealed class TaskReader(FormFlowDbContext db, SnapshotCatalog snapshots, OrgDirectory orgs, CaseReader cases, TimeProvider clock)
{
    public async Task<List<TaskView>> ViewsAsync(IReadOnlyList<CaseTask> tasks, CancellationToken ct)
    {
        var caseIds = tasks.Select(t => t.CaseId).Distinct().ToList();
        var rows = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.SnapshotHash, c.ApplicantAccountId }).ToDictionaryAsync(c => c.Id, ct);
        var applicantIds = rows.Values.Select(r => r.ApplicantAccountId).Concat(tasks.Select(t => t.ClaimedBy).OfType<string>()).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(a => applicantIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var views = new List<TaskView>();
        foreach (var t in tasks)
        {
            var c = rows[t.CaseId];
            var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
            await orgs.EnsureAsync(db, t.OrgUnitId, ct);
            views.Add(new TaskView(t.Id, t.CaseId, c.Number, snapshot.Module["name"]?.DeepClone(), t.ActivityId, t.Title, t.Kind,
                new AssigneeView(t.Role, t.OrgUnitId, orgs.NameOf(t.OrgUnitId)),
                new ApplicantName(HidesApplicant(t, snapshot) ? null : names.GetValueOrDefault(c.ApplicantAccountId, "")),
                t.CreatedAt, t.DueAt, t.CompletedAt is null && t.DueAt <= now, t.Version, t.CompletedAt, t.CompletedBy, t.Outcome,
                t.ClaimedBy is { } holder ? new ClaimView(new PersonRef(holder, names.GetValueOrDefault(holder, "")), t.ClaimedAt!.Value) : null));
        }
        return views;
    }

    public async Task<TaskDetailView> DetailAsync(CaseTask task, Case c, CancellationToken ct)
    {
        var view = (await ViewsAsync([task], ct))[0];
        var permissions = JsonNode.Parse(task.FieldPermissions)!.AsObject();
        var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
        var form = snapshot.FormFor(task.FormId);
        var caseView = await cases.ViewAsync(c, (data, _) => ForStep(data, permissions, form), ct, applicantHidden: view.Applicant.DisplayName is null);
        return new TaskDetailView(view.Id, view.CaseId, view.CaseNumber, view.ServiceName, view.ActivityId, view.Title, view.Kind, view.Assignee,
            view.Applicant, view.CreatedAt, view.DueAt, view.Overdue, view.RowVersion, view.CompletedAt, view.CompletedBy, view.Outcome, view.Claim,
            JsonNode.Parse(task.Outcomes)!.AsArray().Select(o => (string)o!).Select(o => new OutcomeView(o, OutcomeLabels.For(o))).ToList(),
            permissions, (JsonObject)form.Json.DeepClone(), caseView);
    }

    /// <summary>
    /// Whether the step may not know who applied: it hides a field of the start form that holds a person's name (as
    /// the ideas template's expert rating does), so the applicant's name is not shown beside it either.
    /// </summary>
    private static bool HidesApplicant(CaseTask task, LoadedSnapshot snapshot)
    {
        var permissions = JsonNode.Parse(task.FieldPermissions) as JsonObject;
        return permissions is not null && snapshot.StartForm.Definition.DataFields()
            .Any(f => f.Pii == "name" && f.Key is { } key && (string?)permissions[key] == "hidden");
    }

    /// <summary>The case data a step sees: hidden fields left out; personal fields masked unless the step may read or edit them.</summary>
    private static JsonObject ForStep(JsonObject data, JsonObject permissions, LoadedForm form)
    {
        var granted = (string key) => (string?)permissions[key] is "read" or "edit" or "required";
        var visible = PiiProtector.Masked(form.Definition, data, key => granted(key));
        foreach (var (key, permission) in permissions)
            if ((string?)permission == "hidden") visible.Remove(key);
        return visible;
    }
}
