using System.Diagnostics;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// Evaluates one rule with the variables rules see: `data` (the whole form data), and inside a repeating group
/// `item` (the current row) and `index` (its position, from 0). A rule that fails to evaluate is recorded as an
/// error for its field and counts as false (or, for calculate, as no value); so does a rule the submission's time
/// budget no longer allows to run (the budget reports that once, for the whole submission).
/// </summary>
internal sealed class RuleScope(ExpressionEngine engine, string locale, List<FormError> errors, RuleBudget budget)
{
    // Rules outside groups all see the same scope; evaluations are sequential, so one dictionary serves them all.
    private Dictionary<string, JsonNode?>? _topLevel;

    public JsonNode? Evaluate(string source, JsonObject data, JsonObject? row, int index, string path, string rule) =>
        TryEvaluate(source, data, row, index, path, rule, out var value) ? value : null;

    /// <summary>The rule's value; false when it failed (its error is recorded) or did not run (the budget is spent).</summary>
    public bool TryEvaluate(string source, JsonObject data, JsonObject? row, int index, string path, string rule, out JsonNode? value)
    {
        value = null;
        if (!budget.HasTime) return false;
        Dictionary<string, JsonNode?> scope;
        if (row is null)
        {
            scope = _topLevel ??= new Dictionary<string, JsonNode?>(1);
            scope["data"] = data;
        }
        else scope = new Dictionary<string, JsonNode?>(3) { ["data"] = data, ["item"] = row, ["index"] = JsonValue.Create(index) };
        var started = Stopwatch.GetTimestamp();
        try
        {
            value = engine.Evaluate(source, scope);
            return true;
        }
        catch (ExpressionException ex)
        {
            errors.Add(new FormError(path, rule, FormMessages.Get("rule", locale, JsonValue.Create(ex.Message))));
            return false;
        }
        finally
        {
            budget.Charge(started, path, rule);
        }
    }

    public bool Test(string? source, JsonObject data, JsonObject? row, int index, string path, string rule) =>
        source is not null && ExpressionEngine.IsTruthy(Evaluate(source, data, row, index, path, rule));
}
