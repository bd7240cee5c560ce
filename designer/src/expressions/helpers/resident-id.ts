import { dayNumber, daysInMonth, type DayNumber } from "./date-text";

/**
 * Mainland resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and a check character from ISO 7064 MOD 11-2. Only the 18-character form is valid.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = "10X98765432";

/** Province-level codes (GB/T 2260) plus 81/82 (Hong Kong, Macao residents) and 83 (Taiwan residents). */
const provinces = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

const earliestBirth = dayNumber(1900, 1, 1);

export interface ResidentIdParts {
  birth: DayNumber;
  male: boolean;
}

/** The check character the first 17 digits call for, or null when they are not 17 ASCII digits. */
export function residentIdCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = first17.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    sum += c * weights[i];
  }
  return checkCharacters[sum % 11];
}

/** Birth date and sex of a valid ID; null for anything else (wrong length, check character, province or date). */
export function parseResidentId(id: string): ResidentIdParts | null {
  if (id.length !== 18) return null;
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (expected === null || id[17].toUpperCase() !== expected) return null;
  if (!provinces.has(Number(id.slice(0, 2)))) return null;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const birth = dayNumber(year, month, day);
  if (birth < earliestBirth) return null;
  return { birth, male: Number(id[16]) % 2 === 1 };
}

export function isResidentId(id: string): boolean {
  return parseResidentId(id) !== null;
}
