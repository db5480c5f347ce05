// The shapes of a warranty claim and of its decision. A decision is a union on `outcome`, so a
// helpdesk that narrows on it gets exactly the fields that outcome carries: a claim waiting for
// evidence has `awaiting` and no deadlines; an accepted one has deadlines and no `awaiting`.
import type { Instant } from '../_lib/instant.js';
import type { Reason } from '../_lib/reason.js';
import type { Within } from '../sla/index.js';
import type { WarrantyLegalSummary } from './law.js';
import type { CLAIM_EVIDENCE, REMEDIES, SEGMENTS } from './schema.js';

/**
 * A warranty claim. Checked at run time against the policy: an unknown key, a wrong type, `null`,
 * or a value outside the policy's vocabulary is an error.
 *
 * @remarks Since 0.1.0 (`segment` optional and `evidenceCompletedAt` since 0.2.0)
 */
export interface WarrantyClaim {
  readonly category: string;
  /**
   * `consumer` or `commercial`. Required when a term, plan or remedy of the policy names a
   * segment; a policy that names none decides claims without it.
   */
  readonly segment?: (typeof SEGMENTS)[number];
  /** The part the claim is about (e.g. `structural`); omitted: the product. */
  readonly part?: string;
  readonly modelLine?: string;
  readonly purchasedAt: Instant;
  readonly deliveredAt?: Instant;
  readonly shippedAt?: Instant;
  readonly claimedAt: Instant;
  readonly evidence?: readonly (typeof CLAIM_EVIDENCE)[number][];
  /**
   * When the last evidence the claim lacked arrived (at or after `claimedAt`). Give it together
   * with the completed `evidence`: the deadlines (RMA number, processing, remedy) then count from
   * it instead of from `claimedAt`. Coverage is still judged at `claimedAt`. Leave it out for a
   * claim that came with all its evidence.
   *
   * @remarks Since 0.2.0
   */
  readonly evidenceCompletedAt?: Instant;
  /** Extended plans bought, with when (each plan once). */
  readonly plans?: readonly { readonly plan: string; readonly boughtAt: Instant }[];
  /** Whether replacement stock is available (express replacement "where stock permits"). */
  readonly inStock?: boolean;
  /**
   * The customer, for the law's floor: given, a consumer claim (any `segment` but `commercial`) is
   * covered at least for the legal guarantee of `customer.jurisdiction`, counted from delivery, and
   * the decision states the burden-of-proof period (docs/law.md). Left out, the policy alone decides.
   *
   * @remarks Since 0.2.0
   */
  readonly customer?: { readonly jurisdiction: string; readonly timeZone?: string };
}

/**
 * `covered`, `not-covered`, or `needs-evidence` (within coverage, accepted once the missing
 * evidence arrives; see {@link WarrantyAwaiting}).
 *
 * @remarks Since 0.1.0
 */
export type WarrantyOutcome = 'covered' | 'not-covered' | 'needs-evidence';

/**
 * The term that applies to a claim, with its coverage end (`lastDay` covered; `endsAt` exclusive).
 *
 * @remarks Since 0.2.0
 */
export interface WarrantyCoverage {
  readonly term: string;
  readonly from: string;
  readonly startDay: string;
  readonly lastDay: string;
  readonly endsAt: Date;
  readonly plans: readonly string[];
  readonly covers: { readonly parts: boolean; readonly labour: boolean; readonly onSite: boolean; readonly shipping: boolean };
}

/**
 * A span of the policy (`rmaWithin`, `claimProcessedWithin`, a remedy's `within`) as written, and
 * in words on the clock it counts on: `"24 business hours"` on the policy's business calendar,
 * `"72 hours"` around the clock, `"12 business days"`, `"14 days"`.
 *
 * @remarks Since 0.2.0
 */
export interface WarrantySpan {
  readonly within: Within;
  readonly text: string;
}

/**
 * What a `needs-evidence` claim waits for, and what happens when it arrives. Every span counts from
 * the instant the evidence is complete (give it as the claim's `evidenceCompletedAt`).
 *
 * @remarks Since 0.2.0
 */
export interface WarrantyAwaiting {
  /** Every evidence item the claim still lacks, each once, in the order the policy's rules ask for them. */
  readonly evidence: readonly (typeof CLAIM_EVIDENCE)[number][];
  /** The ids of the evidence rules that ask for them. */
  readonly rules: readonly string[];
  /** What the claim gets once the evidence is complete. */
  readonly then: {
    /** The remedy that applies, with its span (null when the policy sets none); null when no remedy rule matches. */
    readonly remedy: { readonly id: string; readonly remedy: (typeof REMEDIES)[number]; readonly within: WarrantySpan | null } | null;
    /** The RMA number is due this long after the evidence (`rmaWithin`); null when the policy sets none. */
    readonly rmaWithin: WarrantySpan | null;
    /** The claim is processed this long after the evidence (`claimProcessedWithin`); null when the policy sets none. */
    readonly processedWithin: WarrantySpan | null;
  };
}

/**
 * The fields every warranty decision has, whatever its outcome.
 *
 * @remarks Since 0.2.0
 */
export interface WarrantyDecisionBase {
  readonly reasons: readonly Reason[];
  /**
   * What the law said, when the claim names a `customer` (absent otherwise).
   *
   * @remarks Since 0.2.0
   */
  readonly legal?: WarrantyLegalSummary;
  /** What to keep, and until which local date (counted from the claim). */
  readonly retention: readonly { readonly id: string; readonly what: readonly string[]; readonly keepUntil: string }[];
}

/**
 * The deadlines of a claim not accepted (yet): none.
 *
 * @remarks Since 0.2.0
 */
export interface WarrantyNoDeadlines {
  readonly rmaBy: null;
  readonly processedBy: null;
  readonly countedFrom: null;
}

/**
 * The answer to a warranty claim, a union on `outcome`:
 *
 * - `covered`: `coverage`, the `remedy` with its `dueBy`, and `deadlines` counted from
 *   `deadlines.countedFrom` (the claim, or `evidenceCompletedAt`); `awaiting` is null.
 * - `needs-evidence`: within coverage, but not accepted yet: `awaiting` says what is missing and
 *   what happens when it arrives; `remedy` is null and every deadline is null.
 * - `not-covered`: `coverage` is the term that applied (null when none did); no remedy, no
 *   deadlines, `awaiting` null.
 *
 * @remarks Since 0.1.0 (a union on `outcome`, with `awaiting` and `deadlines.countedFrom`, since 0.2.0)
 */
export type WarrantyDecision =
  | (WarrantyDecisionBase & {
      readonly outcome: 'covered';
      readonly coverage: WarrantyCoverage;
      readonly remedy: { readonly id: string; readonly remedy: (typeof REMEDIES)[number]; readonly dueBy: Date | null } | null;
      /** The deadlines, and the instant they count from (the claim, or when its evidence was complete). */
      readonly deadlines: { readonly rmaBy: Date | null; readonly processedBy: Date | null; readonly countedFrom: Date };
      readonly awaiting: null;
    })
  | (WarrantyDecisionBase & {
      readonly outcome: 'needs-evidence';
      readonly coverage: WarrantyCoverage;
      readonly remedy: null;
      readonly deadlines: WarrantyNoDeadlines;
      readonly awaiting: WarrantyAwaiting;
    })
  | (WarrantyDecisionBase & {
      readonly outcome: 'not-covered';
      readonly coverage: WarrantyCoverage | null;
      readonly remedy: null;
      readonly deadlines: WarrantyNoDeadlines;
      readonly awaiting: null;
    });
