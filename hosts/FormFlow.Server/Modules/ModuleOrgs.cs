using FormFlow.Engine.Modules;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Server.Modules;

/// <summary>Org units as the template engine names them: the org unit ID as text, its name and its level.</summary>
internal static class ModuleOrgs
{
    public static OrgRef Ref(OrgUnit org) => new(org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), org.Name, Level(org.Level));

    public static string Level(OrgLevel level) => level.ToString().ToLowerInvariant();
}
