import { MS_PER_DAY, addMonthsToDay, dayOfLocal, formatIsoDate } from '../_lib/civil.js';
import { matches, mismatches } from '../_lib/condition.js';
import type { Instant } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { getZone } from '../_lib/zone.js';
import type { Calendar } from '../calendar/index.js';
import { InvalidArgumentError, formatPath, type Issue } from '../errors/index.js';
import { money, type Money } from '../money/index.js';
import { backOfficeClock, type Within } from '../sla/index.js';
import { compiledOf } from './define.js';
import type { WarrantyPolicy } from './define.js';
import type { CLAIM_EVIDENCE, REMEDIES, SEGMENTS } from './schema.js';

/**
 * A warranty claim. Checked at run time against the policy (see `WARRANTY_CLAIM_FIELDS`): an
 * unknown key, a wrong type, `null`, or a value outside the policy's vocabulary is an error.
 *
 * @remarks Since 0.1.0
 */
export interface WarrantyClaim {
  readonly category: string;
  readonly segment: (typeof SEGMENTS)[number];
  /** The part the claim is about (e.g. `structural`); omitted: the product. */
  readonly part?: string;
  readonly modelLine?: string;
  readonly purchasedAt: Instant;
  readonly deliveredAt?: Instant;
  readonly shippedAt?: Instant;
  readonly claimedAt: Instant;
  readonly evidence?: readonly (typeof CLAIM_EVIDENCE)[number][];
  /** Extended plans bought, with when (each plan once). */
  readonly plans?: readonly { readonly plan: string; readonly boughtAt: Instant }[];
  /** Whether replacement stock is available (express replacement "where stock permits"). */
  readonly inStock?: boolean;
}

/**
 * `covered`, `not-covered`, or `needs-evidence` (covered once the missing evidence arrives).
 *
 * @remarks Since 0.1.0
 */
export type WarrantyOutcome = 'covered' | 'not-covered' | 'needs-evidence';

/**
 * The answer to a warranty claim.
 *
 * @remarks Since 0.1.0
 */
export interface WarrantyDecision {
  readonly outcome: WarrantyOutcome;
  readonly reasons: readonly Reason[];
  /** The term that applies, with its coverage end (`lastDay` covered; `endsAt` exclusive). */
  readonly coverage: {
    readonly term: string;
    readonly from: string;
    readonly startDay: string;
    readonly lastDay: string;
    readonly endsAt: Date;
    readonly plans: readonly string[];
    readonly covers: { readonly parts: boolean; readonly labour: boolean; readonly onSite: boolean; readonly shipping: boolean };
  } | null;
  readonly remedy: { readonly id: string; readonly remedy: (typeof REMEDIES)[number]; readonly dueBy: Date | null } | null;
  readonly deadlines: { readonly rmaBy: Date | null; readonly processedBy: Date | null };
  /** What to keep, and until which local date. */
  readonly retention: readonly { readonly id: string; readonly what: readonly string[]; readonly keepUntil: string }[];
}

/** A claim after checking: instants as epoch ms. */
interface Facts {
  readonly category: string;
  readonly segment: string;
  readonly part?: string;
  readonly modelLine?: string;
  readonly purchasedAt: number;
  readonly deliveredAt?: number;
  readonly shippedAt?: number;
  readonly claimedAt: number;
  readonly evidence?: readonly string[];
  readonly plans?: readonly { readonly plan: string; readonly boughtAt: number }[];
  readonly inStock?: boolean;
}

const FROM_FIELD = { purchase: 'purchasedAt', delivery: 'deliveredAt', ship: 'shippedAt' } as const;
/** The last day number a Date can hold, less a margin for the zone offset. */
const MAX_DAY = Math.floor(8.64e15 / MS_PER_DAY) - 2;

/** DATE_AFTER_REQUEST for every date after the claim, DUPLICATE_VALUE for a plan listed twice. */
function claimIssues(facts: Facts): Issue[] {
  const issues: Issue[] = [];
  const claimed = new Date(facts.claimedAt).toISOString();
  const after = (at: number | undefined, path: (string | number)[]) => {
    if (at !== undefined && at > facts.claimedAt) issues.push({ code: 'DATE_AFTER_REQUEST', path, message: messages.DATE_AFTER_REQUEST(formatPath(path), new Date(at).toISOString(), claimed) });
  };
  for (const field of ['purchasedAt', 'deliveredAt', 'shippedAt'] as const) after(facts[field], [field]);
  const seen = new Set<string>();
  facts.plans?.forEach((bought, i) => {
    after(bought.boughtAt, ['plans', i, 'boughtAt']);
    if (seen.has(bought.plan)) issues.push({ code: 'DUPLICATE_VALUE', path: ['plans', i, 'plan'], message: messages.DUPLICATE_VALUE(bought.plan) });
    seen.add(bought.plan);
  });
  return issues;
}

/**
 * Decides a warranty claim: which coverage term applies (the first whose condition on category,
 * segment, part, model line and ship date holds), its end date counted in months in the policy's
 * zone (31 Jan + 1 month = 28/29 Feb), extended plans and how they stack, the evidence the claim
 * still needs, the remedy, the deadlines (RMA number, claim processed, remedy) and what evidence
 * to keep until when. The claim is checked first, against the policy's vocabularies.
 *
 * @returns The decision; "not covered" is a result, never an exception.
 * @throws {@link InvalidArgumentError} listing every problem of the claim, each at the caller's
 *   own path: `UNKNOWN_KEY`, `INVALID_TYPE`, `REQUIRED`, `UNKNOWN_CATEGORY`, `UNKNOWN_IN_POLICY`
 *   (a segment, part, model line, evidence kind or plan the policy lacks), `INVALID_INSTANT`,
 *   `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`, `DATE_AFTER_REQUEST` (a date, or a plan's
 *   `boughtAt`, after `claimedAt`), `DUPLICATE_VALUE` (a plan listed twice); then `MISSING_DATE`
 *   (the term counts from a date the claim lacks) and `RESULT_OUT_OF_RANGE` (a deadline past 2200).
 *   {@link WarrantyPolicyError} `INVALID_WARRANTY_POLICY` for a policy not made by
 *   {@link defineWarrantyPolicy}.
 * @example
 * ```ts
 * const decision = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer',
 *   purchasedAt: new Date('2026-01-31T18:00:00Z'), claimedAt: '2028-01-30T12:00:00-06:00' });
 * decision.outcome;               //=> 'covered'
 * decision.coverage?.lastDay;     //=> '2028-01-30'
 * ```
 * @remarks Since 0.1.0
 */
export function checkWarrantyClaim(policy: WarrantyPolicy, claim: WarrantyClaim): WarrantyDecision {
  const c = compiledOf(policy);
  const { spec } = c;
  const facts = c.check(claim) as unknown as Facts;
  const problems = claimIssues(facts);
  if (problems.length > 0) throw new InvalidArgumentError(problems);
  const { claimedAt } = facts;
  const zone = getZone(spec.timeZone);
  const localDay = (t: number) => dayOfLocal(zone.utcToLocal(t));
  const reasons: Reason[] = [];

  // The first term whose condition holds; the ship date is tested as its local day.
  const shippedDay = facts.shippedAt === undefined ? undefined : localDay(facts.shippedAt);
  const termFacts = { ...facts, shippedDay };
  const term = c.terms.find((t) => matches(t.when, termFacts))?.term;
  const retention = (spec.retention ?? []).map((r) => ({ id: r.id, what: r.what, keepUntil: formatIsoDate(addMonthsToDay(localDay(claimedAt), r.months)) }));
  if (!term) {
    reasons.push({
      code: 'NO_WARRANTY_TERM',
      facts: { category: facts.category, segment: facts.segment, part: facts.part ?? null, modelLine: facts.modelLine ?? null, shippedOn: shippedDay === undefined ? null : formatIsoDate(shippedDay) },
      message: 'No warranty term covers this product, segment and part.',
    });
    return { outcome: 'not-covered', reasons, coverage: null, remedy: null, deadlines: { rmaBy: null, processedBy: null }, retention };
  }
  const field = FROM_FIELD[term.from];
  const fromMs = facts[field];
  if (fromMs === undefined) throw new InvalidArgumentError([{ code: 'MISSING_DATE', path: [field], message: messages.WARRANTY_MISSING_DATE(term.id, field, term.from) }]);
  const startDay = localDay(fromMs);
  let endDay = addMonthsToDay(startDay, term.months); // exclusive: the anniversary
  reasons.push({
    code: 'WARRANTY_TERM',
    rule: term.id,
    facts: { months: term.months, from: term.from, startDay: formatIsoDate(startDay), lastDay: formatIsoDate(endDay - 1) },
    message: `${term.id}: ${term.months} months from ${term.from} (${formatIsoDate(startDay)}), covered through ${formatIsoDate(endDay - 1)}.`,
  });

  // Extended plans: each one bought in time and for this customer extends the end.
  const usedPlans: string[] = [];
  const purchaseDay = localDay(facts.purchasedAt);
  for (const bought of facts.plans ?? []) {
    // The claim check knows the plan ids, so the look-up always finds one.
    const { plan, when } = c.plans.get(bought.plan) as NonNullable<ReturnType<typeof c.plans.get>>;
    const daysAfterPurchase = localDay(bought.boughtAt) - purchaseDay;
    const failed = mismatches(when, facts)[0];
    if (failed || daysAfterPurchase > plan.buyWithinDays || daysAfterPurchase < 0) {
      const why = failed
        ? `not offered for this product or customer (${failed.field} is ${String(failed.actual ?? 'unknown')}, needs ${failed.expected})`
        : daysAfterPurchase < 0
          ? `bought ${-daysAfterPurchase} day(s) before the purchase`
          : `bought ${daysAfterPurchase} day(s) after purchase, allowed ${plan.buyWithinDays}`;
      reasons.push({
        code: 'PLAN_NOT_VALID',
        rule: plan.id,
        facts: { fits: !failed, daysAfterPurchase, buyWithinDays: plan.buyWithinDays, ...(failed ? { field: failed.field, expected: failed.expected, actual: failed.actual } : {}) },
        message: `${plan.id} does not apply: ${why}.`,
      });
      continue;
    }
    const planEnd = plan.stacking === 'after-base' ? addMonthsToDay(endDay, plan.months) : addMonthsToDay(startDay, plan.months);
    endDay = Math.max(endDay, planEnd);
    usedPlans.push(plan.id);
    const price: Money = money(plan.price, plan.currency);
    reasons.push({ code: 'PLAN_EXTENDS', rule: plan.id, facts: { months: plan.months, stacking: plan.stacking, price: price.amount, lastDay: formatIsoDate(endDay - 1) }, message: `${plan.id} extends coverage through ${formatIsoDate(endDay - 1)}.` });
  }
  // Only a policy with thousands of stacked plans gets here; a Date cannot hold that end.
  if (!(endDay <= MAX_DAY)) throw new InvalidArgumentError([{ code: 'RESULT_OUT_OF_RANGE', path: ['plans'], message: messages.RESULT_OUT_OF_RANGE('coverage end') }]);

  const claimDay = localDay(claimedAt);
  const endsAt = new Date(zone.localToUtc(endDay * MS_PER_DAY));
  let outcome: WarrantyOutcome = 'covered';
  if (claimDay >= endDay) {
    outcome = 'not-covered';
    reasons.push({ code: 'WARRANTY_EXPIRED', rule: term.id, facts: { lastDay: formatIsoDate(endDay - 1), daysLate: claimDay - endDay + 1 }, message: `Coverage ended on ${formatIsoDate(endDay - 1)}; claimed ${claimDay - endDay + 1} day(s) later.` });
  } else {
    reasons.push({ code: 'WARRANTY_COVERED', rule: term.id, facts: { lastDay: formatIsoDate(endDay - 1), daysLeft: endDay - claimDay - 1 }, message: `Covered: the claim is ${endDay - claimDay - 1} day(s) before coverage ends.` });
  }
  for (const { rule, when } of c.evidence) {
    if (!matches(when, facts)) continue;
    const missing = rule.requires.filter((item) => !facts.evidence?.includes(item));
    if (missing.length > 0) {
      if (outcome === 'covered') outcome = 'needs-evidence';
      reasons.push({ code: 'EVIDENCE_MISSING', rule: rule.id, facts: { missing }, message: `Missing evidence: ${missing.join(', ')}.` });
    }
  }

  const remedyRule = outcome === 'not-covered' ? undefined : c.remedies.find((r) => matches(r.when, facts))?.rule;
  const due = (within: Within | undefined, id: string, calendar: Calendar = c.calendar) =>
    within === undefined ? null : backOfficeClock({ id, calendar, within, start: claimedAt }, claimedAt).deadline;
  if (remedyRule) reasons.push({ code: 'REMEDY', rule: remedyRule.id, facts: { remedy: remedyRule.remedy }, message: `Remedy: ${remedyRule.remedy}.` });
  const covered = outcome !== 'not-covered';
  return {
    outcome,
    reasons,
    coverage: { term: term.id, from: term.from, startDay: formatIsoDate(startDay), lastDay: formatIsoDate(endDay - 1), endsAt, plans: usedPlans, covers: { ...term.covers } },
    remedy: remedyRule
      ? { id: remedyRule.id, remedy: remedyRule.remedy, dueBy: due(remedyRule.within, remedyRule.id, remedyRule.clock === 'around-the-clock' ? c.clock : c.calendar) }
      : null,
    deadlines: { rmaBy: covered ? due(spec.rmaWithin, 'rmaIssued') : null, processedBy: covered ? due(spec.claimProcessedWithin, 'claimProcessed') : null },
    retention,
  };
}
