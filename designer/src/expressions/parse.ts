import { Parser, tokTypes, type Options, type Node, type Program } from "acorn";
import { ExpressionError } from "./errors";

/**
 * Parsing with acorn under the same rules as the server's Acornima parser: latest syntax, strict mode, positions.
 * A source that is not one whole expression is parsed again as a script so the checker can name the statement.
 */
const parserOptions: Options = { ecmaVersion: "latest", sourceType: "script", strict: true, locations: true, allowReturnOutsideFunction: true };

interface WholeExpressionParser {
  parseWholeExpression(): Node;
}

// acorn's public API can parse an expression at a position but does not insist it ends the input: this plugin does.
const ExpressionParser = Parser.extend((Base) =>
  class extends (Base as unknown as new (options: Options, input: string) => Record<string, (...args: unknown[]) => unknown>) {
    parseWholeExpression(): Node {
      this.nextToken();
      const expression = this.parseExpression() as Node;
      if ((this as unknown as { type: unknown }).type !== tokTypes.eof) this.unexpected();
      return expression;
    }
  } as unknown as typeof Parser);

export type ParsedSource = { expression: Node } | { script: Program };

export function parseSource(source: string): ParsedSource {
  try {
    const parser = new (ExpressionParser as unknown as new (o: Options, s: string) => WholeExpressionParser)(parserOptions, source);
    return { expression: parser.parseWholeExpression() };
  } catch (expressionError) {
    if (!(expressionError instanceof SyntaxError)) throw translate(expressionError);
    // Statements (a loop, a declaration, two expressions) are no syntax error to the author but a construct outside
    // the subset: parse as a script to name the construct and its position.
    try {
      return { script: Parser.parse(source, parserOptions) };
    } catch {
      throw translate(expressionError);
    }
  }
}

function translate(error: unknown): ExpressionError {
  if (error instanceof RangeError || /stack space/i.test(String((error as Error).message))) {
    // The parser descends recursively (acorn reports running out of stack as "Not enough stack space"); the nesting
    // pre-scan keeps this rare, this makes it a clear limit error anyway.
    return new ExpressionError("limit", "the source is nested too deeply", { message: "the source is nested too deeply", line: 1, column: 1 });
  }
  const syntax = error as SyntaxError & { loc?: { line: number; column: number } };
  const description = String(syntax.message).replace(/ \(\d+:\d+\)$/, "");
  return ExpressionError.at("syntax", {
    message: `syntax error: ${description}`,
    line: syntax.loc?.line ?? 1,
    column: (syntax.loc?.column ?? 0) + 1,
  });
}
