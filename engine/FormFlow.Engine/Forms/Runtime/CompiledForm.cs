using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Formats;
using FormFlow.Engine.Forms.Rules;
using FormFlow.Engine.Forms.Schema;
using Json.Schema;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>Everything the runtime derives once per definition: field lookups, calculation order, schema and patterns.</summary>
internal sealed class CompiledForm
{
    public FormDefinition Form { get; }
    public IReadOnlyList<FieldDefinition> TopFields { get; }
    public IReadOnlyList<FieldPlace> Calculations { get; }
    public JsonObject RuntimeSchemaJson { get; }
    public JsonSchema RuntimeSchema { get; }
    public SchemaFastPath? SchemaFastPath { get; }
    private readonly Dictionary<FieldDefinition, Regex> _patterns = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, FieldPlace> _byIdOrKeyPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _topOrder = new(StringComparer.Ordinal);

    public CompiledForm(FormDefinition form)
    {
        Form = form;
        TopFields = form.DataFields().ToList();
        for (var i = 0; i < TopFields.Count; i++) _topOrder[TopFields[i].Key!] = i;
        var order = CalculationOrder.Build(form);
        if (order.Cycle is not null) throw new ArgumentException($"calculate cycle: {string.Join(" → ", order.Cycle)}", nameof(form));
        Calculations = order.Order;
        RuntimeSchemaJson = FormSchemaCompiler.ToRuntimeJson(form);
        RuntimeSchema = FormSchemaCompiler.Build(RuntimeSchemaJson);
        SchemaFastPath = SchemaFastPath.TryCompile(RuntimeSchemaJson, MainlandFormats.Registry);
        var places = FieldPlace.All(form).ToList();
        foreach (var place in places)
        {
            var f = place.Field;
            if (f.Pattern is not null) _patterns[f] = new Regex(f.Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            _byIdOrKeyPath[f.Id] = place;
        }
        // An element id wins over a key path spelled the same way.
        foreach (var place in places.Where(p => p.Field.Key is not null))
            _byIdOrKeyPath.TryAdd(place.Group is null ? place.Field.Key! : $"{place.Group.Key}/{place.Field.Key}", place);
    }

    public Regex? PatternOf(FieldDefinition field) => _patterns.GetValueOrDefault(field);

    public FieldPlace? Find(string idOrKeyPath) => _byIdOrKeyPath.GetValueOrDefault(idOrKeyPath);

    /// <summary>Sort key of a data path in document order: (top-level field, row, field within the row).</summary>
    public (int Top, int Row, int Child) OrderOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !_topOrder.TryGetValue(segments[0], out var top)) return (-1, -1, -1);
        var row = segments.Length > 1 && int.TryParse(segments[1], out var r) ? r : -1;
        var child = -1;
        if (segments.Length > 2 && TopFields[top].Fields is { } children)
            child = children.ToList().FindIndex(c => c.Key == segments[2]);
        return (top, row, child);
    }
}
