namespace FormFlow.Engine.Expressions;

public enum ExpressionErrorKind
{
    /// <summary>The source uses something outside the allowed subset (a loop in an expression, an unknown name, ...).</summary>
    Disallowed,
    /// <summary>The source is not valid JavaScript.</summary>
    Syntax,
    /// <summary>Evaluation failed: a helper got a wrong argument, a member of null was read, ...</summary>
    Runtime,
    /// <summary>Evaluation ran longer than <see cref="ExpressionOptions.Timeout"/>.</summary>
    Timeout,
    /// <summary>A statement, memory, recursion, nesting or size limit was reached.</summary>
    LimitExceeded,
}

/// <summary>
/// The only exception <see cref="ExpressionEngine"/> throws for a bad or failing expression. The message says what went
/// wrong and, when known, where: "loops are not allowed in expressions (line 1, column 5)".
/// </summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(ExpressionErrorKind kind, string message, ExpressionProblem? problem = null, Exception? inner = null)
        : base(problem is null ? message : problem.ToString(), inner)
    {
        Kind = kind;
        Problem = problem;
    }

    public ExpressionException(ExpressionErrorKind kind, ExpressionProblem problem, Exception? inner = null)
        : this(kind, problem.Message, problem, inner)
    {
    }

    public ExpressionErrorKind Kind { get; }

    /// <summary>The message and position, when the failure has a position in the source.</summary>
    public ExpressionProblem? Problem { get; }
}
