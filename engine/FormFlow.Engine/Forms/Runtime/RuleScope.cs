using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// Evaluates one rule with the variables rules see: `data` (the whole form data), and inside a repeating group
/// `item` (the current row) and `index` (its position, from 0). A rule that fails to evaluate is recorded as an
/// error for its field and counts as false (or, for calculate, as no value).
/// </summary>
internal sealed class RuleScope(ExpressionEngine engine, string locale, List<FormError> errors)
{
    // Rules outside groups all see the same scope; evaluations are sequential, so one dictionary serves them all.
    private Dictionary<string, JsonNode?>? _topLevel;

    public JsonNode? Evaluate(string source, JsonObject data, JsonObject? row, int index, string path, string rule)
    {
        Dictionary<string, JsonNode?> scope;
        if (row is null)
        {
            scope = _topLevel ??= new Dictionary<string, JsonNode?>(1);
            scope["data"] = data;
        }
        else scope = new Dictionary<string, JsonNode?>(3) { ["data"] = data, ["item"] = row, ["index"] = JsonValue.Create(index) };
        try
        {
            return engine.Evaluate(source, scope);
        }
        catch (ExpressionException ex)
        {
            errors.Add(new FormError(path, rule, FormMessages.Get("rule", locale, JsonValue.Create(ex.Message))));
            return null;
        }
    }

    public bool Test(string? source, JsonObject data, JsonObject? row, int index, string path, string rule) =>
        source is not null && ExpressionEngine.IsTruthy(Evaluate(source, data, row, index, path, rule));
}
