import type { Node } from "acorn";
import { ExpressionError } from "./errors";
import { HelperCall, type HelperContext } from "./helper-call";
import { helper } from "./helper-library";
import type { ExpressionOptions } from "./options";
import { position } from "./subset-checker";
import { isNullish, propertyKey, readMember, type Value } from "./values";

/**
 * A tree-walking evaluator for checked expressions with JavaScript's semantics: operators are JavaScript's own
 * operators applied to plain values, so coercions match by construction. It never compiles code. Recursion depth is
 * bounded by the checker's nesting limit; work is bounded by a step budget.
 */

type AnyNode = Node & Record<string, any>;

/** Marks an optional chain (a?.b) that stopped at null or undefined: the whole chain is undefined. */
const shortCircuit: unique symbol = Symbol("short-circuit");

/** The built-in methods an allowed method call may reach, and nothing else. */
const callableMethods: ReadonlySet<unknown> = new Set<unknown>([
  String.prototype.includes, String.prototype.startsWith, String.prototype.endsWith, String.prototype.indexOf,
  String.prototype.slice, String.prototype.trim, String.prototype.toUpperCase, String.prototype.toLowerCase,
  Array.prototype.includes, Array.prototype.indexOf, Array.prototype.slice, Array.prototype.join,
]);

export class Evaluation implements HelperContext {
  private steps = 0;

  constructor(readonly options: ExpressionOptions, private readonly scope: ReadonlyMap<string, Value>) {}

  charge(units: number): void {
    this.steps += units;
    if (this.steps > this.options.maxSteps) {
      throw new ExpressionError("limit", `the expression did more than ${this.options.maxSteps} steps of work`);
    }
  }

  evaluate(node: Node): Value {
    const value = this.node(node as AnyNode);
    return value === shortCircuit ? undefined : value;
  }

  private node(node: AnyNode): Value {
    this.charge(1);
    try {
      return this.dispatch(node);
    } catch (error) {
      throw this.located(error, node);
    }
  }

  private dispatch(node: AnyNode): Value {
    switch (node.type) {
      case "Literal":
        return node.value;
      case "Identifier":
        return node.name === "undefined" ? undefined : this.scope.get(node.name);
      case "TemplateLiteral":
        return this.template(node);
      case "ArrayExpression":
        return node.elements.map((element: AnyNode) => this.evaluate(element));
      case "ObjectExpression":
        return this.object(node);
      case "ChainExpression":
        return this.evaluate(node.expression);
      case "MemberExpression":
        return this.member(node);
      case "CallExpression":
        return this.call(node);
      case "UnaryExpression":
        return this.unary(node);
      case "BinaryExpression":
        return this.binary(node);
      case "LogicalExpression":
        return this.logical(node);
      case "ConditionalExpression":
        return this.evaluate(node.test) ? this.evaluate(node.consequent) : this.evaluate(node.alternate);
      default:
        // The checker refuses every other construct before evaluation starts.
        throw new ExpressionError("disallowed", `the construct ${node.type} is not allowed in expressions`);
    }
  }

  /** Turns a JavaScript error at this node into a runtime error with its position; ours pass through. */
  private located(error: unknown, node: AnyNode): ExpressionError {
    if (error instanceof ExpressionError) return error;
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && /call stack/i.test(message)) {
      return new ExpressionError("limit", "the expression nested calls too deeply");
    }
    return ExpressionError.at("runtime", { message: `${name}: ${message}`, ...position(node) });
  }

  private built(text: string): string {
    if (text.length > this.options.maxStringLength) {
      throw new ExpressionError("limit", `the expression built a string of ${text.length} characters; at most ${this.options.maxStringLength} are allowed`);
    }
    return text;
  }

  /** Coercing an array to text walks all its items (its toString is join): that is work to pay for. */
  private chargeCoercion(value: Value): void {
    if (Array.isArray(value)) this.chargeArray(value, "toString");
  }

  /** An array built-in walks the whole array: refused beyond the length limit, paid for in steps. */
  chargeArray(array: readonly unknown[], method: string): void {
    if (array.length > this.options.maxArrayLength) {
      throw new TypeError(`${method}: the array has ${array.length} items; at most ${this.options.maxArrayLength} are allowed`);
    }
    this.charge(array.length);
  }

  private template(node: AnyNode): Value {
    let text = node.quasis[0].value.cooked as string;
    for (let i = 0; i < node.expressions.length; i++) {
      const value = this.evaluate(node.expressions[i]);
      this.chargeCoercion(value);
      text += `${value as string}` + (node.quasis[i + 1].value.cooked as string);
      this.built(text);
    }
    return text;
  }

  private object(node: AnyNode): Value {
    const result: Record<string, Value> = {};
    for (const property of node.properties) {
      const key = property.key.type === "Identifier" ? property.key.name : propertyKey(property.key.value);
      // defineProperty rather than assignment: a key can never reach a setter on the prototype.
      Object.defineProperty(result, key, { value: this.evaluate(property.value), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }

  /** An operand inside an optional chain: may stop the chain. */
  private chainPart(node: AnyNode): Value {
    return node.type === "MemberExpression" || node.type === "CallExpression" ? this.node(node) : this.evaluate(node);
  }

  private member(node: AnyNode): Value {
    const target = this.chainPart(node.object);
    if (target === shortCircuit) return shortCircuit;
    if (node.optional && isNullish(target)) return shortCircuit;
    const key = node.computed ? propertyKey(this.evaluate(node.property)) : (node.property.name as string);
    return this.read(target, key, node.property);
  }

  /** readMember, with a failure placed at the property, where the server's engine places it. */
  private read(target: Value, key: string, property: AnyNode): Value {
    try {
      return readMember(target, key);
    } catch (error) {
      throw this.located(error, property);
    }
  }

  private call(node: AnyNode): Value {
    const callee = node.callee;
    if (callee.type === "Identifier") {
      const args = node.arguments.map((argument: AnyNode) => this.evaluate(argument));
      const run = helper(callee.name);
      if (!run) throw new ExpressionError("disallowed", `'${callee.name}' is not a helper function`);
      return run(new HelperCall(callee.name, args, this));
    }
    // The checker lets through only a named member call of an allowed method.
    const receiver = this.chainPart(callee.object);
    if (receiver === shortCircuit) return shortCircuit;
    if (callee.optional && isNullish(receiver)) return shortCircuit;
    const name = callee.property.name as string;
    const method = this.read(receiver, name, callee.property);
    if (node.optional && isNullish(method)) return shortCircuit;
    const args = node.arguments.map((argument: AnyNode) => this.evaluate(argument));
    if (!callableMethods.has(method)) throw new TypeError(`Property '${name}' of ${describe(callee.object)} is not a function`);
    if (Array.isArray(receiver)) this.chargeArray(receiver, name);
    const result = Reflect.apply(method as (...a: unknown[]) => unknown, receiver, args);
    return typeof result === "string" ? this.built(result) : result;
  }

  private unary(node: AnyNode): Value {
    const value = this.evaluate(node.argument);
    switch (node.operator) {
      case "!": return !value;
      case "-": this.chargeCoercion(value); return -(value as number);
      case "+": this.chargeCoercion(value); return +(value as number);
      case "typeof": return typeof value;
      default: throw new ExpressionError("disallowed", `the operator '${node.operator}' is not allowed in expressions`);
    }
  }

  private binary(node: AnyNode): Value {
    const left = this.evaluate(node.left) as any;
    const right = this.evaluate(node.right) as any;
    this.chargeCoercion(left);
    this.chargeCoercion(right);
    switch (node.operator) {
      case "+": {
        const sum = left + right;
        return typeof sum === "string" ? this.built(sum) : sum;
      }
      case "-": return left - right;
      case "*": return left * right;
      case "/": return left / right;
      case "%": return left % right;
      case "**": return left ** right;
      case "<": return left < right;
      case "<=": return left <= right;
      case ">": return left > right;
      case ">=": return left >= right;
      case "==": return left == right;
      case "!=": return left != right;
      case "===": return left === right;
      case "!==": return left !== right;
      default: throw new ExpressionError("disallowed", `the operator '${node.operator}' is not allowed in expressions`);
    }
  }

  private logical(node: AnyNode): Value {
    const left = this.evaluate(node.left);
    switch (node.operator) {
      case "&&": return left ? this.evaluate(node.right) : left;
      case "||": return left ? left : this.evaluate(node.right);
      default: return isNullish(left) ? this.evaluate(node.right) : left;
    }
  }
}

/** The receiver as the author wrote it, for "Property 'includes' of data.count is not a function". */
function describe(node: AnyNode): string {
  switch (node.type) {
    case "Identifier": return node.name;
    case "MemberExpression":
      return node.computed ? `${describe(node.object)}[...]` : `${describe(node.object)}.${node.property.name}`;
    case "CallExpression": return `${describe(node.callee)}(...)`;
    default: return "(expression)";
  }
}
