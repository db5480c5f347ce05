// How the CLI shows instants to people: each in the local time of the policy section that decided
// it, with its zone and UTC (`2026-11-23 09:00 CST (15:00Z)`, by the calendar's formatLocal).
// Machine output (--json) keeps ISO 8601 UTC; only the lines people read go through here. The
// decision functions are untouched: this walks the decision they return.
//
// Which zone (stated in the usage text and the README too): returns and warranty, the section's `timeZone`;
// compensation, its calendar's `timeZone`; SLA, each clock in its calendar's zone and the rest of the
// report in the zone of its first clock (no clocks: the first declared calendar); escalation, an
// instant counted on a span (reach and acknowledge deadlines, a workflow's `dueBy` and
// `everyFrom`) in that span's calendar's zone, every other in the first declared calendar's zone.
// Why the report's first clock for an SLA report's own instants (asOf, nextChangeAt): they belong
// to no one clock, and in the presets every clock of a ticket runs in one zone anyway; the text
// carries UTC as well, so no reading is ambiguous. A calendar a section names from the policy's
// top-level `calendars` is quoted where it is written (`calendars.desk.timeZone`).

import { MAX_INSTANT_MS, MIN_INSTANT_MS } from '../_lib/civil.js';
import { parseIsoInstant } from '../_lib/iso.js';
import { formatLocal } from '../calendar/index.js';
import { formatPath, type JsonPath } from '../errors/index.js';
import type { SupportPolicy } from '../policy/index.js';
import type { Case } from './cases-schema.js';

/** A time zone, and the policy field it comes from (`returns.timeZone`). */
export interface ShownZone {
  readonly timeZone: string;
  readonly from: string;
}

/** The zones a decision's instants are shown in: one for the whole, and parts with their own. */
export interface DecisionZones {
  readonly whole: ShownZone;
  /** Parts of the decision with a zone of their own, by their path (`clocks[2]`, `workflows[0].dueBy`). */
  readonly parts: ReadonlyMap<string, ShownZone>;
}

/** When a policy names no zone at all for a section's instants (an escalation policy without calendars). */
const NO_ZONE: ShownZone = { timeZone: 'UTC', from: 'no time zone in the section' };

type Calendars = Readonly<Record<string, { readonly timeZone: string }>> | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const listAt = (value: unknown, key: string): unknown[] => (isObject(value) && Array.isArray(value[key]) ? value[key] : []);

/**
 * The zone of a calendar a section names, quoted where the policy declares it: the section's own
 * `calendars`, or the policy's top-level ones; undefined when neither has it.
 */
function calendarZone(policy: SupportPolicy, section: 'sla' | 'escalation', name: unknown): ShownZone | undefined {
  if (typeof name !== 'string') return undefined;
  const zoneIn = (calendars: Calendars, path: JsonPath) => (calendars !== undefined && Object.hasOwn(calendars, name) ? { timeZone: (calendars[name] as { timeZone: string }).timeZone, from: formatPath([...path, name, 'timeZone']) } : undefined);
  return zoneIn(policy.spec[section]?.calendars, [section, 'calendars']) ?? zoneIn(policy.spec.calendars, ['calendars']);
}

/** The zone of the first calendar the compiled section has (the policy's top-level ones first). */
function firstCalendarZone(policy: SupportPolicy, section: 'sla' | 'escalation'): ShownZone {
  return calendarZone(policy, section, Object.keys(policy[section]?.spec.calendars ?? {})[0]) ?? NO_ZONE;
}

function slaZones(policy: SupportPolicy, decision: unknown): DecisionZones {
  const parts = new Map<string, ShownZone>();
  let first: ShownZone | undefined;
  for (const [i, clock] of listAt(decision, 'clocks').entries()) {
    const zone = isObject(clock) ? calendarZone(policy, 'sla', clock.calendar) : undefined;
    if (!zone) continue;
    first ??= zone;
    parts.set(formatPath(['clocks', i]), zone);
  }
  return { whole: first ?? firstCalendarZone(policy, 'sla'), parts };
}

function escalationZones(policy: SupportPolicy, decision: unknown): DecisionZones {
  const spec = policy.spec.escalation;
  const parts = new Map<string, ShownZone>();
  const ruleOf = (id: unknown) => spec?.rules.find((rule) => rule.id === id);
  // A deadline is the earliest of the fired rules of the target tier: shown on the first of them that has the span.
  const targetTier = isObject(decision) ? decision.targetTier : undefined;
  const ofTier = listAt(decision, 'fired').flatMap((fired) => (isObject(fired) && fired.tier === targetTier ? [ruleOf(fired.rule)] : []));
  for (const [key, span] of [['reachBy', 'reachWithin'], ['acknowledgeBy', 'acknowledgeWithin']] as const) {
    const rule = ofTier.find((candidate) => candidate?.[span] !== undefined);
    const zone = calendarZone(policy, 'escalation', rule?.[span]?.calendar);
    if (zone) parts.set(formatPath(['deadlines', key]), zone);
  }
  for (const [i, workflow] of listAt(decision, 'workflows').entries()) {
    if (!isObject(workflow)) continue;
    const declared = ruleOf(workflow.rule)?.workflows?.find((candidate) => candidate.id === workflow.id);
    const due = calendarZone(policy, 'escalation', declared?.within?.calendar);
    const every = calendarZone(policy, 'escalation', declared?.every?.calendar);
    if (due) parts.set(formatPath(['workflows', i, 'dueBy']), due);
    if (every) parts.set(formatPath(['workflows', i, 'everyFrom']), every);
  }
  return { whole: firstCalendarZone(policy, 'escalation'), parts };
}

/**
 * The zones a decision of `kind` is shown in, by the rule at the top of this file.
 *
 * @param decision - The decision as JSON (or as returned: Dates are fine too).
 * @example
 * ```ts
 * decisionZones(pelpro, 'return', decision).whole; //=> { timeZone: 'America/Chicago', from: 'returns.timeZone' }
 * ```
 */
export function decisionZones(policy: SupportPolicy, kind: Case['kind'], decision: unknown): DecisionZones {
  const { spec } = policy;
  const only = (timeZone: string | undefined, from: string): DecisionZones => ({ whole: timeZone === undefined ? NO_ZONE : { timeZone, from }, parts: new Map() });
  switch (kind) {
    case 'return':
      return only(spec.returns?.timeZone, 'returns.timeZone');
    case 'warranty':
      return only(spec.warranty?.timeZone, 'warranty.timeZone');
    case 'compensation': {
      const calendar = spec.compensation?.calendar;
      if (typeof calendar !== 'string') return only(calendar?.timeZone, 'compensation.calendar.timeZone');
      return only(spec.calendars?.[calendar]?.timeZone, formatPath(['calendars', calendar, 'timeZone']));
    }
    case 'sla':
      return slaZones(policy, decision);
    case 'escalation':
      return escalationZones(policy, decision);
  }
}

/** The zone of the value at `path`: the zone of the longest prefix with one of its own, else the whole's. */
export function zoneAt(zones: DecisionZones, path: JsonPath): ShownZone {
  for (let n = path.length; n > 0; n--) {
    const zone = zones.parts.get(formatPath(path.slice(0, n)));
    if (zone) return zone;
  }
  return zones.whole;
}

const INSTANT = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})';
const INSTANT_IN_TEXT = new RegExp(`(?<![\\w:.+-])${INSTANT}(?![\\w:])`, 'g');

/** Epoch ms of an ISO 8601 instant with an offset in the supported range, else NaN. */
function instantOf(text: string): number {
  const ms = parseIsoInstant(text);
  return ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS ? ms : Number.NaN;
}

/**
 * A text with every ISO 8601 instant in it shown in local time (`formatLocal`); the rest, local
 * dates such as `2026-10-31` included, as it is.
 *
 * @example
 * ```ts
 * localizeText('From 2026-11-23T13:30:00.000Z, rule urgent applied.', 'America/Chicago');
 * //=> 'From 2026-11-23 07:30 CST (13:30Z), rule urgent applied.'
 * ```
 */
export function localizeText(text: string, timeZone: string): string {
  return text.replace(INSTANT_IN_TEXT, (found) => {
    const ms = instantOf(found);
    return Number.isNaN(ms) ? found : formatLocal(ms, timeZone);
  });
}

/** A value as people read it, and the zones its instants were shown in. */
export interface Localized {
  readonly value: unknown;
  readonly zones: readonly ShownZone[];
}

/**
 * A copy of a decision (or of a part of it at `at`) with every instant shown in its zone: a Date,
 * and a string that is an ISO 8601 instant, become `formatLocal` text; instants inside any other
 * string (a `message`, a fact's `expected`) are replaced in place. Local dates
 * (`lastDay: '2026-10-31'`), numbers and strings without an instant stay.
 *
 * @param at - Where `value` sits in the decision, for the zone of its parts.
 * @example
 * ```ts
 * localize({ deadline: '2026-11-01T05:00:00.000Z', lastDay: '2026-10-31' }, zones).value;
 * //=> { deadline: '2026-11-01 00:00 CDT (05:00Z)', lastDay: '2026-10-31' }
 * ```
 */
export function localize(value: unknown, zones: DecisionZones, at: JsonPath = []): Localized {
  const used = new Set<ShownZone>();
  const walk = (node: unknown, path: JsonPath, zone: ShownZone): unknown => {
    const own = path.length > 0 ? (zones.parts.get(formatPath(path)) ?? zone) : zone;
    if (node instanceof Date) {
      const ms = node.getTime();
      if (!(ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS)) return node;
      used.add(own);
      return formatLocal(ms, own.timeZone);
    }
    if (typeof node === 'string') {
      // A string that is an instant, and instants inside any text (a message, or a fact such as
      // "after 2026-11-04T17:00:00.000Z (more than 48 hours …)"), are shown the same way.
      const text = localizeText(node, own.timeZone);
      if (text !== node) used.add(own);
      return text;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i], own));
    if (isObject(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k], own)]));
    return node;
  };
  const result = walk(value, at, zoneAt(zones, at));
  return { value: result, zones: [...used] };
}

/**
 * The line that says which zones the times are in: `times in America/Chicago (returns.timeZone),
 * UTC in parentheses`, each zone once with every policy field it came from.
 */
export function zonesNote(zones: readonly ShownZone[]): string {
  const byZone = new Map<string, string[]>();
  for (const { timeZone, from } of zones) {
    const sources = byZone.get(timeZone) ?? [];
    if (!sources.includes(from)) sources.push(from);
    byZone.set(timeZone, sources);
  }
  const named = [...byZone].map(([timeZone, sources]) => `${timeZone} (${sources.join(', ')})`);
  return `times in ${named.join(' and ')}, UTC in parentheses`;
}
