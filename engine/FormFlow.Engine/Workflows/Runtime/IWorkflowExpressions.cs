using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Runtime;

// Stand-in for FormFlow.Engine.Expressions.ExpressionEngine until the expressions branch is merged; removed then.
internal interface IWorkflowExpressions
{
    IReadOnlyList<string> Check(string source, bool script);
    JsonNode? Evaluate(string source, IReadOnlyDictionary<string, JsonNode?> scope);
    (JsonNode? ReturnValue, IReadOnlyDictionary<string, JsonNode?> Scope) RunScript(string source, IReadOnlyDictionary<string, JsonNode?> scope);
    bool IsTruthy(JsonNode? value);
}
