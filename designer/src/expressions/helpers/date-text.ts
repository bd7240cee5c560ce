/**
 * Dates in expressions are "yyyy-MM-dd" strings (a datetime "yyyy-MM-ddTHH:mm..." counts by its date part as
 * written). Internally a date is its day number: days since 1970-01-01, so arithmetic is plain integer arithmetic.
 */
export type DayNumber = number;

const msPerDay = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(text: string): DayNumber | null {
  const datePart = text.length > 10 && (text[10] === "T" || text[10] === " ") ? text.slice(0, 10) : text;
  const match = datePattern.exec(datePart);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumber(year, month, day);
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / msPerDay);
}

export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** The date parts of a day number. */
export function dateParts(day: DayNumber): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(day * msPerDay);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** yyyy-MM-dd; years 1–9999 only, as the server's DateOnly, so a date past them is a clear error, not a stray string. */
export function writeDate(day: DayNumber): string {
  const parts = dateParts(day);
  if (parts.year < 1 || parts.year > 9999) throw new RangeError("the date falls outside the years 1 to 9999");
  return `${String(parts.year).padStart(4, "0")}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
}
