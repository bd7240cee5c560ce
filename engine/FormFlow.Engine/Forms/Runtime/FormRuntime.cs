using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// The server-authoritative form runtime: definition + submitted data (+ mode, locale, per-step permissions and the
/// previous data) → normalized data or errors. Thread-safe; create one per definition and reuse it.
/// The exact semantics are in Forms/README.md ("Runtime semantics"); a TypeScript runtime reproduces them.
/// </summary>
public sealed class FormRuntime
{
    private readonly CompiledForm _form;
    private readonly ExpressionEngine _engine;
    private readonly FormLimits _limits;

    public FormRuntime(FormDefinition definition, ExpressionEngine? engine = null, FormLimits? limits = null)
    {
        _form = new CompiledForm(definition);
        _engine = engine ?? ExpressionEngine.Default;
        _limits = limits ?? FormLimits.Default;
    }

    public FormDefinition Definition => _form.Form;

    /// <summary>Processes one submission. Never throws for bad data; throws ArgumentException for a permission naming no field.</summary>
    public FormResult Process(JsonNode? data, FormProcessOptions? options = null)
    {
        options ??= new FormProcessOptions();
        var locale = LocalizedText.Normalize(options.Locale);
        var permissions = new FieldPermissions(_form, options.Permissions);
        if (data is not JsonObject submitted)
            return new FormResult(false, [new FormError("", "type", FormMessages.Get("form", locale))], new JsonObject(),
                new Dictionary<string, FieldState>());

        var sanitizer = new DataSanitizer(_form.TopFields, _limits, locale);
        var start = sanitizer.Sanitize(submitted);
        var previous = options.PreviousData is null ? new JsonObject()
            : new DataSanitizer(_form.TopFields, _limits, locale).Sanitize(options.PreviousData);
        ProtectValues(start, previous, permissions);

        var budget = new RuleBudget(_limits.RuleTime, locale);
        var pass = Settle(start, previous, permissions, locale, budget);

        var protectedPaths = pass.States.Where(s => FieldPermissions.Protects(s.Value.Access)).Select(s => s.Key).ToList();
        var schemaErrors = SchemaErrors.Validate(_form, pass.Data, locale)
            .Where(e => Counts(e, protectedPaths, options.Mode)).ToList();
        var checks = new FinalChecks(_form, _engine, options.Mode, locale, pass.Data, budget);
        checks.Run(pass.States, schemaErrors);

        var errors = sanitizer.Errors.Concat(pass.Errors).Concat(schemaErrors).Concat(checks.Errors)
            .Concat(budget.Exhausted is { } spent ? [spent] : [])
            .OrderBy(e => _form.OrderOf(e.Path)).ToList();
        var states = pass.States.ToDictionary(s => s.Key, s => new FieldState(s.Value.Visible, s.Value.RequiredBy is not null, s.Value.ReadOnly));
        return new FormResult(errors.Count == 0, errors, pass.OrderedData(), states);
    }

    /// <summary>
    /// Values the client may not set: calculated fields are cleared (recomputed later), fields the step may only
    /// read or not see keep the previous value (or stay absent).
    /// </summary>
    private void ProtectValues(JsonObject start, JsonObject previous, FieldPermissions permissions) =>
        FieldSlot.VisitAll(_form.TopFields, start, previous, slot =>
            slot.Field.Calculate is not null ? slot.Remove()
            : FieldPermissions.Protects(permissions.Of(slot.Field, slot.Group)) && slot.RestorePrevious());

    /// <summary>
    /// Runs rule passes until no field becomes newly hidden or newly read-only. The sets only grow (a field hidden
    /// in one pass stays hidden), so this ends after at most one pass per field path plus one. A pass whose new
    /// paths would not change the next pass's data (a hidden field with no value, a read-only field already holding
    /// its previous value) is final already: the next pass would compute exactly the same.
    /// </summary>
    private RulePass Settle(JsonObject start, JsonObject previous, FieldPermissions permissions, string locale, RuleBudget budget)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var readOnly = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var pass = new RulePass(_form, permissions, _engine, locale, budget, start, previous, hidden, readOnly);
            // Once the budget is spent, another pass would run no rule: this one's states are as good as any.
            if (budget.Exhausted is not null || !pass.ChangesData(hidden, readOnly, previous)) return pass;
            hidden.UnionWith(pass.NewlyHidden);
            readOnly.UnionWith(pass.NewlyReadOnly);
        }
    }

    /// <summary>Schema errors on fields the step may not change are not the user's to fix; drafts skip minItems.</summary>
    private static bool Counts(FormError error, List<string> protectedPaths, FormMode mode)
    {
        if (mode == FormMode.Draft && error.Rule == "minItems") return false;
        return !protectedPaths.Any(p => error.Path == p || error.Path.StartsWith(p + "/", StringComparison.Ordinal));
    }
}
