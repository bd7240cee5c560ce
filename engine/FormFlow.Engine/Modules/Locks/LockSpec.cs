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

    /// <summary>
    /// For bounds locks on a choice: the values allowed at <see cref="Path"/> (`options` in JSON), compared as JSON.
    /// A bounds lock has min and/or max, or options.
    /// </summary>
    public IReadOnlyList<JsonNode?> Options { get; init; } = [];

    /// <summary>A bounds lock names something to hold the value to.</summary>
    public bool HasBounds => Min is not null || Max is not null || Options.Count > 0;

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
        Options = node["options"]?.AsArray().Select(o => o?.DeepClone()).ToList() ?? [],
    };

    public JsonObject ToJson(OrgRef by)
    {
        var node = new JsonObject { ["element"] = Element, ["kind"] = char.ToLowerInvariant(Kind.ToString()[0]) + Kind.ToString()[1..] };
        if (Properties.Count > 0) node["properties"] = new JsonArray(Properties.Select(p => (JsonNode?)p).ToArray());
        if (Path is not null) node["path"] = Path;
        if (Min is { } min) node["min"] = min;
        if (Max is { } max) node["max"] = max;
        if (Options.Count > 0) node["options"] = new JsonArray(Options.Select(o => o?.DeepClone()).ToArray());
        if (Reason is not null) node["reason"] = Reason;
        if (Existing.Count > 0) node["existing"] = new JsonArray(Existing.Select(e => (JsonNode?)e).ToArray());
        node["by"] = by.ToJson();
        return node;
    }

    /// <summary>A property lock names either a property (`label`) or a pointer under it (`/label/en`).</summary>
    private static string Normalize(string property) => property.StartsWith('/') ? property : "/" + property;

    public bool Allows(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <summary>
    /// Whether a value may stand at the locked path: one of the options when there are any, and a number within
    /// min–max when either is set.
    /// </summary>
    public bool Admits(JsonNode? value)
    {
        if (Options.Count > 0 && !Options.Any(o => JsonNode.DeepEquals(o, value))) return false;
        if (Min is null && Max is null) return true;
        return ModuleSoundness.Number(value) is { } n && Allows(n);
    }

    /// <summary>Whether every value this lock admits is admitted by <paramref name="above"/> too (locks only tighten).</summary>
    public bool WithinBoundsOf(LockSpec above) =>
        (above.Min is not { } min || Min >= min)
        && (above.Max is not { } max || Max <= max)
        && (above.Options.Count == 0 || (Options.Count > 0 && Options.All(o => above.Options.Any(a => JsonNode.DeepEquals(a, o)))));

    public string Bounds => Options.Count > 0
        ? $"one of {string.Join(", ", Options.Select(o => o?.ToJsonString() ?? "null"))}{(Min is null && Max is null ? "" : $" within {NumberBounds}")}"
        : NumberBounds;

    private string NumberBounds => (Min, Max) switch
    {
        (null, _) => $"≤ {Format(Max)}",
        (_, null) => $"≥ {Format(Min)}",
        _ => $"{Format(Min)}–{Format(Max)}",
    };

    private static string? Format(double? n) => n?.ToString(CultureInfo.InvariantCulture);
}
