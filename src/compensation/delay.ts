// The delay of an incident in business days: given by the caller, or counted on the policy's
// calendar from the promised to the actual delivery. Either way a reason says which.

import { formatInstant as iso } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { businessDaysBetween, type Calendar } from '../calendar/index.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';

/** The delay facts of a checked incident (instants as epoch ms). */
export interface DelayFacts {
  readonly promisedAt?: number;
  readonly deliveredAt?: number;
  readonly delayBusinessDays?: number;
}

/**
 * The incident's delay in business days: given (`delayBusinessDays`), or counted on the policy's
 * calendar from `promisedAt` to `deliveredAt` (0 when delivered early), or unknown. A known delay
 * gets a reason saying which (`DELAY_GIVEN`, `DELAY_COUNTED`). Both forms at once could disagree:
 * CONFLICTING_FIELDS at each field given.
 */
export function delayOf(facts: DelayFacts, calendar: Calendar, reasons: Reason[]): number | undefined {
  const given = facts.delayBusinessDays;
  const instants = (['promisedAt', 'deliveredAt'] as const).filter((field) => facts[field] !== undefined);
  if (given !== undefined) {
    if (instants.length > 0) {
      const issues: Issue[] = [['delayBusinessDays'] as const, ...instants.map((field) => [field] as const)].map((path) => ({
        code: 'CONFLICTING_FIELDS',
        path,
        message: messages.COMPENSATION_DELAY_CONFLICT(instants),
      }));
      throw new InvalidArgumentError(issues);
    }
    reasons.push({
      code: 'DELAY_GIVEN',
      facts: { delayBusinessDays: given, delaySource: 'given' },
      message: `The delay is ${String(given)} business day${given === 1 ? '' : 's'}, as the incident gives it (delayBusinessDays).`,
    });
    return given;
  }
  if (facts.promisedAt === undefined || facts.deliveredAt === undefined) return undefined;
  const counted = Math.max(0, businessDaysBetween(calendar, facts.promisedAt, facts.deliveredAt));
  reasons.push({
    code: 'DELAY_COUNTED',
    facts: { delayBusinessDays: counted, delaySource: 'counted', promisedAt: iso(facts.promisedAt), deliveredAt: iso(facts.deliveredAt), calendarTimeZone: calendar.timeZone },
    message: `The delay is ${String(counted)} business day${counted === 1 ? '' : 's'}, counted from promisedAt (${iso(facts.promisedAt)}) to deliveredAt (${iso(facts.deliveredAt)}) on the policy's calendar (${calendar.timeZone}).`,
  });
  return counted;
}
