import { matches, type Condition } from '../_lib/condition.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { deepFreeze } from '../_lib/freeze.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import type { TicketClockTarget } from './clock.js';
import { slaVocabulary, ticketCheckers, type SlaVocabulary, type TicketAttributes, type TicketChecker } from './request.js';
import { compileSlaCondition } from './condition.js';
import { BUILT_IN_METRICS, SlaPolicySchema, withinMs, type SlaPolicySpec, type SlaRule, type SlaTarget } from './schema.js';
import { resolveStatuses } from './statuses.js';

const COMPILED = brand('sla');

/**
 * A validated, compiled SLA policy. Create it once with {@link defineSlaPolicy}; it is frozen
 * (its spec too) and `JSON.stringify` gives back `{ id, spec, vocabulary }`.
 *
 * @remarks Since 0.1.0
 */
export interface SlaPolicy {
  readonly id: string;
  readonly spec: Readonly<SlaPolicySpec>;
  /** The values tickets may give for each attribute, status and metric. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<SlaVocabulary>;
}

/** A target compiled: its condition and its numbers in the clock's form. */
export interface CompiledTarget {
  readonly target: SlaTarget;
  readonly when: Condition;
  readonly goal: TicketClockTarget;
  /**
   * nextResponse targets: the reason their first cycle starts at creation, or undefined when a
   * firstResponse target of the rule applies to the ticket (then it starts at the first reply).
   */
  readonly fromCreation?: (attributes: TicketAttributes) => Reason | undefined;
  /**
   * A target whose calendar a ticket field chooses: the compiled target on the calendar the
   * ticket's attributes pick (one object per calendar, compiled at definition, so equal choices
   * are the same object), with the reason that says so. Throws `MISSING_FACT` when the ticket
   * has no value for the field and the choice has no `otherwise`.
   */
  readonly pick?: (attributes: TicketAttributes) => { readonly target: CompiledTarget; readonly reason: Reason };
}

/** The target on the calendar the ticket picks (itself when its calendar is fixed). */
export function pickTarget(target: CompiledTarget, attributes: TicketAttributes): CompiledTarget {
  return target.pick ? target.pick(attributes).target : target;
}

/** A rule compiled: its condition and its targets. */
export interface CompiledRule {
  readonly rule: SlaRule;
  readonly when: Condition;
  readonly targets: readonly CompiledTarget[];
  /** The metrics its targets measure, each once, in target order. */
  readonly metrics: readonly string[];
}

/** Internal compiled form. */
export interface CompiledSla {
  /** The policy's calendars by name, each compiled once. */
  readonly calendars: ReadonlyMap<string, Calendar>;
  /** The status a ticket is in before its first status event: the first active status (null if none). */
  readonly opening: string | null;
  readonly paused: ReadonlySet<string>;
  readonly resolved: ReadonlySet<string>;
  readonly rules: readonly CompiledRule[];
  /** The ticket checker of `evaluateSla` (events required). */
  readonly check: TicketChecker;
  /** The ticket checker of `selectSlaRule` (events may be left out). */
  readonly checkAttributes: TicketChecker;
}

/**
 * A policy's SLA section failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class SlaPolicyError extends SupportRulesError {
  static override readonly kind: string = 'SlaPolicyError';
}

/**
 * Validates an SLA policy and compiles it once: its calendars, its rules' and targets' conditions,
 * its vocabulary and the checker every ticket goes through.
 *
 * @param spec - The policy as JSON data (see {@link SlaPolicySchema}).
 * @returns A frozen {@link SlaPolicy}; `vocabulary` lists the values tickets may give.
 * @throws {@link SlaPolicyError} listing every problem (codes such as `UNKNOWN_CALENDAR`,
 *   `DUPLICATE_ID`, `UNREACHABLE_RULE`, `UNREACHABLE_TARGET`, `UNKNOWN_IN_POLICY`,
 *   `UNKNOWN_CATEGORY`, `CONFLICTING_STATUS`, `DUPLICATE_VALUE`, `INVALID_WITHIN`,
 *   `OUT_OF_BOUNDS`, `START_ON_BUILT_IN`, `PAUSE_ON_UNPAUSABLE`, `REOPEN_NOT_APPLICABLE`, and every
 *   calendar code under `calendars.<name>`).
 * @example
 * ```ts
 * const day = ['07:00-19:00'];
 * const sla = defineSlaPolicy({
 *   id: 'pelpro',
 *   calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
 *   vocabulary: { channel: ['email', 'chat', 'phone'] },
 *   rules: [{ id: 'email', when: { channel: 'email' }, targets: [
 *     { id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
 *   ] }],
 * });
 * sla.id;                 //=> 'pelpro'
 * sla.vocabulary.channel; //=> ['email', 'chat', 'phone'] (left out: ['email'], the channels the rules name)
 * sla.vocabulary.status;  //=> ['new', 'open', 'in-progress', 'reopened', 'pending', 'pending-customer', 'on-hold', 'solved', 'resolved', 'closed']
 * ```
 * @remarks Since 0.1.0
 */
export function defineSlaPolicy(spec: SlaPolicySpec): SlaPolicy {
  const valid = parseFrozen(SlaPolicySchema, spec, (issues) => new SlaPolicyError(issues));
  const calendars = new Map<string, Calendar>();
  const dayCalendars = new Map<string, Calendar>();
  for (const [name, calendarSpec] of Object.entries(valid.calendars)) {
    calendars.set(name, createCalendar(calendarSpec));
    dayCalendars.set(name, createCalendar({ timeZone: calendarSpec.timeZone, alwaysOpen: true }));
  }
  const vocab = slaVocabulary(valid);
  const checkers = ticketCheckers(vocab);
  const statuses = resolveStatuses(valid.statuses);
  const paused = new Set(statuses.paused);
  // One set per distinct `pauseOn` (the policy's own when equal), so a ticket's pauses are computed once per set.
  const pauseSets = new Map<string, ReadonlySet<string>>([[pauseKey(statuses.paused), paused]]);
  const pauseSet = (pauseOn: readonly string[]) => {
    const key = pauseKey(pauseOn);
    if (!pauseSets.has(key)) pauseSets.set(key, new Set(pauseOn));
    return pauseSets.get(key) as ReadonlySet<string>;
  };
  const compiled: CompiledSla = {
    calendars,
    opening: statuses.active[0] ?? null,
    paused,
    resolved: new Set(statuses.resolved),
    rules: valid.rules.map((rule) => ({
      rule,
      when: compileSlaCondition(rule.when),
      targets: rule.targets.map((target) => compileTarget({ calendars, dayCalendars, pauseSet }, rule, target)),
      metrics: [...new Set(rule.targets.map((target) => target.metric))],
    })),
    check: checkers.ticket,
    checkAttributes: checkers.attributes,
  };
  return seal(COMPILED, { id: valid.id, spec: valid, vocabulary: deepFreeze(vocab) }, compiled);
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

interface Calendars {
  readonly calendars: ReadonlyMap<string, Calendar>;
  /** Open-all-day twins of the calendars (same zone), for targets in calendar `days`. */
  readonly dayCalendars: ReadonlyMap<string, Calendar>;
  /** The policy's one set of these pause statuses. */
  readonly pauseSet: (pauseOn: readonly string[]) => ReadonlySet<string>;
}

const pauseKey = (statuses: readonly string[]) => JSON.stringify([...new Set(statuses)].sort());

/**
 * A nextResponse target's first cycle starts at creation (the opening message) in a rule where no
 * firstResponse target applies to the ticket, as Zammad counts its update time; otherwise the
 * first response covers the opening message and next responses start at the customer's replies.
 */
function nextResponseFromCreation(rule: SlaRule, target: SlaTarget): (attributes: TicketAttributes) => Reason | undefined {
  const firsts = rule.targets.filter((other) => other.metric === 'firstResponse');
  const conditions = firsts.map((other) => compileSlaCondition(other.when));
  const why = firsts.length === 0 ? `rule ${rule.id} has no firstResponse target` : `no firstResponse target of rule ${rule.id} applies to this ticket`;
  const reason: Reason = deepFreeze({
    code: 'SLA_NEXT_RESPONSE_FROM_CREATION',
    rule: target.id,
    facts: { metric: target.metric, firstResponseTargets: firsts.map((other) => other.id) },
    message: `Target ${target.id} (nextResponse) runs from creation to the first public agent reply: ${why}.`,
  });
  if (conditions.length === 0) return () => reason;
  return (attributes) => (conditions.some((when) => matches(when, attributes)) ? undefined : reason);
}

/** A target compiled; with a calendar chosen by a ticket field, one variant per calendar. */
function compileTarget(c: Calendars, rule: SlaRule, target: SlaTarget): CompiledTarget {
  const when = compileSlaCondition(target.when);
  const fromCreation = target.metric === 'nextResponse' ? nextResponseFromCreation(rule, target) : undefined;
  const on = (calendar: string): CompiledTarget => ({ target, when, goal: clockTarget(c, rule.id, target, calendar), ...(fromCreation ? { fromCreation } : {}) });
  const choice = target.calendar;
  if (typeof choice === 'string') return on(choice);
  const { by } = choice;
  const variants = new Map<string, CompiledTarget>();
  const listed = new Map<string, CompiledTarget>();
  for (const [value, calendar] of Object.entries(choice.calendars)) {
    if (!variants.has(calendar)) variants.set(calendar, on(calendar));
    listed.set(value, variants.get(calendar) as CompiledTarget);
  }
  const otherwise = choice.otherwise === undefined ? undefined : (variants.get(choice.otherwise) ?? on(choice.otherwise));
  const chosen = (value: string | null, calendar: string, fallback: boolean): Reason => ({
    code: 'SLA_CALENDAR_CHOSEN',
    rule: target.id,
    facts: { metric: target.metric, by, value, calendar, otherwise: fallback },
    message: fallback
      ? `Target ${target.id} counts on calendar ${calendar}: ${value === null ? `the ticket has no ${by}` : `${by} ${value} is not listed`}, so the otherwise calendar applies.`
      : `Target ${target.id} counts on calendar ${calendar}, chosen by ${by} ${value}.`,
  });
  // The reasons of listed values are built once.
  const reasons = new Map([...listed].map(([value, t]) => [value, deepFreeze(chosen(value, t.goal.calendarName, false))]));
  const pick = (attributes: TicketAttributes) => {
    const value = (attributes as Readonly<Record<string, unknown>>)[by] as string | undefined;
    const hit = value === undefined ? undefined : listed.get(value);
    if (hit) return { target: hit, reason: reasons.get(value as string) as Reason };
    if (otherwise) return { target: otherwise, reason: chosen(value ?? null, otherwise.goal.calendarName, true) };
    throw new InvalidArgumentError([{ code: 'MISSING_FACT', path: [by], message: messages.SLA_CALENDAR_NOT_CHOSEN(target.id, by) }]);
  };
  // The first variant stands for the target where no ticket is at hand; clocks always use pick.
  return { ...(listed.values().next().value as CompiledTarget), pick };
}

function clockTarget(c: Calendars, rule: string | null, target: SlaTarget, calendarName: string): TicketClockTarget {
  const days = target.within.businessDays ?? target.within.days;
  const ms = withinMs(target.within);
  return {
    metric: target.metric,
    rule,
    target: target.id,
    calendarName,
    calendar: (target.within.days !== undefined ? c.dayCalendars : c.calendars).get(calendarName) as TicketClockTarget['calendar'],
    ...(ms !== undefined ? { ms } : { days: days as number }),
    // warnBefore alone replaces the 75 % default; with atRiskPercent, whichever comes first.
    atRiskPercent: target.atRiskPercent ?? (target.warnBefore !== undefined ? 100 : 75),
    ...(target.warnBefore !== undefined ? { warnMs: withinMs(target.warnBefore) as number } : {}),
    countMissedUpdates: target.metric === 'periodicUpdate',
    pausable: target.pausable ?? (target.pauseOn !== undefined || target.metric === 'resolution' || !isBuiltInMetric(target.metric)),
    startOnEvent: target.startOn === 'metricStarted',
    ...(target.pauseOn !== undefined ? { pauseOn: c.pauseSet(target.pauseOn) } : {}),
    reopen: target.reopen ?? 'new-cycle',
  };
}
