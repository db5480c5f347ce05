// fast-check generators for the SLA property suite: small policies whose targets sit on
// business-hours calendars in DST zones or on a 24/7 calendar, and random tickets within a couple
// of weeks around 2026's offset changes.

import fc from 'fast-check';
import { addBusinessDays, addBusinessTime, createCalendar, type Calendar, type CalendarSpec, isOpen, nextOpen } from '../../src/calendar/index.js';
import {
  DEFAULT_PAUSED_STATUSES,
  DEFAULT_RESOLVED_STATUSES,
  defineSlaPolicy,
  type SlaPolicy,
  type SlaPolicySpec,
  type SlaTarget,
  type TicketEvent,
  type Within,
} from '../../src/sla/index.js';
import { weeklyHoursArb } from '../calendar/arbitraries.js';
import { DAY_MS, MINUTE_MS, isoOfDay } from '../reference/calendar.js';

export const HOUR_MS = 60 * MINUTE_MS;
/** The custom metric the tickets start and fulfil. */
export const CUSTOM = 'rmaIssued';
export const STATUSES = ['open', 'pending', 'on-hold', 'solved', 'closed'] as const;
/** Statuses that neither pause nor resolve, or resolve: a ticket with only these never pauses. */
export const UNPAUSED_STATUSES = ['open', 'solved', 'closed'] as const;

const DST_ZONES = ['America/New_York', 'America/Chicago', 'Europe/London', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham'];

// 2026 offset changes (US, EU, Lord Howe/Chatham in April and September/October) and one quiet week.
const ANCHORS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01', '2026-06-17'].map(Date.parse);

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const officeHoursArb = fc
  .constantFrom(['09:00-17:00'], ['07:00-12:00', '13:00-19:00'], ['22:00-06:00'], ['01:30-03:30', '08:00-16:00'], ['00:00-24:00'])
  .map((ranges) => Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])) as NonNullable<CalendarSpec['hours']>);

/** A business-hours calendar (office hours or random ranges) in a DST zone, with a few holidays near `base`. */
const deskSpecArb = (base: number): fc.Arbitrary<CalendarSpec> =>
  fc
    .record({
      timeZone: fc.constantFrom(...DST_ZONES),
      hours: fc.oneof(officeHoursArb, weeklyHoursArb),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 28 }), { maxLength: 3 }),
    })
    .map(({ timeZone, hours, holidays }) => {
      const spec: CalendarSpec = { timeZone, hours };
      if (holidays.length > 0) spec.holidays = holidays.map((d) => isoOfDay(Math.floor(base / DAY_MS) + d));
      return spec;
    });

/** A calendar for a target: business hours in a DST zone, or 24/7. */
export const slaCalendarSpecArb = (base: number): fc.Arbitrary<CalendarSpec> =>
  fc.oneof({ weight: 3, arbitrary: deskSpecArb(base) }, { weight: 1, arbitrary: fc.constantFrom(...DST_ZONES, 'UTC').map((timeZone) => ({ timeZone, alwaysOpen: true })) });

/** A minute-aligned (sometimes jittered) instant within a week before one of 2026's offset changes. */
export const instant2026Arb: fc.Arbitrary<number> = fc
  .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: 0, max: 7 * 1440 }), fc.oneof(fc.constant(0), fc.nat(MINUTE_MS - 1)))
  .map(([anchor, minute, jitter]) => anchor - 7 * DAY_MS + minute * MINUTE_MS + jitter);

/** Business time in hours and/or minutes, whole business days, or calendar days. */
export const withinArb: fc.Arbitrary<Within> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((hours) => ({ hours })),
  fc.integer({ min: 1, max: 600 }).map((minutes) => ({ minutes })),
  fc.record({ hours: fc.integer({ min: 1, max: 12 }), minutes: fc.integer({ min: 1, max: 59 }) }),
  fc.integer({ min: 1, max: 5 }).map((businessDays) => ({ businessDays })),
  fc.integer({ min: 1, max: 3 }).map((days) => ({ days })),
);

const targetArb = (metric: string): fc.Arbitrary<SlaTarget> =>
  fc
    .record({
      within: withinArb,
      calendar: fc.constantFrom('desk', 'desk', 'always'),
      atRiskPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      pausable: fc.option(fc.boolean(), { freq: 4, nil: undefined }),
    })
    .map(({ atRiskPercent, pausable, ...rest }) => ({
      id: `${metric}-target`,
      metric,
      ...rest,
      ...(atRiskPercent !== undefined ? { atRiskPercent } : {}),
      ...(pausable !== undefined ? { pausable } : {}),
    }));

export interface Scenario {
  readonly spec: SlaPolicySpec;
  readonly policy: SlaPolicy;
  /** `created` first, then the other events in time order (the laws shuffle them). */
  readonly events: readonly TicketEvent[];
  readonly created: number;
  /** The latest event instant. */
  readonly last: number;
  /** An instant at or after the last event. */
  readonly now: number;
}

export const msOf = (at: TicketEvent['at'] | string): number => (at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at);

type Kind =
  | { type: 'customerReply' | 'update' }
  | { type: 'agentReply'; public?: boolean }
  | { type: 'status'; status: string }
  | { type: 'metricStarted' | 'metricFulfilled'; metric: string };

const kindArb = (statuses: readonly string[]): fc.Arbitrary<Kind> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant({ type: 'customerReply' as const }) },
    { weight: 2, arbitrary: fc.boolean().map((pub): Kind => (pub ? { type: 'agentReply' } : { type: 'agentReply', public: false })) },
    { weight: 4, arbitrary: fc.constantFrom(...statuses).map((status): Kind => ({ type: 'status', status })) },
    { weight: 1, arbitrary: fc.constant({ type: 'update' as const }) },
    { weight: 2, arbitrary: fc.constantFrom('metricStarted' as const, 'metricFulfilled' as const).map((type): Kind => ({ type, metric: CUSTOM })) },
  );

/** An instant written as a Date, epoch ms or an ISO string (accepted at run time, as evaluateSla's example shows, though `Instant` does not name it). */
const renderAt = (ms: number, form: number): TicketEvent['at'] => (form === 0 ? ms : form === 1 ? new Date(ms) : (new Date(ms).toISOString() as unknown as Date));

/** A random policy (one rule, a target per metric) and ticket; `statuses` are those the ticket may move through. */
export const scenarioArb = (statuses: readonly string[] = STATUSES): fc.Arbitrary<Scenario> =>
  fc
    .record({
      anchor: fc.constantFrom(...ANCHORS),
      createdMinute: fc.integer({ min: 0, max: 7 * 1440 }),
      nowMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 14 * 1440 })),
    })
    .chain(({ anchor, createdMinute, nowMinutes }) => {
      const base = anchor - 7 * DAY_MS;
      const created = base + createdMinute * MINUTE_MS;
      const metrics = fc.subarray(['firstResponse', 'nextResponse', 'periodicUpdate', 'acknowledgement']);
      return fc.record({
        created: fc.constant(created),
        desk: deskSpecArb(base),
        alwaysZone: fc.constantFrom(...DST_ZONES, 'UTC'),
        targets: fc.tuple(targetArb('resolution'), targetArb(CUSTOM), metrics.chain((ms) => fc.tuple(...ms.map(targetArb)))),
        events: fc.array(
          fc.record({ minute: fc.integer({ min: 0, max: 14 * 1440 }), jitter: fc.oneof(fc.constant(0), fc.nat(MINUTE_MS - 1)), kind: kindArb(statuses), form: fc.nat(2) }),
          { maxLength: 12 },
        ),
        nowMs: fc.constant(nowMinutes * MINUTE_MS).chain((d) => fc.oneof(fc.constant(d), fc.integer({ min: d, max: d + HOUR_MS }))),
        createdForm: fc.nat(2),
      });
    })
    .map(({ created, desk, alwaysZone, targets: [resolution, custom, others], events, nowMs, createdForm }) => {
      const spec: SlaPolicySpec = {
        id: 'prop',
        calendars: { desk, always: { timeZone: alwaysZone, alwaysOpen: true } },
        rules: [{ id: 'all', targets: [resolution, custom, ...others] }],
      };
      const timed = events
        .map(({ minute, jitter, kind, form }) => ({ ...kind, ms: created + minute * MINUTE_MS + jitter, form }))
        .sort((a, b) => a.ms - b.ms);
      const ticketEvents: TicketEvent[] = [
        { type: 'created', at: renderAt(created, createdForm) },
        ...timed.map(({ ms, form, ...kind }) => ({ ...kind, at: renderAt(ms, form) }) as TicketEvent),
      ];
      const last = Math.max(created, ...timed.map((e) => e.ms));
      return { spec, policy: defineSlaPolicy(spec), events: ticketEvents, created, last, now: last + nowMs };
    });

/** The calendar a target counts on, built afresh from the spec (a `days` target counts every day in the zone). */
export function targetCalendar(spec: SlaPolicySpec, target: SlaTarget): Calendar {
  return calendarFor(spec.calendars[target.calendar as string] as CalendarSpec, target.within);
}

export function calendarFor(spec: CalendarSpec, within: Within): Calendar {
  return createCalendar(within.days !== undefined ? { timeZone: spec.timeZone, alwaysOpen: true } : spec);
}

/** The deadline of an unpaused clock, straight from the calendar functions. */
/** The deadline with no pauses: business time from the start, or whole days from the first open instant. */
export function plainDeadline(calendar: Calendar, start: Date, within: Within): Date {
  const days = within.businessDays ?? within.days;
  if (days === undefined) return addBusinessTime(calendar, start, withinMsOf(within));
  return addBusinessDays(calendar, isOpen(calendar, start) ? start : nextOpen(calendar, start), days);
}

export const withinMsOf = (w: Within): number => (w.hours ?? 0) * HOUR_MS + (w.minutes ?? 0) * MINUTE_MS + (w.seconds ?? 0) * 1000 + (w.milliseconds ?? 0);

const PAUSED = new Set<string>(DEFAULT_PAUSED_STATUSES);
const RESOLVED = new Set<string>(DEFAULT_RESOLVED_STATUSES);
const phaseOf = (status: string) => (RESOLVED.has(status) ? 'resolved' : PAUSED.has(status) ? 'paused' : 'active');

/**
 * Open stretches `(from, to)` of a ticket up to `horizon` in which it is active (neither paused nor
 * resolved) and no status changes, so a `pending` … `open` pair strictly inside adds a pause and
 * nothing else.
 */
export function activeStretches(events: readonly TicketEvent[], created: number, horizon: number): [number, number][] {
  const changes = events
    .filter((e): e is Extract<TicketEvent, { type: 'status' }> => e.type === 'status')
    .map((e) => [msOf(e.at), e.status] as const)
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const out: [number, number][] = [];
  let from = created;
  let phase = 'active';
  for (const [at, status] of changes) {
    if (at > from && phase === 'active') out.push([from, at]);
    from = at;
    phase = phaseOf(status);
  }
  if (horizon > from && phase === 'active') out.push([from, horizon]);
  return out;
}

/**
 * Two rules on a random scenario's targets: the scenario's own for priority `p2`, and a stricter
 * copy (half the hours, ids suffixed `-p1`, the custom metric for VIPs only) for `p1`, so a
 * `changed` event can move a ticket between them.
 */
export function twoRulePolicy(s: { spec: SlaPolicySpec }) {
  const [rule] = s.spec.rules;
  // The custom metric's strict copy is for VIPs only, which no scenario ticket is: moving to p1
  // withdraws that clock.
  // It also cuts its clocks differently, so a change that re-cut clocks already run would show:
  // another reopen mode, and its own pause statuses (or the policy's when the original has its own).
  const once = t0Once(rule?.targets ?? []);
  const strict = rule?.targets.map(({ pauseOn, reopen, warnBefore: _halvedTargetsWarnOnTheirOwn, ...t }): SlaTarget => ({
    ...t,
    id: `${t.id}-p1`,
    within: t.within.hours !== undefined ? { hours: Math.max(1, Math.floor(t.within.hours / 2)) } : t.within,
    ...(t.metric === CUSTOM ? { when: { vip: true } } : {}),
    ...(pauseOn === undefined && t.pausable !== false ? { pauseOn: ['pending'] } : {}),
    ...(t.metric === 'firstResponse' || t.metric === 'acknowledgement' ? {} : { reopen: reopen === 'resume' ? 'new-cycle' : once ? 'once' : 'resume' }),
  }));
  return defineSlaPolicy({ ...s.spec, vocabulary: { priority: ['p1', 'p2'], group: ['g1', 'g2'] }, rules: [{ id: 'p1', when: { priority: 'p1' }, targets: strict ?? [] }, { ...(rule as SlaPolicySpec['rules'][number]), id: 'p2' }] });
}

/** Whether the strict copy's reopen mode is `once` rather than `resume` (varied by the targets' shape). */
const t0Once = (targets: readonly SlaTarget[]) => targets.length % 2 === 0;

/** A scenario (its targets sometimes with issue 12's options) and an instant between its creation and `now`, for a change. */
export const withChangeArb = () => fc.oneof(scenarioArb(), optionsScenarioArb()).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: s.created, max: s.now })));

/**
 * A scenario whose targets also take the per-target options of issue 12 at random: `warnBefore`
 * (time targets: shorter than the target), `pauseOn` (requester wait on `pending`, agent work on
 * `pending` and `on-hold`, or an active status) and `reopen`.
 */
export const optionsScenarioArb = (): fc.Arbitrary<Scenario> =>
  scenarioArb().chain((s) => {
    const rule = s.spec.rules[0] as SlaPolicySpec['rules'][number];
    const optionArb = (target: SlaTarget) =>
      fc.record({
        warn: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { freq: 2, nil: undefined }),
        pauseOn: fc.option(fc.constantFrom(['pending'], ['pending', 'on-hold'], ['open', 'on-hold']), { freq: 2, nil: undefined }),
        reopen: target.metric === 'firstResponse' || target.metric === 'acknowledgement' ? fc.constant(undefined) : fc.option(fc.constantFrom('new-cycle' as const, 'resume' as const, 'once' as const), { freq: 2, nil: undefined }),
      });
    return fc.tuple(...rule.targets.map(optionArb)).map((options) => {
      const targets = rule.targets.map((target, i): SlaTarget => {
        const { warn, pauseOn, reopen } = options[i] as { warn?: number; pauseOn?: string[]; reopen?: SlaTarget['reopen'] };
        const ms = target.within.businessDays === undefined && target.within.days === undefined ? withinMsOf(target.within) : undefined;
        return {
          ...target,
          ...(warn !== undefined && ms !== undefined ? { warnBefore: { milliseconds: Math.floor(ms * warn) + 1 } } : {}),
          ...(pauseOn !== undefined && target.pausable !== false ? { pauseOn } : {}),
          ...(reopen !== undefined ? { reopen } : {}),
        };
      });
      const spec: SlaPolicySpec = { ...s.spec, rules: [{ ...rule, targets }] };
      return { ...s, spec, policy: defineSlaPolicy(spec) };
    });
  });
