namespace FormFlow.Engine.Expressions;

/// <summary>One thing wrong with an expression, at a 1-based line and column of its source.</summary>
public sealed record ExpressionProblem(string Message, int Line, int Column)
{
    public override string ToString() => $"{Message} (line {Line}, column {Column})";
}
