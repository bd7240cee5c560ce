using System.Text.Json.Nodes;

namespace FormFlow.Engine.Modules.Overlays;

/// <summary>
/// A lower org's customisation of its parent's module: `{org, base: {module, version, hash?}, key?, name?, description?, operations, log?}`,
/// checked against the embedded overlay schema. Operations name stable element IDs and keep the value they were
/// written against (`was`), so an upgrade can tell what the child changed from what the parent changed.
/// </summary>
public sealed class Overlay
{
    private Overlay(JsonObject document, string source)
    {
        Document = document;
        Source = source;
        Org = OrgRef.FromJson(document["org"]!);
    }

    /// <summary>The overlay as written (a private copy).</summary>
    public JsonObject Document { get; }

    /// <summary>Where it came from (file name or org), for error messages.</summary>
    public string Source { get; }

    public OrgRef Org { get; }

    public string BaseModule => (string)Document["base"]!["module"]!;
    public string BaseVersion => (string)Document["base"]!["version"]!;
    public string? BaseHash => (string?)Document["base"]!["hash"];
    public JsonArray Operations => Document["operations"]!.AsArray();

    /// <summary>
    /// A keyed derivation's own module key (a second service of the parent's kind, e.g. an innovation showcase on
    /// golden ideas); null keeps the parent's key. <see cref="Name"/> and <see cref="Description"/> (localized texts)
    /// replace the parent's when given.
    /// </summary>
    public string? Key => (string?)Document["key"];
    public JsonObject? Name => Document["name"] as JsonObject;
    public JsonObject? Description => Document["description"] as JsonObject;

    /// <summary>The JSON Schema of the overlay format.</summary>
    public static string Schema => EmbeddedSchema.Overlay.Text;

    /// <summary>Reads an overlay; throws <see cref="ModuleException"/> naming each format problem.</summary>
    public static Overlay Parse(JsonNode? node, string source)
    {
        var problems = EmbeddedSchema.Overlay.Check(node, source);
        if (problems.Count > 0) throw new ModuleException(problems);
        return new Overlay(node!.DeepClone().AsObject(), source);
    }
}
