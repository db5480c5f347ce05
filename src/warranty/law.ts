// The law's floor for warranty claims: a consumer's legal guarantee (at least the jurisdiction's
// months from delivery) where the policy's coverage has ended or none applies, and the
// burden-of-proof period stated as a fact of every claim within coverage.

import { addMonthsToDay, dayOfLocal, formatIsoDate } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import type { Zone } from '../_lib/zone.js';
import { InvalidArgumentError } from '../errors/index.js';
import type { AppliedLegalRule, LegalBaseline } from '../law/index.js';
import { customerLaw, legalSummaryOf } from '../law/customer.js';

/**
 * What the law said about a claim, when it names a `customer` (absent otherwise): the
 * jurisdiction, whether the baselines applied (a `commercial` claim: no), the rules in force for
 * the contract and the ids of those that decided a point.
 *
 * @remarks Since 0.2.0
 */
export interface WarrantyLegalSummary {
  readonly jurisdiction: string;
  readonly consumer: boolean;
  /** The IANA zone the legal months were counted in: `customer.timeZone`, else the policy's. */
  readonly timeZone: string;
  readonly rules: readonly string[];
  readonly applied: readonly string[];
}

/** The legal guarantee and presumption of one claim, worked out once. */
export interface WarrantyLaw {
  readonly baseline: LegalBaseline;
  /** The zone the legal months are counted in, and its name. */
  readonly zone: Zone;
  readonly timeZone: string;
  readonly consumer: boolean;
  /** Local day the legal periods count from, and from what (delivery, or the purchase as a lower bound). */
  readonly startDay: number;
  readonly countedFrom: 'delivery' | 'purchase';
  /** The legal guarantee's end (exclusive), or null when no rule is in force. */
  readonly guarantee: { readonly rule: AppliedLegalRule<'legal-guarantee'>; readonly endDay: number } | null;
  readonly presumption: { readonly rule: AppliedLegalRule<'burden-of-proof'>; readonly endDay: number } | null;
  readonly applied: string[];
}

interface ClaimDates {
  readonly customer?: { readonly jurisdiction: string; readonly timeZone?: string };
  readonly segment?: string;
  readonly purchasedAt: number;
  readonly deliveredAt?: number;
}

/**
 * The law of a claim: none without a `customer`; for a consumer (a claim whose `segment` is not
 * `commercial`), the baseline of their jurisdiction for the purchase's local date, with the legal
 * periods counted from delivery (from the purchase, an earlier day, when the claim gives no
 * `deliveredAt`).
 */
export function warrantyLawOf(facts: ClaimDates, policyZone: string): WarrantyLaw | null {
  if (facts.customer === undefined) return null;
  const { baseline, zone, timeZone } = customerLaw(facts.customer, facts.purchasedAt, policyZone);
  const localDay = (t: number) => dayOfLocal(zone.utcToLocal(t));
  const consumer = facts.segment !== 'commercial';
  const startDay = localDay(facts.deliveredAt ?? facts.purchasedAt);
  const countedFrom = facts.deliveredAt === undefined ? 'purchase' : 'delivery';
  const guaranteeRule = consumer ? baseline.points['legal-guarantee'] : undefined;
  const presumptionRule = consumer ? baseline.points['burden-of-proof'] : undefined;
  return {
    baseline,
    zone,
    timeZone,
    consumer,
    startDay,
    countedFrom,
    guarantee: guaranteeRule ? { rule: guaranteeRule, endDay: addMonthsToDay(startDay, guaranteeRule.parameters.months) } : null,
    presumption: presumptionRule ? { rule: presumptionRule, endDay: addMonthsToDay(startDay, presumptionRule.parameters.months) } : null,
    applied: [],
  };
}

/**
 * The legal guarantee's end when it covers a claim the policy does not: null when the policy
 * already covers it or the law does not either. Counted from the purchase (no `deliveredAt`), a
 * claim past that end might still be within the guarantee counted from delivery: MISSING_DATE.
 */
export function legalCoverEnd(law: WarrantyLaw | null, claimDay: number, merchantCovers: boolean): number | null {
  if (merchantCovers || law?.guarantee == null) return null;
  if (claimDay < law.guarantee.endDay) return law.guarantee.endDay;
  if (law.countedFrom === 'purchase') {
    throw new InvalidArgumentError([{ code: 'MISSING_DATE', path: ['deliveredAt'], message: messages.LAW_NEEDS_DELIVERY(law.baseline.jurisdiction, 'the legal guarantee') }]);
  }
  return null;
}

/** The reason the legal guarantee decided coverage, with both sides. */
export function guaranteeReason(law: WarrantyLaw, merchant: string): Reason {
  const { rule, endDay } = law.guarantee as NonNullable<WarrantyLaw['guarantee']>;
  law.applied.push(rule.id);
  const lastDay = formatIsoDate(endDay - 1);
  const text = `${rule.parameters.months} months from ${law.countedFrom} (covered through ${lastDay})`;
  return {
    code: 'LEGAL_MINIMUM_APPLIED',
    rule: rule.id,
    facts: { jurisdiction: rule.jurisdiction, rule: rule.id, point: rule.point, citation: rule.citation, merchant, law: text, months: rule.parameters.months, startDay: formatIsoDate(law.startDay), lastDay, countedFrom: law.countedFrom },
    message: messages.LAW_APPLIED(rule.citation, merchant, text),
  };
}

/** The burden-of-proof period as a fact: is a defect that appears by the claim presumed? */
export function presumptionReason(law: WarrantyLaw, claimDay: number): Reason | null {
  if (law.presumption === null) return null;
  const { rule, endDay } = law.presumption;
  // Counted from the purchase, a claim past the end may still be presumed counted from delivery.
  const presumed = claimDay < endDay ? true : law.countedFrom === 'purchase' ? null : false;
  const lastDay = formatIsoDate(endDay - 1);
  return {
    code: 'LEGAL_PRESUMPTION',
    rule: rule.id,
    facts: { jurisdiction: rule.jurisdiction, rule: rule.id, point: rule.point, citation: rule.citation, months: rule.parameters.months, startDay: formatIsoDate(law.startDay), countedFrom: law.countedFrom, lastDay, presumed, claimedOn: formatIsoDate(claimDay) },
    message: messages.LAW_PRESUMPTION(presumed, lastDay, rule.citation),
  };
}

/** The summary a decision carries when its claim names a customer. */
export function warrantyLegalSummary(law: WarrantyLaw): WarrantyLegalSummary {
  return legalSummaryOf(law);
}
