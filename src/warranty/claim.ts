import { MS_PER_DAY, addMonthsToDay, dayOfLocal, formatIsoDate, parseIsoDate } from '../_lib/civil.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { checkNotAfter, optionalInstant, requiredInstant } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { getZone } from '../_lib/zone.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import { money, type Money } from '../money/index.js';
import { backOfficeClock, type Within } from '../sla/index.js';
import { WarrantyPolicySchema, type CLAIM_EVIDENCE, type REMEDIES, type SEGMENTS, type WarrantyPolicySpec } from './schema.js';

/**
 * A warranty policy failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class WarrantyPolicyError extends SupportRulesError {
  static override readonly kind: string = 'WarrantyPolicyError';
}

/**
 * A validated warranty policy. Create it once with {@link defineWarrantyPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface WarrantyPolicy {
  readonly id: string;
  readonly spec: Readonly<WarrantyPolicySpec>;
}

interface Compiled {
  readonly spec: WarrantyPolicySpec;
  readonly calendar: Calendar;
  /** Open around the clock in the policy's zone. */
  readonly clock: Calendar;
}

const COMPILED = brand('warranty');

/**
 * Validates a warranty policy and compiles its calendar.
 *
 * @throws {@link WarrantyPolicyError} listing every problem.
 * @example
 * ```ts
 * const policy = defineWarrantyPolicy({
 *   id: 'pelpro', timeZone: 'America/Chicago', categories: ['electronics'],
 *   terms: [{ id: 'electronics-24', category: ['electronics'], months: 24, from: 'purchase',
 *     covers: { parts: true, labour: true, onSite: false, shipping: true } }],
 * });
 * policy.id; //=> 'pelpro'
 * ```
 * @remarks Since 0.1.0
 */
export function defineWarrantyPolicy(spec: WarrantyPolicySpec): WarrantyPolicy {
  const valid = parseFrozen(WarrantyPolicySchema, spec, (issues) => new WarrantyPolicyError(issues));
  const clock = createCalendar({ timeZone: valid.timeZone, alwaysOpen: true });
  const calendar = valid.calendar ? createCalendar(valid.calendar) : clock;
  return seal(COMPILED, { id: valid.id, spec: valid }, { spec: valid, calendar, clock } satisfies Compiled);
}

/**
 * A warranty claim.
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
  /** Extended plans bought, with when. */
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


const FROM_FIELD = { purchase: 'purchasedAt', delivery: 'deliveredAt', ship: 'shippedAt' } as const;

/**
 * Decides a warranty claim: which coverage term applies (by category, segment, part and ship
 * date), its end date counted in months in the policy's zone (31 Jan + 1 month = 28/29 Feb),
 * extended plans and how they stack, the evidence the claim still needs, the remedy, the
 * deadlines (RMA number, claim processed, remedy) and what evidence to keep until when.
 *
 * @returns The decision; "not covered" is a result, never an exception.
 * @throws {@link InvalidArgumentError} `UNKNOWN_CATEGORY`, `MISSING_DATE`, `DATE_AFTER_REQUEST`,
 *   `UNKNOWN_IN_POLICY` (a plan the policy lacks), bad instants.
 * @example
 * ```ts
 * const decision = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer',
 *   purchasedAt: new Date('2026-01-31T18:00:00Z'), claimedAt: new Date('2028-01-30T18:00:00Z') });
 * decision.outcome;               //=> 'covered'
 * decision.coverage?.lastDay;     //=> '2028-01-30'
 * ```
 * @remarks Since 0.1.0
 */
export function checkWarrantyClaim(policy: WarrantyPolicy, claim: WarrantyClaim): WarrantyDecision {
  const c = unseal<Compiled>(COMPILED, policy, (issues) => new WarrantyPolicyError(issues), {
    code: 'INVALID_WARRANTY_POLICY',
    path: [],
    message: messages.INVALID_WARRANTY_POLICY(),
  });
  const { spec } = c;
  if (!spec.categories.includes(claim.category)) {
    throw new InvalidArgumentError([{ code: 'UNKNOWN_CATEGORY', path: ['category'], message: messages.UNKNOWN_CATEGORY(claim.category, spec.categories) }]);
  }
  const claimedAt = requiredInstant(claim.claimedAt, 'claimedAt');
  checkNotAfter({ purchasedAt: claim.purchasedAt, deliveredAt: claim.deliveredAt, shippedAt: claim.shippedAt }, claimedAt);
  const zone = getZone(spec.timeZone);
  const localDay = (t: number) => dayOfLocal(zone.utcToLocal(t));
  const shippedAt = optionalInstant(claim.shippedAt, 'shippedAt');
  const reasons: Reason[] = [];

  // The first term whose conditions hold.
  const term = spec.terms.find((t) => {
    if (t.category && !t.category.includes(claim.category)) return false;
    if (t.segment && !t.segment.includes(claim.segment)) return false;
    if (t.part && (claim.part === undefined || !t.part.includes(claim.part))) return false;
    if (t.modelLine && (claim.modelLine === undefined || !t.modelLine.includes(claim.modelLine))) return false;
    if (t.shippedFrom || t.shippedBefore) {
      if (shippedAt === undefined) return false;
      const day = localDay(shippedAt);
      if (t.shippedFrom && day < (parseIsoDate(t.shippedFrom) as number)) return false;
      if (t.shippedBefore && day >= (parseIsoDate(t.shippedBefore) as number)) return false;
    }
    return true;
  });
  const retention = (spec.retention ?? []).map((r) => ({ id: r.id, what: r.what, keepUntil: formatIsoDate(addMonthsToDay(localDay(claimedAt), r.months)) }));
  if (!term) {
    reasons.push({ code: 'NO_WARRANTY_TERM', facts: { category: claim.category, segment: claim.segment, part: claim.part ?? null }, message: 'No warranty term covers this product, segment and part.' });
    return { outcome: 'not-covered', reasons, coverage: null, remedy: null, deadlines: { rmaBy: null, processedBy: null }, retention };
  }
  const field = FROM_FIELD[term.from];
  const fromMs = optionalInstant(claim[field], field);
  if (fromMs === undefined) throw new InvalidArgumentError([{ code: 'MISSING_DATE', path: [field], message: messages.MISSING_DATE(field, term.from) }]);
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
  for (const [i, bought] of (claim.plans ?? []).entries()) {
    const plan = spec.plans?.find((p) => p.id === bought.plan);
    if (!plan) {
      throw new InvalidArgumentError([
        { code: 'UNKNOWN_IN_POLICY', path: ['plans', i, 'plan'], message: messages.UNKNOWN_IN_POLICY('plan', bought.plan, (spec.plans ?? []).map((p) => p.id)) },
      ]);
    }
    const boughtDay = localDay(optionalInstant(bought.boughtAt, `plans[${i}].boughtAt`) as number);
    const purchaseDay = localDay(optionalInstant(claim.purchasedAt, 'purchasedAt') as number);
    const fits = (!plan.segment || plan.segment.includes(claim.segment)) && (!plan.category || plan.category.includes(claim.category));
    if (!fits || boughtDay - purchaseDay > plan.buyWithinDays || boughtDay < purchaseDay) {
      reasons.push({
        code: 'PLAN_NOT_VALID',
        rule: plan.id,
        facts: { fits, daysAfterPurchase: boughtDay - purchaseDay, buyWithinDays: plan.buyWithinDays },
        message: `${plan.id} does not apply: ${fits ? `bought ${boughtDay - purchaseDay} day(s) after purchase, allowed ${plan.buyWithinDays}` : 'not offered for this product or customer'}.`,
      });
      continue;
    }
    const planEnd = plan.stacking === 'after-base' ? addMonthsToDay(endDay, plan.months) : addMonthsToDay(startDay, plan.months);
    endDay = Math.max(endDay, planEnd);
    usedPlans.push(plan.id);
    const price: Money = money(plan.price, plan.currency);
    reasons.push({ code: 'PLAN_EXTENDS', rule: plan.id, facts: { months: plan.months, stacking: plan.stacking, price: price.amount, lastDay: formatIsoDate(endDay - 1) }, message: `${plan.id} extends coverage through ${formatIsoDate(endDay - 1)}.` });
  }

  const claimDay = localDay(claimedAt);
  const endsAt = new Date(zone.localToUtc(endDay * MS_PER_DAY));
  let outcome: WarrantyOutcome = 'covered';
  if (claimDay >= endDay) {
    outcome = 'not-covered';
    reasons.push({ code: 'WARRANTY_EXPIRED', rule: term.id, facts: { lastDay: formatIsoDate(endDay - 1), daysLate: claimDay - endDay + 1 }, message: `Coverage ended on ${formatIsoDate(endDay - 1)}; claimed ${claimDay - endDay + 1} day(s) later.` });
  } else {
    reasons.push({ code: 'WARRANTY_COVERED', rule: term.id, facts: { lastDay: formatIsoDate(endDay - 1), daysLeft: endDay - claimDay - 1 }, message: `Covered: the claim is ${endDay - claimDay - 1} day(s) before coverage ends.` });
  }
  for (const rule of spec.evidence ?? []) {
    if (rule.category && !rule.category.includes(claim.category)) continue;
    const missing = rule.requires.filter((item) => !claim.evidence?.includes(item));
    if (missing.length > 0) {
      if (outcome === 'covered') outcome = 'needs-evidence';
      reasons.push({ code: 'EVIDENCE_MISSING', rule: rule.id, facts: { missing }, message: `Missing evidence: ${missing.join(', ')}.` });
    }
  }

  const remedyRule = outcome === 'not-covered' ? undefined : spec.remedies?.find(
    (r) => (!r.category || r.category.includes(claim.category)) && (!r.segment || r.segment.includes(claim.segment)) && (r.inStock === undefined || r.inStock === (claim.inStock ?? false)),
  );
  const due = (within: Within | undefined, id: string, calendar = c.calendar) =>
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
