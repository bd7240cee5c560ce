/**
 * The syntax side of the linear-time matcher: what a pattern means, parsed into a small tree of character tests,
 * sequences, alternatives, repetitions and anchors, in the .NET or the ECMAScript dialect (see linear-pattern.ts).
 */
export class PatternSyntaxError extends Error {}

/**
 * "dotnet" (field patterns, as the server's .NET engine reads them) or "ecmascript" (the `matches` helper): the same
 * syntax with JavaScript's meaning of `\d \w \s \b`, `.` and `$`, and without the .NET-only escapes.
 */
export type PatternDialect = "dotnet" | "ecmascript";

export type CharTest = (code: number) => boolean;
export type Assertion = "start" | "endOrFinalNewline" | "absoluteEnd" | "wordBoundary" | "notWordBoundary";

export type Ast =
  | { kind: "char"; test: CharTest }
  | { kind: "seq"; items: Ast[] }
  | { kind: "alt"; options: Ast[] }
  | { kind: "repeat"; item: Ast; min: number; max: number }
  | { kind: "assert"; assertion: Assertion };

const maxGroupDepth = 100;

function property(name: string): CharTest {
  let regex: RegExp;
  try {
    regex = new RegExp(`^\\p{${name}}$`, "u");
  } catch {
    throw new PatternSyntaxError(`unknown Unicode category \\p{${name}}`);
  }
  return (code) => regex.test(String.fromCharCode(code));
}

const isDigit = property("Nd");
const wordRegex = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}\u200c\u200d]$/u;
const isWord: CharTest = (code) => wordRegex.test(String.fromCharCode(code));
const spaceRegex = /^[\f\n\r\t\v\u0085\p{Z}]$/u;
const isSpace: CharTest = (code) => spaceRegex.test(String.fromCharCode(code));
const not = (test: CharTest): CharTest => (code) => !test(code);
const isAsciiDigit: CharTest = (code) => code >= 48 && code <= 57;
const isAsciiWord: CharTest = (code) => isAsciiDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const jsSpaceRegex = /^\s$/;
const isJsSpace: CharTest = (code) => jsSpaceRegex.test(String.fromCharCode(code));
const isLineTerminator: CharTest = (code) => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

interface DialectClasses {
  digit: CharTest;
  word: CharTest;
  space: CharTest;
  dot: CharTest;
  end: Assertion;
}
const single = (c: number): CharTest => (code) => code === c;

export const dialects: Readonly<Record<PatternDialect, DialectClasses>> = {
  dotnet: { digit: isDigit, word: isWord, space: isSpace, dot: (code) => code !== 10, end: "endOrFinalNewline" },
  ecmascript: { digit: isAsciiDigit, word: isAsciiWord, space: isJsSpace, dot: not(isLineTerminator), end: "absoluteEnd" },
};

export class PatternParser {
  private i = 0;
  private readonly classes: DialectClasses;

  constructor(private readonly source: string, private readonly dialect: PatternDialect) {
    this.classes = dialects[dialect];
  }

  parse(): Ast {
    const ast = this.alternation(0);
    if (this.i < this.source.length) throw this.error(`unexpected '${this.source[this.i]}'`);
    return ast;
  }

  private error(message: string): PatternSyntaxError {
    return new PatternSyntaxError(`${message} at offset ${this.i}`);
  }

  private alternation(depth: number): Ast {
    const options = [this.sequence(depth)];
    while (this.source[this.i] === "|") {
      this.i++;
      options.push(this.sequence(depth));
    }
    return options.length === 1 ? options[0] : { kind: "alt", options };
  }

  private sequence(depth: number): Ast {
    const items: Ast[] = [];
    while (this.i < this.source.length && this.source[this.i] !== "|" && this.source[this.i] !== ")") {
      items.push(this.quantified(this.atom(depth)));
    }
    return { kind: "seq", items };
  }

  private quantified(item: Ast): Ast {
    for (;;) {
      const c = this.source[this.i];
      let min: number;
      let max: number;
      if (c === "*") [min, max] = [0, Infinity];
      else if (c === "+") [min, max] = [1, Infinity];
      else if (c === "?") [min, max] = [0, 1];
      else if (c === "{" && /^\{\d+(,\d*)?\}/.test(this.source.slice(this.i))) {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i))!;
        min = Number(match[1]);
        max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
        if (max < min) throw this.error("a quantifier's range is out of order");
        this.i += match[0].length - 1;
      } else return item;
      if (item.kind === "assert") throw this.error("an anchor cannot be quantified");
      this.i++;
      if (this.source[this.i] === "?") this.i++; // lazy: the same set of matches
      item = { kind: "repeat", item, min, max };
    }
  }

  private atom(depth: number): Ast {
    const c = this.source[this.i++];
    switch (c) {
      case "(": {
        if (depth >= maxGroupDepth) throw this.error("groups are nested too deeply");
        if (this.source[this.i] === "?") {
          const rest = this.source.slice(this.i);
          const named = /^\?(<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|:)/.exec(rest);
          if (!named) throw this.error("lookarounds, backreferences and inline options are not supported");
          this.i += named[0].length;
        }
        const inner = this.alternation(depth + 1);
        if (this.source[this.i++] !== ")") throw this.error("a group is not closed");
        return inner;
      }
      case "[": return { kind: "char", test: this.charClass() };
      case ".": return { kind: "char", test: this.classes.dot };
      case "^": return { kind: "assert", assertion: "start" };
      case "$": return { kind: "assert", assertion: this.classes.end };
      case "\\": return this.escape();
      case "*": case "+": case "?": throw this.error("a quantifier follows nothing");
      case ")": throw this.error("unbalanced ')'");
      default: return { kind: "char", test: single(c.charCodeAt(0)) };
    }
  }

  /** An escape outside a class: an anchor, or a character or class escape. */
  private escape(): Ast {
    const c = this.source[this.i];
    const anchors: Record<string, Assertion> = this.dialect === "dotnet"
      ? { b: "wordBoundary", B: "notWordBoundary", A: "start", z: "absoluteEnd", Z: "endOrFinalNewline" }
      : { b: "wordBoundary", B: "notWordBoundary" };
    if (c !== undefined && Object.prototype.hasOwnProperty.call(anchors, c)) {
      this.i++;
      return { kind: "assert", assertion: anchors[c] };
    }
    const escaped = this.characterEscape();
    return { kind: "char", test: typeof escaped === "number" ? single(escaped) : escaped };
  }

  /** A character escape (one code unit) or a class escape (\d, \p{L} ...) after the backslash. */
  private characterEscape(): number | CharTest {
    const c = this.source[this.i++];
    if (c === undefined) throw this.error("the pattern ends with a backslash");
    switch (c) {
      case "d": return this.classes.digit;
      case "D": return not(this.classes.digit);
      case "w": return this.classes.word;
      case "W": return not(this.classes.word);
      case "s": return this.classes.space;
      case "S": return not(this.classes.space);
      case "p": case "P": {
        if (this.dialect === "ecmascript") throw this.error("\\p is a Unicode-mode escape");
        const match = /^\{([A-Za-z_]+)\}/.exec(this.source.slice(this.i));
        if (!match) throw this.error("\\p needs a {category}");
        this.i += match[0].length;
        const test = property(match[1]);
        return c === "p" ? test : not(test);
      }
      case "t": return 9;
      case "n": return 10;
      case "r": return 13;
      case "f": return 12;
      case "v": return 11;
      case "e":
        if (this.dialect === "ecmascript") throw this.error("\\e is a .NET escape");
        return 27;
      case "0":
        if (/[0-9]/.test(this.source[this.i] ?? "")) throw this.error("octal escapes are not supported");
        return 0;
      case "x": return this.hex(2);
      case "u": return this.hex(4);
      default:
        if (/[0-9A-Za-z]/.test(c)) throw this.error(`the escape \\${c} is not supported`);
        return c.charCodeAt(0);
    }
  }

  private hex(digits: number): number {
    const text = this.source.slice(this.i, this.i + digits);
    if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(text)) throw this.error("a hexadecimal escape needs more digits");
    this.i += digits;
    return parseInt(text, 16);
  }

  private charClass(): CharTest {
    const negated = this.source[this.i] === "^";
    if (negated) this.i++;
    const tests: CharTest[] = [];
    // .NET reads a "]" right after "[" or "[^" as a member; JavaScript ends the class there ([] and [^]).
    let first = this.dialect === "dotnet";
    while (this.source[this.i] !== "]" || first) {
      if (this.i >= this.source.length) throw this.error("a character class is not closed");
      first = false;
      const low = this.classAtom();
      if (this.source[this.i] === "-" && this.source[this.i + 1] !== "]" && this.i + 1 < this.source.length && typeof low === "number") {
        this.i++;
        const high = this.classAtom();
        if (typeof high !== "number") throw this.error("a range ends in a class escape");
        if (high < low) throw this.error("a range is out of order");
        tests.push((code) => code >= low && code <= high);
      } else tests.push(typeof low === "number" ? single(low) : low);
    }
    this.i++;
    const any: CharTest = (code) => tests.some((test) => test(code));
    return negated ? not(any) : any;
  }

  /** One class member: a code unit, or a class escape such as \d (\b is a backspace inside a class). */
  private classAtom(): number | CharTest {
    const c = this.source[this.i++];
    if (c !== "\\") return c.charCodeAt(0);
    if (this.source[this.i] === "b") {
      this.i++;
      return 8;
    }
    return this.characterEscape();
  }
}
