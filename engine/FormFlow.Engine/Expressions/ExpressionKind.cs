namespace FormFlow.Engine.Expressions;

/// <summary>Which subset a source is checked against: a single expression (rules) or a statement list (workflow scripts).</summary>
public enum ExpressionKind
{
    Expression,
    Script,
}
