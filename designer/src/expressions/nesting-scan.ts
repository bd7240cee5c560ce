/**
 * Deepest bracket nesting in a source, skipping string, template and comment text. Run before parsing so that
 * thousands of nested brackets end as a limit error instead of exhausting the recursive parser's stack.
 */
export function bracketDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  // Template literals nest: each open `${` remembers the bracket depth at which its template text resumes.
  const templateResume: number[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(source, i + 1, c);
      continue;
    }
    if (c === "`") {
      i = skipTemplateText(source, i + 1, templateResume, depth);
      if (templateResume.length > 0 && templateResume[templateResume.length - 1] === depth && source[i - 1] === "{") {
        depth++;
        deepest = Math.max(deepest, depth);
      }
      continue;
    }
    if (c === "/" && source[i + 1] === "/") {
      while (i < n && source[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === ")" || c === "]" || c === "}") {
      if (c === "}" && templateResume.length > 0 && templateResume[templateResume.length - 1] === depth - 1) {
        templateResume.pop();
        depth--;
        i = skipTemplateText(source, i + 1, templateResume, depth);
        if (templateResume.length > 0 && templateResume[templateResume.length - 1] === depth && source[i - 1] === "{") {
          depth++;
          deepest = Math.max(deepest, depth);
        }
        continue;
      }
      if (depth > 0) depth--;
    }
    i++;
  }
  return deepest;
}

function skipQuoted(source: string, i: number, quote: string): number {
  while (i < source.length && source[i] !== quote && source[i] !== "\n") i += source[i] === "\\" ? 2 : 1;
  return i + 1;
}

/** Skips template text up to the closing backtick (returns after it) or a `${` (returns after it, pushing depth). */
function skipTemplateText(source: string, i: number, templateResume: number[], depth: number): number {
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "`") return i + 1;
    if (c === "$" && source[i + 1] === "{") {
      templateResume.push(depth);
      return i + 2;
    }
    i++;
  }
  return i;
}
