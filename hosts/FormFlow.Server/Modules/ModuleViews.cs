using System.Text.Json.Nodes;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Server.Modules;

internal sealed record ModuleSummaryView(
    int Id, JsonNode Name, string Key, string Category, int OwnerOrgId, string OwnerOrgName, string Level, string Kind,
    int? ParentModuleId, string? LatestVersion, bool Draft, bool UpgradeAvailable, bool AutoUpgrade, bool Archived)
{
    /// <param name="parentLatestHash">The parent's latest published snapshot, for a derived module.</param>
    public static ModuleSummaryView From(ModuleRecord m, OrgUnit owner, string? parentLatestHash)
    {
        var latest = ModuleLibrary.Latest(m);
        var baseHash = m.Kind == ModuleKinds.Derived ? (string?)ModuleLibrary.Draft(m)["base"]?["hash"] : null;
        return new(m.Id, JsonNode.Parse(m.Name)!, m.Key, m.Category, owner.Id, owner.Name, ModuleOrgs.Level(owner.Level), m.Kind, m.ParentModuleId,
            latest?.Version, Draft: latest is null || latest.Content != m.Draft,
            UpgradeAvailable: parentLatestHash is not null && baseHash is not null && parentLatestHash != baseHash,
            AutoUpgrade: m.Kind == ModuleKinds.Derived && m.AutoUpgrade, Archived: m.ArchivedAt is not null);
    }
}

internal sealed record ModuleVersionView(string Version, string Hash, DateTime PublishedAt, string PublishedBy, int RunningCases);

internal sealed record ModuleDetailView(ModuleSummaryView Module, List<ModuleVersionView> Versions);

/// <param name="ModuleKey">A key of its own (a second service of the parent's kind); none: the parent's key.</param>
/// <param name="Name">The derivation's name (localized text or a Simplified Chinese string); none: the parent's.</param>
internal sealed record DeriveRequest(int OrgUnitId, string? ModuleKey = null, JsonNode? Name = null);

/// <param name="FromModuleId">A template to start from (its latest published version, or <paramref name="FromVersion"/>); none: a blank starter.</param>
internal sealed record CreateModuleRequest(
    string? ModuleKey = null, JsonNode? Name = null, string? Category = null, int? OwnerOrgId = null, int? FromModuleId = null, string? FromVersion = null);

/// <param name="ModuleKey">A template's copy needs a new one; a derived module's copy keeps its parent's.</param>
internal sealed record DuplicateModuleRequest(string? ModuleKey = null, JsonNode? Name = null, int? OwnerOrgId = null);

internal sealed record OverlayRequest(JsonArray Operations);

internal sealed record ModuleSettingsRequest(bool AutoUpgrade);

internal sealed record ResolveConflictRequest(string ConflictId, string Choice, JsonNode? Value = null);

internal sealed record ActivateRequest(int OrgUnitId, string? Version = null);

internal sealed record ActivationView(int Id, string ModuleKey, int OrgUnitId, string OrgName, string SnapshotHash, string Version);
