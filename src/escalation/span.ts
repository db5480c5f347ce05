// Deadline spans: how long after a rule fires the case must reach its tier, the tier must
// acknowledge, or a workflow is due. Unlike an SLA target (which refuses zero: a target of no time
// can never be met), an escalation deadline may be zero, "escalate immediately to a senior
// manager": the deadline is the instant the rule fired, on any calendar, distinct from no deadline
// at all (a rule without the span).

import * as z from 'zod/mini';
import * as messages from '../_lib/messages.js';
import { spanText } from '../_lib/messages.js';
import { addIssue, validate } from '../_lib/zod-issues.js';
import { MAX_SPAN_DAYS, WithinSchema, withinKinds, withinMs, type Within } from '../sla/index.js';

const wholeDays = z.optional(z.number().check(z.int(), z.nonnegative(), z.lte(MAX_SPAN_DAYS)));
const calendarName = z.string().check(z.minLength(1), z.describe('The name of a calendar the policy or the section declares.'));

/**
 * Whether a span is zero, "immediately": one kind of span (any time units, `businessDays` or
 * `days`), every value given exactly 0.
 */
export function isImmediate(within: Within): boolean {
  if (withinKinds(within) !== 1) return false;
  for (const value of Object.values(within)) if (value !== undefined && value !== 0) return false;
  return true;
}

/**
 * A deadline span's `within`: as in SLA targets (business time, `{ businessDays }` or calendar
 * `{ days }`, at most ten years), or zero in any one unit (`{ hours: 0 }`, `{ businessDays: 0 }`),
 * which means immediately: the deadline is the instant the rule fired, on any calendar. A time
 * span that is not zero but under a millisecond is refused (it would round to zero).
 *
 * @remarks Since 0.2.0
 */
export const DeadlineWithinSchema = z.strictObject({
  ...WithinSchema.shape,
  businessDays: wholeDays.check(z.describe('Whole dates with open hours on the calendar, keeping the time of day (0: immediately).')),
  days: wholeDays.check(z.describe('Whole calendar days in the calendar\'s time zone (0: immediately).')),
}).check(z.superRefine(checkDeadlineWithin, { when: (payload) => payload.issues.length === 0 }), z.meta({ description: 'A span as in SLA targets, or zero in one unit ({ hours: 0 }), which means immediately.', examples: [{ hours: 4 }, { hours: 0 }] }));

function checkDeadlineWithin(within: Within, ctx: z.core.$RefinementCtx): void {
  if (isImmediate(within)) return;
  if (withinKinds(within) !== 1) {
    addIssue(ctx, 'INVALID_WITHIN', messages.INVALID_WITHIN());
    return;
  }
  // One kind: a time span has a millisecond sum, a days span none.
  const ms = withinMs(within);
  if (ms !== undefined && ms < 1) {
    addIssue(ctx, 'INVALID_WITHIN', messages.ESCALATION_SPAN_UNDER_MS());
    return;
  }
  // Not zero: every rule of an SLA span holds (one kind, at most ten years, whole days above 0).
  // Each part already passed the same checks here, so what is left is about the span as a whole.
  const checked = validate(WithinSchema, within);
  for (const issue of checked.issues ?? []) addIssue(ctx, issue.code, issue.message);
}

/** A span of time measured on one of the policy's calendars (time triggers, recurring workflows: more than zero). */
export const SpanSchema = z.strictObject({ within: WithinSchema.check(z.describe('How long, more than zero.')), calendar: calendarName.check(z.describe('The calendar the span is counted on.')) });

/**
 * A deadline span: `{ within, calendar }` where `within` may be zero (immediately).
 *
 * @remarks Since 0.2.0
 */
export const DeadlineSpanSchema = z.strictObject({
  within: DeadlineWithinSchema.check(z.describe('How long; zero means immediately.')),
  calendar: calendarName.check(z.describe('The calendar the deadline is counted on.')),
});

/** A deadline span in words for reasons: "immediately", or "within 48 hours on calendar "clock"". */
export function deadlineText(span: { readonly within: Within; readonly calendar: string }): string {
  return isImmediate(span.within) ? 'immediately' : `within ${spanText(span.within)} on calendar "${span.calendar}"`;
}
