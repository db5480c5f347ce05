import { requiredInstant, type Instant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import { getZone, isValidTimeZone } from '../_lib/zone.js';
import { InvalidArgumentError } from '../errors/index.js';

/**
 * An instant as a person reads it: the local date and time in `timeZone` with the zone's
 * abbreviation (or GMT offset), then the same instant in UTC: `2026-11-23 09:00 CST (15:00Z)`.
 * Seconds and milliseconds are shown only when the instant has them; the UTC part repeats the date
 * when it differs from the local one (`2026-11-23 21:00 CST (2026-11-24 03:00Z)`). For machines,
 * keep ISO 8601 UTC (`toISOString()`); this is for screens, logs and explanations. The zone's
 * name is its US English short name from Intl (as date-fns-tz's `zzz` gives it in en-US); the
 * digits come from the library's zone table. Neither depends on the machine's zone or locale.
 *
 * @param instant - A Date, epoch milliseconds, or an ISO 8601 string with an offset.
 * @param timeZone - An IANA zone, usually the policy section's `timeZone`.
 * @throws {@link InvalidArgumentError} `INVALID_TIME_ZONE`, or the instant codes
 *   (`INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`).
 * @example
 * ```ts
 * formatLocal('2026-11-23T15:00:00Z', 'America/Chicago');   //=> '2026-11-23 09:00 CST (15:00Z)'
 * formatLocal('2026-11-24T03:00:00Z', 'America/Chicago');   //=> '2026-11-23 21:00 CST (2026-11-24 03:00Z)'
 * formatLocal('2026-11-23T15:00:30Z', 'Asia/Bangkok');      //=> '2026-11-23 22:00:30 GMT+7 (15:00:30Z)'
 * ```
 * @remarks Since 0.2.0
 */
export function formatLocal(instant: Instant, timeZone: string): string {
  // isValidTimeZone also refuses what is not text (from plain JavaScript).
  if (!isValidTimeZone(timeZone)) {
    throw new InvalidArgumentError([{ code: 'INVALID_TIME_ZONE', path: ['timeZone'], message: messages.INVALID_TIME_ZONE(String(timeZone)) }]);
  }
  const ms = requiredInstant(instant, 'instant');
  // The wall-clock digits come from the zone table (checked against Intl), not from date-fns-tz:
  // it builds a Date in the machine's own zone, so a wall time that zone skips (02:30 on the night
  // its clocks go forward) came out an hour late.
  const local = wallClock(getZone(timeZone).utcToLocal(ms), ms);
  const utc = wallClock(ms, ms);
  const name = zoneName(ms, timeZone);
  return `${local.date} ${local.time} ${name} (${utc.date === local.date ? '' : `${utc.date} `}${utc.time}Z)`;
}

// One formatter per zone name, made on first use; cleared when full, as Intl accepts a zone in
// any letter case ("america/chicago"), so the names are not bounded by the zones it knows.
const namers = new Map<string, Intl.DateTimeFormat>();
const NAMERS_CACHE_SIZE = 64;

/**
 * The zone's short name at an instant (CST, CDT, GMT+5:30), in US English. date-fns-tz's `zzz`
 * asks Intl the same question, but loading it costs 110 ms at import and 8 KB gzipped in a bundle
 * (it brings date-fns's formatter and locale), and it answers in the machine's locale when given
 * none; test/calendar/format-local.test.ts checks the two agree in en-US.
 */
function zoneName(ms: number, timeZone: string): string {
  let namer = namers.get(timeZone);
  if (namer === undefined) {
    namer = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    if (namers.size >= NAMERS_CACHE_SIZE) namers.clear();
    namers.set(timeZone, namer);
  }
  return namer.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** `YYYY-MM-DD` and `HH:mm`, with seconds and milliseconds only when the instant has them. */
function wallClock(wallMs: number, instantMs: number): { readonly date: string; readonly time: string } {
  const text = new Date(wallMs).toISOString(); // 2026-11-23T09:00:30.250Z
  const time = instantMs % 1000 !== 0 ? text.slice(11, 23) : instantMs % 60_000 !== 0 ? text.slice(11, 19) : text.slice(11, 16);
  return { date: text.slice(0, 10), time };
}
