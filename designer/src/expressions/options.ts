/** Limits and environment for evaluating expressions; the defaults match the server's ExpressionOptions. */
export interface ExpressionOptions {
  /** Longest accepted source text, in characters. */
  maxSourceLength: number;
  /** Deepest accepted nesting of sub-expressions in a source. */
  maxNestingDepth: number;
  /** Deepest nesting of a result (and of data the result carries). */
  maxResultDepth: number;
  /**
   * Longest array the array methods, coercions and aggregate helpers accept (a TypeError beyond it), and longest
   * array a result may hold (a limit error) — as the server's MaxArrayLength.
   */
  maxArrayLength: number;
  /** Longest string an expression may build (concatenation, templates, methods); input strings may be longer. */
  maxStringLength: number;
  /**
   * Work units one evaluation may spend: one per syntax node evaluated and one per array item a helper or method
   * walks. The server bounds work by time; a browser cannot interrupt a running function, so it counts instead.
   */
  maxSteps: number;
  /** Today's date as yyyy-MM-dd in Asia/Shanghai; the default reads the system clock. */
  today: () => string;
}

/** Mainland China keeps UTC+8 all year, so a fixed offset gives today's date in Asia/Shanghai exactly. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const defaultOptions: ExpressionOptions = {
  maxSourceLength: 20_000,
  maxNestingDepth: 64,
  maxResultDepth: 64,
  maxArrayLength: 1_000_000,
  maxStringLength: 1_048_576,
  maxSteps: 10_000_000,
  today: () => shanghaiToday(),
};
