using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// The checks after the rules settled, field by field in document order: pattern, required (submit mode only),
/// then the field's validate rules. Only visible fields the step may edit are checked; validate rules run only on a
/// present value without a type, format or pattern error.
/// </summary>
internal sealed class FinalChecks
{
    private readonly CompiledForm _form;
    private readonly RuleScope _rules;
    private readonly FormMode _mode;
    private readonly string _locale;
    private readonly JsonObject _data;

    public FinalChecks(CompiledForm form, Expressions.ExpressionEngine engine, FormMode mode, string locale, JsonObject data, RuleBudget budget)
    {
        (_form, _mode, _locale, _data) = (form, mode, locale, data);
        _rules = new RuleScope(engine, locale, Errors, budget);
    }

    public List<FormError> Errors { get; } = [];

    public void Run(IReadOnlyDictionary<string, FieldStatus> states, IReadOnlyCollection<FormError> schemaErrors)
    {
        var failedPaths = schemaErrors.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, state) in states)
        {
            if (!state.Editable || FieldPermissions.Protects(state.Access)) continue;
            var (container, row, index) = Locate(path, state);
            var value = container?[state.Field.Key!];
            var present = IsPresent(value);
            if (!present)
            {
                if (_mode == FormMode.Submit && state.RequiredBy is { } rule)
                    Errors.Add(new FormError(path, rule, FormMessages.Get(rule, _locale)));
                continue;
            }
            if (failedPaths.Count > 0 && failedPaths.Any(p => p == path || p.StartsWith(path + "/", StringComparison.Ordinal))) continue;
            if (_form.PatternOf(state.Field) is { } pattern && value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                && !pattern.IsMatch(v.GetValue<string>()))
            {
                Errors.Add(new FormError(path, "pattern", FormMessages.Get("pattern", _locale)));
                continue;
            }
            foreach (var validation in state.Field.Validate ?? [])
            {
                if (_rules.TryEvaluate(validation.Expression, _data, row, index, path, validation.Id, out var result)
                    && !Expressions.ExpressionEngine.IsTruthy(result))
                    Errors.Add(new FormError(path, validation.Id, validation.Message.Get(_locale)));
            }
        }
    }

    private (JsonObject? Container, JsonObject? Row, int Index) Locate(string path, FieldStatus state)
    {
        if (state.Group is null) return (_data, null, 0);
        var index = int.Parse(path.Split('/')[2]);
        var row = (_data[state.Group.Key!] as JsonArray)?.ElementAtOrDefault(index) as JsonObject;
        return (row, row, index);
    }

    private static bool IsPresent(JsonNode? value) => value switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        _ => true,
    };
}
