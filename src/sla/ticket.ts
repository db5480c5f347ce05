// A ticket's event timeline in a canonical order, from the events the ticket check returned.

import * as messages from '../_lib/messages.js';
import type { Instant } from '../calendar/index.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';

/**
 * When an event happened: a `Date`, epoch milliseconds, or an ISO 8601 string with an explicit
 * offset or `Z` (`'2026-11-20T18:30:00-06:00'`); a string without one would depend on the machine's
 * time zone and is rejected.
 *
 * @remarks Since 0.1.0
 */
export type EventTime = Instant | string;

/**
 * Something that happened on a ticket.
 *
 * - `created`: the ticket exists (exactly one; every other event is at or after it).
 * - `customerReply` / `agentReply`: a message; an agent reply with `public: false` is an internal
 *   note and answers nothing.
 * - `status`: the ticket's status changed, to one of the policy's statuses
 *   (`policy.vocabulary.status`); the policy says which run the clocks, which pause them and which
 *   mean resolved (moving out of a resolved status reopens the ticket).
 * - `update`: a periodic status update was sent to the customer.
 * - `metricStarted` / `metricFulfilled`: a custom metric's clock starts (else it starts at
 *   creation) or its goal is reached (an RMA number issued, a visit done). `acknowledgement` is
 *   also fulfilled this way. The metric is one the policy's targets measure
 *   (`policy.vocabulary.metric`).
 * - `changed`: attributes changed (`set: { priority: 'urgent' }`, `unset: ['queue']`): from this
 *   instant the rule and targets in force are those the new attributes select. The ticket's own
 *   attributes are those it had when it was created. (Since 0.2.0.)
 *
 * Any other key, type or value is refused by the ticket check (see `evaluateSla`).
 *
 * @remarks Since 0.1.0
 */
export type TicketEvent =
  | { readonly type: 'created'; readonly at: EventTime }
  | { readonly type: 'customerReply'; readonly at: EventTime }
  | { readonly type: 'agentReply'; readonly at: EventTime; readonly public?: boolean }
  | { readonly type: 'status'; readonly at: EventTime; readonly status: string }
  | { readonly type: 'update'; readonly at: EventTime }
  | { readonly type: 'metricStarted'; readonly at: EventTime; readonly metric: string }
  | { readonly type: 'metricFulfilled'; readonly at: EventTime; readonly metric: string }
  | { readonly type: 'changed'; readonly at: EventTime; readonly set?: TicketChanges; readonly unset?: readonly ChangeableAttribute[] };

/**
 * The attributes of a ticket a `changed` event can set or unset.
 *
 * @remarks Since 0.2.0
 */
export type ChangeableAttribute = 'priority' | 'channel' | 'tier' | 'category' | 'queue' | 'group' | 'region' | 'assignee' | 'vip' | 'tags';

/**
 * New values of a ticket's attributes, from a `changed` event.
 *
 * @remarks Since 0.2.0
 */
export type TicketChanges = Partial<Pick<Ticket, ChangeableAttribute>>;

/**
 * A ticket as the SLA engine sees it: the attributes rules match on and its events, in any order.
 * The attributes take values of the policy's vocabulary (`policy.vocabulary`); `tags` are free
 * text unless the policy declares them.
 *
 * @remarks Since 0.1.0
 */
export interface Ticket {
  readonly id?: string;
  readonly priority?: string;
  readonly channel?: string;
  readonly tier?: string;
  readonly category?: string;
  readonly queue?: string;
  /** The team that owns the ticket (rules can match on it). @remarks Since 0.2.0 */
  readonly group?: string;
  /** The customer's region (rules can match on it; a target's calendar can be chosen by it). @remarks Since 0.2.0 */
  readonly region?: string;
  /** Who works on the ticket (free text; for time with each assignee). @remarks Since 0.2.0 */
  readonly assignee?: string;
  readonly vip?: boolean;
  readonly tags?: readonly string[];
  readonly events: readonly TicketEvent[];
}

/** An event with its instant in ms, after checking. */
export interface TimelineEvent {
  readonly type: TicketEvent['type'];
  readonly at: number;
  readonly public: boolean;
  readonly status: string;
  readonly metric: string;
  /** What a `changed` event sets and unsets (null for every other event). */
  readonly change: { readonly set: TicketChanges; readonly unset: readonly ChangeableAttribute[] } | null;
}

// Same-instant events are ordered by kind, then by their text, so input order never matters.
const RANK: Record<TicketEvent['type'], number> = {
  created: 0,
  metricStarted: 1,
  customerReply: 2,
  agentReply: 3,
  update: 4,
  metricFulfilled: 5,
  status: 6,
  changed: 7,
};

/** Same-instant changes in a canonical order (a sort key, built only when two tie). */
const changeKey = (event: TimelineEvent) => (event.change ? JSON.stringify([Object.entries(event.change.set).sort(), [...event.change.unset].sort()]) : '');

function fail(issues: Issue[]): never {
  throw new InvalidArgumentError(issues);
}

/** Events sorted by time, same-instant ones by kind and then by their text: input order never matters. */
export function inCanonicalOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  // Most tickets come in order: then the sort would change nothing (it would find one ascending
  // run, comparing each event with the one before it, as here), so it is skipped.
  for (let i = 1; i < events.length; i++) {
    if (canonical(events[i] as TimelineEvent, events[i - 1] as TimelineEvent) < 0) return events.slice().sort(canonical);
  }
  return events.slice();
}

function canonical(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.at - b.at ||
    RANK[a.type] - RANK[b.type] ||
    (a.status + a.metric < b.status + b.metric ? -1 : a.status + a.metric > b.status + b.metric ? 1 : 0) ||
    (a.change ? (changeKey(a) < changeKey(b) ? -1 : changeKey(a) > changeKey(b) ? 1 : 0) : 0)
  );
}

/** A value a change gives an attribute, as text to compare and show (unset: "nothing"). */
const shown = (value: unknown) => (value === undefined ? 'nothing (unset)' : JSON.stringify(value));

/**
 * Changes at one instant must not contradict each other: two that give one attribute different
 * values (or one sets it and one unsets it) would leave the ticket's value to the order of the
 * events, so they are refused, each pair at the later event in the input.
 */
export function checkSameInstantChanges(sorted: readonly TimelineEvent[], checked: readonly TimelineEvent[]): void {
  let issues: Issue[] | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i] as TimelineEvent;
    if (first.change === null) continue;
    for (let j = i + 1; j < sorted.length && (sorted[j] as TimelineEvent).at === first.at; j++) {
      const second = sorted[j] as TimelineEvent;
      if (second.change === null) continue;
      for (const field of new Set([...Object.keys(first.change.set), ...first.change.unset])) {
        const a = (first.change.set as Record<string, unknown>)[field];
        const b = (second.change.set as Record<string, unknown>)[field];
        const touched = b !== undefined || second.change.unset.includes(field as ChangeableAttribute);
        if (!touched || shown(a) === shown(b)) continue;
        const [x, y] = [checked.indexOf(first), checked.indexOf(second)].sort((p, q) => p - q) as [number, number];
        (issues ??= []).push({ code: 'CONFLICTING_CHANGES', path: ['events', y], message: messages.SLA_CONFLICTING_CHANGES(field, new Date(first.at).toISOString(), x, y, shown(a), shown(b)) });
      }
    }
  }
  if (issues) fail(issues);
}

/**
 * Puts a checked ticket's events in canonical order and returns them with the creation instant.
 * The events' shapes were checked against the policy (see request.ts); what is left are the
 * contradictions between events: no `created`, two of them, or an event before it.
 */
export function timelineOf(checked: readonly TimelineEvent[]): { created: number; events: TimelineEvent[] } {
  const events = inCanonicalOrder(checked);
  let createdCount = 0;
  let createdAt = 0;
  for (const event of events) {
    if (event.type !== 'created') continue;
    if (++createdCount === 1) createdAt = event.at;
    else fail([{ code: 'DUPLICATE_CREATED', path: ['events'], message: messages.DUPLICATE_CREATED(new Date(event.at).toISOString()) }]);
  }
  if (createdCount === 0) fail([{ code: 'MISSING_CREATED', path: ['events'], message: messages.MISSING_CREATED() }]);
  checkSameInstantChanges(events, checked);
  const first = events[0] as TimelineEvent;
  if (first.type !== 'created') {
    fail([
      {
        code: 'EVENT_BEFORE_CREATED',
        path: ['events', checked.indexOf(first)],
        message: messages.EVENT_BEFORE_CREATED(first.type, new Date(first.at).toISOString(), new Date(createdAt).toISOString()),
      },
    ]);
  }
  return { created: first.at, events };
}
