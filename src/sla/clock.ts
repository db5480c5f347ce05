// One SLA clock: from a start, optional stop and the pauses inside, its deadline, at-risk instant,
// elapsed and remaining business time and status as of `now`. Shared by ticket metrics and
// back-office deadlines.

import { addBusinessDays, addBusinessTime, businessTimeBetween, isOpen, type AddBusinessDaysOptions, type Calendar } from '../calendar/index.js';
import { formatInstant } from '../_lib/civil.js';
import type { Reason } from '../_lib/reason.js';

/**
 * Where a clock stands: `met` / `missed` once stopped (having used at most its target's business
 * time, or more); while running, `ok`, `at-risk` (past the at-risk threshold) or `breached` (more
 * business time used than the target allows). Verdicts are decided on business time, not on the
 * wall clock: a reply after a deadline that fell at a closing instant, before the calendar opens
 * again, has used no more than the target and is `met` (changed in 0.2.0).
 *
 * @remarks Since 0.1.0
 */
export type ClockStatus = 'met' | 'missed' | 'ok' | 'at-risk' | 'breached';

/**
 * The five statuses an SLA clock can be in: `met` and `missed` once stopped; `ok`, `at-risk` and
 * `breached` while it runs. Escalation rules test them (`slaStatus`), and aggregates check clocks
 * against them.
 *
 * @remarks Since 0.2.0
 */
export const CLOCK_STATUSES: readonly ClockStatus[] = Object.freeze(['met', 'missed', 'ok', 'at-risk', 'breached'] as const satisfies readonly ClockStatus[]);

/**
 * An SLA clock as plain data. Durations are business milliseconds on the clock's calendar.
 *
 * @remarks Since 0.1.0
 */
export interface SlaClock {
  /** `firstResponse`, `resolution`, … or a custom metric / back-office name. */
  readonly metric: string;
  /** Id of the SLA rule that applied (null for a back-office clock). */
  readonly rule: string | null;
  /** Id of the target whose numbers the clock uses. */
  readonly target: string;
  /** 1 for the first cycle; next-response, periodic-update and reopened resolution clocks count up. */
  readonly cycle: number;
  /** Name of the calendar the time is counted on. */
  readonly calendar: string;
  /** The target in business milliseconds. */
  readonly targetMs: number;
  readonly startedAt: Date;
  readonly stoppedAt: Date | null;
  /**
   * What stopped it: its goal (`fulfilled`), the ticket being resolved, its target being
   * withdrawn by a change of the ticket after it was already over (`withdrawn`, since 0.2.0), or
   * nothing yet.
   */
  readonly stoppedBy: 'fulfilled' | 'resolved' | 'withdrawn' | null;
  /**
   * When the target runs out, moved later by pauses (while paused: as if resumed now). When it
   * runs out exactly at a closing instant, that instant (the clock is over only once business
   * time is counted again: see `breachedAt`).
   */
  readonly deadline: Date;
  /** When the clock turns at-risk. */
  readonly atRiskAt: Date;
  /**
   * For a `breached` or `missed` clock, the first instant at which it was over its target: the
   * earliest instant by which more business time than the target had been counted, i.e. one
   * millisecond after the deadline when the calendar is open (and the clock running) right after
   * it, else one millisecond after the next instant it counts again (the next opening after a
   * deadline at a closing instant, or the end of a pause). Evaluated as of one millisecond
   * earlier the clock is not over; null for a clock that is not over.
   *
   * @remarks Since 0.2.0
   */
  readonly breachedAt: Date | null;
  /** Business time spent paused. */
  readonly pausedMs: number;
  /** Paused as of `now`. */
  readonly paused: boolean;
  /** Business time counted so far (to the stop, or to `now`). */
  readonly elapsedMs: number;
  /** `targetMs - elapsedMs`; negative once over. */
  readonly remainingMs: number;
  readonly status: ClockStatus;
  readonly reasons: readonly Reason[];
}

/** What a clock is measured against. */
export interface ClockTarget {
  readonly metric: string;
  readonly rule: string | null;
  readonly target: string;
  readonly calendarName: string;
  readonly calendar: Calendar;
  /** Business time allowed, or… */
  readonly ms?: number;
  /** …whole days of `calendar` (business days, or every day for a calendar-days target). */
  readonly days?: number;
  readonly atRiskPercent: number;
  /** At risk too once no more than this much business time is left (`warnBefore`). */
  readonly warnMs?: number;
  /** Periodic updates: explain how many were missed when an interval runs over. */
  readonly countMissedUpdates?: boolean;
}

/** A ticket metric's target: what it is measured against, and how the ticket's history runs it. */
export interface TicketClockTarget extends ClockTarget {
  /** Paused statuses stop the clock. */
  readonly pausable: boolean;
  /** A custom metric starts only at `metricStarted` events. */
  readonly startOnEvent: boolean;
  /** The statuses that pause it, when not the policy's paused statuses. */
  readonly pauseOn?: ReadonlySet<string>;
  /** What resolving and reopening the ticket does to it. @defaultValue 'new-cycle' */
  readonly reopen?: 'new-cycle' | 'resume' | 'once';
}

/** One measured span: start, optional stop, paused intervals (sorted, may end at Infinity). */
export interface ClockSpan {
  readonly cycle: number;
  readonly start: number;
  readonly stop: number | null;
  readonly stoppedBy: 'fulfilled' | 'resolved' | 'withdrawn' | null;
  readonly pauses: readonly (readonly [number, number])[];
}


/** Active time of a clock: flat [start, end) pairs without the pauses, and their business ms. */
interface Active {
  /** start0, end0, start1, end1, … */
  readonly bounds: number[];
  readonly ms: number[];
  readonly end: number;
}

// The instant at which `amount` of active time is reached; after `end` the clock runs on.
function instantAt(calendar: Calendar, start: number, active: Active, amount: number): number {
  if (amount <= 0) return start;
  let counted = 0;
  for (let i = 0; i < active.ms.length; i++) {
    const ms = active.ms[i] as number;
    if (amount <= counted + ms) return addBusinessTime(calendar, active.bounds[2 * i] as number, amount - counted).getTime();
    counted += ms;
  }
  return addBusinessTime(calendar, active.end, amount - counted).getTime();
}

/**
 * The first instant at which more than `targetMs` has been counted: for a clock that is over (the
 * deadline, where exactly the target has been counted, lies inside its active time), or for one
 * that runs on unpaused past the end of its active time (the deadline may lie beyond it).
 * Business time is counted in whole milliseconds: one millisecond after the deadline when that
 * millisecond is counted (open, and not paused), else one after the next instant that is.
 */
function firstOver(calendar: Calendar, start: number, active: Active, deadline: number, targetMs: number): number {
  const { bounds } = active;
  // Running on, every instant from the end of the active time on is counted when open.
  if (deadline >= active.end) return isOpen(calendar, deadline) ? deadline + 1 : instantAt(calendar, start, active, targetMs + 1);
  // Most over clocks are simply past a deadline inside open, active time: one cheap isOpen then.
  for (let i = 0; i < bounds.length; i += 2) {
    if (deadline >= (bounds[i] as number) && deadline < (bounds[i + 1] as number)) {
      if (isOpen(calendar, deadline)) return deadline + 1;
      break;
    }
  }
  return instantAt(calendar, start, active, targetMs + 1);
}

/** What a clock measures under one target: its numbers, before a status is given. */
interface Measure {
  readonly deadline: number;
  readonly atRiskAt: number;
  readonly targetMs: number;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly paused: boolean;
  /** The first instant over the target, or null while not over. */
  readonly breachedAt: number | null;
  /** Its active time, to find when it will be over. */
  readonly active: Active;
}

function measureClock(target: ClockTarget, span: ClockSpan, now: number): Measure {
  const { calendar } = target;
  const end = span.stop ?? Math.max(now, span.start);
  const active: Active = { bounds: [], ms: [], end };
  let cursor = span.start;
  let pausedMs = 0;
  let paused = false;
  let elapsedMs = 0;
  const addActive = (a: number, b: number) => {
    const ms = businessTimeBetween(calendar, a, b);
    active.bounds.push(a, b);
    active.ms.push(ms);
    elapsedMs += ms;
  };
  for (const [from, to] of span.pauses) {
    if (span.stop === null && from <= end && to > end) paused = true;
    const a = Math.max(from, cursor);
    const b = Math.min(to, end);
    if (b <= a) continue;
    if (a > cursor) addActive(cursor, a);
    pausedMs += businessTimeBetween(calendar, a, b);
    cursor = b;
  }
  // No pause cut the active time: it is one stretch from the start (or none yet).
  const uncut = cursor === span.start;
  if (cursor < end) addActive(cursor, end);

  let targetMs: number;
  let deadline: number;
  if (target.days !== undefined) {
    // As with business time, a clock started while closed counts from the next opening: a
    // Saturday request due in 1 business day is due Tuesday at Monday's opening time, not at
    // Monday's opening (which would allow no business time at all).
    const dayDeadline = addBusinessDays(calendar, span.start, target.days, FROM_NEXT_OPENING).getTime();
    targetMs = businessTimeBetween(calendar, span.start, dayDeadline);
    // Never earlier than the business-day date itself (a 0-length pause changes nothing). Uncut,
    // the instant the target's business time is counted from the start is never later than that
    // date (it is the earliest instant by which that much is counted), so the date is the
    // deadline and the calendar need not be walked again.
    deadline = uncut ? dayDeadline : Math.max(dayDeadline, instantAt(calendar, span.start, active, targetMs));
  } else {
    targetMs = target.ms as number;
    deadline = instantAt(calendar, span.start, active, targetMs);
  }
  let riskMs = Math.round((targetMs * target.atRiskPercent) / 100);
  if (target.warnMs !== undefined) riskMs = Math.min(riskMs, Math.max(0, targetMs - target.warnMs));
  const atRiskAt = Math.min(instantAt(calendar, span.start, active, riskMs), deadline);
  // Verdicts on business time used, not on the wall clock: between a deadline at a closing
  // instant and the next opening no business time passes, so a reply then has used no more than
  // the target (the verdict pandas gives by putting such a deadline at the next opening).
  const breachedAt = elapsedMs > targetMs ? firstOver(calendar, span.start, active, deadline, targetMs) : null;
  return { deadline, atRiskAt, targetMs, elapsedMs, pausedMs, paused, breachedAt, active };
}

/**
 * The next instants at which a ticket's clocks change, if nothing else happens: filled in as the
 * clocks are measured.
 */
export interface Upcoming {
  /** The earliest instant a running clock will be over its target (Infinity: none). */
  breach: number;
  /** The earliest instant a clock's status changes (Infinity: none), and which clock. */
  change: number;
  changing: { readonly metric: string; readonly cycle: number; readonly to: ClockStatus } | null;
}

/** A fresh accumulator of upcoming changes. */
export const noUpcoming = (): Upcoming => ({ breach: Number.POSITIVE_INFINITY, change: Number.POSITIVE_INFINITY, changing: null });

/**
 * Notes when a running clock (not paused, not over) changes if nothing else happens: `ok` turns
 * at-risk at atRiskAt (later than now, or it would be at-risk), and it is over at the first
 * instant more than the target has been counted: one millisecond after the deadline when that
 * millisecond is open, else one after the next instant that is. That instant is never before
 * the deadline, so it is only computed for a clock whose deadline could beat the earliest so far.
 * An at-risk clock whose deadline cannot beat it cannot change first either: every clock noted
 * changes no later than it is over, so `change` is never after `breach`.
 */
function noteUpcoming(upcoming: Upcoming | undefined, target: ClockTarget, span: ClockSpan, status: ClockStatus, m: Measure): void {
  if (upcoming === undefined || span.stop !== null || m.paused || m.breachedAt !== null) return;
  let breach = Number.POSITIVE_INFINITY;
  if (m.deadline < upcoming.breach) {
    breach = firstOver(target.calendar, span.start, m.active, m.deadline, m.targetMs);
    if (breach < upcoming.breach) upcoming.breach = breach;
  }
  const [at, to]: [number, ClockStatus] = status === 'ok' ? [m.atRiskAt, 'at-risk'] : [breach, 'breached'];
  if (at < upcoming.change) {
    upcoming.change = at;
    upcoming.changing = { metric: target.metric, cycle: span.cycle, to };
  }
}

function statusOf(span: ClockSpan, now: number, breachedAt: number | null, atRiskAt: number): ClockStatus {
  if (span.stop !== null) return breachedAt !== null ? 'missed' : 'met';
  if (breachedAt !== null) return 'breached';
  return now >= atRiskAt ? 'at-risk' : 'ok';
}

export function evaluateClock(target: ClockTarget, span: ClockSpan, now: number, upcoming?: Upcoming): SlaClock {
  const m = measureClock(target, span, now);
  const status = statusOf(span, now, m.breachedAt, m.atRiskAt);
  noteUpcoming(upcoming, target, span, status, m);
  return clockOf(target, span, now, status, m.deadline, m.atRiskAt, m.breachedAt, m.targetMs, m.elapsedMs, m.pausedMs, m.paused);
}

/** The targets a clock ran under, in order: each in force over [from, to). */
export type TargetSegments = readonly { readonly from: number; readonly to: number; readonly goal: ClockTarget }[];

/**
 * A clock whose target changed while it ran (a ticket's priority changed, say). Each target counts
 * from the clock's original start, as Zendesk and Jira do. The clock is over from the first
 * instant it was over the target then in force: a change that makes it overdue dates the breach
 * at the change, not at a back-dated deadline; a breach is never undone by a later change. The
 * numbers shown (target, deadline, at-risk) are the last target's.
 */
export function evaluateClockOver(segments: TargetSegments, span: ClockSpan, now: number, upcoming?: Upcoming): SlaClock {
  let breachedAt: number | null = null;
  let breachedUnder: ClockTarget | undefined;
  let last: Measure | undefined;
  for (const { from, to, goal } of segments) {
    last = measureClock(goal, span, now);
    if (breachedAt === null && last.breachedAt !== null) {
      const at = Math.max(last.breachedAt, from);
      if (at < to) {
        breachedAt = at;
        breachedUnder = goal;
      }
    }
  }
  const goal = (segments[segments.length - 1] as TargetSegments[number]).goal;
  const m = last as Measure;
  const status = statusOf(span, now, breachedAt, m.atRiskAt);
  // The last target is in force from now on; a breach under an earlier one is for good.
  if (breachedAt === null) noteUpcoming(upcoming, goal, span, status, m);
  const clock = clockOf(goal, span, now, status, m.deadline, m.atRiskAt, breachedAt, m.targetMs, m.elapsedMs, m.pausedMs, m.paused);
  const reasons = clock.reasons as Reason[];
  for (let i = 1; i < segments.length; i++) {
    const before = (segments[i - 1] as TargetSegments[number]).goal;
    const after = segments[i] as TargetSegments[number];
    const calendars = before.calendarName !== after.goal.calendarName;
    const at = formatInstant(after.from);
    reasons.push({
      code: 'SLA_TARGET_CHANGED',
      rule: after.goal.target,
      facts: {
        metric: goal.metric,
        cycle: span.cycle,
        from: before.target,
        to: after.goal.target,
        fromCalendar: before.calendarName,
        toCalendar: after.goal.calendarName,
        at,
      },
      message: `${goal.metric} changed target at ${at}: ${before.target} (${allowed(before)}${calendars ? ` on ${before.calendarName}` : ''}) to ${after.goal.target} (${allowed(after.goal)}${calendars ? ` on ${after.goal.calendarName}` : ''}), still counted from the clock's start.`,
    });
  }
  if (breachedUnder !== undefined && breachedUnder !== goal) {
    reasons.push({
      code: 'SLA_BREACH_KEPT',
      rule: breachedUnder.target,
      facts: { metric: goal.metric, cycle: span.cycle, target: breachedUnder.target, breachedAt: formatInstant(breachedAt as number) },
      message: `${goal.metric} was over ${breachedUnder.target} at ${formatInstant(breachedAt as number)}; a later change of target does not undo a breach.`,
    });
  }
  return clock;
}

/** What a target allows, for messages. */
const allowed = (goal: ClockTarget) => (goal.ms !== undefined ? hours(goal.ms) : `${goal.days} day${goal.days === 1 ? '' : 's'}`);

const FROM_NEXT_OPENING: AddBusinessDaysOptions = Object.freeze({ from: 'next-opening' });

// Reasons are plain data built eagerly but cheaply: durations as numbers and a short message.
// The instants they refer to are the clock's own fields (startedAt, deadline, stoppedAt), so no
// ISO text is formatted per clock (that was a third of the cost at 100,000 tickets), and an
// object literal with a lazy getter is several times slower to create than this.
function clockOf(
  target: ClockTarget,
  span: ClockSpan,
  now: number,
  status: ClockStatus,
  deadline: number,
  atRiskAt: number,
  breachedAt: number | null,
  targetMs: number,
  elapsedMs: number,
  pausedMs: number,
  paused: boolean,
): SlaClock {
  // Stopped (or, running, as of now) later than the deadline on the wall clock: for a clock that
  // is not over, the deadline fell at a closing instant (or a pause) and no business time was
  // counted since.
  const afterDeadline = (span.stop ?? now) > deadline;
  const reasons: Reason[] = [
    {
      code: STATUS_CODES[status],
      rule: target.target,
      facts: { metric: target.metric, cycle: span.cycle, targetMs, elapsedMs, remainingMs: targetMs - elapsedMs, pausedMs, paused, afterDeadline },
      message: message(status, target.metric, elapsedMs, targetMs, span.stoppedBy, afterDeadline),
    },
  ];
  if (target.countMissedUpdates && (status === 'breached' || status === 'missed')) reasons.push(missedUpdates(target, elapsedMs, targetMs));
  return {
    metric: target.metric,
    rule: target.rule,
    target: target.target,
    cycle: span.cycle,
    calendar: target.calendarName,
    targetMs,
    startedAt: new Date(span.start),
    stoppedAt: span.stop === null ? null : new Date(span.stop),
    stoppedBy: span.stoppedBy,
    deadline: new Date(deadline),
    atRiskAt: new Date(atRiskAt),
    breachedAt: breachedAt === null ? null : new Date(breachedAt),
    pausedMs,
    paused,
    elapsedMs,
    remainingMs: targetMs - elapsedMs,
    status,
    reasons,
  };
}

/** A periodic-update interval that ran over also says how many updates were missed in it. */
function missedUpdates(target: ClockTarget, elapsedMs: number, targetMs: number): Reason {
  // Updates were due at every whole interval strictly before now (or before the late update).
  const missed = targetMs > 0 ? Math.max(1, Math.ceil(elapsedMs / targetMs) - 1) : 1;
  return {
    code: 'PERIODIC_UPDATES_MISSED',
    rule: target.target,
    facts: { missedUpdates: missed, intervalMs: targetMs },
    message: `${missed} periodic update${missed === 1 ? '' : 's'} missed (one due every ${hours(targetMs)} of ${target.calendarName} time).`,
  };
}

const STATUS_CODES: Record<ClockStatus, string> = {
  met: 'SLA_MET',
  missed: 'SLA_MISSED',
  ok: 'SLA_RUNNING',
  'at-risk': 'SLA_AT_RISK',
  breached: 'SLA_BREACHED',
};

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/**
 * Business milliseconds in hours, to two decimals, for messages: the text of
 * `${Math.round(h * 100) / 100} h`, written from the whole hundredths (a number with a fraction
 * is several times slower to turn into text, and messages quote three per clock).
 */
function hours(ms: number): string {
  const hundredths = Math.round((ms / 3_600_000) * 100);
  if (!Number.isSafeInteger(hundredths)) return `${hundredths / 100} h`;
  const size = Math.abs(hundredths);
  const whole = Math.floor(size / 100);
  const part = size - whole * 100;
  const text = part === 0 ? `${whole}` : part % 10 === 0 ? `${whole}.${part / 10}` : `${whole}.${TWO_DIGITS[part] as string}`;
  return hundredths < 0 ? `-${text} h` : `${text} h`;
}

// Said when the wall clock is past the deadline but the business time is not over.
const NOTHING_COUNTED = 'past its deadline on the wall clock, but no business time has been counted since';

function message(status: ClockStatus, metric: string, elapsedMs: number, targetMs: number, by: string | null, afterDeadline: boolean): string {
  switch (status) {
    case 'met':
      return `${metric} ${by === 'resolved' ? 'ended by resolution' : 'met'}: ${hours(elapsedMs)} of ${hours(targetMs)} used${afterDeadline ? ` (${NOTHING_COUNTED})` : ''}.`;
    case 'missed':
      return `${metric} missed: done after its deadline (${hours(elapsedMs)} of ${hours(targetMs)} business time).`;
    case 'breached':
      return `${metric} breached: past its deadline, ${hours(elapsedMs - targetMs)} over.`;
    case 'at-risk':
      return `${metric} at risk: ${hours(targetMs - elapsedMs)} of ${hours(targetMs)} left${afterDeadline ? ` (${NOTHING_COUNTED}; over once it is)` : ''}.`;
    default:
      return `${metric} running: ${hours(targetMs - elapsedMs)} of ${hours(targetMs)} left.`;
  }
}
