/**
 * Reads JSON keeping each number's notation ("12.50" stays "12.50"), and writes it back compactly. The forms corpus
 * compares normalized data as text, so the expected text must come from the file as written, not through JSON.parse.
 */
export type RawJson = null | boolean | string | RawNumber | RawJson[] | { [key: string]: RawJson };

export class RawNumber {
  constructor(readonly text: string) {}
}

export function parseRawJson(text: string): RawJson {
  let i = 0;
  const space = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const value = (): RawJson => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      const result: { [key: string]: RawJson } = {};
      space();
      if (text[i] === "}") return i++, result;
      for (;;) {
        space();
        const key = value() as string;
        space();
        i++; // ':'
        Object.defineProperty(result, key, { value: value(), enumerable: true, writable: true, configurable: true });
        space();
        if (text[i++] === "}") return result;
      }
    }
    if (c === "[") {
      i++;
      const result: RawJson[] = [];
      space();
      if (text[i] === "]") return i++, result;
      for (;;) {
        result.push(value());
        space();
        if (text[i++] === "]") return result;
      }
    }
    if (c === '"') {
      const start = i++;
      while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
      return JSON.parse(text.slice(start, i)) as string;
    }
    const match = /^(true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!match) throw new Error(`unexpected JSON at ${i}`);
    i += match[0].length;
    return match[0] === "true" ? true : match[0] === "false" ? false : match[0] === "null" ? null : new RawNumber(match[0]);
  };
  return value();
}

export function writeRawJson(value: RawJson): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(writeRawJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).map((key) => `${JSON.stringify(key)}:${writeRawJson(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
