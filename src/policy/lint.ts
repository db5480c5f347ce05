// Lint beyond validity: what a valid policy says that is likely not what its author meant. A
// finding is plain data (a stable code, the JSON path of the node, a message, the facts), never an
// error: the policy stays valid and decides as written.

import * as messages from '../_lib/messages.js';
import { isRecord } from '../_lib/request.js';
import { InvalidArgumentError, type JsonPath } from '../errors/index.js';
import type { SupportPolicy } from './define.js';
import { historyOf, type PolicyHistory } from './history.js';
import { lintCalendars } from './lint-calendars.js';
import { lintLaw } from './lint-law.js';
import { lintSections } from './lint-sections.js';
import { lintTargets } from './lint-targets.js';

/**
 * Every code a lint finding can carry, each documented in docs/lint.md. Codes are stable: a code
 * is added for a new kind of finding, never renamed. They are not error codes: a policy with
 * findings is valid.
 *
 * @remarks Since 0.2.0
 */
export const LINT_CODES = [
  'SHADOWED_RULE',
  'OVERLAPPING_RULES',
  'TABLE_GAP',
  'TARGET_EXCEEDS_LATER_TARGET',
  'CALENDAR_NEARLY_CLOSED',
  'HOLIDAY_OUTSIDE_EFFECTIVE_DATES',
  'HOLIDAY_ON_CLOSED_DAY',
  'UNUSED_CALENDAR',
  'WINDOW_BELOW_LEGAL_MINIMUM',
  'FEE_INSIDE_WITHDRAWAL_PERIOD',
  'REFUND_SLOWER_THAN_LEGAL',
  'WARRANTY_BELOW_LEGAL_MINIMUM',
] as const;

/**
 * Options of {@link lintPolicy}.
 *
 * @remarks Since 0.2.0
 */
export interface LintOptions {
  /**
   * Also report every rule that undercuts this jurisdiction's consumer-law baseline
   * (`support-rules/law`): ISO 3166-1 alpha-2 such as `DE`, or `GB` (`UK` is read as `GB`).
   */
  readonly jurisdiction?: string;
  /**
   * The local date of the contracts the baseline is chosen for (`YYYY-MM-DD`).
   *
   * @defaultValue the law as the data has it now (every rule without an end date)
   */
  readonly on?: string;
}

/**
 * A lint code (see {@link LINT_CODES}).
 *
 * @remarks Since 0.2.0
 */
export type LintCode = (typeof LINT_CODES)[number];

/**
 * One thing a valid policy says that is likely wrong.
 *
 * @remarks Since 0.2.0
 */
export interface LintFinding {
  readonly code: LintCode;
  /** The JSON path of the document node the finding is about (`versions.<i>.…` in a history). */
  readonly path: JsonPath;
  /** What is likely wrong and how to fix it, in one line. */
  readonly message: string;
  /** The facts behind the finding: rule ids, the uncovered interval, the minutes a week, … */
  readonly facts: Readonly<Record<string, unknown>>;
}

/** Every finding of one version, its paths under `prefix`. */
function lintOne(policy: SupportPolicy, prefix: JsonPath, options: LintOptions): LintFinding[] {
  const findings = [...lintSections(policy, prefix), ...lintTargets(policy, prefix), ...lintCalendars(policy.spec, prefix)];
  if (options.jurisdiction !== undefined) findings.push(...lintLaw(policy, prefix, options.jurisdiction, options.on ?? LAW_NOW));
  // Document order, so a report reads top to bottom.
  const key = (path: JsonPath) => path.map((p) => (typeof p === 'number' ? String(p).padStart(6, '0') : p)).join('\u0001');
  return findings.sort((a, b) => (key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0));
}

/** The date that picks the law as the data has it now: after every rule's start, and none ends. */
const LAW_NOW = '2199-12-31';

/**
 * Lints a valid policy or policy history: rules shadowed by the earlier rules together (range
 * subsumption, not only one rule covering another), overlapping rules that decide differently,
 * order values or delays no rule of a tiered fee or compensation table covers, a target that can
 * fall due after the later target it precedes (an acknowledgement after the resolution), a
 * calendar open less than an hour a week, holidays outside the effective dates, holidays on days
 * the calendar is closed anyway, and calendars no section names. A history is linted version by
 * version (paths `versions.<i>.…`).
 *
 * With `{ jurisdiction }`, it also reports every rule that undercuts that jurisdiction's
 * consumer-law baseline (docs/law.md): a return window shorter than the withdrawal period, a
 * restocking fee that can charge opened goods inside it, a refund deadline longer than the law's,
 * and a consumer warranty term shorter than the legal guarantee from delivery; each finding's
 * facts carry the citation.
 *
 * Validity comes first: define the policy with `definePolicy` / `definePolicyHistory` (an invalid
 * one is reported there, every problem with its path), then lint what they return.
 *
 * @param policy - From {@link definePolicy} or {@link definePolicyHistory}.
 * @param options - `jurisdiction` (and `on`) to lint against the law.
 * @returns The findings in document order; empty when there is nothing to say.
 * @throws {@link InvalidArgumentError} `INVALID_POLICY_HISTORY` for anything else (a JSON
 *   document not yet defined, say); `INVALID_VALUE` for a jurisdiction the baselines do not know.
 * @example
 * ```ts
 * const policy = definePolicy({ id: 'acme', version: '1.0', compensation: { id: 'c', currency: 'USD',
 *   calendar: { timeZone: 'UTC', alwaysOpen: true }, approval: [{ level: 'agent' }], rules: [
 *     { id: 'small', incident: 'late-delivery', when: { orderValue: { lt: '50.00' } }, choose: [{ type: 'credit', amount: '5.00' }] },
 *     { id: 'large', incident: 'late-delivery', when: { orderValue: { gte: '75.00' } }, choose: [{ type: 'credit', amount: '10.00' }] }] } });
 * lintPolicy(policy).map((f) => f.message);
 * //=> ['Order values 50.00–74.99 USD match no late-delivery compensation rule (between "small" and "large"); …']
 *
 * lintPolicy(presets.trufit, { jurisdiction: 'DE' }).map((f) => f.code);
 * //=> ['FEE_INSIDE_WITHDRAWAL_PERIOD', 'WARRANTY_BELOW_LEGAL_MINIMUM']
 * ```
 * @remarks Since 0.2.0 (`options` since 0.2.0, issue 17)
 */
export function lintPolicy(policy: SupportPolicy | PolicyHistory, options: LintOptions = {}): readonly LintFinding[] {
  if (isRecord(policy) && Object.hasOwn(policy, 'versions')) {
    const history = historyOf(policy as PolicyHistory);
    return history.versions.flatMap((version, i) => lintOne(version.policy, ['versions', i], options));
  }
  const looksDefined = isRecord(policy) && typeof policy.id === 'string' && typeof policy.version === 'string' && isRecord(policy.spec);
  if (!looksDefined) throw new InvalidArgumentError([{ code: 'INVALID_POLICY_HISTORY', path: [], message: messages.LINT_NOT_DEFINED() }]);
  return lintOne(policy as SupportPolicy, [], options);
}
