import { formatInTimeZone } from 'date-fns-tz';
import { requiredInstant, type Instant } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import { isValidTimeZone } from '../_lib/zone.js';
import { InvalidArgumentError } from '../errors/index.js';

/**
 * An instant as a person reads it: the local date and time in `timeZone` with the zone's
 * abbreviation (or GMT offset), then the same instant in UTC: `2026-11-23 09:00 CST (15:00Z)`.
 * Seconds and milliseconds are shown only when the instant has them; the UTC part repeats the date
 * when it differs from the local one (`2026-11-23 21:00 CST (2026-11-24 03:00Z)`). For machines,
 * keep ISO 8601 UTC (`toISOString()`); this is for screens, logs and explanations. Formatting is
 * done by date-fns-tz.
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
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    throw new InvalidArgumentError([{ code: 'INVALID_TIME_ZONE', path: ['timeZone'], message: messages.INVALID_TIME_ZONE(String(timeZone)) }]);
  }
  const ms = requiredInstant(instant, 'instant');
  const at = new Date(ms);
  const time = ms % 1000 !== 0 ? 'HH:mm:ss.SSS' : ms % 60_000 !== 0 ? 'HH:mm:ss' : 'HH:mm';
  const localDate = formatInTimeZone(at, timeZone, 'yyyy-MM-dd');
  const utcDate = formatInTimeZone(at, 'UTC', 'yyyy-MM-dd');
  const local = formatInTimeZone(at, timeZone, `yyyy-MM-dd ${time} zzz`);
  const utc = formatInTimeZone(at, 'UTC', utcDate === localDate ? time : `yyyy-MM-dd ${time}`);
  return `${local} (${utc}Z)`;
}
