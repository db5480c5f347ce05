// Parsing of "HH:MM-HH:MM" wall-clock ranges into minutes after local midnight of the day the
// range opens on. A range that closes at or before it opens runs overnight into the next day.

import type { IssueCode } from '../errors/index.js';
import * as messages from '../_lib/messages.js';

/** A parsed range: minutes after the opening day's midnight; `closeMinute` may exceed 1440. */
export interface MinuteRange {
  readonly openMinute: number;
  readonly closeMinute: number;
}

export type TimeRangeResult =
  | { readonly ok: true; readonly range: MinuteRange; readonly code?: never; readonly message?: never }
  | { readonly ok: false; readonly code: IssueCode; readonly message: string; readonly range?: never };

const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const MINUTES_PER_DAY = 1440;

/** Parses a range the schema has already checked is text. */
export function parseTimeRange(value: string): TimeRangeResult {
  const match = RANGE.exec(value);
  if (!match) return { ok: false, code: 'INVALID_TIME_RANGE', message: messages.INVALID_TIME_RANGE(value) };
  const [openH, openM, closeH, closeM] = match.slice(1).map(Number) as [number, number, number, number];
  const bad = (h: number, m: number, closing: boolean) => h > 24 || m > 59 || (h === 24 && (m !== 0 || !closing));
  if (bad(openH, openM, false)) {
    return { ok: false, code: 'INVALID_TIME', message: messages.INVALID_TIME(value, value.slice(0, 5)) };
  }
  if (bad(closeH, closeM, true)) {
    return { ok: false, code: 'INVALID_TIME', message: messages.INVALID_TIME(value, value.slice(6)) };
  }
  const openMinute = openH * 60 + openM;
  let closeMinute = closeH * 60 + closeM;
  if (closeMinute === openMinute) return { ok: false, code: 'EMPTY_TIME_RANGE', message: messages.EMPTY_TIME_RANGE(value) };
  if (closeMinute < openMinute) closeMinute += MINUTES_PER_DAY; // overnight: closes the next day
  return { ok: true, range: { openMinute, closeMinute } };
}
