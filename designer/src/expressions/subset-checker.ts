import type { Node, Program } from "acorn";
import { ExpressionError, type ExpressionErrorKind, type ExpressionProblem } from "./errors";
import type { ExpressionOptions } from "./options";
import { bracketDepth } from "./nesting-scan";
import { parseSource } from "./parse";
import { isHelper } from "./helper-library";
import { allowedMethods, isForbiddenMember } from "./values";

/**
 * Walks the acorn syntax tree of a source and reports every construct outside the allowed subset, with the same
 * messages, positions and error kinds as the server's SubsetChecker (engine/FormFlow.Engine/Expressions). Names that
 * are not helpers are collected as free names and resolved against the scope at evaluation time.
 */

const globalObjectNames: ReadonlySet<string> = new Set(["globalThis", "window", "global", "self"]);
const allowedBinary: ReadonlySet<string> = new Set([
  "+", "-", "*", "/", "%", "**", "<", "<=", ">", ">=", "==", "!=", "===", "!==",
]);
const allowedUnary: ReadonlySet<string> = new Set(["!", "-", "+", "typeof"]);
const where = "in expressions";

export interface FreeName {
  name: string;
  line: number;
  column: number;
}

/** The scope-independent outcome of checking one source: the tree to evaluate when there are no problems. */
export interface SubsetCheck {
  problems: ExpressionProblem[];
  errorKind: ExpressionErrorKind;
  freeNames: FreeName[];
  root: Node | undefined;
}

// acorn nodes carry more members than its Node type declares; the checker reads them by name.
type AnyNode = Node & Record<string, any>;

export function checkSource(source: string, options: ExpressionOptions): SubsetCheck {
  if (source.length > options.maxSourceLength) {
    return failed("limit", `the source is ${source.length} characters long; at most ${options.maxSourceLength} are allowed`);
  }
  if (source.trim().length === 0) return failed("syntax", "the source is empty");
  // Brackets nest at most once per syntax level, so a source past this bound fails the depth check anyway.
  if (bracketDepth(source) > options.maxNestingDepth * 4) return failed("limit", tooDeep(options));

  let parsed;
  try {
    parsed = parseSource(source);
  } catch (error) {
    const failure = error as ExpressionError;
    if (failure.kind === "limit") return failed("limit", tooDeep(options));
    return { problems: [failure.problem!], errorKind: failure.kind, freeNames: [], root: undefined };
  }
  const checker = new Checker(options.maxNestingDepth);
  if ("script" in parsed) {
    checker.visitProgram(parsed.script);
    return checker.result(undefined);
  }
  checker.visit(parsed.expression as AnyNode, 0);
  return checker.result(parsed.expression);
}

function tooDeep(options: ExpressionOptions): string {
  return `the source is nested too deeply (more than ${options.maxNestingDepth} levels)`;
}

function failed(kind: ExpressionErrorKind, message: string): SubsetCheck {
  return { problems: [{ message, line: 1, column: 1 }], errorKind: kind, freeNames: [], root: undefined };
}

class Checker {
  private readonly problems: ExpressionProblem[] = [];
  private readonly freeNames: FreeName[] = [];
  private errorKind: ExpressionErrorKind = "disallowed";

  constructor(private readonly maxDepth: number) {}

  result(root: Node | undefined): SubsetCheck {
    // In source order, so the first problem is the leftmost one whatever order the walk found them in.
    const problems = [...this.problems].sort((a, b) => a.line - b.line || a.column - b.column);
    return { problems, errorKind: this.errorKind, freeNames: this.freeNames, root: problems.length ? undefined : root };
  }

  /** Only reached when the source did not parse as a single expression. */
  visitProgram(script: Program): void {
    const statements = script.body as AnyNode[];
    for (const statement of statements) if (statement.type !== "ExpressionStatement") this.visitStatement(statement, 1);
    if (this.problems.length > 0) return;
    if (statements.length === 0) this.report(script as AnyNode, "the source has no expression (only comments)", "syntax");
    else if (statements.length === 1) {
      // The only way one expression statement fails to parse as an expression: it ends with ';'.
      const end = statements[0].loc?.end;
      this.problems.push({ message: "an expression must not end with ';'", line: end?.line ?? 1, column: end?.column ?? 1 });
    } else this.report(statements[1], "only one expression is allowed (combine conditions with && or ?:)", "disallowed");
  }

  private visitStatement(statement: AnyNode, depth: number): void {
    if (!this.enter(statement, depth)) return;
    switch (statement.type) {
      case "ExpressionStatement":
        this.visit(statement.expression, depth + 1);
        return;
      case "ForStatement": case "ForInStatement": case "ForOfStatement": case "WhileStatement": case "DoWhileStatement":
        return this.forbid(statement, "loops are");
      case "FunctionDeclaration":
        return this.forbid(statement, "function definitions are");
      case "ClassDeclaration":
        return this.forbid(statement, "classes are");
      case "VariableDeclaration":
        return this.forbid(statement, "variable declarations are");
      case "IfStatement":
        return this.forbid(statement, "'if' statements are", " (use condition ? a : b)");
      case "ReturnStatement":
        return this.forbid(statement, "'return' statements are");
      case "ImportDeclaration": case "ExportNamedDeclaration": case "ExportDefaultDeclaration": case "ExportAllDeclaration":
        return this.forbid(statement, "imports and exports are");
      default:
        return this.forbid(statement, `${statementName(statement)} ${statement.type === "BlockStatement" ? "are" : "is"}`);
    }
  }

  visit(node: AnyNode, depth: number): void {
    if (!this.enter(node, depth)) return;
    switch (node.type) {
      case "Literal":
        if (node.regex) this.forbid(node, "regular expression literals are", " (use matches(text, pattern))");
        else if (node.bigint !== undefined) this.forbid(node, "BigInt literals are");
        return;
      case "Identifier":
        return this.visitIdentifier(node);
      case "TemplateLiteral":
        for (const part of node.expressions) this.visit(part, depth + 1);
        return;
      case "ArrayExpression":
        for (const element of node.elements) {
          if (element === null) this.report(node, `empty array slots (holes) are not allowed ${where}`, "disallowed");
          else this.visit(element, depth + 1);
        }
        return;
      case "ObjectExpression":
        for (const property of node.properties) this.visitProperty(property, depth + 1);
        return;
      case "MemberExpression":
        return this.visitMember(node, depth);
      case "ChainExpression":
        return this.visit(node.expression, depth + 1);
      case "CallExpression":
        return this.visitCall(node, depth);
      case "UpdateExpression":
        return this.forbid(node, "'++' and '--' are");
      case "UnaryExpression":
        if (allowedUnary.has(node.operator)) this.visit(node.argument, depth + 1);
        else this.forbid(node, `the operator '${node.operator}' is`);
        return;
      case "BinaryExpression":
        if (allowedBinary.has(node.operator)) {
          this.visit(node.left, depth + 1);
          this.visit(node.right, depth + 1);
        } else this.forbid(node, `the operator '${node.operator}' is`);
        return;
      case "LogicalExpression":
        this.visit(node.left, depth + 1);
        this.visit(node.right, depth + 1);
        return;
      case "ConditionalExpression":
        this.visit(node.test, depth + 1);
        this.visit(node.consequent, depth + 1);
        this.visit(node.alternate, depth + 1);
        return;
      case "AssignmentExpression":
        return this.forbid(node, "assignment is");
      case "ParenthesizedExpression":
        return this.visit(node.expression, depth + 1);
      case "FunctionExpression": case "ArrowFunctionExpression":
        return this.forbid(node, "function definitions are");
      case "NewExpression":
        return this.forbid(node, "'new' is");
      case "ThisExpression":
        return this.forbid(node, "'this' is");
      case "SequenceExpression":
        return this.forbid(node, "comma (sequence) expressions are");
      case "SpreadElement":
        return this.forbid(node, "spread ('...') is");
      case "TaggedTemplateExpression":
        return this.forbid(node, "tagged templates are");
      case "AwaitExpression":
        return this.forbid(node, "'await' is");
      case "YieldExpression":
        return this.forbid(node, "'yield' is");
      case "ClassExpression":
        return this.forbid(node, "classes are");
      case "ImportExpression":
        return this.forbid(node, "'import' is");
      case "MetaProperty": case "Super":
        return this.forbid(node, `'${node.type}' is`);
      default:
        if (node.type.endsWith("Statement") || node.type.endsWith("Declaration")) return this.visitStatement(node, depth);
        return this.forbid(node, `the construct ${node.type} is`);
    }
  }

  private visitIdentifier(identifier: AnyNode): void {
    const name: string = identifier.name;
    if (name === "undefined") return;
    if (isHelper(name)) {
      this.report(identifier, `the helper '${name}' can only be called, as ${name}(...)`, "disallowed");
      return;
    }
    if (globalObjectNames.has(name)) {
      this.report(identifier, `the global object ('${name}') is not accessible ${where}`, "disallowed");
      return;
    }
    if (name === "eval" || name === "Function") {
      this.forbid(identifier, `'${name}' is`);
      return;
    }
    this.freeNames.push({ name, ...position(identifier) });
  }

  private visitProperty(property: AnyNode, depth: number): void {
    if (property.type === "SpreadElement") return this.forbid(property, "spread ('...') is");
    if (property.kind !== "init" || property.method) return this.forbid(property, "getters, setters and methods in object literals are");
    if (property.computed) return this.forbid(property, "computed object keys are");
    const key = property.key.type === "Identifier" ? property.key.name
      : property.key.type === "Literal" && typeof property.key.value === "string" ? property.key.value : undefined;
    if (key !== undefined && isForbiddenMember(key)) this.report(property.key, `the member name '${key}' is not allowed ${where}`, "disallowed");
    this.visit(property.value, depth + 1);
  }

  private visitMember(member: AnyNode, depth: number): void {
    this.visit(member.object, depth + 1);
    if (!member.computed) {
      const name: string = member.property.name;
      if (isForbiddenMember(name)) this.report(member.property, `the member '${name}' is not accessible ${where}`, "disallowed");
      return;
    }
    const property = member.property;
    if (property.type === "Literal" && typeof property.value === "string" && isForbiddenMember(property.value)) {
      this.report(property, `the member '${property.value}' is not accessible ${where}`, "disallowed");
    } else this.visit(property, depth + 1);
  }

  private visitCall(call: AnyNode, depth: number): void {
    const callee = call.callee;
    if (callee.type === "Identifier") {
      const name: string = callee.name;
      if (name === "eval" || name === "Function") this.forbid(callee, `'${name}' is`);
      else if (!isHelper(name)) this.report(callee, `'${name}' is not a helper function`, "disallowed");
    } else if (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier") {
      const method: string = callee.property.name;
      if (!allowedMethods.has(method)) this.report(callee.property, `the method '${method}' is not allowed (allowed: ${[...allowedMethods].join(", ")})`, "disallowed");
      this.visit(callee.object, depth + 1);
    } else if (callee.type === "MemberExpression" && callee.computed) {
      this.report(callee.property, "calling a computed member (obj[...]()) is not allowed", "disallowed");
    } else {
      this.visit(callee, depth + 1); // names the construct (a function expression, new, ...) when it is refused
      if (this.problems.length === 0) this.report(callee, "only helper functions and the allowed string and array methods can be called", "disallowed");
    }
    for (const argument of call.arguments) this.visit(argument, depth + 1);
  }

  private enter(node: AnyNode, depth: number): boolean {
    if (depth <= this.maxDepth) return true;
    // One report is enough; the rest of the too-deep subtree is not walked.
    if (this.errorKind !== "limit") this.report(node, `the source is nested too deeply (more than ${this.maxDepth} levels)`, "limit");
    return false;
  }

  private forbid(node: AnyNode, construct: string, hint = ""): void {
    this.report(node, `${construct} not allowed ${where}${hint}`, "disallowed");
  }

  private report(node: AnyNode, message: string, kind: ExpressionErrorKind): void {
    // A limit or a syntax error outranks a disallowed construct: either way the source cannot run; that says why first.
    if (kind !== "disallowed") this.errorKind = kind;
    this.problems.push({ message, ...position(node) });
  }
}

/** 1-based line and column of a node (acorn counts columns from 0). */
export function position(node: Node): { line: number; column: number } {
  return { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
}

function statementName(statement: AnyNode): string {
  switch (statement.type) {
    case "BlockStatement": return "blocks";
    case "SwitchStatement": return "'switch'";
    case "TryStatement": return "'try'";
    case "ThrowStatement": return "'throw'";
    case "LabeledStatement": return "a label";
    case "WithStatement": return "'with'";
    case "DebuggerStatement": return "'debugger'";
    case "BreakStatement": return "'break' with a label";
    case "ContinueStatement": return "'continue' with a label";
    case "EmptyStatement": return "an empty statement";
    default: return `the statement ${statement.type}`;
  }
}
