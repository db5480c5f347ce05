// The `calendar` field of a section that counts on one calendar (returns, warranty, compensation),
// standalone and in a SupportPolicy document. In a document the field may name a calendar the
// document declares once at its top; on its own a section has no calendars to name, so a name is
// refused in words that say so (not as "expected an object").

import * as z from 'zod/mini';
import * as messages from './messages.js';
import { preprocess } from './zod-issues.js';

/** The name of a calendar declared in a policy's `calendars`. */
export const calendarName = z.string().check(z.minLength(1), z.describe('The name of a calendar the policy declares in its top-level calendars.'));

/**
 * A section's calendar in a SupportPolicy document: the calendar itself, or the name of one the
 * document declares in its top-level `calendars` (the document resolves the name).
 */
export function calendarOrName<S extends z.ZodMiniType>(calendar: S) {
  return z.union([calendarName, calendar]);
}

/**
 * A section's calendar on its own: the calendar itself. The JSON Schema and the type are the
 * calendar's; a name gets UNKNOWN_CALENDAR saying that only a policy document can resolve it.
 */
export function calendarOnly<S extends z.ZodMiniType>(calendar: S, owner: string) {
  return preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    ctx.addIssue({ code: 'custom', message: messages.CALENDAR_NAME_WITHOUT_POLICY(value, owner), params: { code: 'UNKNOWN_CALENDAR' }, input: value });
    return z.NEVER;
  }, calendar);
}
