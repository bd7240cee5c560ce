using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>
/// Reads an Elsa 3 workflow export into <see cref="ElsaWorkflow"/>, checking it on the way. Every problem
/// is collected (unsupported activity types are listed together with their IDs) and reported at once.
/// </summary>
internal sealed class ElsaReader
{
    private const string Done = "Done";
    private readonly List<ElsaImportError> _errors = [];
    private readonly List<(string Type, string Id)> _unsupported = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<ElsaVariable> _variables = [];
    private readonly ElsaInputReader _inputs;

    private ElsaReader() => _inputs = new ElsaInputReader(_errors);

    /// <summary>True when the document has the shape of an Elsa export: a <c>root</c> activity whose type starts with "Elsa.".</summary>
    public static bool LooksLikeElsa(JsonNode? document) =>
        document is JsonObject doc && doc["root"] is JsonObject root
        && root["type"] is JsonValue type && type.TryGetValue(out string? name) && name.StartsWith("Elsa.", StringComparison.Ordinal);

    public static ElsaWorkflow Read(JsonNode? document)
    {
        var reader = new ElsaReader();
        var workflow = reader.ReadDocument(document);
        if (reader._unsupported.Count > 0)
        {
            var list = string.Join(", ", reader._unsupported.Select(u => $"{u.Type} ({u.Id})"));
            reader._errors.Insert(0, new ElsaImportError("/root",
                $"unsupported Elsa activity types: {list}; supported are {string.Join(", ", Supported)}",
                reader._unsupported.Select(u => u.Id).ToList()));
        }
        if (reader._errors.Count > 0 || workflow is null) throw new ElsaImportException(reader._errors);
        return workflow;
    }

    private static readonly string[] Supported =
    [
        "Flowchart", "Start", "End", "FlowDecision", "FlowSwitch", "FlowFork", "FlowJoin", "SetVariable", "WriteLine",
        "Delay", "Timer", "Event", "RunJavaScript", "SetOutput", "Finish", "Sequence", "If",
    ];

    private ElsaWorkflow? ReadDocument(JsonNode? document)
    {
        if (document is not JsonObject doc)
        {
            Error("", "an Elsa workflow export must be a JSON object");
            return null;
        }
        if (doc["root"] is not JsonObject)
        {
            Error("/root", "the export has no root activity (expected an object with \"type\": \"Elsa.Flowchart\")");
            return null;
        }
        ReadVariables(doc["variables"], "/variables");
        var root = ReadActivity(doc["root"], "/root", isRoot: true);
        if (root is null) return null;
        var name = ElsaInputReader.Text(doc["name"]) ?? ElsaInputReader.Text(doc["definitionId"]) ?? "Elsa workflow";
        return new ElsaWorkflow(name, ElsaInputReader.Text(doc["definitionId"]), _variables, root);
    }

    private void ReadVariables(JsonNode? node, string pointer)
    {
        if (node is null) return;
        if (node is not JsonArray list)
        {
            Error(pointer, "variables must be a list");
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{pointer}/{i}";
            if (list[i] is not JsonObject v || ElsaInputReader.Text(v["name"]) is not { Length: > 0 } name)
            {
                Error(at, "a variable needs a name");
                continue;
            }
            var isArray = v["isArray"] is JsonValue a && a.TryGetValue(out bool flag) && flag;
            var type = ElsaTypeNames.Classify(ElsaInputReader.Text(v["typeName"]), isArray);
            if (!ElsaTypeNames.TryConvert(v["value"], type, out var value, out var reason))
                Error($"{at}/value", $"variable '{name}': {reason}");
            var id = ElsaInputReader.Text(v["id"]);
            var clash = _variables.FirstOrDefault(x => x.Name == name);
            if (clash is not null)
            {
                // The same variable repeated in a nested scope is harmless; a different one with the same name is not.
                if (clash.Id != id) Error(at, $"variable '{name}' is declared twice with different IDs");
                continue;
            }
            _variables.Add(new ElsaVariable(id, name, type, value));
        }
    }

    private ElsaActivity? ReadActivity(JsonNode? node, string pointer, bool isRoot = false)
    {
        if (node is not JsonObject a)
        {
            Error(pointer, "expected an activity object");
            return null;
        }
        var type = ElsaInputReader.Text(a["type"]);
        var id = ElsaInputReader.Text(a["id"]);
        if (string.IsNullOrEmpty(id))
        {
            Error(pointer, $"activity of type '{type}' has no id");
            return null;
        }
        if (!_ids.Add(id))
        {
            Error($"{pointer}/id", $"activity ID '{id}' is used more than once", id);
            return null;
        }
        if (string.IsNullOrEmpty(type))
        {
            Error($"{pointer}/type", $"activity '{id}' has no type", id);
            return null;
        }
        ReadVariables(a["variables"], $"{pointer}/variables");
        var layout = ReadLayout(a["metadata"]);
        var c = new ElsaInputContext(a, id, pointer);
        switch (type)
        {
            case "Elsa.Flowchart":
                if (!isRoot)
                {
                    Error(pointer, $"a Flowchart nested inside another activity is not supported; only the root may be a Flowchart ('{id}')", id);
                    return null;
                }
                return ReadFlowchart(a, id, pointer, layout);
            case "Elsa.Sequence":
                return new ElsaSequence(id, pointer, layout, ReadChildren(a["activities"], $"{pointer}/activities"));
            case "Elsa.If":
                return new ElsaIf(id, pointer, layout, _inputs.Required(c, "condition", ElsaValueType.Boolean),
                    a["then"] is null ? null : ReadActivity(a["then"], $"{pointer}/then"),
                    a["else"] is null ? null : ReadActivity(a["else"], $"{pointer}/else"));
            case "Elsa.Start":
                return new ElsaStart(id, pointer, layout);
            case "Elsa.End":
                return new ElsaEnd(id, pointer, layout, FinishesWorkflow: false);
            case "Elsa.Finish":
                return new ElsaEnd(id, pointer, layout, FinishesWorkflow: true);
            case "Elsa.FlowDecision":
                return new ElsaDecision(id, pointer, layout, _inputs.Required(c, "condition", ElsaValueType.Boolean));
            case "Elsa.FlowSwitch":
                return new ElsaSwitch(id, pointer, layout, _inputs.SwitchCases(c),
                    _inputs.Keyword(c, "mode", "MatchFirst", "MatchFirst", "MatchAny") == "MatchAny");
            case "Elsa.FlowFork":
                return new ElsaFork(id, pointer, layout, _inputs.Branches(c));
            case "Elsa.FlowJoin":
                return new ElsaJoin(id, pointer, layout, _inputs.Keyword(c, "mode", "WaitAll", "WaitAll", "WaitAny") == "WaitAny");
            case "Elsa.SetVariable":
                var variable = VariableReference(a["variable"], id, $"{pointer}/variable");
                var variableType = _variables.FirstOrDefault(v => v.Name == variable)?.Type;
                return new ElsaSetVariable(id, pointer, layout, variable, _inputs.Optional(c, "value", variableType) ?? new ElsaLiteral(null));
            case "Elsa.WriteLine":
                return new ElsaWriteLine(id, pointer, layout, _inputs.Optional(c, "text") ?? new ElsaLiteral(JsonValue.Create("")));
            case "Elsa.Delay":
                return new ElsaDelay(id, pointer, layout, _inputs.Duration(c, "timeSpan"), IsTimer: false);
            case "Elsa.Timer":
                return new ElsaDelay(id, pointer, layout, _inputs.Duration(c, "interval"), IsTimer: true);
            case "Elsa.Event":
                return new ElsaEvent(id, pointer, layout, _inputs.LiteralText(c, "eventName"));
            case "Elsa.RunJavaScript":
                return new ElsaRunJavaScript(id, pointer, layout, _inputs.LiteralText(c, "script"));
            case "Elsa.SetOutput":
                return new ElsaSetOutput(id, pointer, layout, _inputs.LiteralText(c, "outputName"),
                    _inputs.Optional(c, "outputValue") ?? new ElsaLiteral(null));
            default:
                _unsupported.Add((type, id));
                return null;
        }
    }

    private List<ElsaActivity> ReadChildren(JsonNode? node, string pointer)
    {
        var children = new List<ElsaActivity>();
        if (node is null) return children;
        if (node is not JsonArray list)
        {
            Error(pointer, "activities must be a list");
            return children;
        }
        for (var i = 0; i < list.Count; i++)
            if (ReadActivity(list[i], $"{pointer}/{i}") is { } child) children.Add(child);
        return children;
    }

    private ElsaFlowchart? ReadFlowchart(JsonObject a, string id, string pointer, ElsaLayout? layout)
    {
        var activities = ReadChildren(a["activities"], $"{pointer}/activities");
        var connections = ReadConnections(a["connections"], $"{pointer}/connections", activities);
        if (activities.Count == 0)
        {
            Error($"{pointer}/activities", $"flowchart '{id}' has no activities", id);
            return null;
        }
        // Elsa starts a flowchart at its Start activity, or else at the first activity nothing leads to.
        var targets = connections.Select(x => x.Target).ToHashSet();
        var start = activities.OfType<ElsaStart>().FirstOrDefault()?.Id
                    ?? activities.FirstOrDefault(x => !targets.Contains(x.Id))?.Id;
        if (start is null)
        {
            Error(pointer, $"flowchart '{id}' has no Start activity and every activity has an inbound connection, so it cannot start", id);
            return null;
        }
        return new ElsaFlowchart(id, pointer, layout, activities, connections, start);
    }

    private List<ElsaConnection> ReadConnections(JsonNode? node, string pointer, IReadOnlyList<ElsaActivity> activities)
    {
        var result = new List<ElsaConnection>();
        if (node is null) return result;
        if (node is not JsonArray list)
        {
            Error(pointer, "connections must be a list");
            return result;
        }
        var byId = activities.ToDictionary(x => x.Id);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{pointer}/{i}";
            if (list[i] is not JsonObject c)
            {
                Error(at, "expected a connection object");
                continue;
            }
            // Elsa 3.1+ nests {activity, port}; Elsa 3.0 wrote flat source/sourcePort/target/targetPort.
            var (source, sourcePort) = c["source"] is JsonObject s
                ? (ElsaInputReader.Text(s["activity"]), ElsaInputReader.Text(s["port"]))
                : (ElsaInputReader.Text(c["source"]), ElsaInputReader.Text(c["sourcePort"]));
            var target = c["target"] is JsonObject t ? ElsaInputReader.Text(t["activity"]) : ElsaInputReader.Text(c["target"]);
            if (source is null || target is null)
            {
                Error(at, "a connection needs a source and a target activity");
                continue;
            }
            var ok = true;
            foreach (var end in new[] { source, target })
            {
                if (byId.ContainsKey(end)) continue;
                // An unsupported activity is already reported in the type list; do not report its connections again.
                if (!_unsupported.Any(u => u.Id == end))
                    Error(at, $"connection {source} → {target} refers to '{end}', which is not an activity of this flowchart", end);
                ok = false;
            }
            if (!ok) continue;
            var ports = OutPorts(byId[source]);
            var port = ports.FirstOrDefault(p => string.Equals(p, sourcePort ?? Done, StringComparison.OrdinalIgnoreCase));
            if (port is null)
            {
                Error(at, ports.Count == 0
                    ? $"activity '{source}' ends its path and cannot have outgoing connections"
                    : $"activity '{source}' has no outcome '{sourcePort}' (it has {string.Join(", ", ports)})", source);
                continue;
            }
            result.Add(new ElsaConnection(source, port, target, at));
        }
        return result;
    }

    /// <summary>The outcome ports an Elsa activity can leave by.</summary>
    internal static IReadOnlyList<string> OutPorts(ElsaActivity activity) => activity switch
    {
        ElsaEnd => [],
        ElsaDecision => ["True", "False"],
        ElsaSwitch s => [.. s.Cases.Select(x => x.Label), "Default"],
        ElsaFork f => f.Branches,
        _ => [Done],
    };

    private string VariableReference(JsonNode? node, string activityId, string pointer)
    {
        // Elsa writes the variable inline ({id, name, typeName}); match it by ID first, then by name.
        var id = node is JsonObject o ? ElsaInputReader.Text(o["id"]) : null;
        var name = node is JsonObject n ? ElsaInputReader.Text(n["name"]) : ElsaInputReader.Text(node);
        var match = _variables.FirstOrDefault(v => id is not null && v.Id == id) ?? _variables.FirstOrDefault(v => v.Name == name);
        if (match is not null) return match.Name;
        Error(pointer, name is null && id is null
            ? $"SetVariable '{activityId}' does not say which variable to set"
            : $"SetVariable '{activityId}' sets variable '{name ?? id}', which the workflow does not declare", activityId);
        return name ?? id ?? "";
    }

    private static ElsaLayout? ReadLayout(JsonNode? metadata)
    {
        if (metadata?["designer"]?["position"] is not JsonObject position) return null;
        var size = metadata["designer"]?["size"] as JsonObject;
        return new ElsaLayout(Number(position["x"]) ?? 0, Number(position["y"]) ?? 0, Number(size?["width"]), Number(size?["height"]));
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out double d) ? d : null;

    private void Error(string pointer, string message, params string[] ids) =>
        _errors.Add(new ElsaImportError(pointer, message, ids));
}
