// When a rule fired and when what it sets falls due. A rule fires once everything it tests holds:
// its facts (from the case's creation: a case has no instant for when its category or amount
// became known), its time triggers (strictly after their span), and a count taken from breach
// instants, which holds in runs that start when a breach enters or leaves the window. Deadlines
// count from when the rule fired. A deadline past the supported range is refused at the caller's
// field it counts from; a time trigger past the range simply never fires before `now`.

import { formatInstant as iso } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import type { Calendar } from '../calendar/index.js';
import { InvalidArgumentError, formatPath, type JsonPath } from '../errors/index.js';
import { backOfficeClock } from '../sla/index.js';
import { runStart, type Rises } from './breaches.js';
import type { Rule, Span } from './compile.js';
import { deadlineText, isImmediate } from './span.js';

/** An instant and the caller's field it counts from (`['createdAt']`, `['breaches', 2]`). */
export interface Origin {
  readonly at: number;
  readonly from: JsonPath;
}

/**
 * A deadline `span` after `start` (the instant itself for a zero span); `what` names it and `from`
 * is the caller's field `start` counts from, for the error when it falls past the supported range.
 */
export type DeadlineAfter = (start: number, span: Span, what: string, from: JsonPath) => number;

// backOfficeClock reports a deadline past the supported range at its task's `start` (the field it
// counts from); the task is built from a checked case, so nothing else can be wrong there.
const outOfRange = (error: unknown): error is InvalidArgumentError =>
  error instanceof InvalidArgumentError && error.issues.every((issue) => issue.path.length === 1 && issue.path[0] === 'start');

/**
 * The deadline maths of a policy's calendars: `after` for a deadline (RESULT_OUT_OF_RANGE at
 * `from` past the supported range), `trigger` for the instant a time trigger holds after, which is
 * Infinity past the range (`now` never is, so the trigger has not passed and its rule has not fired).
 */
export function deadlinesOn(calendars: ReadonlyMap<string, Calendar>): { readonly after: DeadlineAfter; readonly trigger: (start: number, span: Span) => number } {
  // The instant, or undefined past the supported range.
  const raw = (start: number, span: Span): number | undefined => {
    if (isImmediate(span.within)) return start;
    try {
      return backOfficeClock({ id: 'deadline', calendar: calendars.get(span.calendar) as Calendar, within: span.within, start }, start).deadline.getTime();
    } catch (error) {
      if (outOfRange(error)) return undefined;
      throw error;
    }
  };
  return {
    after: (start, span, what, from) => {
      const at = raw(start, span);
      if (at !== undefined) return at;
      throw new InvalidArgumentError([{ code: 'RESULT_OUT_OF_RANGE', path: from, message: messages.DEADLINE_OUT_OF_RANGE(what, formatPath(from), iso(start)) }]);
    },
    trigger: (start, span) => raw(start, span) ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * When a rule that fires at `t` fired: the start of the run of its breach count under way at `t`
 * when that is later than `base` (the creation, or the instant its time triggers passed), else
 * `base`. So a rule on "more than 3 breaches in 30 days" fires at the breach that made the count
 * hold, never before the case was created.
 */
export function firedAtOf(base: Origin, rises: Rises | undefined, t: number): Origin {
  const start = rises ? runStart(rises, t) : undefined;
  return start && start.at > base.at ? start : base;
}

/** A deadline of a rule in words, for an error: 'the reach deadline of "legal" (within 4 hours on calendar "center")'. */
export function deadlineWhat(rule: Rule, kind: 'reachWithin' | 'acknowledgeWithin', span: Span): string {
  return `${kind === 'reachWithin' ? 'reach' : 'acknowledgement'} deadline of "${rule.id}" (${deadlineText(span)})`;
}
