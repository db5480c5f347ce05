// A ticket's event timeline, checked and put in a canonical order. Checked by hand rather than
// with zod because this runs once per ticket on the volume path (see docs/performance.md).

import { parseIsoInstant } from '../_lib/iso.js';
import { messages } from '../_lib/messages.js';
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
 * - `status`: the ticket's status changed; the policy says which statuses pause clocks and which
 *   mean resolved (moving out of a resolved status reopens the ticket).
 * - `update`: a periodic status update was sent to the customer.
 * - `metricStarted` / `metricFulfilled`: a custom metric's clock starts (else it starts at
 *   creation) or its goal is reached (an RMA number issued, a visit done). `acknowledgement` is
 *   also fulfilled this way.
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
  | { readonly type: 'metricFulfilled'; readonly at: EventTime; readonly metric: string };

/**
 * A ticket as the SLA engine sees it: the attributes rules match on and its events, in any order.
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
};

function fail(issues: Issue[]): never {
  throw new InvalidArgumentError(issues);
}

function instant(value: unknown, index: number): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? parseIsoInstant(value) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    fail([
      {
        code: 'INVALID_EVENT',
        path: ['events', index, 'at'],
        message: messages.INVALID_EVENT('"at" must be a Date, epoch milliseconds or an ISO 8601 string with an offset, e.g. 2026-11-20T18:30:00-06:00'),
      },
    ]);
  }
  return ms;
}

/** Checks a ticket's events and returns them in canonical order, with the creation instant. */
export function timelineOf(ticket: Ticket): { created: number; events: TimelineEvent[] } {
  if (!ticket || !Array.isArray(ticket.events)) {
    fail([{ code: 'INVALID_EVENT', path: ['events'], message: messages.INVALID_EVENT('"events" must be a list') }]);
  }
  const events: TimelineEvent[] = [];
  ticket.events.forEach((event, i) => {
    const type = (event as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in RANK)) {
      fail([{ code: 'INVALID_EVENT', path: ['events', i, 'type'], message: messages.INVALID_EVENT(`unknown type ${JSON.stringify(type)}`) }]);
    }
    const e = event as { at: unknown; public?: unknown; status?: unknown; metric?: unknown };
    const status = type === 'status' ? e.status : '';
    const metric = type === 'metricStarted' || type === 'metricFulfilled' ? e.metric : '';
    if (typeof status !== 'string' || (type === 'status' && status === '')) {
      fail([{ code: 'INVALID_EVENT', path: ['events', i, 'status'], message: messages.INVALID_EVENT('a status event needs a "status" name') }]);
    }
    if (typeof metric !== 'string' || (metric === '' && type.startsWith('metric'))) {
      fail([{ code: 'INVALID_EVENT', path: ['events', i, 'metric'], message: messages.INVALID_EVENT(`a ${type} event needs a "metric" name`) }]);
    }
    events.push({ type: type as TicketEvent['type'], at: instant(e.at, i), public: e.public !== false, status, metric });
  });
  events.sort((a, b) => a.at - b.at || RANK[a.type] - RANK[b.type] || (a.status + a.metric < b.status + b.metric ? -1 : a.status + a.metric > b.status + b.metric ? 1 : 0));
  let createdCount = 0;
  let createdAt = 0;
  for (const event of events) {
    if (event.type !== 'created') continue;
    if (++createdCount === 1) createdAt = event.at;
    else fail([{ code: 'DUPLICATE_CREATED', path: ['events'], message: messages.DUPLICATE_CREATED(new Date(event.at).toISOString()) }]);
  }
  if (createdCount === 0) fail([{ code: 'MISSING_CREATED', path: ['events'], message: messages.MISSING_CREATED() }]);
  const first = events[0] as TimelineEvent;
  if (first.type !== 'created') {
    const index = ticket.events.findIndex((event, i) => instant(event.at, i) === first.at && event.type === first.type);
    fail([
      {
        code: 'EVENT_BEFORE_CREATED',
        path: ['events', index],
        message: messages.EVENT_BEFORE_CREATED(first.type, new Date(first.at).toISOString(), new Date(createdAt).toISOString()),
      },
    ]);
  }
  return { created: first.at, events };
}
