// A ticket is parsed, not trusted: its attributes and events are declared once here, and each
// policy compiles the declaration against its own vocabularies (priorities, channels, statuses,
// metrics…) into a checker that returns the ticket normalised (event instants as epoch ms) or
// throws every problem at the caller's own path (`['events', 3, 'status']`).

import { MAX_INSTANT_MS, MIN_INSTANT_MS } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import { compileRequest, type Field, type Fields, type RequestChecker, type Vocabulary } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import { isRecord } from './arguments.js';
import { slaNamedValues } from './condition.js';
import { SLA_VOCABULARY_NAMES, type SlaPolicySpec } from './schema.js';
import { resolveStatuses } from './statuses.js';
import { parseIsoInstant } from '../_lib/iso.js';
import type { ChangeableAttribute, Ticket, TicketChanges, TimelineEvent } from './ticket.js';

/**
 * The values an SLA policy knows for each ticket attribute: declared in its `vocabulary`, else
 * those its rules' and targets' `when` name; `tag` is null (free text) unless declared; `status`
 * is the policy's active, paused and resolved statuses; `metric` the metrics its targets measure
 * (what `metricStarted` / `metricFulfilled` events may name).
 *
 * @remarks Since 0.2.0
 */
export interface SlaVocabulary {
  readonly priority: readonly string[];
  readonly channel: readonly string[];
  readonly tier: readonly string[];
  readonly category: readonly string[];
  readonly queue: readonly string[];
  /** @remarks Since 0.2.0 */
  readonly group: readonly string[];
  /** @remarks Since 0.2.0 */
  readonly region: readonly string[];
  /** Null: tags are free text. */
  readonly tag: readonly string[] | null;
  readonly status: readonly string[];
  readonly metric: readonly string[];
}

const at: Field = { type: 'instant', required: true, hint: 'when it happened, a Date, epoch milliseconds or an ISO 8601 string with an offset' };
const metric: Field = { type: 'term', vocabulary: 'metric', required: true, hint: 'one of the metrics the policy measures' };

/** The attributes a ticket has when created, and that `changed` events set or unset later. */
export const ATTRIBUTE_FIELDS: Fields = {
  priority: { type: 'term', vocabulary: 'priority' },
  channel: { type: 'term', vocabulary: 'channel' },
  tier: { type: 'term', vocabulary: 'tier' },
  category: { type: 'term', vocabulary: 'category' },
  queue: { type: 'term', vocabulary: 'queue' },
  group: { type: 'term', vocabulary: 'group' },
  region: { type: 'term', vocabulary: 'region' },
  assignee: { type: 'text' },
  vip: { type: 'boolean' },
  tags: { type: 'terms', vocabulary: 'tag' },
};

/** The attributes a `changed` event can set or unset. */
export const CHANGEABLE_ATTRIBUTES = Object.keys(ATTRIBUTE_FIELDS) as ChangeableAttribute[];

/** The events of a ticket, by `type`. */
export const EVENT_FIELDS: Readonly<Record<string, Fields>> = {
  created: { at },
  customerReply: { at },
  agentReply: { at, public: { type: 'boolean' } },
  status: { at, status: { type: 'term', vocabulary: 'status', required: true, hint: 'the status the ticket moved into' } },
  update: { at },
  metricStarted: { at, metric },
  metricFulfilled: { at, metric },
  changed: {
    at,
    set: { type: 'object', what: 'the attributes set', fields: ATTRIBUTE_FIELDS },
    unset: { type: 'terms', vocabulary: 'attribute' },
  },
};

/** The fields of a ticket, declared once: the ticket check and the rule conditions use them. */
export const TICKET_FIELDS: Fields = {
  id: { type: 'text' },
  ...ATTRIBUTE_FIELDS,
  events: {
    type: 'list',
    required: true,
    hint: 'the ticket\'s events, one of them "created"',
    of: { type: 'variant', what: 'ticket event', tag: 'type', variants: EVENT_FIELDS },
  },
};

/** A checked event: its instant in epoch ms and the fields its type has. */
interface CheckedEvent {
  readonly type: TimelineEvent['type'];
  readonly at: number;
  readonly public?: boolean;
  readonly status?: string;
  readonly metric?: string;
  readonly set?: TicketChanges;
  readonly unset?: readonly ChangeableAttribute[];
}

/** A ticket's attributes after checking (the facts its rules and targets test). */
export type TicketAttributes = Omit<Ticket, 'events'>;

/** A ticket after checking: its attributes, and its events as a timeline (in input order). */
export interface TicketFacts {
  readonly attributes: TicketAttributes;
  readonly events: readonly TimelineEvent[];
}

/** The policy's vocabulary for each ticket attribute (see {@link SlaVocabulary}). */
export function slaVocabulary(spec: SlaPolicySpec): SlaVocabulary {
  const named = slaNamedValues(spec);
  const declared = spec.vocabulary;
  const statuses = resolveStatuses(spec.statuses);
  return {
    priority: vocabularyOf(declared?.priority, named, 'priority'),
    channel: vocabularyOf(declared?.channel, named, 'channel'),
    tier: vocabularyOf(declared?.tier, named, 'tier'),
    category: vocabularyOf(declared?.category, named, 'category'),
    queue: vocabularyOf(declared?.queue, named, 'queue'),
    group: vocabularyOf(declared?.group, named, 'group'),
    region: vocabularyOf(declared?.region, named, 'region'),
    tag: declared?.tag ?? null,
    status: [...new Set([...statuses.active, ...statuses.paused, ...statuses.resolved])],
    metric: [...new Set(spec.rules.flatMap((rule) => rule.targets.map((target) => target.metric)))].sort(),
  };
}

/** A ticket checker: the ticket's facts, or an InvalidArgumentError listing every problem. */
export type TicketChecker = (ticket: unknown) => TicketFacts;

/**
 * The ticket checkers of a policy, compiled once: for `evaluateSla` (events required) and for
 * `selectSlaRule` (events may be left out: only the attributes choose the rule).
 *
 * The attributes go through the shared request checker. Events go through a fast path compiled
 * from the same declaration ({@link EVENT_FIELDS}) and vocabularies: it accepts only what the
 * shared checker accepts and builds the timeline directly, without the shared checker's
 * per-event copies and paths; at the first thing it does not accept it gives up, and the shared
 * checker, run on the whole ticket, reports every problem with its path and message. Measured on
 * the SLA volume benchmark (100,000 tickets, 600,000 events): the shared checker on whole tickets
 * took about 330 ms of CPU, some 28 % of an evaluateSla pass that includes it; with the fast path
 * the check takes about 120-150 ms (13-15 %), half of it parsing the ISO instants. See
 * docs/performance.md.
 */
export function ticketCheckers(vocab: SlaVocabulary): { readonly ticket: TicketChecker; readonly attributes: TicketChecker } {
  const vocabularies: Record<string, Vocabulary> = {};
  for (const field of Object.keys(vocab) as (keyof SlaVocabulary)[]) vocabularies[field] = vocabulary(SLA_VOCABULARY_NAMES[field], vocab[field] ?? undefined);
  vocabularies.attribute = vocabulary('changeable attribute', CHANGEABLE_ATTRIBUTES);
  const context = { vocabularies };
  const whole = compileRequest('a ticket', TICKET_FIELDS, context);
  const optionalEvents = compileRequest('a ticket', { ...TICKET_FIELDS, events: { ...(TICKET_FIELDS.events as Field), required: false } }, context);
  const fastEvents = compileFastEvents(vocabularies);
  const fastAttributes = compileFastAttributes(vocabularies);
  /** The shared checker's verdict on the whole ticket: it throws, or (rarely) accepts what the fast path gave up on. */
  const slow = (check: RequestChecker, ticket: unknown): TicketFacts => {
    // What the declaration cannot say about a change (empty; a field both set and unset), found
    // on the raw events so it is listed with every other problem, in one pass.
    const changes = isRecord(ticket) ? changeIssues((ticket as { events?: unknown }).events) : [];
    let checked: TicketAttributes & { events?: CheckedEvent[] };
    try {
      checked = check(ticket) as TicketAttributes & { events?: CheckedEvent[] };
    } catch (error) {
      if (changes.length > 0 && error instanceof InvalidArgumentError) throw new InvalidArgumentError([...error.issues, ...changes], error.details as Record<string, unknown>);
      throw error;
    }
    if (changes.length > 0) throw new InvalidArgumentError(changes);
    const { events, ...attributes } = checked;
    return { attributes, events: (events ?? []).map(timelineEvent) };
  };
  const checker =
    (check: RequestChecker): TicketChecker =>
    (ticket) => {
      if (!isRecord(ticket)) return slow(check, ticket);
      const given = (ticket as { events?: unknown }).events;
      const events = given === undefined && check === optionalEvents ? [] : fastEvents(given);
      if (events === undefined) return slow(check, ticket);
      // The attributes alone: the events are checked (and `events: undefined` counts as left out).
      const attributes = fastAttributes(ticket) ?? (optionalEvents({ ...ticket, events: undefined }) as TicketAttributes);
      return { attributes, events };
    };
  return { ticket: checker(whole), attributes: checker(optionalEvents) };
}

function timelineEvent(event: CheckedEvent): TimelineEvent {
  const change: TimelineEvent['change'] = event.type === 'changed' ? { set: event.set ?? {}, unset: event.unset ?? [] } : null;
  return { type: event.type, at: event.at, public: event.public !== false, status: event.status ?? '', metric: event.metric ?? '', change };
}

/**
 * The problems of `changed` events the field declaration cannot express: a change that sets and
 * unsets nothing (`EMPTY`), and an attribute both set and unset by one event (`INVALID_VALUE` at
 * its `unset`). Read from the raw events; shapes the declaration refuses are left to it.
 */
function changeIssues(events: unknown): Issue[] {
  if (!Array.isArray(events)) return [];
  const issues: Issue[] = [];
  events.forEach((event: unknown, index) => {
    if (!isRecord(event) || event.type !== 'changed') return;
    const { set, unset } = event as { set?: unknown; unset?: unknown };
    const setKeys = set === undefined ? [] : isRecord(set) ? Object.keys(set) : undefined;
    const unsetList = unset === undefined ? [] : Array.isArray(unset) ? (unset as unknown[]) : undefined;
    if (setKeys === undefined || unsetList === undefined) return;
    if (setKeys.length === 0 && unsetList.length === 0) issues.push({ code: 'EMPTY', path: ['events', index], message: messages.SLA_EMPTY_CHANGE() });
    const both = unsetList.find((field): field is string => typeof field === 'string' && setKeys.includes(field));
    if (both !== undefined) issues.push({ code: 'INVALID_VALUE', path: ['events', index, 'unset'], message: messages.SLA_SET_AND_UNSET(both) });
  });
  return issues;
}

/**
 * The attributes' fast path: what the shared checker returns for a ticket's own attributes (the
 * ticket's own enumerable keys but `events`, in order, each value as given; undefined ones left
 * out), or undefined at the first key or value it does not accept, and the shared checker then
 * reports every problem. Compiled from {@link TICKET_FIELDS}; a field kind it does not know
 * fails here, at compile time.
 */
function compileFastAttributes(vocabularies: Readonly<Record<string, Vocabulary>>): (ticket: Record<string, unknown>) => TicketAttributes | undefined {
  const accepts = new Map<string, (value: unknown) => boolean>();
  const termOf = (name: string) => {
    const values = vocabularies[name]?.values;
    const known = values ? new Set(values) : undefined;
    return (value: unknown) => typeof value === 'string' && (known === undefined ? value !== '' : known.has(value));
  };
  for (const [key, field] of Object.entries(TICKET_FIELDS)) {
    if (key === 'events') continue;
    if (field.type === 'term') accepts.set(key, termOf(field.vocabulary));
    else if (field.type === 'terms') {
      const term = termOf(field.vocabulary);
      accepts.set(key, (value) => Array.isArray(value) && value.every(term));
    } else if (field.type === 'text') accepts.set(key, (value) => typeof value === 'string' && value !== '');
    else if (field.type === 'boolean') accepts.set(key, (value) => typeof value === 'boolean');
    else throw new Error(`the attributes' fast path does not know the field ${key}`);
  }
  return (ticket) => {
    const out: Record<string, unknown> = {};
    for (const key in ticket) {
      if (key === 'events' || !Object.hasOwn(ticket, key)) continue;
      const value = ticket[key];
      if (value === undefined) continue;
      const accept = accepts.get(key);
      if (accept === undefined || !accept(value)) return undefined;
      out[key] = value;
    }
    return out as TicketAttributes;
  };
}

/** What the fast path checks for one event type, read from {@link EVENT_FIELDS}. */
interface EventPlan {
  readonly type: TimelineEvent['type'];
  readonly public: boolean;
  readonly status: ReadonlySet<string> | undefined;
  readonly metric: ReadonlySet<string> | undefined;
}

/**
 * The events' fast path: the timeline of a list of valid events, or undefined at the first event
 * it does not accept. It knows the field kinds the declaration uses for events (a required
 * instant `at`, an optional boolean, required terms); a declaration it does not know fails here,
 * at compile time, rather than being skipped.
 */
function compileFastEvents(vocabularies: Readonly<Record<string, Vocabulary>>): (events: unknown) => TimelineEvent[] | undefined {
  const plans = new Map<string, EventPlan>();
  // `changed` events carry attributes: the shared checker reads them (a ticket with one takes the
  // slow path). Any other type whose fields the fast path does not know fails here, at compile time.
  for (const [type, fields] of Object.entries(EVENT_FIELDS)) {
    if (type === 'changed') continue;
    let pub = false;
    let status: ReadonlySet<string> | undefined;
    let metricSet: ReadonlySet<string> | undefined;
    for (const [key, field] of Object.entries(fields)) {
      if (key === 'at' && field.type === 'instant' && field.required) continue;
      if (key === 'public' && field.type === 'boolean' && !field.required) pub = true;
      else if ((key === 'status' || key === 'metric') && field.type === 'term' && field.required) {
        const values = new Set(vocabularies[field.vocabulary]?.values ?? []);
        if (key === 'status') status = values;
        else metricSet = values;
      } else throw new Error(`the events' fast path does not know the field ${type}.${key}`);
    }
    plans.set(type, { type: type as TimelineEvent['type'], public: pub, status, metric: metricSet });
  }
  return (events) => {
    if (!Array.isArray(events)) return undefined;
    const out = new Array<TimelineEvent>(events.length);
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as Record<string, unknown> | null;
      if (typeof e !== 'object' || e === null || Array.isArray(e) || e instanceof Date) return undefined;
      const type = e.type;
      const plan = typeof type === 'string' ? plans.get(type) : undefined;
      if (plan === undefined) return undefined;
      for (const key in e) {
        if (key === 'type' || key === 'at' || (key === 'public' && plan.public) || (key === 'status' && plan.status) || (key === 'metric' && plan.metric)) continue;
        return undefined;
      }
      const at = e.at;
      const ms = typeof at === 'number' ? at : at instanceof Date ? at.getTime() : typeof at === 'string' ? parseIsoInstant(at) : Number.NaN;
      if (!(ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS)) return undefined;
      const pub = e.public;
      if (pub !== undefined && typeof pub !== 'boolean') return undefined;
      let status = '';
      if (plan.status) {
        if (typeof e.status !== 'string' || !plan.status.has(e.status)) return undefined;
        status = e.status;
      }
      let metric = '';
      if (plan.metric) {
        if (typeof e.metric !== 'string' || !plan.metric.has(e.metric)) return undefined;
        metric = e.metric;
      }
      out[i] = { type: plan.type, at: ms, public: pub !== false, status, metric, change: null };
    }
    return out;
  };
}
