/** The same five kinds as the server's ExpressionErrorKind; conformance vectors name them in lower case. */
export type ExpressionErrorKind = "disallowed" | "syntax" | "runtime" | "timeout" | "limit";

/** A message with the 1-based line and column it refers to. */
export interface ExpressionProblem {
  message: string;
  line: number;
  column: number;
}

export function problemText(problem: ExpressionProblem): string {
  return `${problem.message} (line ${problem.line}, column ${problem.column})`;
}

/** The only error the interpreter throws for a bad or failing expression. */
export class ExpressionError extends Error {
  readonly kind: ExpressionErrorKind;
  readonly problem: ExpressionProblem | undefined;

  constructor(kind: ExpressionErrorKind, message: string, problem?: ExpressionProblem) {
    super(problem ? problemText(problem) : message);
    this.name = "ExpressionError";
    this.kind = kind;
    this.problem = problem;
  }

  static at(kind: ExpressionErrorKind, problem: ExpressionProblem): ExpressionError {
    return new ExpressionError(kind, problem.message, problem);
  }
}
