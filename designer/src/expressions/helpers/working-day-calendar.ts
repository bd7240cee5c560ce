import { dateParts, parseDate, type DayNumber } from "./date-text";

/**
 * Which days are working days: Monday–Friday, minus public holidays, plus swapped working weekend days — the server's
 * WorkingDayCalendar over the same module-templates/calendars/*.json files, imported at build time.
 */
interface CalendarYearFile {
  year: number;
  holidays: { name: string; from: string; to: string }[];
  workdays: string[];
}

export class WorkingDayCalendar {
  private readonly holidays = new Set<DayNumber>();
  private readonly workdays = new Set<DayNumber>();

  constructor(years: Iterable<CalendarYearFile>) {
    for (const year of years) {
      for (const range of year.holidays) {
        for (let d = requireDate(range.from, year.year); d <= requireDate(range.to, year.year); d++) this.holidays.add(d);
      }
      for (const day of year.workdays) this.workdays.add(requireDate(day, year.year));
    }
  }

  isWorkingDay(day: DayNumber): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const weekday = dateParts(day).weekday;
    return weekday !== 0 && weekday !== 6;
  }

  /** The day on which `days` working days after `start` have passed (the start day never counts). */
  addWorkingDays(start: DayNumber, days: number): DayNumber {
    let day = start;
    while (days > 0) {
      day++;
      if (this.isWorkingDay(day)) days--;
    }
    return day;
  }

  /** Working days in (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDay(d)) count++;
    return count;
  }
}

function requireDate(text: string, year: number): DayNumber {
  const day = parseDate(text);
  if (day === null) throw new Error(`calendar ${year}: "${text}" is not a yyyy-MM-dd date`);
  return day;
}

const yearFiles = import.meta.glob<CalendarYearFile>("../../../../module-templates/calendars/*.json", { eager: true, import: "default" });

/** The mainland China calendar shipped in module-templates/calendars. */
export const chinaMainland = new WorkingDayCalendar(Object.keys(yearFiles).sort().map((path) => yearFiles[path]));
