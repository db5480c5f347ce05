// SLA status for a stream of tickets: evaluateSla on each, in input order, pulled one at a time
// so memory does not grow with the stream. A ticket that fails its checks is a result (its
// error as data), not the end of the batch; a bad policy or `now` is refused before any ticket.

import { requiredInstant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import type { Instant } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError, type Issue, type JsonPath } from '../errors/index.js';
import { checkKeys, isRecord } from './arguments.js';
import { evaluateSla, type SlaReport } from './evaluate.js';
import { compiledSla, type SlaPolicy } from './policy.js';
import type { Ticket } from './ticket.js';

/**
 * Why one ticket of a batch has no status: the {@link SupportRulesError} evaluateSla threw for
 * it, as plain data (`path` is inside the ticket, e.g. `['events', 2, 'status']`).
 *
 * @remarks Since 0.2.0
 */
export interface SlaBatchError {
  readonly code: string;
  readonly path: JsonPath;
  readonly message: string;
  /** Every problem found with the ticket; the first is also `code` / `path` / `message`. */
  readonly issues: readonly Issue[];
}

/**
 * One result of {@link evaluateSlaBatch}: the ticket's position in the input and its status, or
 * the error that kept it from having one.
 *
 * @remarks Since 0.2.0
 */
export type SlaBatchResult =
  | { readonly index: number; readonly status: SlaReport; readonly error?: never }
  | { readonly index: number; readonly error: SlaBatchError; readonly status?: never };

/**
 * Options of {@link evaluateSlaBatch}.
 *
 * @remarks Since 0.2.0
 */
export interface SlaBatchOptions {
  /**
   * The index of the first ticket, so the results of a stream cut into parts (a shard, a chunk)
   * carry their position in the whole.
   *
   * @defaultValue 0
   */
  readonly firstIndex?: number;
}

const OPTION_KEYS = ['firstIndex'] as const;

/** A thrown SupportRulesError as plain data; anything else (a bug) is thrown on. */
export function batchError(error: unknown): SlaBatchError {
  if (!(error instanceof SupportRulesError)) throw error;
  return { code: error.code, path: [...error.path], message: error.message, issues: error.issues };
}

/** One ticket's result (shared with the CLI, so every way of running a batch answers alike). */
export function evaluateOne(policy: SlaPolicy, ticket: unknown, asOf: number, index: number): SlaBatchResult {
  // A promise in a sync iterable is not awaited: say so, rather than report its missing fields.
  if (ticket !== null && typeof ticket === 'object' && typeof (ticket as { then?: unknown }).then === 'function') {
    const issue: Issue = { code: 'INVALID_TYPE', path: [], message: messages.BATCH_PROMISE() };
    return { index, error: { code: issue.code, path: [], message: issue.message, issues: [issue] } };
  }
  try {
    return { index, status: evaluateSla(policy, ticket as Ticket, asOf) };
  } catch (error) {
    return { index, error: batchError(error) };
  }
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
const isIterable = (value: unknown): value is Iterable<unknown> =>
  value !== null && value !== undefined && typeof value !== 'string' && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';

/**
 * Evaluates the SLA status of every ticket of a stream, as {@link evaluateSla} would one by one,
 * and yields the results in input order. Tickets are pulled one at a time (the next is read only
 * when the caller asks for the next result), so a stream of any length runs in constant memory,
 * and a slow consumer slows the reading. A ticket that fails its checks yields
 * `{ index, error }` and the batch goes on.
 *
 * @param policy - From {@link defineSlaPolicy}.
 * @param tickets - Any iterable or async iterable of tickets: an array, a generator, a Node.js
 *   stream in object mode, the lines of a file parsed one by one.
 * @param now - The instant every status is as of: a Date, epoch ms or an ISO 8601 string with
 *   an offset.
 * @param options - See {@link SlaBatchOptions}.
 * @returns An async iterable of {@link SlaBatchResult}, one per ticket, in input order.
 * @throws {@link SlaPolicyError} `INVALID_SLA_POLICY` for a policy not made by defineSlaPolicy,
 *   and {@link InvalidArgumentError} for a bad `now` (instant codes at `['now']`), `tickets` that
 *   is not iterable (`INVALID_TYPE` at `['tickets']`) or a bad option (`UNKNOWN_KEY`,
 *   `INVALID_TYPE` at `['options', …]`): at once, before any ticket is read. Errors the tickets
 *   iterable itself throws end the iteration and reach the caller.
 * @example
 * ```ts
 * // With the policy of the defineSlaPolicy example:
 * const tickets = [
 *   { id: 'T-1', channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] },
 *   { id: 'T-2', channel: 'fax', events: [] },
 * ];
 * for await (const result of evaluateSlaBatch(sla, tickets, '2026-11-23T09:00:00-06:00')) {
 *   if (result.error) console.log(result.index, result.error.code, result.error.path);
 *   else console.log(result.index, result.status.clocks[0]?.status);
 * }
 * //=> 0 'ok'
 * //=> 1 'UNKNOWN_IN_POLICY' ['channel']
 * ```
 * @remarks Since 0.2.0
 */
export function evaluateSlaBatch(policy: SlaPolicy, tickets: Iterable<Ticket> | AsyncIterable<Ticket>, now: Instant, options?: SlaBatchOptions): AsyncIterable<SlaBatchResult> {
  compiledSla(policy);
  const issues: Issue[] = [];
  let asOf = Number.NaN;
  try {
    asOf = requiredInstant(now, ['now']);
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    issues.push(...error.issues);
  }
  const sync = !isAsyncIterable(tickets);
  if (sync && !isIterable(tickets)) issues.push({ code: 'INVALID_TYPE', path: ['tickets'], message: messages.BATCH_TICKETS(tickets) });
  let first = 0;
  if (options !== undefined) {
    if (!isRecord(options)) issues.push({ code: 'INVALID_TYPE', path: ['options'], message: messages.BATCH_OPTIONS(options) });
    else {
      checkKeys(options, OPTION_KEYS, 'of the batch options', ['options'], issues);
      const given = options.firstIndex;
      if (given !== undefined) {
        if (typeof given === 'number' && Number.isSafeInteger(given) && given >= 0) first = given;
        else issues.push({ code: 'INVALID_TYPE', path: ['options', 'firstIndex'], message: messages.BATCH_FIRST_INDEX(given) });
      }
    }
  }
  if (issues.length > 0) throw new InvalidArgumentError(issues);
  return sync ? fromSync(policy, tickets as Iterable<unknown>, asOf, first) : fromAsync(policy, tickets as AsyncIterable<unknown>, asOf, first);
}

async function* fromSync(policy: SlaPolicy, tickets: Iterable<unknown>, asOf: number, first: number): AsyncGenerator<SlaBatchResult, void, undefined> {
  let index = first;
  for (const ticket of tickets) yield evaluateOne(policy, ticket, asOf, index++);
}

async function* fromAsync(policy: SlaPolicy, tickets: AsyncIterable<unknown>, asOf: number, first: number): AsyncGenerator<SlaBatchResult, void, undefined> {
  let index = first;
  for await (const ticket of tickets) yield evaluateOne(policy, ticket, asOf, index++);
}
