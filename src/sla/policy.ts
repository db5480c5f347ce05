import { brand, seal, unseal } from '../_lib/compiled.js';
import { deepFreeze } from '../_lib/freeze.js';
import { messages } from '../_lib/messages.js';
import { validate } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar } from '../calendar/index.js';
import { SupportRulesError } from '../errors/index.js';
import type { ClockTarget } from './clock.js';
import { BUILT_IN_METRICS, SlaPolicySchema, withinMs, type SlaPolicySpec, type SlaRule, type SlaTarget } from './schema.js';

const COMPILED = brand('sla');

/**
 * A validated, compiled SLA policy. Create it once with {@link defineSlaPolicy}; it is frozen
 * (its spec too) and `JSON.stringify` gives back `{ id, spec }`.
 *
 * @remarks Since 0.1.0
 */
export interface SlaPolicy {
  readonly id: string;
  readonly spec: Readonly<SlaPolicySpec>;
}

/** Internal compiled form. */
export interface CompiledSla {
  readonly calendars: ReadonlyMap<string, Calendar>;
  /** Open-all-day twins of the calendars (same zone), for targets in calendar `days`. */
  readonly dayCalendars: ReadonlyMap<string, Calendar>;
  readonly paused: ReadonlySet<string>;
  readonly resolved: ReadonlySet<string>;
  readonly rules: readonly SlaRule[];
  /** Each target's numbers in the clock's form, by target id (ids are unique in a policy). */
  readonly goals: ReadonlyMap<string, ClockTarget>;
}

/**
 * A policy's SLA section failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class SlaPolicyError extends SupportRulesError {
  static override readonly kind: string = 'SlaPolicyError';
}

/** Default statuses that pause pausable clocks. */
export const DEFAULT_PAUSED_STATUSES = ['pending', 'pending-customer', 'on-hold'] as const;
/** Default statuses that mean the ticket is resolved. */
export const DEFAULT_RESOLVED_STATUSES = ['solved', 'resolved', 'closed'] as const;

/**
 * Validates an SLA policy and compiles its calendars once.
 *
 * @param spec - The policy as JSON data (see {@link SlaPolicySchema}).
 * @returns A frozen {@link SlaPolicy}.
 * @throws {@link SlaPolicyError} listing every problem (codes such as `UNKNOWN_CALENDAR`,
 *   `DUPLICATE_ID`, `UNREACHABLE_TARGET`, `INVALID_WITHIN`, and every calendar code under
 *   `calendars.<name>`).
 * @example
 * ```ts
 * const day = ['07:00-19:00'];
 * const sla = defineSlaPolicy({
 *   id: 'pelpro',
 *   calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
 *   rules: [{ id: 'email', when: { channel: 'email' }, targets: [
 *     { id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
 *   ] }],
 * });
 * sla.id; //=> 'pelpro'
 * ```
 * @remarks Since 0.1.0
 */
export function defineSlaPolicy(spec: SlaPolicySpec): SlaPolicy {
  const result = validate(SlaPolicySchema, spec);
  if (result.issues) throw new SlaPolicyError(result.issues);
  const valid = result.data;
  const calendars = new Map<string, Calendar>();
  const dayCalendars = new Map<string, Calendar>();
  for (const [name, calendarSpec] of Object.entries(valid.calendars)) {
    calendars.set(name, createCalendar(calendarSpec));
    dayCalendars.set(name, createCalendar({ timeZone: calendarSpec.timeZone, alwaysOpen: true }));
  }
  const goals = new Map<string, ClockTarget>();
  for (const rule of valid.rules) for (const target of rule.targets) goals.set(target.id, clockTarget({ calendars, dayCalendars }, rule.id, target));
  const compiled: CompiledSla = {
    goals,
    calendars,
    dayCalendars,
    paused: new Set(valid.statuses?.paused ?? DEFAULT_PAUSED_STATUSES),
    resolved: new Set(valid.statuses?.resolved ?? DEFAULT_RESOLVED_STATUSES),
    rules: valid.rules,
  };
  return seal(COMPILED, { id: valid.id, spec: deepFreeze(structuredClone(valid)) }, compiled);
}

/** The compiled form, or a typed error for anything else. */
export function compiledSla(policy: SlaPolicy): CompiledSla {
  return unseal<CompiledSla>(COMPILED, policy, (issues) => new SlaPolicyError(issues), {
    code: 'INVALID_SLA_POLICY',
    path: [],
    message: messages.INVALID_SLA_POLICY(),
  });
}

/** Whether a metric name is one of the built-in ones. */
export function isBuiltInMetric(metric: string): boolean {
  return (BUILT_IN_METRICS as readonly string[]).includes(metric);
}

function clockTarget(c: Pick<CompiledSla, 'calendars' | 'dayCalendars'>, rule: string | null, target: SlaTarget): ClockTarget {
  const days = target.within.businessDays ?? target.within.days;
  const ms = withinMs(target.within);
  return {
    metric: target.metric,
    rule,
    target: target.id,
    calendarName: target.calendar,
    calendar: (target.within.days !== undefined ? c.dayCalendars : c.calendars).get(target.calendar) as ClockTarget['calendar'],
    ...(ms !== undefined ? { ms } : { days: days as number }),
    atRiskPercent: target.atRiskPercent ?? 75,
    countMissedUpdates: target.metric === 'periodicUpdate',
    pausable: target.pausable ?? (target.metric === 'resolution' || !isBuiltInMetric(target.metric)),
    startOnEvent: target.startOn === 'metricStarted',
  };
}
