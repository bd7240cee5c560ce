using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Rules;

namespace FormFlow.Engine.Forms.Loading;

/// <summary>
/// The checks a JSON Schema cannot express: unique ids and keys, properties that do not apply to a field type,
/// consistent bounds, patterns, quiz answers, rules that parse, stay in the allowed subset and name existing
/// fields, and calculated fields without cycles.
/// </summary>
internal sealed class DefinitionChecks
{
    private readonly FormDefinition _form;
    private readonly JsonNode _raw;
    private readonly List<DefinitionProblem> _problems = [];
    private readonly List<FieldPlace> _places;

    private DefinitionChecks(FormDefinition form, JsonNode raw)
    {
        _form = form;
        _raw = raw;
        _places = FieldPlace.All(form).ToList();
    }

    public static List<DefinitionProblem> Run(FormDefinition form, JsonNode raw)
    {
        var checks = new DefinitionChecks(form, raw);
        checks.UniqueIds();
        checks.UniqueKeys();
        foreach (var place in checks._places) checks.FieldShape(place);
        checks.AllRules();
        checks.CalculateCycles();
        return checks._problems;
    }

    private void Add(string? elementId, string path, string message) => _problems.Add(new DefinitionProblem(elementId, path, message));

    private IEnumerable<(string Id, string Path)> Elements()
    {
        for (var p = 0; p < _form.Pages.Count; p++)
        {
            yield return (_form.Pages[p].Id, $"/pages/{p}");
            for (var s = 0; s < _form.Pages[p].Sections.Count; s++) yield return (_form.Pages[p].Sections[s].Id, $"/pages/{p}/sections/{s}");
        }
        foreach (var place in _places)
        {
            yield return (place.Field.Id, place.DefinitionPath);
            var rules = place.Field.Validate ?? [];
            for (var r = 0; r < rules.Count; r++) yield return (rules[r].Id, $"{place.DefinitionPath}/validate/{r}");
        }
    }

    private void UniqueIds()
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in Elements())
            if (!first.TryAdd(id, path)) Add(id, path, $"duplicate id '{id}' (first used at {first[id]})");
    }

    private void UniqueKeys()
    {
        var first = new Dictionary<(FieldDefinition?, string), string>();
        foreach (var place in _places.Where(p => p.Field.Key is not null))
            if (!first.TryAdd((place.Group, place.Field.Key!), place.DefinitionPath))
                Add(place.Field.Id, place.DefinitionPath + "/key",
                    $"duplicate data key '{place.Field.Key}' (first used at {first[(place.Group, place.Field.Key!)]})");
    }

    private void FieldShape(FieldPlace place)
    {
        var f = place.Field;
        var path = place.DefinitionPath;
        if (DefinitionPaths.At(_raw, path) is JsonObject raw && FieldTypes.Properties.TryGetValue(f.Type, out var allowed))
            foreach (var (name, _) in raw)
                if (!allowed.Contains(name)) Add(f.Id, $"{path}/{name}", $"property '{name}' does not apply to a {f.Type} field");

        if (f.Min > f.Max) Add(f.Id, path + "/min", $"min {f.Min} is greater than max {f.Max}");
        if (f.MinLength > f.MaxLength) Add(f.Id, path + "/minLength", $"minLength {f.MinLength} is greater than maxLength {f.MaxLength}");
        if (f.MinItems > f.MaxItems) Add(f.Id, path + "/minItems", $"minItems {f.MinItems} is greater than maxItems {f.MaxItems}");
        if (f.IsGroup && place.Group is not null) Add(f.Id, path, "a repeating group cannot contain another repeating group");
        if (f.Calculate is not null && f.Type is FieldTypes.Group or FieldTypes.File or FieldTypes.Image or FieldTypes.Signature)
            Add(f.Id, path + "/calculate", $"a {f.Type} field cannot be calculated");
        if (f.Pattern is not null && !PatternCompiles(f.Pattern, out var why))
            Add(f.Id, path + "/pattern", $"pattern does not compile: {why}");

        var values = new HashSet<string>(StringComparer.Ordinal);
        var options = f.Options ?? [];
        for (var i = 0; i < options.Count; i++)
            if (!values.Add(options[i].Value)) Add(f.Id, $"{path}/options/{i}/value", $"duplicate option value '{options[i].Value}'");

        if (f.Type == FieldTypes.Quiz && f.Answer is not null) QuizAnswer(f, path, values);
    }

    /// <summary>Patterns run with RegexOptions.NonBacktracking so that no input can make them slow.</summary>
    internal static bool PatternCompiles(string pattern, out string why)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            why = "";
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            why = ex.Message + " (backreferences, lookarounds and atomic groups are not supported)";
            return false;
        }
    }

    private void QuizAnswer(FieldDefinition f, string path, HashSet<string> options)
    {
        var answers = f.Answer is JsonArray a ? a.Select(n => n?.GetValue<string>() ?? "").ToList() : [f.Answer!.GetValue<string>()];
        if (f.Answer is JsonArray && !f.Multiple) Add(f.Id, path + "/answer", "a list of answers needs \"multiple\": true");
        foreach (var answer in answers.Where(v => !options.Contains(v)))
            Add(f.Id, path + "/answer", $"answer '{answer}' is not one of the options");
    }

    private void AllRules()
    {
        var topKeys = _places.Where(p => p.Group is null && p.Field.Key is not null).Select(p => p.Field.Key!).ToHashSet();
        for (var p = 0; p < _form.Pages.Count; p++)
        {
            var page = _form.Pages[p];
            Rule(page.Id, $"/pages/{p}/visibleIf", "visibleIf", page.VisibleIf, null, topKeys);
            for (var s = 0; s < page.Sections.Count; s++)
            {
                var section = page.Sections[s];
                Rule(section.Id, $"/pages/{p}/sections/{s}/visibleIf", "visibleIf", section.VisibleIf, null, topKeys);
            }
        }
        foreach (var place in _places)
        {
            var (f, path) = (place.Field, place.DefinitionPath);
            Rule(f.Id, path + "/visibleIf", "visibleIf", f.VisibleIf, place.Group, topKeys);
            Rule(f.Id, path + "/requiredIf", "requiredIf", f.RequiredIf, place.Group, topKeys);
            Rule(f.Id, path + "/readOnlyIf", "readOnlyIf", f.ReadOnlyIf, place.Group, topKeys);
            Rule(f.Id, path + "/calculate", "calculate", f.Calculate, place.Group, topKeys);
            var rules = f.Validate ?? [];
            for (var r = 0; r < rules.Count; r++)
                Rule(f.Id, $"{path}/validate/{r}/expression", $"validate '{rules[r].Id}'", rules[r].Expression,
                    place.Group, topKeys);
        }
    }

    private void Rule(string elementId, string path, string rule, string? source, FieldDefinition? group, HashSet<string> topKeys)
    {
        if (source is null) return;
        // Outside a group only `data` is in scope; the engine names anything else (item, globals, host objects).
        var problems = ExpressionEngine.Default.Check(source, ExpressionKind.Expression, group is null ? TopScope : RowScope);
        foreach (var problem in problems)
            Add(elementId, path, $"{rule}: {problem.Message} (line {problem.Line}, column {problem.Column})");
        if (problems.Count > 0) return;
        var references = ExpressionReferences.Find(source);
        if (references is null) return;
        foreach (var r in references.Data.Where(r => !topKeys.Contains(r.Key)))
            Add(elementId, path, $"{rule}: data.{r.Key} names no field of this form (line {r.Line}, column {r.Column})");
        if (group is null) return;
        var childKeys = (group.Fields ?? []).Select(c => c.Key).ToHashSet();
        foreach (var r in references.Item.Where(r => !childKeys.Contains(r.Key)))
            Add(elementId, path, $"{rule}: item.{r.Key} names no field of group '{group.Key}' (line {r.Line}, column {r.Column})");
    }

    private static readonly string[] TopScope = ["data"], RowScope = ["data", "item", "index"];

    private void CalculateCycles()
    {
        var cycle = CalculationOrder.Build(_form).Cycle;
        if (cycle is null) return;
        var place = _places.First(p => p.Field.Id == cycle[0]);
        Add(place.Field.Id, place.DefinitionPath + "/calculate", $"calculate cycle: {string.Join(" → ", cycle)}");
    }
}
