/** Seeded one-value corruptions of JSON documents, for tests that feed broken input and expect clear errors. */
export const junk: unknown[] = [null, 0, -1, 1.5, 1e300, "", " ", "x", "data.", "for(;;){}", true, [], [null], [[[]]], {}, { "zh-CN": 1 }, "__proto__", "2026-02-30"];

export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** Every member (object key or array index) of the document, with its container. */
function slots(value: unknown, found: [Record<string, unknown>, string][] = []): [Record<string, unknown>, string][] {
  if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      found.push([value as Record<string, unknown>, key]);
      slots((value as Record<string, unknown>)[key], found);
    }
  }
  return found;
}

/** A copy of the JSON text's document with one member, picked by `next`, replaced by a junk value. */
export function corrupt(text: string, next: () => number): unknown {
  const document = JSON.parse(text) as unknown;
  const places = slots(document);
  if (places.length === 0) return junk[Math.floor(next() * junk.length)];
  const [target, key] = places[Math.floor(next() * places.length)];
  Object.defineProperty(target, key, { value: junk[Math.floor(next() * junk.length)], enumerable: true, writable: true, configurable: true });
  return document;
}
