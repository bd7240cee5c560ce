using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Locks;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// An extension point is a connection (an activity's outcome port) the template owner opens for lower levels:
/// their own steps may be inserted there, and nowhere else in the workflow.
/// </summary>
internal static class ExtensionPoints
{
    public static (string Id, string Source, string Outcome) Read(JsonNode point) =>
        ((string)point["id"]!, (string)point["source"]!, (string?)point["outcome"] ?? ConnectionDefinition.DefaultOutcome);

    public static JsonNode? Find(JsonObject module, string id) =>
        module["extensionPoints"]?.AsArray().FirstOrDefault(p => (string?)p?["id"] == id);

    public static JsonObject? Connection(JsonObject module, string source, string outcome) =>
        module["workflow"]?["connections"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["source"] == source && ((string?)c["outcome"] ?? ConnectionDefinition.DefaultOutcome) == outcome);

    /// <summary>Which lock kinds an extension point takes: closing it (element) or keeping the steps at it (additions only).</summary>
    public static bool TakesLock(LockKind kind) => kind is LockKind.Element or LockKind.AdditionsOnly;

    /// <summary>
    /// The steps standing at an extension point: from its connection on, each activity inserted by an overlay (not one
    /// of <paramref name="packageActivities"/>), in order, up to where the point rejoins the package's workflow.
    /// </summary>
    public static List<string> StepsAt(JsonObject module, string pointId, IReadOnlySet<string> packageActivities)
    {
        var (_, source, outcome) = Read(Find(module, pointId)!);
        var steps = new List<string>();
        var connections = module["workflow"]!["connections"]!.AsArray().OfType<JsonObject>().ToList();
        for (var at = Connection(module, source, outcome); at is not null;)
        {
            var target = (string)at["target"]!;
            if (packageActivities.Contains(target) || steps.Contains(target)) break;
            steps.Add(target);
            var exits = connections.Where(c => (string?)c["source"] == target).ToList();
            at = exits.Count == 1 ? exits[0] : null;
        }
        return steps;
    }

    /// <summary>
    /// Inserts an activity on the extension point's connection. Earlier insertions at the same point stay first:
    /// the point's tail moves to the new activity's exit port (remembered in <paramref name="tails"/>).
    /// Returns null when it worked, otherwise why not.
    /// </summary>
    public static string? Insert(JsonObject module, string pointId, JsonObject activity, string exit, Dictionary<string, (string Source, string Outcome)> tails)
    {
        var point = Find(module, pointId)!;
        var (_, source, outcome) = Read(point);
        var tail = tails.TryGetValue(pointId, out var last) ? last : (Source: source, Outcome: outcome);
        if (Connection(module, tail.Source, tail.Outcome) is not { } connection)
            return $"extension point '{pointId}': the '{tail.Outcome}' port of '{tail.Source}' no longer has a connection";
        var target = (string)connection["target"]!;
        var id = (string)activity["id"]!;
        connection["target"] = id;
        var next = new JsonObject { ["source"] = id };
        if (exit != ConnectionDefinition.DefaultOutcome) next["outcome"] = exit;
        next["target"] = target;
        module["workflow"]!["connections"]!.AsArray().Add(next);
        module["workflow"]!["activities"]!.AsArray().Add(activity);
        tails[pointId] = (id, exit);
        return null;
    }
}
