// Which instant of a request picks the policy version that decides it, per kind of decision: the
// moment the terms were set for that customer, read from the request's own fields.
//
// - sla: the ticket's creation (its `created` event): the targets promised when the ticket came in;
// - return: the purchase (`purchasedAt`): the terms the customer agreed to at checkout, so a
//   holiday window applies to holiday purchases; without it the delivery (`deliveredAt`, then
//   `lastItemDeliveredAt`), the next thing the request knows about the order;
// - warranty: the purchase (`purchasedAt`, required in every claim): the terms the product was
//   sold under;
// - compensation: the incident (`occurredAt`); without it the delivery (`deliveredAt`: a damaged
//   item is found, and a delay ends, there), then the promised delivery (`promisedAt`: a parcel
//   still missing);
// - escalation: the case's creation (`createdAt`).

import { instantMs, requiredInstant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import { isRecord } from '../_lib/request.js';
import { suggest } from '../_lib/suggest.js';
import { InvalidArgumentError, type JsonPath } from '../errors/index.js';

/**
 * The kinds of decision a policy takes, as cases files name them: `sla` (`evaluateSla`),
 * `return` (`checkReturn`), `warranty` (`checkWarrantyClaim`), `compensation`
 * (`decideCompensation`), `escalation` (`decideEscalation`).
 *
 * @remarks Since 0.2.0
 */
export type DecisionKind = 'sla' | 'return' | 'warranty' | 'compensation' | 'escalation';

/**
 * Every {@link DecisionKind}, in the order of a policy's sections.
 *
 * @remarks Since 0.2.0
 */
export const DECISION_KINDS: readonly DecisionKind[] = Object.freeze(['sla', 'return', 'warranty', 'compensation', 'escalation']);

/**
 * Which instant picked the version that decided: a field of the request (`created` is the SLA
 * ticket's `created` event), `asOf` (the option), or `version` (the option naming a version).
 *
 * @remarks Since 0.2.0
 */
export type VersionChosenBy = 'created' | 'createdAt' | 'purchasedAt' | 'deliveredAt' | 'lastItemDeliveredAt' | 'occurredAt' | 'promisedAt' | 'asOf' | 'version';

/**
 * The instant a decision of some kind is taken as of, and the field it was read from.
 *
 * @remarks Since 0.2.0
 */
export interface DecisionInstant {
  readonly at: Date;
  readonly chosenBy: Exclude<VersionChosenBy, 'version'>;
}

/** The fields a kind reads, in order of preference, and how a message names the moment. */
const FIELDS: Readonly<Record<Exclude<DecisionKind, 'sla'>, { readonly fields: readonly VersionChosenBy[]; readonly what: string }>> = {
  return: { fields: ['purchasedAt', 'deliveredAt', 'lastItemDeliveredAt'], what: 'the purchase' },
  warranty: { fields: ['purchasedAt'], what: 'the purchase' },
  compensation: { fields: ['occurredAt', 'deliveredAt', 'promisedAt'], what: 'the incident' },
  escalation: { fields: ['createdAt'], what: "the case's creation" },
};

/** How messages name the moment each field stands for. */
export const MOMENT: Readonly<Record<Exclude<VersionChosenBy, 'version'>, string>> = {
  created: "the ticket's creation",
  createdAt: "the case's creation",
  purchasedAt: 'the purchase',
  deliveredAt: 'the delivery',
  lastItemDeliveredAt: "the last item's delivery",
  occurredAt: 'the incident',
  promisedAt: 'the promised delivery',
  asOf: 'the instant asked for (asOf)',
};

/** The instant that matters, where it is in the request, and which field it is. */
export interface FoundInstant {
  readonly ms: number;
  readonly chosenBy: Exclude<VersionChosenBy, 'version' | 'asOf'>;
  readonly path: JsonPath;
}

const fail = (code: 'REQUIRED' | 'INVALID_TYPE' | 'MISSING_CREATED' | 'DUPLICATE_CREATED', path: JsonPath, message: string): never => {
  throw new InvalidArgumentError([{ code, path, message }]);
};

/** The SLA ticket's creation: the instant of its one `created` event. */
function ticketCreated(request: Record<string, unknown>): FoundInstant {
  const { ticket } = request;
  if (!isRecord(ticket)) return fail(ticket === undefined ? 'REQUIRED' : 'INVALID_TYPE', ['ticket'], ticket === undefined ? messages.REQUIRED('ticket') : messages.INVALID_TYPE('object', ticket));
  const { events } = ticket;
  if (!Array.isArray(events)) return fail(events === undefined ? 'REQUIRED' : 'INVALID_TYPE', ['ticket', 'events'], events === undefined ? messages.HISTORY_MISSING_CREATED() : messages.INVALID_TYPE('array', events));
  const created = events.flatMap((event: unknown, i) => (isRecord(event) && event.type === 'created' ? [i] : []));
  const [first, second] = created;
  if (first === undefined) return fail('MISSING_CREATED', ['ticket', 'events'], messages.HISTORY_MISSING_CREATED());
  const path = ['ticket', 'events', first, 'at'];
  const ms = requiredInstant((events[first] as Record<string, unknown>).at, path);
  if (second !== undefined) {
    const at = requiredInstant((events[second] as Record<string, unknown>).at, ['ticket', 'events', second, 'at']);
    fail('DUPLICATE_CREATED', ['ticket', 'events', second], messages.DUPLICATE_CREATED(new Date(at).toISOString()));
  }
  return { ms, chosenBy: 'created', path };
}

/**
 * The instant that matters for a request, read from its own fields (see the top of this file).
 *
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` for a request that is not an object; the
 *   instant codes at the field read; `REQUIRED` (`MISSING_CREATED`, `DUPLICATE_CREATED` for a
 *   ticket) when the request has none of the fields.
 */
export function findInstant(kind: DecisionKind, request: unknown): FoundInstant {
  if (!isRecord(request)) return fail('INVALID_TYPE', [], messages.INVALID_TYPE('object', request));
  if (kind === 'sla') return ticketCreated(request);
  const { fields, what } = FIELDS[kind];
  for (const field of fields) {
    const value = request[field];
    // A field given but unusable is an error at that field, never a reason to read the next one.
    if (value !== undefined) return { ms: instantMs(value, [field]), chosenBy: field as FoundInstant['chosenBy'], path: [field] };
  }
  return fail('REQUIRED', [fields[0] as string], messages.HISTORY_INSTANT_REQUIRED(what, fields));
}

/**
 * The instant a decision of `kind` is taken as of when a policy history picks the version for it,
 * and the request field it comes from: SLA, the ticket's `created` event; return, `purchasedAt`
 * (else `deliveredAt`, else `lastItemDeliveredAt`); warranty, `purchasedAt`; compensation,
 * `occurredAt` (else `deliveredAt`, else `promisedAt`); escalation, `createdAt`.
 *
 * @param kind - The kind of decision.
 * @param request - Its request (for `sla`: `{ ticket, now }`).
 * @returns The instant and the field it was read from.
 * @throws {@link InvalidArgumentError} `REQUIRED` when the request has none of the fields,
 *   `MISSING_CREATED` / `DUPLICATE_CREATED` for a ticket without exactly one `created` event, the
 *   instant codes (`INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`) at the field.
 * @example
 * ```ts
 * decisionInstant('return', { deliveredAt: '2026-12-03T10:00:00-06:00', requestedAt: '2026-12-20T10:00:00-06:00' });
 * //=> { at: 2026-12-03T16:00:00.000Z, chosenBy: 'deliveredAt' } (no purchasedAt: the delivery)
 * ```
 * @remarks Since 0.2.0
 */
export function decisionInstant<K extends DecisionKind>(kind: K, request: unknown): DecisionInstant {
  const found = findInstant(checkKind(kind), request);
  return { at: new Date(found.ms), chosenBy: found.chosenBy };
}

/** The kind, or INVALID_VALUE at `kind` with a did-you-mean. */
export function checkKind(kind: unknown): DecisionKind {
  if (typeof kind === 'string' && (DECISION_KINDS as readonly string[]).includes(kind)) return kind as DecisionKind;
  const suggestion = suggest(kind, DECISION_KINDS);
  throw new InvalidArgumentError([
    { code: 'INVALID_VALUE', path: ['kind'], message: messages.INVALID_VALUE(kind, DECISION_KINDS, suggestion), allowed: DECISION_KINDS, ...(suggestion ? { suggestion } : {}) },
  ]);
}
