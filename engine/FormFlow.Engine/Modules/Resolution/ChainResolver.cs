using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Locks;
using FormFlow.Engine.Modules.Overlays;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// Resolves a chain: a package's module document, then overlays from the top down (province → city → district →
/// street → grassroots). Each overlay must come from a lower level than the one before and name the module and
/// version it was written for (and, when it gives one, the hash of the parent snapshot). Every operation is checked
/// against the locks set above it; the result must pass <see cref="ModuleSoundness"/>.
/// </summary>
public static class ChainResolver
{
    /// <summary>The snapshot, or a <see cref="ModuleException"/> listing what was refused (nothing is changed).</summary>
    public static Snapshot Resolve(JsonObject package, IReadOnlyList<Overlay> overlays)
    {
        var module = Translations.Merged(package);
        var owner = OrgRef.FromJson(module["owner"]!);
        var book = new LockBook();
        var index = ElementIndex.Build(module);
        foreach (var node in module["locks"]!.AsArray())
        {
            // A package's additions-only lock protects what the package holds (on an extension point: no step yet); a
            // snapshot's locks already say what.
            if ((string?)node!["kind"] == "additionsOnly" && node["existing"] is null)
                node["existing"] = new JsonArray(index.SelfAndDescendants((string)node["element"]!).Select(e => (JsonNode?)e.Id).ToArray());
            book.Add(LockSpec.FromJson(node), 0);
        }
        var packageActivities = index.Entries.Values.Where(e => e.Kind == ElementKind.Activity).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var provenance = new Provenance();
        provenance.AddElements(index.Entries.Values, owner);

        var above = owner;
        for (var i = 0; i < overlays.Count; i++)
        {
            var overlay = overlays[i];
            var problems = CheckBase(module, overlay, above);
            if (problems.Count == 0) problems = new OverlayApplier(module, book, provenance, overlay, i + 1, packageActivities).Apply();
            if (problems.Count > 0) throw new ModuleException(problems);
            Rename(module, overlay);
            above = overlay.Org;
        }

        var resolved = SettingBindings.Applied(module);
        foreach (var (setting, element, path) in SettingBindings.Bindings(resolved))
            if (provenance.Get(setting, "/value") is { } origin)
                provenance.Set(element, path, (JsonObject)origin.DeepClone());
        var unsound = ModuleSoundness.Check(resolved);
        if (unsound.Count > 0)
            throw new ModuleException(unsound.Select(p => p with { Message = "the resolved module is unsound: " + p.Message }).ToList());
        return new Snapshot(CanonicalJson.Hash(resolved), resolved, provenance.Sorted());
    }

    /// <summary>The hash the snapshot of <paramref name="module"/> would have (for an overlay's `base.hash`).</summary>
    public static string HashOf(JsonObject module) => CanonicalJson.Hash(SettingBindings.Applied(Translations.Merged(module)));

    private static List<ModuleProblem> CheckBase(JsonObject module, Overlay overlay, OrgRef above)
    {
        var problems = new List<ModuleProblem>();
        ModuleProblem Problem(string path, string message) => new(null, path, message) { Source = overlay.Source };
        if (overlay.BaseModule != (string)module["id"]!)
            problems.Add(Problem("/base/module", $"overlay of {overlay.Org} is for module '{overlay.BaseModule}', not '{module["id"]}'"));
        if (overlay.BaseVersion != (string)module["version"]!)
            problems.Add(Problem("/base/version", $"overlay of {overlay.Org} was written against version {overlay.BaseVersion}; the template is version {module["version"]}: rebase it"));
        else if (overlay.BaseHash is { } hash && hash != HashOf(module))
            problems.Add(Problem("/base/hash", $"overlay of {overlay.Org} was written against parent snapshot {hash}; the parent now resolves to {HashOf(module)}: rebase it"));
        // A keyed derivation is a second service, so the org that owns the parent may make it too (the city's
        // innovation showcase on its own golden ideas); the parent's locks still bind it, being set at an earlier position.
        var sameOrgKeyed = overlay.Key is { } key && overlay.Org.Id == above.Id;
        if (sameOrgKeyed && overlay.Key == (string?)module["id"])
            problems.Add(Problem("/key", $"overlay of {overlay.Org} on its own module '{module["id"]}' must name a new key"));
        else if (!sameOrgKeyed && OrgRef.Rank(overlay.Org.Level) <= OrgRef.Rank(above.Level))
            problems.Add(Problem("/org/level", $"overlay of {overlay.Org} cannot customise a module from {above} : overlays apply from higher levels to lower ones"));
        return problems;
    }

    /// <summary>A keyed overlay gives the module its own key (name, description): the snapshot is then that service's, and the next overlay names it as its base.</summary>
    private static void Rename(JsonObject module, Overlay overlay)
    {
        if (overlay.Key is { } key) module["id"] = key;
        if (overlay.Name is { } name) module["name"] = name.DeepClone();
        if (overlay.Description is { } description) module["description"] = description.DeepClone();
    }
}
