// Quoting a request under a compiled fee schedule: every rule considered and explained, the hit
// policy per kind, and never a quiet "not applicable" for a rule that charges money but only
// lacks a fact the request left out.

import { mismatches, type Condition, type Mismatch } from '../_lib/condition.js';
import { checkWithDefectiveHint } from '../_lib/defective.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import { compare, sum, type Money } from '../money/index.js';
import { compiledOf, type FeeSchedule, type FeeVocabulary } from './define.js';
import { chargeText, computeLine, type FeeLine } from './line.js';
import { PRODUCT_CONDITIONS, type FeeRule } from './schema.js';

/**
 * The facts of one return, exchange, repair or visit that fee rules look at. Amounts are in the
 * schedule's currency (a Money or a decimal string). A fact a rule that charges money tests must
 * be given, or the quote throws `MISSING_FACT` (see {@link quoteFees}); yes/no facts left out are
 * `false`.
 *
 * @remarks Since 0.1.0
 */
export interface FeeRequest {
  readonly price?: Money | string;
  readonly orderValue?: Money | string;
  /** The packaging state: `unopened`, `opened`, `used` or `damaged-by-customer`. */
  readonly condition?: (typeof PRODUCT_CONDITIONS)[number];
  /**
   * The item is faulty, whatever its packaging state ("opened but defective" is
   * `condition: 'opened', defective: true`). Left out, it is not defective: a rule testing
   * `defective: false` ("non-defective returns") matches.
   *
   * @defaultValue false
   * @remarks Since 0.2.0
   */
  readonly defective?: boolean;
  readonly category?: string;
  readonly sizeClass?: string;
  readonly service?: string;
  readonly daysSinceDelivery?: number;
  readonly weightKg?: number;
  /** The item is replaced or repaired under warranty (free warranty shipping, say). @defaultValue false */
  readonly warranty?: boolean;
  readonly repairPerformed?: boolean;
  readonly sameDay?: boolean;
  readonly expedited?: boolean;
}

/**
 * The fees a request incurs: each line, the total, and a reason for every rule considered.
 *
 * @remarks Since 0.1.0
 */
export interface FeeQuote {
  readonly schedule: string;
  readonly fees: readonly FeeLine[];
  readonly total: Money;
  readonly reasons: readonly Reason[];
}

/** A request after checking: amounts as Money. */
type Facts = Omit<FeeRequest, 'price' | 'orderValue'> & { readonly price?: Money; readonly orderValue?: Money };

/**
 * Whether a failed test failed only because the request left its fact out. A `present` test is a
 * definite answer about absence, and a yes/no fact left out is `false`, so neither counts.
 */
function failedForAbsence(when: Condition, failed: Mismatch, facts: Facts): boolean {
  if ((facts as Record<string, unknown>)[failed.field] !== undefined) return false;
  const kind = when.tests.find((test) => test.field === failed.field)?.kind;
  return kind !== undefined && kind !== 'present' && kind !== 'equals';
}

function notApplicable(rule: FeeRule, failed: readonly Mismatch[], missing: readonly Mismatch[]): Reason {
  const [first] = failed as [Mismatch, ...Mismatch[]];
  return {
    code: 'FEE_NOT_APPLICABLE',
    rule: rule.id,
    facts: { kind: rule.kind, field: first.field, expected: first.expected, actual: first.actual, fields: failed.map((f) => f.field), missing: missing.map((f) => f.field) },
    message:
      first.actual === null
        ? `${rule.id} does not apply: ${first.field} was not given (needs ${first.expected}).`
        : `${rule.id} does not apply: ${first.field} is ${String(first.actual)}, needs ${first.expected}.`,
  };
}

/** One issue per fact the request left out, naming every charging rule that waits on it. */
function missingFactIssues(waiting: ReadonlyMap<string, string[]>, vocabulary: FeeVocabulary): Issue[] {
  return [...waiting].map(([field, claims]) => {
    const values = Object.hasOwn(vocabulary, field) ? vocabulary[field as keyof FeeVocabulary] : [];
    const allowed = values.length > 0 ? values : undefined;
    return { code: 'MISSING_FACT', path: [field], message: messages.FEE_RULE_NEEDS_FACT(field, claims, allowed), ...(allowed ? { allowed } : {}) };
  });
}

/**
 * Quotes the fees a request incurs under a schedule. Rules are evaluated in order and every one is
 * explained; within a kind the schedule's hit policy decides (`first` by default, `collect` or
 * `max`). Percentages round once to the currency's minor unit with the schedule's rounding.
 *
 * A rule that charges money (not `free`) and fails only on facts the request left out (a size
 * class, the days since delivery, a service) is not skipped quietly: the quote throws
 * `MISSING_FACT` at each of those facts, naming the rule and what it would charge, unless an
 * earlier rule of its `first` kind already charges. A `free` rule in that case only says, in its
 * `FEE_NOT_APPLICABLE` reason, which facts were `missing`.
 *
 * @param schedule - From {@link defineFeeSchedule}.
 * @param request - The facts (price, condition, days since delivery, weight, …).
 * @returns The fee lines, their total and the reasons.
 * @throws {@link InvalidArgumentError} `MISSING_FACT` when a charging rule would apply but for a
 *   fact the request lacks, or a matching rule needs one to compute its amount (a percentage of a
 *   missing price, a weight band without a weight); bad amounts; `UNKNOWN_IN_POLICY` for
 *   `condition: 'defective'` (give `defective: true` instead).
 * @example
 * ```ts
 * const quote = quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 41 });
 * quote.total;                  //=> { amount: '19.50', currency: 'USD' }
 * quote.reasons[0]?.code;       //=> 'FEE_APPLIED'
 * quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }).total.amount; //=> '0.00'
 * quoteFees(fees, { price: '129.99', condition: 'opened', defective: true, daysSinceDelivery: 41 }).total.amount; //=> '0.00'
 * quoteFees(fees, { price: '129.99', condition: 'opened' });
 * // throws MISSING_FACT at daysSinceDelivery: 'restock-after-30 charges 15 % of the price when daysSinceDelivery is > 30: give "daysSinceDelivery".'
 * ```
 * @remarks Since 0.1.0; the `defective` fact since 0.2.0; `MISSING_FACT` for a charging rule that
 *   lacks a condition's fact since 0.2.0.
 */
export function quoteFees(schedule: FeeSchedule, request: FeeRequest): FeeQuote {
  const c = compiledOf(schedule);
  const { spec } = c;
  const { currency } = spec;
  const rounding = spec.rounding ?? 'half-up';
  const facts = checkWithDefectiveHint(c.check, request, PRODUCT_CONDITIONS) as Facts;
  const reasons: Reason[] = [];
  const lines: FeeLine[] = [];
  const charged = new Map<string, Money>(); // rule id -> amount, for percentages of other fees
  const waiting = new Map<string, string[]>(); // absent fact -> the charging rules that need it
  const issues: Issue[] = [];
  for (const { rule, when, waiveWhen } of c.rules) {
    const policy = (spec.hitPolicy && Object.hasOwn(spec.hitPolicy, rule.kind) ? spec.hitPolicy[rule.kind] : undefined) ?? 'first';
    const earlier = lines.find((line) => line.kind === rule.kind);
    const failed = mismatches(when, facts);
    if (failed.length > 0) {
      const missing = failed.filter((f) => failedForAbsence(when, f, facts));
      // Shadowed anyway by an earlier rule of a first-match kind: the missing fact changes nothing.
      if (!rule.free && missing.length === failed.length && !(earlier && policy === 'first')) {
        for (const f of missing) {
          const claims = waiting.get(f.field) ?? [];
          claims.push(`${rule.id} charges ${chargeText(rule, currency)} when ${f.field} is ${f.expected}`);
          waiting.set(f.field, claims);
        }
      }
      reasons.push(notApplicable(rule, failed, missing));
      continue;
    }
    if (earlier && policy === 'first') {
      reasons.push({ code: 'FEE_SHADOWED', rule: rule.id, facts: { kind: rule.kind, winner: earlier.rule }, message: `${rule.id} also applies, but ${earlier.rule} already sets the ${rule.kind} fee.` });
      continue;
    }
    let line: FeeLine;
    try {
      line = computeLine(rule, waiveWhen, currency, rounding, facts, charged, reasons);
    } catch (error) {
      // Keep going, so that every fact the request lacks is reported at once.
      if (!(error instanceof InvalidArgumentError)) throw error;
      issues.push(...error.issues);
      continue;
    }
    if (earlier && policy === 'max') {
      if (compare(line.amount, earlier.amount) > 0) {
        lines.splice(lines.indexOf(earlier), 1);
        reasons.push({ code: 'FEE_NOT_MAX', rule: earlier.rule, facts: { kind: rule.kind, winner: rule.id }, message: `${earlier.rule} is replaced by the larger ${rule.id}.` });
      } else {
        reasons.push({ code: 'FEE_NOT_MAX', rule: rule.id, facts: { kind: rule.kind, winner: earlier.rule }, message: `${rule.id} is not larger than ${earlier.rule}.` });
        continue;
      }
    }
    charged.set(rule.id, line.amount);
    lines.push(line);
  }
  if (waiting.size > 0 || issues.length > 0) throw new InvalidArgumentError([...missingFactIssues(waiting, schedule.vocabulary), ...issues]);
  return { schedule: spec.id, fees: lines, total: sum(lines.map((line) => line.amount), currency), reasons };
}
