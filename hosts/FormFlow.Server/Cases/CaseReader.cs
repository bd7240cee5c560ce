using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;
using FormFlow.Server.Privacy;
using FormFlow.Server.Orgs;

namespace FormFlow.Server.Cases;

/// <summary>Builds the API's case views: names of services, applicants and orgs, timeline, open steps, masked data.</summary>
internal sealed class CaseReader(FormFlowDbContext db, SnapshotCatalog snapshots, OrgDirectory orgs, TimeProvider clock)
{
    public async Task<List<CaseSummaryView>> SummariesAsync(IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var names = await ApplicantNamesAsync(cases.Select(c => c.ApplicantAccountId), ct);
        var views = new List<CaseSummaryView>();
        foreach (var c in cases) views.Add(await SummaryAsync(c, names.GetValueOrDefault(c.ApplicantAccountId, ""), ct));
        return views;
    }

    private async Task<CaseSummaryView> SummaryAsync(Case c, string applicantName, CancellationToken ct)
    {
        var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
        await orgs.EnsureAsync(db, c.OrgUnitId, ct);
        return new CaseSummaryView(c.Id, c.Number, c.ServiceActivationId, c.ModuleKey, snapshot.Module["name"]?.DeepClone(), c.Status,
            new PersonRef(c.ApplicantAccountId, applicantName), c.OrgUnitId, orgs.NameOf(c.OrgUnitId), c.CreatedAt, c.UpdatedAt, c.CurrentStep);
    }

    /// <summary>
    /// The full case; <paramref name="data"/> turns the stored data into what this reader may see. With
    /// <paramref name="applicantHidden"/> (a step that may not know who applied) the applicant is blank in the view
    /// and in the timeline.
    /// </summary>
    public async Task<CaseView> ViewAsync(Case c, Func<JsonObject, LoadedSnapshot, JsonObject> data, CancellationToken ct, bool applicantHidden = false)
    {
        var names = await ApplicantNamesAsync([c.ApplicantAccountId], ct);
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == c.Id).ToListAsync(ct);
        var applicant = names.GetValueOrDefault(c.ApplicantAccountId, "");
        var view = await ViewAsync(c, WorkflowInstance.FromJson(c.Instance), JsonNode.Parse(c.Data)!.AsObject(), data, applicant, tasks, ct);
        if (!applicantHidden) return view;
        return view with
        {
            Applicant = new PersonRef("", ""),
            Timeline = view.Timeline.Select(e => e.By is not null && e.By == applicant ? e with { By = null } : e).ToList(),
        };
    }

    /// <summary>
    /// The full case from what the caller holds in this unit of work (a submission that has just written the case,
    /// its instance and its tasks): the same view without reading or parsing them back. <paramref name="stored"/> is
    /// the case's data, handed to <paramref name="data"/> to become what the reader may see.
    /// </summary>
    public async Task<CaseView> ViewAsync(Case c, WorkflowInstance instance, JsonObject stored, Func<JsonObject, LoadedSnapshot, JsonObject> data,
        string applicantName, IReadOnlyList<CaseTask> tasks, CancellationToken ct)
    {
        var summary = await SummaryAsync(c, applicantName, ct);
        var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
        foreach (var org in tasks.Select(t => t.OrgUnitId).Distinct()) await orgs.EnsureAsync(db, org, ct);
        return new CaseView(summary.Id, summary.Number, summary.ServiceId, summary.ModuleKey, summary.ServiceName, summary.Status, summary.Applicant,
            summary.OrgUnitId, summary.OrgName, summary.CreatedAt, summary.UpdatedAt, summary.CurrentStep, c.SnapshotHash,
            data(stored, snapshot), (JsonObject)snapshot.StartForm.Json.DeepClone(),
            CaseHistory.Timeline(instance, snapshot.Workflow, await PeopleAsync(instance, ct)),
            CaseHistory.OpenSteps(instance, snapshot.Workflow, tasks, orgs.NameOf, clock.GetUtcNow().UtcDateTime),
            CaseHistory.RequestInformation(instance), c.Version);
    }

    /// <summary>The case as the account may read it: the applicant sees their data, everyone else sees personal fields masked.</summary>
    public Task<CaseView> ViewForAsync(Case c, CaseAccess access, CancellationToken ct) =>
        ViewAsync(c, (data, snapshot) => access.SeesPersonalData(c) ? data : PiiProtector.Masked(snapshot.StartForm.Definition, data), ct);

    /// <summary>
    /// The display names of those the timeline names by user name: a worker who registered with a mobile number has
    /// it as user name, and a step that may not see the number must not read it there.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> PeopleAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var userNames = instance.Timeline.Select(e => e.By).OfType<string>().Distinct().ToList();
        if (userNames.Count == 0) return new Dictionary<string, string>();
        return await db.Users.AsNoTracking().Where(a => userNames.Contains(a.UserName!)).ToDictionaryAsync(a => a.UserName!, a => a.DisplayName, ct);
    }

    private async Task<Dictionary<string, string>> ApplicantNamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
    }
}
