// Civil (wall-clock) date arithmetic on plain integers, independent of the machine's time zone.
// A "local ms" value is a wall-clock time written as if it were UTC: Date.UTC(y, m - 1, d, h, min).
// A "day number" is the count of local dates since 1970-01-01 (which is day 0, a Thursday).

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MS_PER_WEEK = 7 * MS_PER_DAY;

/** The supported instants: [1900-01-01T00:00Z, 2200-01-01T00:00Z). */
export const MIN_INSTANT_MS = Date.UTC(1900, 0, 1);
export const MAX_INSTANT_MS = Date.UTC(2200, 0, 1);

/** Day number of 1970-01-05, the first Monday on or after the epoch. */
const FIRST_MONDAY = 4;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` (1900-01-01 to 2199-12-31) to a day number, or `undefined` if it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to 2026-03-02; a real date survives the round trip.
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

// "00" … "99": two digits by table look-up (formatInstant runs for every instant written on hot paths).
const TWO = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Days from 1970-01-01 to a proleptic Gregorian date, any year (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Formats epoch milliseconds as `Date#toISOString` does (`2026-11-23T15:00:00.000Z`) for years
 * 0–9999, in plain integer arithmetic: about three times faster than building a Date, for reasons
 * formatted per ticket on hot paths.
 */
export function formatInstant(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  // Civil date from a day count (H. Hinnant's days_from_civil, inverted).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / MS_PER_HOUR);
  rest -= hour * MS_PER_HOUR;
  const minute = Math.floor(rest / MS_PER_MINUTE);
  rest -= minute * MS_PER_MINUTE;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  return `${TWO[Math.floor(year / 100)]}${TWO[year % 100]}-${TWO[month]}-${TWO[day]}T${TWO[hour]}:${TWO[minute]}:${TWO[second]}.${milli < 100 ? (milli < 10 ? '00' : '0') : ''}${milli}Z`;
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatIsoDate(dayNumber: number): string {
  const iso = new Date(dayNumber * MS_PER_DAY).toISOString();
  // Past year 9999 the year is expanded (`+010000-01-01`), as ISO 8601 and `toISOString` write it.
  return iso.slice(0, iso.indexOf('T'));
}

/** Weekday of a day number, Monday = 0 … Sunday = 6. */
export function weekdayOf(dayNumber: number): number {
  return mod(dayNumber - FIRST_MONDAY, 7);
}

/** Index of the Monday-to-Sunday week that holds a day number (week 0 starts 1970-01-05). */
export function weekOfDay(dayNumber: number): number {
  return Math.floor((dayNumber - FIRST_MONDAY) / 7);
}

/** Day number of the Monday that starts a week. */
export function firstDayOfWeek(week: number): number {
  return FIRST_MONDAY + 7 * week;
}

/** Day number of the local date a local-ms value falls on. */
export function dayOfLocal(localMs: number): number {
  return Math.floor(localMs / MS_PER_DAY);
}

export function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * The local date `months` after a day number, clamped to the end of a shorter month
 * (31 Jan + 1 month = 28 or 29 Feb; 29 Feb + 12 months = 28 Feb).
 */
export function addMonthsToDay(dayNumber: number, months: number): number {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfTarget)) / MS_PER_DAY;
}
