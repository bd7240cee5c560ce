using System.Text.Json.Nodes;
using System.Xml;
using FormFlow.Engine.Workflows.Definitions;
using T = FormFlow.Engine.Workflows.ElsaImport.FormFlowActivityTypes;

namespace FormFlow.Engine.Workflows.ElsaImport;

/// <summary>
/// Turns a read Elsa workflow into a FormFlow flowchart. Elsa activity IDs are kept; Sequence and If become
/// flowchart pieces (a Sequence chains its children and leaves no activity of its own, an If becomes a decision
/// with its ID). Added activities get IDs derived from the root's: "ROOT.start" when Elsa has no Start activity,
/// "ROOT.end" where a path stops without an End (FormFlow needs every path to reach one), and "SOURCE.PORT.fork"
/// when Elsa starts parallel branches by connecting one outcome to several activities.
/// </summary>
internal sealed class ElsaDefinitionMapper
{
    /// <summary>Where control enters a mapped piece and the (activity, outcome) pairs it leaves by when done.</summary>
    private sealed record Piece(string Entry, IReadOnlyList<(string Activity, string Outcome)> Exits);

    private readonly List<ActivityDefinition> _activities = [];
    private readonly List<ConnectionDefinition> _connections = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _outcomes = new(StringComparer.Ordinal);
    private readonly List<ElsaImportError> _errors = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<VariableDefinition> _variables = [];
    private readonly ElsaScriptRewriter _rewriter;
    private readonly string _rootId;

    private ElsaDefinitionMapper(ElsaWorkflow workflow)
    {
        _rootId = workflow.Root.Id;
        CollectIds(workflow.Root);
        foreach (var v in workflow.Variables) AddVariable(v.Name, TypeOf(v.Type), v.Value, "/variables", null);
        foreach (var output in Outputs(workflow.Root)) AddVariable(output.OutputName, "any", null, output.Pointer, output.Id);
        _rewriter = ElsaScriptRewriter.ForVariables(_variables.Select(v => v.Name));
    }

    public static WorkflowDefinition Map(ElsaWorkflow workflow, JsonNode? elsaVersion)
    {
        var mapper = new ElsaDefinitionMapper(workflow);
        mapper.MapRoot(workflow.Root);
        if (mapper._errors.Count > 0) throw new ElsaImportException(mapper._errors);
        var version = elsaVersion is JsonValue v && v.TryGetValue(out int n) && n >= 1 ? n : 1;
        return new WorkflowDefinition(DefinitionId(workflow), version, workflow.Name, mapper._variables,
            mapper._activities, mapper.WithExplicitForks());
    }

    // ---- structure ----

    private void MapRoot(ElsaActivity root)
    {
        if (root is ElsaFlowchart chart)
        {
            var pieces = chart.Activities.ToDictionary(a => a.Id, a => MapActivity(a, inFlowchart: true));
            var byId = chart.Activities.ToDictionary(a => a.Id);
            foreach (var c in chart.Connections)
                foreach (var (activity, outcome) in PortExits(byId[c.Source], pieces[c.Source], c.SourcePort))
                    Connect(activity, outcome, pieces[c.Target].Entry);
            if (byId[chart.StartId] is not ElsaStart) Connect(AddStart(), "done", pieces[chart.StartId].Entry);
        }
        else
        {
            var piece = MapActivity(root, inFlowchart: false);
            Connect(AddStart(), "done", piece.Entry);
        }
        CloseOpenPaths();
    }

    private Piece MapActivity(ElsaActivity a, bool inFlowchart)
    {
        if (!inFlowchart && a is ElsaStart or ElsaDecision or ElsaSwitch or ElsaFork or ElsaJoin)
            Error(a, $"{ElsaName(a)} '{a.Id}' can only be placed directly in a Flowchart, not inside a Sequence or If");
        switch (a)
        {
            case ElsaSequence sequence:
                return MapSequence(sequence);
            case ElsaIf branch:
                return MapIf(branch);
            case ElsaStart:
                return Simple(a, T.Start, []);
            case ElsaEnd end:
                Add(a, T.End, end.FinishesWorkflow ? new() { ["terminate"] = InputValue.Of(true) } : [], []);
                return new Piece(a.Id, []);
            case ElsaDecision decision:
                Add(a, T.Decision, new() { ["condition"] = Value(decision.Condition) }, ["true", "false"]);
                return new Piece(a.Id, []);
            case ElsaSwitch sw:
                return MapSwitch(sw);
            case ElsaFork:
                return Simple(a, T.Fork, []);
            case ElsaJoin join:
                return Simple(a, T.Join, new() { ["mode"] = InputValue.Of(join.WaitAny ? "any" : "all") });
            case ElsaSetVariable set:
                return Simple(a, T.SetVariable, new() { ["name"] = InputValue.Of(set.Variable), ["value"] = Value(set.Value) });
            case ElsaSetOutput output:
                return Simple(a, T.SetVariable, new() { ["name"] = InputValue.Of(output.OutputName), ["value"] = Value(output.Value) });
            case ElsaWriteLine line:
                return Simple(a, T.Log, new() { ["text"] = Value(line.Text) });
            case ElsaRunJavaScript js:
                return Simple(a, T.Script, new() { ["script"] = InputValue.Of(_rewriter.Script(js.Script)) });
            case ElsaEvent e:
                return Simple(a, T.WaitForEvent, new() { ["event"] = InputValue.Of(e.EventName) });
            case ElsaDelay delay:
                if (delay.Duration <= TimeSpan.Zero) Error(a, $"activity '{a.Id}' waits for no time at all; a Delay or Timer needs a positive duration");
                var duration = InputValue.Of(XmlConvert.ToString(delay.Duration));
                return delay.IsTimer ? Simple(a, T.Timer, new() { ["interval"] = duration }) : Simple(a, T.Delay, new() { ["duration"] = duration });
            default:
                Error(a, $"activity '{a.Id}' ({a.GetType().Name}) cannot be placed here");
                return new Piece(a.Id, []);
        }
    }

    private Piece MapSequence(ElsaSequence sequence)
    {
        if (sequence.Activities.Count == 0)
        {
            // Nothing to chain: keep a pass-through step so connections to and from the Sequence still meet.
            Add(sequence, T.Decision, new() { ["condition"] = InputValue.Of(true) }, ["true", "false"]);
            return new Piece(sequence.Id, [(sequence.Id, "true")]);
        }
        var pieces = sequence.Activities.Select(child => MapActivity(child, inFlowchart: false)).ToList();
        for (var i = 0; i + 1 < pieces.Count; i++)
            foreach (var (activity, outcome) in pieces[i].Exits) Connect(activity, outcome, pieces[i + 1].Entry);
        return new Piece(pieces[0].Entry, pieces[^1].Exits);
    }

    private Piece MapIf(ElsaIf branch)
    {
        Add(branch, T.Decision, new() { ["condition"] = Value(branch.Condition) }, ["true", "false"]);
        var exits = new List<(string, string)>();
        foreach (var (child, outcome) in new[] { (branch.Then, "true"), (branch.Else, "false") })
        {
            if (child is null)
            {
                exits.Add((branch.Id, outcome));
                continue;
            }
            var piece = MapActivity(child, inFlowchart: false);
            Connect(branch.Id, outcome, piece.Entry);
            exits.AddRange(piece.Exits);
        }
        return new Piece(branch.Id, exits);
    }

    private Piece MapSwitch(ElsaSwitch sw)
    {
        if (sw.MatchAny)
            Error(sw, $"switch '{sw.Id}' uses mode MatchAny; FormFlow switches follow the first matching case only (MatchFirst)");
        var cases = new JsonArray();
        foreach (var c in sw.Cases)
        {
            if (c.Label == "default") Error(sw, $"switch '{sw.Id}': case label 'default' clashes with FormFlow's default outcome");
            var condition = c.Condition switch
            {
                ElsaScript s => _rewriter.Expression(s.Source),
                ElsaLiteral l => l.Value?.ToJsonString() ?? "false",
                _ => "false",
            };
            cases.Add(new JsonObject { ["outcome"] = c.Label, ["condition"] = condition });
        }
        Add(sw, T.Switch, new() { ["cases"] = InputValue.Of(cases) }, [.. sw.Cases.Select(c => c.Label), "default"]);
        return new Piece(sw.Id, []);
    }

    /// <summary>The FormFlow (activity, outcome) pairs an Elsa port leads out of.</summary>
    private static IEnumerable<(string, string)> PortExits(ElsaActivity source, Piece piece, string port) => source switch
    {
        ElsaSequence or ElsaIf => piece.Exits,
        ElsaDecision => [(source.Id, port == "True" ? "true" : "false")],
        ElsaSwitch => [(source.Id, port == "Default" ? "default" : port)],
        _ => [(source.Id, "done")],
    };

    private Piece Simple(ElsaActivity a, string type, Dictionary<string, InputValue> inputs)
    {
        Add(a, type, inputs, ["done"]);
        return new Piece(a.Id, [(a.Id, "done")]);
    }

    private void Add(ElsaActivity a, string type, Dictionary<string, InputValue> inputs, IReadOnlyList<string> outcomes)
    {
        var layout = a.Layout is { } l ? new ActivityLayout(l.X, l.Y, l.Width, l.Height) : null;
        _activities.Add(new ActivityDefinition(a.Id, type, null, inputs, layout));
        _outcomes[a.Id] = outcomes;
    }

    private string AddStart()
    {
        var id = NewId("start");
        _activities.Insert(0, new ActivityDefinition(id, T.Start));
        _outcomes[id] = ["done"];
        return id;
    }

    private void Connect(string source, string outcome, string target) =>
        _connections.Add(new ConnectionDefinition(source, target, outcome));

    /// <summary>Elsa lets a path simply stop; FormFlow wants every path to reach an end, so stopped paths get one.</summary>
    private void CloseOpenPaths()
    {
        var connected = _connections.Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
        var open = _activities.Where(a => a.Type != T.End && !connected.Contains(a.Id)).ToList();
        if (open.Count == 0) return;
        var end = NewId("end");
        _activities.Add(new ActivityDefinition(end, T.End));
        foreach (var a in open)
            foreach (var outcome in a.Type == T.Fork ? ["done"] : _outcomes[a.Id]) Connect(a.Id, outcome, end);
    }

    /// <summary>One outcome connected to several activities runs them in parallel in Elsa; FormFlow says so with a fork.</summary>
    private List<ConnectionDefinition> WithExplicitForks()
    {
        var result = new List<ConnectionDefinition>();
        var types = _activities.ToDictionary(a => a.Id, a => a.Type, StringComparer.Ordinal);
        foreach (var group in _connections.GroupBy(c => (c.Source, c.Outcome)))
        {
            if (group.Count() == 1 || types[group.Key.Source] == T.Fork)
            {
                result.AddRange(group);
                continue;
            }
            var fork = NewId($"{group.Key.Source}.{group.Key.Outcome}.fork", fromRoot: false);
            _activities.Add(new ActivityDefinition(fork, T.Fork));
            result.Add(new ConnectionDefinition(group.Key.Source, fork, group.Key.Outcome));
            result.AddRange(group.Select(c => new ConnectionDefinition(fork, c.Target)));
        }
        return result;
    }

    // ---- values and variables ----

    private InputValue Value(ElsaValue value) => value switch
    {
        ElsaScript s => InputValue.Code(_rewriter.Expression(s.Source)),
        ElsaLiteral l => InputValue.Of(l.Value?.DeepClone()),
        _ => InputValue.Of(null),
    };

    private void AddVariable(string name, string type, JsonNode? value, string pointer, string? activityId)
    {
        if (_variables.Exists(v => v.Name == name)) return;
        if (!ElsaScriptRewriter.IsIdentifier(name))
            _errors.Add(new ElsaImportError(pointer, $"'{name}' is not a JavaScript identifier (ASCII letters, digits, _ and $), so FormFlow expressions could not read it as variables.{name}",
                activityId is null ? [] : [activityId]));
        _variables.Add(new VariableDefinition(name, type, value?.DeepClone()));
    }

    private static string TypeOf(ElsaValueType type) => type switch
    {
        ElsaValueType.String or ElsaValueType.DateTime or ElsaValueType.Duration => "string",
        ElsaValueType.Integer or ElsaValueType.Number => "number",
        ElsaValueType.Boolean => "boolean",
        ElsaValueType.Array => "array",
        _ => "any",
    };

    private static IEnumerable<ElsaSetOutput> Outputs(ElsaActivity a) => a switch
    {
        ElsaSetOutput o => [o],
        ElsaFlowchart f => f.Activities.SelectMany(Outputs),
        ElsaSequence s => s.Activities.SelectMany(Outputs),
        ElsaIf i => new[] { i.Then, i.Else }.OfType<ElsaActivity>().SelectMany(Outputs),
        _ => [],
    };

    // ---- IDs and errors ----

    private void CollectIds(ElsaActivity a)
    {
        _ids.Add(a.Id);
        var children = a switch
        {
            ElsaFlowchart f => f.Activities,
            ElsaSequence s => s.Activities,
            ElsaIf i => new[] { i.Then, i.Else }.OfType<ElsaActivity>(),
            _ => [],
        };
        foreach (var child in children) CollectIds(child);
    }

    private string NewId(string suffix, bool fromRoot = true)
    {
        var id = fromRoot ? $"{_rootId}.{suffix}" : suffix;
        for (var n = 2; !_ids.Add(id); n++) id = $"{(fromRoot ? $"{_rootId}.{suffix}" : suffix)}{n}";
        return id;
    }

    private static string DefinitionId(ElsaWorkflow workflow)
    {
        var raw = workflow.DefinitionId ?? workflow.Name;
        var id = new string(raw.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-' ? c : '-').ToArray()).Trim('-');
        return id.Length == 0 ? "elsa-workflow" : id.Length > 100 ? id[..100] : id;
    }

    private static string ElsaName(ElsaActivity a) => a switch
    {
        ElsaStart => "Start",
        ElsaDecision => "FlowDecision",
        ElsaSwitch => "FlowSwitch",
        ElsaFork => "FlowFork",
        ElsaJoin => "FlowJoin",
        _ => a.GetType().Name,
    };

    private void Error(ElsaActivity a, string message) => _errors.Add(new ElsaImportError(a.Pointer, message, [a.Id]));
}
