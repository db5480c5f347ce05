// The shapes of a what-if replay's results (compare.ts): each reported case, with the fields
// that changed and both sides, and the totals.

import type { Reason } from '../_lib/reason.js';
import type { DecideInForceOptions, PolicyVersionRef } from './decide-in-force.js';
import type { DecisionKind } from './decision-instant.js';
import type { OutcomeSummary, OutcomeValue } from './outcome.js';
import type { ReplayError } from './replay-case.js';
import type { ReplaySideTotals } from './replay-totals.js';

/**
 * How one side picks the version that decides (give at most one; neither: each case's `asOf`, else
 * the version in force at the instant that matters for it).
 *
 * @remarks Since 0.2.0
 */
export interface ReplaySideOptions {
  /** Decide every case with this version of the history. */
  readonly version?: string;
  /** Decide every case with the version in force at this instant. */
  readonly asOf?: DecideInForceOptions['asOf'];
}

/**
 * Options of {@link compareOutcomes} and {@link compareOutcomeStream}.
 *
 * @remarks Since 0.2.0
 */
export interface CompareOptions {
  /** How the `before` side picks its version (two versions of one history: `{ before: { version: '1.0' }, after: { version: '2.0' } }`). */
  readonly before?: ReplaySideOptions;
  readonly after?: ReplaySideOptions;
  /**
   * `changed`: report only the cases that differ; `all`: every case (an unchanged one without its
   * reasons, to keep memory bounded).
   *
   * @defaultValue 'changed'
   */
  readonly report?: 'changed' | 'all';
}

/**
 * A field that differs between the two sides: `outcome`, `refund`, `fees`, `windowDeadline`,
 * `tier`, `clocks.firstResponse#1.status`, … or `error` (`CODE at path`, null when that side decided).
 *
 * @remarks Since 0.2.0
 */
export interface FieldChange {
  readonly field: string;
  readonly before: OutcomeValue;
  readonly after: OutcomeValue;
}

/**
 * One side of a reported case: what it decided (`outcome`), under which policy version, and why
 * (`reasons`, null for an unchanged case); or the `error` that stopped it.
 *
 * @remarks Since 0.2.0
 */
export type ReplaySide =
  | { readonly policy: PolicyVersionRef; readonly outcome: OutcomeSummary; readonly reasons: readonly Reason[] | null; readonly error?: never }
  | { readonly error: ReplayError; readonly policy?: never; readonly outcome?: never; readonly reasons?: never };

/**
 * A case of a replay: its place in the input (`index`, from 0), which fields differ, and both sides.
 *
 * @remarks Since 0.2.0
 */
export interface ReplayCaseReport {
  readonly type: 'case';
  readonly index: number;
  readonly name: string | null;
  readonly kind: DecisionKind;
  readonly changed: boolean;
  readonly fields: readonly FieldChange[];
  readonly before: ReplaySide;
  readonly after: ReplaySide;
}

/**
 * A case that is an error under both sides (the same error: else it is a reported difference).
 *
 * @remarks Since 0.2.0
 */
export interface ReplayErrorSample {
  readonly index: number;
  readonly name: string | null;
  readonly kind: DecisionKind;
  readonly error: ReplayError;
}

/**
 * The totals of a replay: counts over all cases, and each side's totals over the cases it decided.
 *
 * @remarks Since 0.2.0
 */
export interface ReplayTotals {
  readonly type: 'totals';
  readonly cases: number;
  readonly changed: number;
  readonly unchanged: number;
  /** How many cases differ in each field (`outcome`, `refund`, `windowDeadline`, `error`, …). */
  readonly byField: Readonly<Record<string, number>>;
  /** Cases that were errors under `before`, under `after`, and under `both` (counted in each). */
  readonly errors: { readonly before: number; readonly after: number; readonly both: number };
  /** The first cases (up to 10) that were the same error under both sides (not reported as changed), so none is hidden. */
  readonly errorsUnderBoth: readonly ReplayErrorSample[];
  readonly before: ReplaySideTotals;
  readonly after: ReplaySideTotals;
}

/**
 * What {@link compareOutcomeStream} yields: each reported case, then the totals, last.
 *
 * @remarks Since 0.2.0
 */
export type ReplayEntry = ReplayCaseReport | ReplayTotals;

/**
 * The result of {@link compareOutcomes}: the cases that differ (every case with `report: 'all'`) and the totals.
 *
 * @remarks Since 0.2.0
 */
export interface Comparison {
  readonly differences: readonly ReplayCaseReport[];
  readonly totals: ReplayTotals;
}
