// What-if replay: the same cases through two policies (or two versions of one history), every
// case whose outcome, amount, deadline, tier or SLA state differs reported with both explanations,
// and totals for each side. One case is held at a time: an unchanged case leaves only its counts,
// its amounts and its deadlines' durations behind (see replay-totals.ts), so a stream of a million
// cases runs in bounded memory.

import * as messages from '../_lib/messages.js';
import { isRecord, unknownKeyIssue } from '../_lib/request.js';
import { suggest } from '../_lib/suggest.js';
import { InvalidArgumentError, type Issue, type JsonPath } from '../errors/index.js';
import { checkVersionChoice, type DecideInForceOptions } from './decide-in-force.js';
import type { SupportPolicy } from './define.js';
import { historyOf, type PolicyHistory } from './history.js';
import { outcomeFields, sameValue } from './outcome.js';
import { anchorOf, checkCase, decideSide, type ReplayCase, type ReplayError, type Side, type SideResult } from './replay-case.js';
import type { CompareOptions, Comparison, FieldChange, ReplayCaseReport, ReplayEntry, ReplayErrorSample, ReplaySide, ReplayTotals } from './replay-report.js';
import { SideTotals } from './replay-totals.js';

/** How many cases that are errors under both sides are kept as samples. */
const ERROR_SAMPLES = 10;
const OPTION_FIELDS = ['before', 'after', 'report'] as const;
const REPORTS = ['changed', 'all'] as const;

const invalid = (issues: Issue[]): never => {
  throw new InvalidArgumentError(issues);
};

/** The side options, checked against the side's history as decideInForce checks its own. */
function pickOf(history: PolicyHistory, value: unknown, path: JsonPath): DecideInForceOptions | undefined {
  const choice = checkVersionChoice(history, value, path, 'of a side');
  if (choice.version) return { version: choice.version.version };
  if (choice.asOfMs !== undefined) return { asOf: new Date(choice.asOfMs) };
  return undefined;
}

interface Replay {
  /** The report of a case, or null when it is unchanged and not asked for. */
  step(value: unknown, index: number): ReplayCaseReport | null;
  totals(): ReplayTotals;
}

/** Checks the sources and the options once, and returns the replay that takes the cases one by one. */
function createReplay(before: PolicyHistory | SupportPolicy, after: PolicyHistory | SupportPolicy, options: unknown): Replay {
  if (options !== undefined && !isRecord(options)) invalid([{ code: 'INVALID_TYPE', path: ['options'], message: messages.INVALID_TYPE('object', options) }]);
  const o = (options ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(o).filter((key) => !(OPTION_FIELDS as readonly string[]).includes(key)).map((key) => unknownKeyIssue(key, OPTION_FIELDS, ['options'], 'of the options'));
  if (unknown.length > 0) invalid(unknown);
  if (o.report !== undefined && !(REPORTS as readonly unknown[]).includes(o.report)) invalid([{ code: 'INVALID_VALUE', path: ['options', 'report'], message: messages.INVALID_VALUE(o.report, REPORTS, suggest(o.report, REPORTS)) }]);
  const all = o.report === 'all';
  const sides: [Side, Side] = [
    { source: before, pick: pickOf(historyOfAt(before, 'before'), o.before, ['options', 'before']) },
    { source: after, pick: pickOf(historyOfAt(after, 'after'), o.after, ['options', 'after']) },
  ];
  const totals = [new SideTotals(), new SideTotals()] as const;
  const samples: ReplayErrorSample[] = [];
  let cases = 0;
  let changed = 0;
  let both = 0;
  const byField: Record<string, number> = {};

  return {
    step(value, index) {
      const c = checkCase(value, index);
      cases++;
      const [b, a] = [decideSide(sides[0], c), decideSide(sides[1], c)];
      const anchor = b.summary || a.summary ? anchorOf(c) : null;
      for (const [i, result] of [b, a].entries()) {
        if (result.summary) totals[i as 0 | 1].add(result.summary, anchor);
        else totals[i as 0 | 1].addError();
      }
      const fields = changes(b, a);
      if (b.error && a.error) {
        both++;
        if (fields.length === 0 && samples.length < ERROR_SAMPLES) samples.push({ index, name: c.name, kind: c.kind, error: b.error });
      }
      for (const { field } of fields) byField[field] = (byField[field] ?? 0) + 1;
      if (fields.length > 0) changed++;
      else if (!all) return null;
      const keep = fields.length > 0;
      return { type: 'case', index, name: c.name, kind: c.kind, changed: keep, fields, before: sideReport(b, keep), after: sideReport(a, keep) };
    },
    totals() {
      const [b, a] = [totals[0].result(), totals[1].result()];
      return { type: 'totals', cases, changed, unchanged: cases - changed, byField: { ...byField }, errors: { before: b.errors, after: a.errors, both }, errorsUnderBoth: samples, before: b, after: a };
    },
  };
}

/** The history of a source, its problem reported at the side's name. */
function historyOfAt(source: PolicyHistory | SupportPolicy, side: 'before' | 'after'): PolicyHistory {
  try {
    return historyOf(source);
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new InvalidArgumentError(error.issues.map((issue) => ({ ...issue, path: [side, ...issue.path] })), { ...error.details });
    throw error;
  }
}

const errorText = (error: ReplayError) => `${error.code} at ${error.path.join('.')}`;

/** The fields that differ between two sides' results. */
function changes(b: SideResult, a: SideResult): FieldChange[] {
  if (b.error || a.error) {
    const [x, y] = [b.error ? errorText(b.error) : null, a.error ? errorText(a.error) : null];
    return x === y ? [] : [{ field: 'error', before: x, after: y }];
  }
  const [before, after] = [outcomeFields(b.summary), outcomeFields(a.summary)];
  const found: FieldChange[] = [];
  for (const [field, value] of before) if (!sameValue(value, after.get(field))) found.push({ field, before: value, after: after.get(field) ?? null });
  for (const [field, value] of after) if (!before.has(field) && value !== null) found.push({ field, before: null, after: value });
  return found;
}

function sideReport(result: SideResult, withReasons: boolean): ReplaySide {
  if (result.error) return { error: result.error };
  return { policy: result.policy, outcome: result.summary, reasons: withReasons ? result.reasons : null };
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return value !== null && value !== undefined && typeof (value as Record<symbol, unknown>)[Symbol.iterator] === 'function' && typeof value !== 'string';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * Replays cases through two policies and reports every case whose outcome, amount, deadline, tier
 * or SLA state differs — which fields, both values, and both explanations (the decisions'
 * reasons) — with totals for each side: refunds and fees (exact, per currency), compensation
 * granted, SLA breaches by clock, escalations by tier, median deadlines and counts.
 *
 * Each side is a compiled policy or a policy history. A history decides each case with the version
 * in force at the instant that matters for it (`decideInForce`), or at the case's `asOf`; the
 * side's options override both (`{ before: { version: '1.0' }, after: { version: '2.0' } }`
 * compares two versions of one history). A plain policy without options decides like `support-rules
 * check`. A case one side cannot decide (a `NO_VERSION_IN_FORCE`, a request the policy refuses)
 * differs from one it can; the same error under both is counted (`totals.errors.both`) and
 * sampled, not reported.
 *
 * @param before - The policy (or history) as it was.
 * @param after - The policy (or history) as changed.
 * @param cases - An array or other iterable of `{ name?, kind, given, asOf? }` (a cases file's
 *   cases; `expect` is ignored). For an async iterable, use {@link compareOutcomeStream}.
 * @param options - How each side picks its version, and whether to report every case.
 * @returns The differences in input order, and the totals.
 * @throws {@link InvalidArgumentError} for misuse: a case that is not `{ kind, given }`
 *   (`INVALID_TYPE`, `INVALID_VALUE` at `cases.<i>.kind`, `REQUIRED`, `UNKNOWN_KEY`, an instant
 *   code at `cases.<i>.asOf`), cases that are not iterable (`INVALID_TYPE` at `cases`), options
 *   (`UNKNOWN_KEY`, `CONFLICTING_FIELDS`, `UNKNOWN_IN_POLICY` at `options.before.version`,
 *   `INVALID_VALUE` at `options.report`), or a side that is neither a policy nor a history
 *   (`INVALID_POLICY_HISTORY` at `before` / `after`).
 * @example
 * ```ts
 * // Primos with a 45-day return window instead of 30.
 * const after = definePolicy({ ...presetSpecs.primos, returns: { ...presetSpecs.primos.returns,
 *   windows: [{ id: 'standard-45', days: 45, from: 'delivery' }] } });
 * const { differences, totals } = compareOutcomes(presets.primos, after, [{ kind: 'return', given: {
 *   category: 'electronics', price: '249.00', condition: 'unopened', evidence: ['proofOfPurchase'],
 *   deliveredAt: '2026-10-01T12:00:00-04:00', requestedAt: '2026-11-08T12:00:00-05:00' } }]);
 * differences[0]?.fields.map((f) => f.field); //=> ['outcome', 'refund', 'charge', 'fees', 'windowDeadline']
 * totals.after.returns.refunds;               //=> [{ amount: '249.00', currency: 'USD' }]
 * ```
 * @remarks Since 0.2.0
 */
export function compareOutcomes(before: PolicyHistory | SupportPolicy, after: PolicyHistory | SupportPolicy, cases: Iterable<ReplayCase>, options?: CompareOptions): Comparison {
  const replay = createReplay(before, after, options);
  if (!isIterable(cases)) invalid([{ code: 'INVALID_TYPE', path: ['cases'], message: isAsyncIterable(cases) ? messages.REPLAY_ASYNC_CASES() : messages.REPLAY_CASES(cases) }]);
  const differences: ReplayCaseReport[] = [];
  let index = 0;
  for (const value of cases) {
    const report = replay.step(value, index++);
    if (report) differences.push(report);
  }
  return { differences, totals: replay.totals() };
}

/**
 * The streaming form of {@link compareOutcomes}: yields each reported case as it is decided, then
 * the totals (`type: 'totals'`) last. The cases may be an iterable or an async iterable (a file read
 * as it streams); one case is held at a time, so a million cases run in bounded memory (the
 * medians keep 8 bytes per case and deadline).
 *
 * The sources and options are checked when it is called; a malformed case throws when it is reached.
 *
 * @param before - The policy (or history) as it was.
 * @param after - The policy (or history) as changed.
 * @param cases - An iterable or async iterable of `{ name?, kind, given, asOf? }`.
 * @param options - As for {@link compareOutcomes}.
 * @returns An async generator of {@link ReplayEntry}.
 * @throws {@link InvalidArgumentError} as {@link compareOutcomes}.
 * @example
 * ```ts
 * for await (const entry of compareOutcomeStream(history, history, readCases(), { before: { version: '1.0' }, after: { version: '2.0' } })) {
 *   if (entry.type === 'case') console.log(entry.index, entry.fields.map((f) => f.field));
 *   else console.log(entry.changed, 'of', entry.cases, 'changed'); //=> 312 of 2000 changed
 * }
 * ```
 * @remarks Since 0.2.0
 */
export function compareOutcomeStream(
  before: PolicyHistory | SupportPolicy,
  after: PolicyHistory | SupportPolicy,
  cases: Iterable<ReplayCase> | AsyncIterable<ReplayCase>,
  options?: CompareOptions,
): AsyncGenerator<ReplayEntry, void, undefined> {
  const replay = createReplay(before, after, options);
  if (!isIterable(cases) && !isAsyncIterable(cases)) invalid([{ code: 'INVALID_TYPE', path: ['cases'], message: messages.REPLAY_CASES(cases) }]);
  return (async function* stream() {
    let index = 0;
    for await (const value of cases) {
      const report = replay.step(value, index++);
      if (report) yield report;
    }
    yield replay.totals();
  })();
}
