// Time in status and ownership (issue 12, point 6): how long a ticket spent in each status, with
// each group and with each assignee, in calendar time and in business time on a calendar of the
// policy. One pass over the ticket's stretches: each stretch has one status, one group and one
// assignee, and its business time is the difference of two offsets from creation, so the entries
// of each list add up to the ticket's age exactly.

import * as messages from '../_lib/messages.js';
import { list } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { suggest } from '../_lib/suggest.js';
import { businessTimeBetween, type Calendar, type Instant } from '../calendar/index.js';
import type { Issue, JsonPath } from '../errors/index.js';
import { checkKeys, recordAt, textAt } from './arguments.js';
import { phaseIn } from './cycles.js';
import { ticketAsOf } from './evaluate.js';
import { epochsOf, type Epoch } from './history.js';
import { compiledSla, type CompiledSla, type SlaPolicy } from './policy.js';
import type { TicketFacts } from './request.js';
import type { Ticket, TimelineEvent } from './ticket.js';

/**
 * Options of {@link timeInStatus}.
 *
 * @remarks Since 0.2.0
 */
export interface TimeInStatusOptions {
  /**
   * The name of one of the policy's `calendars` to measure business time on. Left out, only
   * calendar time is measured and every `businessMs` is null.
   *
   * @defaultValue undefined (no business time)
   * @remarks Since 0.2.0
   */
  readonly calendar?: string;
}

/**
 * Time a ticket spent in one status.
 *
 * @remarks Since 0.2.0
 */
export interface StatusTime {
  /**
   * The status. Before its first `status` event a ticket is in the policy's first active status
   * (`new` by default); null only for that opening stretch in a policy that declares no active
   * status (`statuses.active: []`).
   */
  readonly status: string | null;
  /** What the status does in this policy: clocks run (`active`), pausable clocks pause (`paused`), or every clock stops (`resolved`). */
  readonly phase: 'active' | 'paused' | 'resolved';
  /** Calendar (elapsed) milliseconds in the status, up to `now`. */
  readonly ms: number;
  /** Business milliseconds in the status on the named calendar, or null when none was named. */
  readonly businessMs: number | null;
  /** How many separate stretches the ticket spent in the status (entering it again starts another). */
  readonly spells: number;
}

/**
 * Time a ticket spent with one group (team).
 *
 * @remarks Since 0.2.0
 */
export interface GroupTime {
  /** The group, or null for the time the ticket had none. */
  readonly group: string | null;
  /** Calendar (elapsed) milliseconds with the group, up to `now`. */
  readonly ms: number;
  /** Business milliseconds with the group on the named calendar, or null when none was named. */
  readonly businessMs: number | null;
  /** How many separate stretches the ticket spent with the group. */
  readonly spells: number;
}

/**
 * Time a ticket spent with one assignee.
 *
 * @remarks Since 0.2.0
 */
export interface AssigneeTime {
  /** The assignee, or null for the time the ticket had none. */
  readonly assignee: string | null;
  /** Calendar (elapsed) milliseconds with the assignee, up to `now`. */
  readonly ms: number;
  /** Business milliseconds with the assignee on the named calendar, or null when none was named. */
  readonly businessMs: number | null;
  /** How many separate stretches the ticket spent with the assignee. */
  readonly spells: number;
}

/**
 * Where a ticket's time went, as of `now`: per status, per group and per assignee. Each list is
 * in order of first appearance in the ticket's history, and holds every value the ticket had for
 * some time, plus the one it has at `now` (with 0 ms if it took it at `now`); a value held for
 * no time (two status events at one instant) is not listed. The `ms` of each list add up to
 * `ageMs`, and the `businessMs` to `businessAgeMs`, exactly.
 *
 * @remarks Since 0.2.0
 */
export interface TicketTime {
  /** The ticket's `id`, or null when it has none. */
  readonly ticket: string | null;
  /** The instant the figures are as of (`now`). */
  readonly asOf: Date;
  /** The instant of the ticket's `created` event. */
  readonly createdAt: Date;
  /** Calendar (elapsed) milliseconds from creation to `now`. */
  readonly ageMs: number;
  /** Business milliseconds from creation to `now` on the named calendar, or null when none was named. */
  readonly businessAgeMs: number | null;
  /** The policy calendar business time is measured on (`options.calendar`), or null. */
  readonly calendar: string | null;
  /** The ticket's status, group and assignee at `now` (the entries still growing). */
  readonly current: { readonly status: string | null; readonly group: string | null; readonly assignee: string | null };
  /** Time per status. */
  readonly status: readonly StatusTime[];
  /** Time per group (`null`: no group). */
  readonly group: readonly GroupTime[];
  /** Time per assignee (`null`: no assignee). */
  readonly assignee: readonly AssigneeTime[];
  /**
   * What the figures rest on: the status assumed before the first status event
   * (`SLA_TIME_OPENING_STATUS`), the calendar used (`SLA_TIME_CALENDAR`) or its absence
   * (`SLA_TIME_NO_CALENDAR`), and events after `now` left out (`SLA_TIME_EVENTS_AFTER_NOW`).
   */
  readonly reasons: readonly Reason[];
}

const OPTIONS: JsonPath = Object.freeze(['options']);
const CALENDAR: JsonPath = Object.freeze(['options', 'calendar']);
const OPTION_KEYS = ['calendar'] as const;
const names = (c: CompiledSla) => [...c.calendars.keys()];

/** The calendar option's name, or null (none, or a problem added to `issues`). */
function calendarOption(c: CompiledSla, options: unknown, issues: Issue[]): string | null {
  if (options === undefined) return null;
  const checked = recordAt(options, OPTIONS, issues, 'options', '{ calendar }');
  if (!checked) return null;
  checkKeys(checked, OPTION_KEYS, 'of the options', OPTIONS, issues);
  if (checked.calendar === undefined) return null;
  const name = textAt(checked.calendar, CALENDAR, issues);
  if (name === undefined) return null;
  // Own properties only: "constructor" or "toString" are not calendars.
  if (c.calendars.has(name)) return name;
  const known = names(c);
  const suggestion = suggest(name, known);
  issues.push({ code: 'UNKNOWN_IN_POLICY', path: CALENDAR, message: messages.UNKNOWN_IN_POLICY('calendar', name, known, suggestion), allowed: known, ...(suggestion ? { suggestion } : {}) });
  return null;
}

/** Running totals for one value of one dimension. */
interface Tally {
  readonly key: string | null;
  ms: number;
  businessMs: number;
  spells: number;
}

/** Totals per value of one dimension (status, group or assignee), in order of first appearance. */
class Tallies {
  readonly byKey = new Map<string | null, Tally>();
  last: Tally | undefined = undefined;

  /** Adds a stretch; a value other than the previous stretch's starts a spell. */
  add(key: string | null, ms: number, businessMs: number): void {
    let tally = this.last;
    if (tally === undefined || tally.key !== key) {
      tally = this.byKey.get(key);
      if (tally === undefined) this.byKey.set(key, (tally = { key, ms: 0, businessMs: 0, spells: 0 }));
      tally.spells++;
      this.last = tally;
    }
    tally.ms += ms;
    tally.businessMs += businessMs;
  }
}

/**
 * Time a ticket spent in each status, with each group and with each assignee, in calendar time
 * and, on a calendar of the policy, in business time, as of `now`.
 *
 * Statuses follow the ticket's `status` events; before the first one the ticket is in the
 * policy's first active status (`new` by default: a ticket starts active, as its clocks do; reason
 * `SLA_TIME_OPENING_STATUS`). Group and assignee are the ticket's own `group` and `assignee`,
 * then what its `changed` events set or unset; time without one is listed under `null`. Events
 * after `now` are ignored (not yet known); events may come in any order. Each list is in order of
 * first appearance; `spells` counts separate stretches. The `ms` of each list add up to `ageMs`
 * exactly, the `businessMs` to `businessAgeMs` (business time from creation to `now`).
 *
 * @param policy - From {@link defineSlaPolicy}: its statuses, vocabulary and calendars.
 * @param ticket - Attributes and events, checked exactly as {@link evaluateSla} checks them.
 * @param now - The instant the figures are as of: a Date, epoch ms or an ISO 8601 string with an
 *   offset; not before the ticket's `created` event.
 * @param options - `calendar`: the name of a calendar in the policy's `calendars` to measure
 *   business time on (left out: `businessMs` is null).
 * @returns The ticket's age and its time per status, group and assignee, with the reasons.
 * @throws {@link InvalidArgumentError} listing every problem: those of {@link evaluateSla} for the
 *   ticket and `now` (same codes, same paths, `NOW_BEFORE_CREATED` included), and for the options
 *   `INVALID_TYPE` (at `['options']`, or `['options', 'calendar']` for a calendar that is not a
 *   non-empty text), `UNKNOWN_KEY` (at `['options', key]`) and `UNKNOWN_IN_POLICY` (a calendar
 *   the policy does not define, at `['options', 'calendar']`, with a did-you-mean).
 * @example
 * ```ts
 * const day = ['09:00-17:00'];
 * const sla = defineSlaPolicy({
 *   id: 'desk',
 *   calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
 *   vocabulary: { group: ['billing', 'tech'] },
 *   rules: [{ id: 'all', targets: [{ id: 'ttr', metric: 'resolution', within: { hours: 40 }, calendar: 'desk' }] }],
 * });
 * const time = timeInStatus(sla, {
 *   group: 'billing',
 *   events: [
 *     { type: 'created', at: '2026-11-23T10:00:00-06:00' }, // Monday
 *     { type: 'status', at: '2026-11-23T11:00:00-06:00', status: 'open' },
 *     { type: 'changed', at: '2026-11-23T16:00:00-06:00', set: { group: 'tech', assignee: 'ana' } },
 *     { type: 'status', at: '2026-11-24T10:00:00-06:00', status: 'solved' },
 *   ],
 * }, '2026-11-24T12:00:00-06:00', { calendar: 'desk' });
 * const hours = (ms: number | null) => (ms ?? 0) / 3_600_000;
 * time.status.map((s) => [s.status, hours(s.ms), hours(s.businessMs)]);
 * //=> [['new', 1, 1], ['open', 23, 7], ['solved', 2, 2]]   ('new' until the first status event)
 * time.group.map((g) => [g.group, hours(g.ms), hours(g.businessMs)]);
 * //=> [['billing', 6, 6], ['tech', 20, 4]]
 * time.assignee.map((a) => [a.assignee, hours(a.ms)]);
 * //=> [[null, 6], ['ana', 20]]
 * [hours(time.ageMs), hours(time.businessAgeMs)];
 * //=> [26, 10]
 * ```
 * @remarks Since 0.2.0
 */
export function timeInStatus(policy: SlaPolicy, ticket: Ticket, now: Instant, options?: TimeInStatusOptions): TicketTime {
  const c = compiledSla(policy);
  // Every problem in one pass, in evaluateSla's order (the ticket's, then `now`'s), then the options'.
  let calendarName: string | null = null;
  const { asOf, facts, created, events, known } = ticketAsOf(c, ticket, now, (issues) => (calendarName = calendarOption(c, options, issues)));
  const calendar = calendarName === null ? null : (c.calendars.get(calendarName) as Calendar);
  return measure(c, facts, created, known, events.length - known.length, asOf, calendarName, calendar);
}

function measure(
  c: CompiledSla,
  facts: TicketFacts,
  created: number,
  known: readonly TimelineEvent[],
  later: number,
  asOf: number,
  calendarName: string | null,
  calendar: Calendar | null,
): TicketTime {
  const statuses = known.filter((event) => event.type === 'status');
  const epochs = epochsOf(created, facts.attributes, known);
  const status = new Tallies();
  const group = new Tallies();
  const assignee = new Tallies();
  let s = 0;
  let e = 0;
  let current = c.opening;
  let from = created;
  // Business time from creation to `from`: each stretch's is the difference of two offsets, so
  // the stretches add up to the ticket's business age exactly.
  let offset = 0;
  for (;;) {
    while (s < statuses.length && (statuses[s] as TimelineEvent).at <= from) current = (statuses[s++] as TimelineEvent).status;
    while ((epochs[e] as Epoch).to <= from) e++;
    const epoch = epochs[e] as Epoch;
    // Up to the next change of status or attributes; at `now`, a last stretch of no time whose
    // values are those at `now` (a status taken at `now` is listed, with 0 ms).
    const to = from < asOf ? Math.min(asOf, epoch.to, s < statuses.length ? (statuses[s] as TimelineEvent).at : Number.POSITIVE_INFINITY) : asOf;
    const next = calendar === null ? 0 : businessTimeBetween(calendar, created, to);
    status.add(current, to - from, next - offset);
    group.add(epoch.attributes.group ?? null, to - from, next - offset);
    assignee.add(epoch.attributes.assignee ?? null, to - from, next - offset);
    if (to === from) break;
    from = to;
    offset = next;
  }
  const business = calendar !== null;
  const { attributes } = epochs[e] as Epoch;
  const phaseOf = (key: string | null): StatusTime['phase'] => (key === null ? 'active' : phaseIn(key, c.paused, c.resolved));
  return {
    ticket: facts.attributes.id ?? null,
    asOf: new Date(asOf),
    createdAt: new Date(created),
    ageMs: asOf - created,
    businessAgeMs: business ? offset : null,
    calendar: calendarName,
    current: { status: current, group: attributes.group ?? null, assignee: attributes.assignee ?? null },
    status: [...status.byKey.values()].map((t) => ({ status: t.key, phase: phaseOf(t.key), ms: t.ms, businessMs: business ? t.businessMs : null, spells: t.spells })),
    group: [...group.byKey.values()].map((t) => ({ group: t.key, ms: t.ms, businessMs: business ? t.businessMs : null, spells: t.spells })),
    assignee: [...assignee.byKey.values()].map((t) => ({ assignee: t.key, ms: t.ms, businessMs: business ? t.businessMs : null, spells: t.spells })),
    reasons: reasonsOf(c, created, statuses, later, calendarName, calendar),
  };
}

function reasonsOf(
  c: CompiledSla,
  created: number,
  statuses: readonly TimelineEvent[],
  later: number,
  calendarName: string | null,
  calendar: Calendar | null,
): Reason[] {
  const reasons: Reason[] = [];
  const first = statuses[0];
  if (first === undefined || first.at > created) {
    const until = first === undefined ? null : new Date(first.at).toISOString();
    const counted = c.opening === null ? 'under no status (null): the policy declares no active status' : `in "${c.opening}", the policy's first active status (a ticket starts active, as its clocks do)`;
    reasons.push({
      code: 'SLA_TIME_OPENING_STATUS',
      facts: { status: c.opening, from: new Date(created).toISOString(), to: until },
      message: `${until === null ? 'The ticket has no status event yet, so it is' : `Until its first status event (${until}) the ticket is`} counted ${counted}.`,
    });
  }
  if (calendar !== null) {
    reasons.push({
      code: 'SLA_TIME_CALENDAR',
      facts: { calendar: calendarName, timeZone: calendar.timeZone },
      message: `Business time is the open time of calendar "${calendarName}" (${calendar.timeZone}), in real elapsed time.`,
    });
  } else {
    reasons.push({
      code: 'SLA_TIME_NO_CALENDAR',
      facts: { calendars: names(c) },
      message: `No calendar was named (options.calendar), so business time is not measured; the policy's calendars are ${list(names(c))}.`,
    });
  }
  if (later > 0) {
    reasons.push({
      code: 'SLA_TIME_EVENTS_AFTER_NOW',
      facts: { ignored: later },
      message: `${later} event${later === 1 ? ' is' : 's are'} after "now" and not counted (not yet known).`,
    });
  }
  return reasons;
}
