/**
 * Regular expressions matched in linear time — field patterns as the server matches them with .NET's
 * RegexOptions.NonBacktracking, and plain `matches` patterns in JavaScript's dialect: the pattern is compiled to a
 * Thompson NFA and simulated state set by state set, so `^(a+)+$` against a long run of "a" ends in microseconds
 * instead of hanging the page (a JavaScript RegExp backtracks and cannot be interrupted).
 *
 * The syntax (pattern-syntax.ts) is the part of .NET's that the non-backtracking engine supports (the server refuses the rest when the
 * definition is loaded): literals and escapes, `.`, classes with ranges and negation, `\d \w \s` (Unicode, as in
 * .NET) and their negations, `\p{..}`/`\P{..}` general categories, groups `( )`, `(?: )`, `(?<name> )`, alternation,
 * the quantifiers `* + ? {n} {n,} {n,m}` (lazy forms match the same), and the anchors `^ $ \A \z \Z \b \B`.
 * `$` matches at the end or before a final "\n", as in .NET. The match is unanchored (IsMatch), as JSON Schema's
 * `pattern` is.
 */
import { dialects, PatternParser, PatternSyntaxError, type Assertion, type Ast, type CharTest, type PatternDialect } from "./pattern-syntax";

export { PatternSyntaxError, type PatternDialect } from "./pattern-syntax";

const maxStates = 20_000;

type State =
  | { kind: "char"; test: CharTest; next: number }
  | { kind: "split"; next: number[] }
  | { kind: "assert"; assertion: Assertion; next: number }
  | { kind: "match" };

/** A compiled pattern: `test(text)` is true when the pattern matches somewhere in the text. */
export class LinearPattern {
  private readonly states: State[] = [];
  private readonly start: number;
  private readonly word: CharTest;

  constructor(readonly source: string, dialect: PatternDialect = "dotnet") {
    const ast = new PatternParser(source, dialect).parse();
    this.word = dialects[dialect].word;
    const matchState = this.add({ kind: "match" });
    this.start = this.compile(ast, matchState);
  }

  private add(state: State): number {
    if (this.states.length >= maxStates) throw new PatternSyntaxError(`the pattern is too large to match safely (more than ${maxStates} states)`);
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Compiles `ast` so that it continues to `next`; returns its entry state (built back to front). */
  private compile(ast: Ast, next: number): number {
    switch (ast.kind) {
      case "char": return this.add({ kind: "char", test: ast.test, next });
      case "assert": return this.add({ kind: "assert", assertion: ast.assertion, next });
      case "seq": {
        let entry = next;
        for (let k = ast.items.length - 1; k >= 0; k--) entry = this.compile(ast.items[k], entry);
        return entry;
      }
      case "alt": return this.add({ kind: "split", next: ast.options.map((option) => this.compile(option, next)) });
      case "repeat": {
        let entry = next;
        if (ast.max === Infinity) {
          // A loop: split into the item (which comes back to the split) or out.
          const loop = this.add({ kind: "split", next: [] }) ;
          const body = this.compile(ast.item, loop);
          (this.states[loop] as { next: number[] }).next = [body, next];
          entry = loop;
        } else {
          for (let k = ast.max; k > ast.min; k--) entry = this.add({ kind: "split", next: [this.compile(ast.item, entry), next] });
        }
        for (let k = 0; k < ast.min; k++) entry = this.compile(ast.item, entry);
        return entry;
      }
    }
  }

  test(text: string): boolean {
    let current: number[] = [];
    let seen = new Uint32Array(this.states.length);
    let generation = 0;
    const add = (list: number[], id: number, at: number): boolean => {
      const stack = [id];
      while (stack.length > 0) {
        const s = stack.pop()!;
        if (seen[s] === generation) continue;
        seen[s] = generation;
        const state = this.states[s];
        if (state.kind === "match") return true;
        if (state.kind === "split") for (let k = state.next.length - 1; k >= 0; k--) stack.push(state.next[k]);
        else if (state.kind === "assert") {
          if (holds(state.assertion, text, at, this.word)) stack.push(state.next);
        } else list.push(s);
      }
      return false;
    };
    for (let at = 0; ; at++) {
      generation++;
      if (generation === 0xffffffff) {
        seen = new Uint32Array(this.states.length);
        generation = 1;
      }
      const next: number[] = [];
      // Carry over the states waiting for this character (marked in this generation first), then a fresh start.
      for (const s of current) if (add(next, s, at)) return true;
      if (add(next, this.start, at)) return true;
      if (at === text.length) return false;
      const code = text.charCodeAt(at);
      current = [];
      for (const s of next) {
        const state = this.states[s] as { test: CharTest; next: number };
        if (state.test(code)) current.push(state.next);
      }
    }
  }
}

function holds(assertion: Assertion, text: string, at: number, word: CharTest): boolean {
  switch (assertion) {
    case "start": return at === 0;
    case "absoluteEnd": return at === text.length;
    case "endOrFinalNewline": return at === text.length || (at === text.length - 1 && text.charCodeAt(at) === 10);
    case "wordBoundary": return wordBefore(text, at, word) !== wordBefore(text, at + 1, word);
    case "notWordBoundary": return wordBefore(text, at, word) === wordBefore(text, at + 1, word);
  }
}

/** Whether the character just before position `at` is a word character. */
function wordBefore(text: string, at: number, word: CharTest): boolean {
  return at > 0 && at <= text.length && word(text.charCodeAt(at - 1));
}
