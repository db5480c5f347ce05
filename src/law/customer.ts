// Who the customer is, for the law: where they are, whether they buy as a consumer, and whether
// the sale was made at a distance (the withdrawal rules apply to distance and off-premises sales).

import { dayOfLocal, formatIsoDate } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { getZone, isValidTimeZone, type Zone } from '../_lib/zone.js';
import { InvalidArgumentError } from '../errors/index.js';
import { baselineFor, type LegalBaseline } from './baseline.js';

/**
 * Whether the customer buys as a consumer or for their business. The baselines protect consumers
 * only. The same two words as a warranty claim's `segment`.
 *
 * @remarks Since 0.2.0
 */
export const CUSTOMER_SEGMENTS = ['consumer', 'commercial'] as const;

/**
 * The customer of a return request (`customer` of `checkReturn` and `checkOrderReturn`). A warranty
 * claim's `customer` has `jurisdiction` only: the claim's own `segment` says consumer or commercial.
 *
 * @remarks Since 0.2.0
 */
export interface Customer {
  /** ISO 3166-1 alpha-2, in capitals (`DE`, `GB`; `UK` is read as `GB`), or `EU`. */
  readonly jurisdiction: string;
  /** @defaultValue 'consumer' */
  readonly segment?: (typeof CUSTOMER_SEGMENTS)[number];
  /**
   * The sale was made at a distance (online, by phone) or off premises, where the right of
   * withdrawal applies. `false` for a sale in a shop: the withdrawal rules then do not apply (the
   * UK short-term right to reject still does).
   *
   * @defaultValue true
   */
  readonly distanceSale?: boolean;
  /**
   * The customer's IANA time zone: the law's periods (withdrawal, refund deadline, legal guarantee
   * and presumption, the contract's date) are counted between local dates there. Left out, they
   * are counted in the policy's `timeZone`, the merchant's.
   *
   * @remarks Since 0.2.0
   */
  readonly timeZone?: string;
}

/**
 * The baseline of a customer for a contract concluded at `contractAt`, and the zone the law's
 * periods are counted in: the customer's `timeZone` when given, else the policy's. Errors name the
 * request's fields (`customer.jurisdiction`, `customer.timeZone`).
 *
 * @param customer - The request's customer.
 * @param contractAt - The contract's instant (epoch ms).
 * @param policyZone - The policy's zone name.
 * @returns The baseline, the zone and its name.
 * @throws {@link InvalidArgumentError} `INVALID_VALUE` at `customer.jurisdiction`,
 *   `INVALID_TIME_ZONE` at `customer.timeZone`.
 * @example
 * ```ts
 * customerLaw({ jurisdiction: 'DE', timeZone: 'Europe/Berlin' }, Date.UTC(2026, 2, 1), 'America/Los_Angeles').timeZone;
 * //=> 'Europe/Berlin'
 * ```
 * @remarks Since 0.2.0
 */
export function customerLaw(customer: { readonly jurisdiction: string; readonly timeZone?: string }, contractAt: number, policyZone: string): { readonly baseline: LegalBaseline; readonly zone: Zone; readonly timeZone: string } {
  const timeZone = customer.timeZone ?? policyZone;
  if (!isValidTimeZone(timeZone)) throw new InvalidArgumentError([{ code: 'INVALID_TIME_ZONE', path: ['customer', 'timeZone'], message: messages.INVALID_TIME_ZONE(timeZone) }]);
  const zone = getZone(timeZone);
  try {
    return { baseline: baselineFor(customer.jurisdiction, formatIsoDate(dayOfLocal(zone.utcToLocal(contractAt)))), zone, timeZone };
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    throw new InvalidArgumentError(error.issues.map((issue) => ({ ...issue, path: ['customer', 'jurisdiction'] })));
  }
}

/**
 * The `NO_LEGAL_BASELINE` reason of a decision whose customer's jurisdiction has no rule in the
 * data (a valid ISO 3166-1 code such as `US` or `CH`): the policy alone decides. Null otherwise.
 *
 * @param baseline - The customer's baseline.
 * @returns The reason, or null when the baseline has a rule.
 * @example
 * ```ts
 * noBaselineReason(baselineFor('US', '2026-03-01'))?.code; //=> 'NO_LEGAL_BASELINE'
 * noBaselineReason(baselineFor('DE', '2026-03-01')); //=> null
 * ```
 * @remarks Since 0.2.0
 */
export function noBaselineReason(baseline: LegalBaseline): Reason | null {
  if (Object.keys(baseline.points).length > 0) return null;
  return { code: 'NO_LEGAL_BASELINE', facts: { jurisdiction: baseline.jurisdiction, on: baseline.on }, message: messages.LAW_NO_BASELINE(baseline.jurisdiction) };
}

/**
 * The `legal` summary of a decision: the jurisdiction, whether the baselines applied (not to a
 * commercial customer), the zone the law's days were counted in, the rules in force and the ids of
 * those that decided a point. Shared by return and warranty decisions.
 *
 * @param law - The baseline, the customer's standing, the zone and the rules applied.
 * @returns The summary.
 * @example
 * ```ts
 * legalSummaryOf({ baseline: baselineFor('CH', '2026-03-01'), consumer: true, timeZone: 'Europe/Zurich', applied: [] });
 * //=> { jurisdiction: 'CH', consumer: true, timeZone: 'Europe/Zurich', rules: [], applied: [] }
 * ```
 * @remarks Since 0.2.0
 */
export function legalSummaryOf(law: { readonly baseline: LegalBaseline; readonly consumer: boolean; readonly timeZone: string; readonly applied: readonly string[] }): {
  readonly jurisdiction: string;
  readonly consumer: boolean;
  readonly timeZone: string;
  readonly rules: readonly string[];
  readonly applied: readonly string[];
} {
  return {
    jurisdiction: law.baseline.jurisdiction,
    consumer: law.consumer,
    timeZone: law.timeZone,
    rules: law.consumer ? Object.values(law.baseline.points).map((rule) => rule.id) : [],
    applied: [...new Set(law.applied)],
  };
}
