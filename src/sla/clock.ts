// One SLA clock: from a start, optional stop and the pauses inside, its deadline, at-risk instant,
// elapsed and remaining business time and status as of `now`. Shared by ticket metrics and
// back-office deadlines.

import { addBusinessDays, addBusinessTime, businessTimeBetween, isOpen, nextOpen, type Calendar } from '../calendar/index.js';
import type { Reason } from '../_lib/reason.js';

/**
 * Where a clock stands: `met` / `missed` once stopped (by its deadline or after it); while running,
 * `ok`, `at-risk` (past the at-risk threshold) or `breached` (past the deadline).
 *
 * @remarks Since 0.1.0
 */
export type ClockStatus = 'met' | 'missed' | 'ok' | 'at-risk' | 'breached';

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
  /** What stopped it: its goal (`fulfilled`), the ticket being resolved, or nothing yet. */
  readonly stoppedBy: 'fulfilled' | 'resolved' | null;
  /** When the target runs out, moved later by pauses (while paused: as if resumed now). */
  readonly deadline: Date;
  /** When the clock turns at-risk. */
  readonly atRiskAt: Date;
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
  /** Periodic updates: explain how many were missed when an interval runs over. */
  readonly countMissedUpdates?: boolean;
  /** Paused statuses stop the clock (ticket metrics). */
  readonly pausable: boolean;
  /** A custom metric starts only at `metricStarted` events (ticket metrics). */
  readonly startOnEvent: boolean;
}

/** One measured span: start, optional stop, paused intervals (sorted, may end at Infinity). */
export interface ClockSpan {
  readonly cycle: number;
  readonly start: number;
  readonly stop: number | null;
  readonly stoppedBy: 'fulfilled' | 'resolved' | null;
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

export function evaluateClock(target: ClockTarget, span: ClockSpan, now: number): SlaClock {
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
  if (cursor < end) addActive(cursor, end);

  let targetMs: number;
  let deadline: number;
  if (target.days !== undefined) {
    // As with business time, a clock started while closed counts from the next opening: a
    // Saturday request due in 1 business day is due Tuesday at Monday's opening time, not at
    // Monday's opening (which would allow no business time at all).
    const from = isOpen(calendar, span.start) ? span.start : nextOpen(calendar, span.start).getTime();
    const dayDeadline = addBusinessDays(calendar, from, target.days).getTime();
    targetMs = businessTimeBetween(calendar, span.start, dayDeadline);
    // Never earlier than the business-day date itself (a 0-length pause changes nothing).
    deadline = Math.max(dayDeadline, instantAt(calendar, span.start, active, targetMs));
  } else {
    targetMs = target.ms as number;
    deadline = instantAt(calendar, span.start, active, targetMs);
  }
  const atRiskAt = Math.min(instantAt(calendar, span.start, active, Math.round((targetMs * target.atRiskPercent) / 100)), deadline);

  let status: ClockStatus;
  if (span.stop !== null) status = span.stop <= deadline ? 'met' : 'missed';
  else if (now > deadline) status = 'breached';
  else if (now >= atRiskAt) status = 'at-risk';
  else status = 'ok';

  return clockOf(target, span, now, status, deadline, atRiskAt, targetMs, elapsedMs, pausedMs, paused);
}

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
  targetMs: number,
  elapsedMs: number,
  pausedMs: number,
  paused: boolean,
): SlaClock {
  const reasons: Reason[] = [
    {
      code: STATUS_CODES[status],
      rule: target.target,
      facts: { metric: target.metric, cycle: span.cycle, targetMs, elapsedMs, remainingMs: targetMs - elapsedMs, pausedMs, paused },
      message: message(status, target.metric, elapsedMs, targetMs, span.stoppedBy),
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

function hours(ms: number): string {
  return `${Math.round((ms / 3_600_000) * 100) / 100} h`;
}

function message(status: ClockStatus, metric: string, elapsedMs: number, targetMs: number, by: string | null): string {
  switch (status) {
    case 'met':
      return `${metric} ${by === 'resolved' ? 'ended by resolution' : 'met'}: ${hours(elapsedMs)} of ${hours(targetMs)} used.`;
    case 'missed':
      return `${metric} missed: done after its deadline (${hours(elapsedMs)} of ${hours(targetMs)} business time).`;
    case 'breached':
      return `${metric} breached: past its deadline, ${hours(elapsedMs - targetMs)} over.`;
    case 'at-risk':
      return `${metric} at risk: ${hours(targetMs - elapsedMs)} of ${hours(targetMs)} left.`;
    default:
      return `${metric} running: ${hours(targetMs - elapsedMs)} of ${hours(targetMs)} left.`;
  }
}
