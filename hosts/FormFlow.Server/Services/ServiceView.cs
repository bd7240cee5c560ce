using System.Text.Json.Nodes;
using FormFlow.Server.Snapshots;

namespace FormFlow.Server.Services;

/// <summary>A service as the API lists it. Name and description are the module's localized texts ({"zh-CN": ...}).</summary>
/// <summary><paramref name="Submissions"/>: <c>cases</c> (each submission starts the workflow) or <c>responses</c> (a survey or vote: POST .../responses).</summary>
internal sealed record ServiceView(
    int Id, string ModuleKey, JsonNode? Name, JsonNode? Description, string? Category,
    int OrgUnitId, string OrgName, string SnapshotHash, string Version, string Submissions)
{
    public static ServiceView From(ServiceEntry entry, LoadedSnapshot snapshot) => new(
        entry.Activation.Id, entry.Activation.ModuleKey, snapshot.Module["name"]?.DeepClone(), snapshot.Module["description"]?.DeepClone(),
        (string?)snapshot.Module["category"], entry.Org.Id, entry.Org.Name, snapshot.Hash, snapshot.Version,
        snapshot.Policy.Responses ? "responses" : "cases");
}

/// <summary>
/// One service with the start form the applicant fills in and its compiled JSON Schema (draft 2020-12);
/// <paramref name="Responses"/> holds the response policy as it stands for me (null for a case service without one).
/// </summary>
internal sealed record ServiceDetailView(
    int Id, string ModuleKey, JsonNode? Name, JsonNode? Description, string? Category,
    int OrgUnitId, string OrgName, string SnapshotHash, string Version, string Submissions, JsonObject Form, JsonObject Schema,
    ResponseFacts? Responses)
{
    public static ServiceDetailView From(ServiceEntry entry, LoadedSnapshot snapshot, ResponseFacts? responses)
    {
        var s = ServiceView.From(entry, snapshot);
        return new(s.Id, s.ModuleKey, s.Name, s.Description, s.Category, s.OrgUnitId, s.OrgName, s.SnapshotHash, s.Version, s.Submissions,
            (JsonObject)snapshot.StartForm.Json.DeepClone(), (JsonObject)snapshot.StartForm.Schema.DeepClone(), responses);
    }
}
