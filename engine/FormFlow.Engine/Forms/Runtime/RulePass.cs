using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>A field's state in one pass, with why it is required ("required", "requiredIf" or null).</summary>
internal sealed record FieldStatus(FieldDefinition Field, FieldDefinition? Group, FieldAccess Access, bool Visible, bool ReadOnly, string? RequiredBy)
{
    public bool Editable => Visible && !ReadOnly;
}

/// <summary>
/// One pass over the rules: start from the sanitized data without the fields hidden so far and with rule-read-only
/// fields reset, compute every calculated field in dependency order, then evaluate visibleIf, readOnlyIf and
/// requiredIf top-down (page, section, field, group rows).
/// </summary>
internal sealed class RulePass
{
    private readonly CompiledForm _form;
    private readonly FieldPermissions _permissions;
    private readonly RuleScope _rules;
    private readonly IReadOnlySet<string> _hidden;
    private readonly IReadOnlySet<string> _readOnly;

    public JsonObject Data { get; }
    public List<FormError> Errors { get; } = [];
    public Dictionary<string, FieldStatus> States { get; } = new(StringComparer.Ordinal);
    public HashSet<string> NewlyHidden { get; } = new(StringComparer.Ordinal);
    public HashSet<string> NewlyReadOnly { get; } = new(StringComparer.Ordinal);

    public RulePass(CompiledForm form, FieldPermissions permissions, Expressions.ExpressionEngine engine, string locale, RuleBudget budget,
        JsonObject start, JsonObject previous, IReadOnlySet<string> hidden, IReadOnlySet<string> readOnly)
    {
        (_form, _permissions, _hidden, _readOnly) = (form, permissions, hidden, readOnly);
        _rules = new RuleScope(engine, locale, Errors, budget);
        Data = (JsonObject)start.DeepClone();
        ApplyEarlierPasses(previous);
        Calculate();
        EvaluateStates();
    }

    /// <summary>Removes fields hidden in an earlier pass; puts back the previous value of rule-read-only fields.</summary>
    private void ApplyEarlierPasses(JsonObject previous)
    {
        if (_hidden.Count == 0 && _readOnly.Count == 0) return; // the first pass: nothing to apply
        FieldSlot.VisitAll(_form.TopFields, Data, previous, slot =>
            _hidden.Contains(slot.Path) ? slot.Remove() : _readOnly.Contains(slot.Path) && slot.RestorePrevious());
    }

    private void Calculate()
    {
        foreach (var place in _form.Calculations)
        {
            var field = place.Field;
            if (place.Group is null)
            {
                var path = "/" + field.Key;
                if (!_hidden.Contains(path)) Assign(Data, field, _rules.Evaluate(field.Calculate!, Data, null, 0, path, "calculate"));
                continue;
            }
            if (Data[place.Group.Key!] is not JsonArray rows) continue;
            for (var i = 0; i < rows.Count; i++)
            {
                var path = $"/{place.Group.Key}/{i}/{field.Key}";
                if (rows[i] is JsonObject row && !_hidden.Contains(path))
                    Assign(row, field, _rules.Evaluate(field.Calculate!, Data, row, i, path, "calculate"));
            }
        }
    }

    /// <summary>A calculated value replaces whatever was there; money is rounded half away from zero to 2 decimals.</summary>
    private static void Assign(JsonObject target, FieldDefinition field, JsonNode? value)
    {
        target.Remove(field.Key!);
        if (value is null) return;
        if (field.Type == FieldTypes.Money) value = MoneyValue.Normalize(value, round: true);
        target[field.Key!] = value;
    }

    /// <summary>Whether a pass with the new paths added would start from different data than this one did.</summary>
    public bool ChangesData(IReadOnlySet<string> hidden, IReadOnlySet<string> readOnly, JsonObject previous)
    {
        foreach (var path in NewlyHidden)
            if (!hidden.Contains(path) && ValueAt(Data, path) is not null) return true;
        foreach (var path in NewlyReadOnly)
            if (!readOnly.Contains(path) && !JsonNode.DeepEquals(ValueAt(Data, path), ValueAt(previous, path))) return true;
        return false;
    }

    private static JsonNode? ValueAt(JsonObject data, string path)
    {
        JsonNode? node = data;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
        return node;
    }

    /// <summary>The data with keys in document order (calculated values are assigned last, so they move back into place).</summary>
    public JsonObject OrderedData()
    {
        var result = Reordered(Data, _form.TopFields);
        foreach (var field in _form.TopFields)
            if (field.IsGroup && result[field.Key!] is JsonArray rows)
                for (var i = 0; i < rows.Count; i++)
                    if (rows[i] is JsonObject row) rows[i] = Reordered(row, field.Fields ?? []);
        return result;
    }

    /// <summary>
    /// Moves the non-null values of the fields into a new object in the fields' order. Clear detaches every value
    /// at once; removing them one by one would shift the remaining keys each time.
    /// </summary>
    private static JsonObject Reordered(JsonObject source, IReadOnlyList<FieldDefinition> fields)
    {
        var values = new Dictionary<string, JsonNode>(source.Count, StringComparer.Ordinal);
        foreach (var (key, value) in source)
            if (value is not null) values[key] = value;
        source.Clear();
        var result = new JsonObject();
        foreach (var field in fields)
            if (field.HasData && values.TryGetValue(field.Key!, out var value)) result[field.Key!] = value;
        return result;
    }

    private void EvaluateStates()
    {
        foreach (var page in _form.Form.Pages)
        {
            var pageVisible = page.VisibleIf is null || _rules.Test(page.VisibleIf, Data, null, 0, "", "visibleIf");
            foreach (var section in page.Sections)
            {
                var sectionVisible = pageVisible && (section.VisibleIf is null || _rules.Test(section.VisibleIf, Data, null, 0, "", "visibleIf"));
                foreach (var field in section.Fields.Where(f => f.HasData))
                {
                    var path = "/" + field.Key;
                    var state = State(field, null, sectionVisible, null, 0, path);
                    if (state.Visible && field.IsGroup && Data[field.Key!] is JsonArray rows)
                        for (var i = 0; i < rows.Count; i++)
                            if (rows[i] is JsonObject row)
                                foreach (var child in (field.Fields ?? []).Where(c => c.HasData))
                                    State(child, field, true, row, i, $"{path}/{i}/{child.Key}");
                }
            }
        }
    }

    private FieldStatus State(FieldDefinition field, FieldDefinition? group, bool containerVisible, JsonObject? row, int index, string path)
    {
        var access = _permissions.Of(field, group);
        // A field the step must or may fill is shown to that step even where its page or section waits for that very value.
        var ruleVisible = (containerVisible || _permissions.Assigns(field)) && (field.VisibleIf is null || _rules.Test(field.VisibleIf, Data, row, index, path, "visibleIf"));
        if (!ruleVisible) NewlyHidden.Add(path);
        var visible = ruleVisible && !_hidden.Contains(path) && access != FieldAccess.Hidden;

        var readOnlyByRule = visible && field.Calculate is null && !FieldPermissions.Protects(access)
            && _rules.Test(field.ReadOnlyIf, Data, row, index, path, "readOnlyIf");
        if (readOnlyByRule) NewlyReadOnly.Add(path);
        var readOnly = readOnlyByRule || _readOnly.Contains(path) || field.Calculate is not null || FieldPermissions.Protects(access);

        string? requiredBy = null;
        if (visible && !readOnly)
            requiredBy = access == FieldAccess.Required || field.Required ? "required"
                : _rules.Test(field.RequiredIf, Data, row, index, path, "requiredIf") ? "requiredIf" : null;

        var state = new FieldStatus(field, group, access, visible, readOnly, requiredBy);
        States[path] = state;
        return state;
    }
}
