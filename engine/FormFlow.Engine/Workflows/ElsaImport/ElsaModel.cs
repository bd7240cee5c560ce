using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.ElsaImport;

// The subset of an Elsa 3 export that FormFlow understands, after reading and checking.
// Pointers are JSON Pointers into the Elsa file, so errors found later can still name the place.

internal sealed record ElsaWorkflow(
    string Name,
    string? DefinitionId,
    IReadOnlyList<ElsaVariable> Variables,
    ElsaActivity Root);

/// <summary>A workflow variable; <paramref name="Type"/> is the FormFlow value type the .NET type name maps to.</summary>
internal sealed record ElsaVariable(string? Id, string Name, ElsaValueType Type, JsonNode? Value);

internal enum ElsaValueType { String, Integer, Number, Boolean, DateTime, Duration, Any, Array }

/// <summary>An input value: a literal (Literal and Object expressions) or JavaScript source.</summary>
internal abstract record ElsaValue;
internal sealed record ElsaLiteral(JsonNode? Value) : ElsaValue;
internal sealed record ElsaScript(string Source) : ElsaValue;

internal sealed record ElsaLayout(double X, double Y, double? Width, double? Height);

internal abstract record ElsaActivity(string Id, string Pointer, ElsaLayout? Layout);

internal sealed record ElsaFlowchart(string Id, string Pointer, ElsaLayout? Layout,
    IReadOnlyList<ElsaActivity> Activities, IReadOnlyList<ElsaConnection> Connections, string StartId)
    : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaConnection(string Source, string SourcePort, string Target, string Pointer);

internal sealed record ElsaSequence(string Id, string Pointer, ElsaLayout? Layout, IReadOnlyList<ElsaActivity> Activities)
    : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaIf(string Id, string Pointer, ElsaLayout? Layout, ElsaValue Condition, ElsaActivity? Then, ElsaActivity? Else)
    : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaStart(string Id, string Pointer, ElsaLayout? Layout) : ElsaActivity(Id, Pointer, Layout);

/// <summary>Elsa's End closes its own path; Finish ends the whole workflow at once.</summary>
internal sealed record ElsaEnd(string Id, string Pointer, ElsaLayout? Layout, bool FinishesWorkflow) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaDecision(string Id, string Pointer, ElsaLayout? Layout, ElsaValue Condition) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaSwitchCase(string Label, ElsaValue Condition);

internal sealed record ElsaSwitch(string Id, string Pointer, ElsaLayout? Layout, IReadOnlyList<ElsaSwitchCase> Cases, bool MatchAny)
    : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaFork(string Id, string Pointer, ElsaLayout? Layout, IReadOnlyList<string> Branches) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaJoin(string Id, string Pointer, ElsaLayout? Layout, bool WaitAny) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaSetVariable(string Id, string Pointer, ElsaLayout? Layout, string Variable, ElsaValue Value) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaWriteLine(string Id, string Pointer, ElsaLayout? Layout, ElsaValue Text) : ElsaActivity(Id, Pointer, Layout);

/// <summary>Delay (<c>timeSpan</c>) and Timer (<c>interval</c>) both wait for a duration inside a flow.</summary>
internal sealed record ElsaDelay(string Id, string Pointer, ElsaLayout? Layout, TimeSpan Duration, bool IsTimer) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaEvent(string Id, string Pointer, ElsaLayout? Layout, string EventName) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaRunJavaScript(string Id, string Pointer, ElsaLayout? Layout, string Script) : ElsaActivity(Id, Pointer, Layout);

internal sealed record ElsaSetOutput(string Id, string Pointer, ElsaLayout? Layout, string OutputName, ElsaValue Value) : ElsaActivity(Id, Pointer, Layout);
