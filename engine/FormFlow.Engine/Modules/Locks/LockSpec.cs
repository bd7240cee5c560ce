using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Resolution;

namespace FormFlow.Engine.Modules.Locks;

/// <summary>One lock as written in a manifest or a `lock` operation; <see cref="By"/> is the org that holds it.</summary>
internal sealed record LockSpec(string Element, LockKind Kind, IReadOnlyList<string> Properties, string? Path, double? Min, double? Max, string? Reason, OrgRef? By)
{
    /// <summary>
    /// For additions-only locks: the element and its descendants when the lock was set (`existing` in the module
    /// document). Only these are protected, so children added later, at any level, stay changeable below.
    /// </summary>
    public IReadOnlyList<string> Existing { get; init; } = [];

    public static LockSpec FromJson(JsonNode node) => new(
        (string)node["element"]!,
        Enum.Parse<LockKind>((string)node["kind"]!, ignoreCase: true),
        node["properties"]?.AsArray().Select(p => Normalize((string)p!)).ToList() ?? [],
        (string?)node["path"],
        ModuleSoundness.Number(node["min"]),
        ModuleSoundness.Number(node["max"]),
        (string?)node["reason"],
        node["by"] is { } by ? OrgRef.FromJson(by) : null)
    {
        Existing = node["existing"]?.AsArray().Select(e => (string)e!).ToList() ?? [],
    };

    public JsonObject ToJson(OrgRef by)
    {
        var node = new JsonObject { ["element"] = Element, ["kind"] = char.ToLowerInvariant(Kind.ToString()[0]) + Kind.ToString()[1..] };
        if (Properties.Count > 0) node["properties"] = new JsonArray(Properties.Select(p => (JsonNode?)p).ToArray());
        if (Path is not null) node["path"] = Path;
        if (Min is { } min) node["min"] = min;
        if (Max is { } max) node["max"] = max;
        if (Reason is not null) node["reason"] = Reason;
        if (Existing.Count > 0) node["existing"] = new JsonArray(Existing.Select(e => (JsonNode?)e).ToArray());
        node["by"] = by.ToJson();
        return node;
    }

    /// <summary>A property lock names either a property (`label`) or a pointer under it (`/label/en`).</summary>
    private static string Normalize(string property) => property.StartsWith('/') ? property : "/" + property;

    public bool Allows(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    public string Bounds => (Min, Max) switch
    {
        (null, _) => $"≤ {Format(Max)}",
        (_, null) => $"≥ {Format(Min)}",
        _ => $"{Format(Min)}–{Format(Max)}",
    };

    private static string? Format(double? n) => n?.ToString(CultureInfo.InvariantCulture);
}
