import { MS_PER_DAY, addMonthsToDay, dayOfLocal, formatInstant as iso, formatIsoDate } from '../_lib/civil.js';
import { matches, mismatches } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import { spanText } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { getZone } from '../_lib/zone.js';
import type { Calendar } from '../calendar/index.js';
import { InvalidArgumentError, formatPath, type Issue } from '../errors/index.js';
import { money, type Money } from '../money/index.js';
import { backOfficeClock, type Within } from '../sla/index.js';
import { awaitingOf, type EvidenceGap } from './awaiting.js';
import type { WarrantyClaim, WarrantyCoverage, WarrantyDecision } from './decision.js';
import { compiledOf } from './define.js';
import { noBaselineReason } from '../law/customer.js';
import { guaranteeReason, legalCoverEnd, presumptionReason, warrantyLawOf, warrantyLegalSummary, type WarrantyLaw } from './law.js';
import type { WarrantyPolicy } from './define.js';
import type { CLAIM_EVIDENCE } from './schema.js';

/** A claim after checking: instants as epoch ms. */
interface Facts {
  readonly category: string;
  readonly segment?: string;
  readonly part?: string;
  readonly modelLine?: string;
  readonly purchasedAt: number;
  readonly deliveredAt?: number;
  readonly shippedAt?: number;
  readonly claimedAt: number;
  readonly evidence?: readonly string[];
  readonly evidenceCompletedAt?: number;
  readonly plans?: readonly { readonly plan: string; readonly boughtAt: number }[];
  readonly inStock?: boolean;
  readonly customer?: { readonly jurisdiction: string };
}

const FROM_FIELD = { purchase: 'purchasedAt', delivery: 'deliveredAt', ship: 'shippedAt' } as const;
/** The last day number a Date can hold, less a margin for the zone offset. */
const MAX_DAY = Math.floor(8.64e15 / MS_PER_DAY) - 2;
const NO_DEADLINES = Object.freeze({ rmaBy: null, processedBy: null, countedFrom: null });

/**
 * DATE_AFTER_REQUEST for every date after the claim, DUPLICATE_VALUE for a plan listed twice,
 * INVALID_RANGE for evidence completed before the claim, CONFLICTING_FIELDS for evidence said to be
 * complete while a rule still finds some missing.
 */
function claimIssues(facts: Facts, gaps: readonly EvidenceGap[]): Issue[] {
  const issues: Issue[] = [];
  const claimed = new Date(facts.claimedAt).toISOString();
  const after = (at: number | undefined, path: (string | number)[]) => {
    if (at !== undefined && at > facts.claimedAt) issues.push({ code: 'DATE_AFTER_REQUEST', path, message: messages.DATE_AFTER_REQUEST(formatPath(path), new Date(at).toISOString(), claimed) });
  };
  for (const field of ['purchasedAt', 'deliveredAt', 'shippedAt'] as const) after(facts[field], [field]);
  if (facts.deliveredAt !== undefined && facts.deliveredAt < facts.purchasedAt) {
    issues.push({ code: 'INVALID_FACT', path: ['deliveredAt'], message: messages.INVALID_FACT('deliveredAt', `(${iso(facts.deliveredAt)}) is before "purchasedAt" (${iso(facts.purchasedAt)}): goods are delivered after they are bought`) });
  }
  const seen = new Set<string>();
  facts.plans?.forEach((bought, i) => {
    after(bought.boughtAt, ['plans', i, 'boughtAt']);
    if (seen.has(bought.plan)) issues.push({ code: 'DUPLICATE_VALUE', path: ['plans', i, 'plan'], message: messages.DUPLICATE_VALUE(bought.plan) });
    seen.add(bought.plan);
  });
  const completed = facts.evidenceCompletedAt;
  if (completed !== undefined && completed < facts.claimedAt) {
    issues.push({ code: 'INVALID_RANGE', path: ['evidenceCompletedAt'], message: messages.WARRANTY_EVIDENCE_BEFORE_CLAIM(iso(completed), iso(facts.claimedAt)) });
  }
  if (completed !== undefined && gaps.length > 0) {
    const missing = [...new Set(gaps.flatMap((gap) => gap.missing))];
    issues.push({ code: 'CONFLICTING_FIELDS', path: ['evidenceCompletedAt'], message: messages.WARRANTY_EVIDENCE_NOT_COMPLETE(missing, gaps.map((gap) => gap.rule)) });
  }
  return issues;
}

/**
 * Decides a warranty claim: which coverage term applies (the first whose condition on category,
 * segment, part, model line and ship date holds), its end date counted in months in the policy's
 * zone (31 Jan + 1 month = 28/29 Feb), extended plans and how they stack, the evidence the claim
 * still needs, the remedy, the deadlines (RMA number, claim processed, remedy) and what evidence
 * to keep until when. The claim is checked first, against the policy's vocabularies.
 *
 * A claim within coverage that lacks evidence is `needs-evidence`, not accepted: it carries no
 * remedy and no deadline, but `awaiting` lists every missing item and what follows once the
 * evidence is complete (the remedy, and each deadline as a span of the evidence). Give the
 * completed `evidence` with `evidenceCompletedAt` and the claim is `covered`, its deadlines
 * counted from that instant (`deadlines.countedFrom`).
 *
 * @returns The decision, a union on `outcome`; "not covered" is a result, never an exception.
 * @throws {@link InvalidArgumentError} listing every problem of the claim, each at the caller's
 *   own path: `UNKNOWN_KEY`, `INVALID_TYPE`, `REQUIRED` (`segment` only where the policy's rules
 *   name a segment), `UNKNOWN_CATEGORY`, `UNKNOWN_IN_POLICY` (a segment, part, model line,
 *   evidence kind or plan the policy lacks), `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`,
 *   `INSTANT_OUT_OF_RANGE`, `DATE_AFTER_REQUEST` (a date, or a plan's `boughtAt`, after
 *   `claimedAt`), `DUPLICATE_VALUE` (a plan listed twice), `INVALID_RANGE` (`evidenceCompletedAt`
 *   before `claimedAt`), `CONFLICTING_FIELDS` (`evidenceCompletedAt` while evidence is still
 *   missing); then `MISSING_DATE` (the term counts from a date the claim lacks) and
 *   `RESULT_OUT_OF_RANGE` (a deadline past 2200, at the field it counts from: `evidenceCompletedAt`
 *   when given, else `claimedAt`; a coverage end no Date can hold at `plans`). {@link WarrantyPolicyError}
 *   `INVALID_WARRANTY_POLICY` for a policy not made by {@link defineWarrantyPolicy}.
 * @example
 * ```ts
 * const decision = checkWarrantyClaim(policy, { category: 'electronics', segment: 'consumer',
 *   purchasedAt: new Date('2026-01-31T18:00:00Z'), claimedAt: '2028-01-30T12:00:00-06:00' });
 * decision.outcome;               //=> 'covered'
 * decision.coverage?.lastDay;     //=> '2028-01-30'
 *
 * // PelPro: "Warranty validation requires proof of purchase and serial number verification".
 * const waiting = checkWarrantyClaim(pelpro, { category: 'electronics', segment: 'consumer',
 *   evidence: ['proofOfPurchase'], purchasedAt: '2026-01-10T12:00:00-06:00',
 *   claimedAt: '2026-11-25T15:00:00-06:00' });
 * waiting.outcome;                        //=> 'needs-evidence'
 * waiting.awaiting?.evidence;             //=> ['serialNumber']
 * waiting.awaiting?.then.rmaWithin?.text; //=> '24 business hours'
 * waiting.deadlines.rmaBy;                //=> null
 * const validated = checkWarrantyClaim(pelpro, { category: 'electronics', segment: 'consumer',
 *   evidence: ['proofOfPurchase', 'serialNumber'], evidenceCompletedAt: '2026-11-27T10:00:00-06:00',
 *   purchasedAt: '2026-01-10T12:00:00-06:00', claimedAt: '2026-11-25T15:00:00-06:00' });
 * validated.deadlines.rmaBy?.toISOString(); //=> '2026-12-01T16:00:00.000Z' (Tue 10:00 CST)
 * ```
 * @remarks Since 0.1.0 (`awaiting`, `evidenceCompletedAt` and an optional `segment` since 0.2.0)
 */
export function checkWarrantyClaim(policy: WarrantyPolicy, claim: WarrantyClaim): WarrantyDecision {
  const c = compiledOf(policy);
  const { spec } = c;
  const facts = c.check(claim) as unknown as Facts;
  // What every evidence rule that applies to the claim still finds missing.
  const gaps: EvidenceGap[] = [];
  for (const { rule, when } of c.evidence) {
    const missing = matches(when, facts) ? rule.requires.filter((item) => !facts.evidence?.includes(item)) : [];
    if (missing.length > 0) gaps.push({ rule: rule.id, missing: missing as (typeof CLAIM_EVIDENCE)[number][] });
  }
  const problems = claimIssues(facts, gaps);
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
  const claimDay = localDay(claimedAt);
  const law = warrantyLawOf(facts, spec.timeZone);
  const noBaseline = law ? noBaselineReason(law.baseline) : null;
  if (noBaseline) reasons.push(noBaseline);
  // The law's periods are counted in its zone (the customer's, when the claim gives one).
  const lawClaimDay = law ? dayOfLocal(law.zone.utcToLocal(claimedAt)) : claimDay;
  // The zone the coverage's end is a local date in: the policy's, or the law's once it decides.
  let coverZone = zone;
  let coverClaimDay = claimDay;
  // Read after the law has decided: `applied` fills in as the decision goes.
  const withLegal = <D extends WarrantyDecision>(decision: D): D => (law ? { ...decision, legal: warrantyLegalSummary(law) } : decision);
  let startDay: number;
  let endDay: number; // exclusive: the anniversary
  let coverageTerm: { readonly id: string; readonly from: string; readonly covers: WarrantyCoverage['covers'] };
  const usedPlans: string[] = [];
  if (!term) {
    const legalEnd = legalCoverEnd(law, lawClaimDay, false);
    const noTerm = {
      code: 'NO_WARRANTY_TERM',
      facts: { category: facts.category, segment: facts.segment ?? null, part: facts.part ?? null, modelLine: facts.modelLine ?? null, shippedOn: shippedDay === undefined ? null : formatIsoDate(shippedDay) },
      message: 'No warranty term covers this product, segment and part.',
    };
    if (legalEnd === null || law === null) {
      reasons.push(noTerm);
      return withLegal({ outcome: 'not-covered', reasons, coverage: null, remedy: null, deadlines: NO_DEADLINES, awaiting: null, retention });
    }
    // No term of the policy covers the product; the legal guarantee does.
    reasons.push(guaranteeReason(law, 'no warranty term for this product, segment and part'));
    const rule = (law.guarantee as NonNullable<typeof law.guarantee>).rule;
    startDay = law.startDay;
    endDay = legalEnd;
    coverZone = law.zone;
    coverClaimDay = lawClaimDay;
    coverageTerm = { id: rule.id, from: law.countedFrom, covers: LEGAL_COVERS };
  } else {
    const field = FROM_FIELD[term.from];
    const fromMs = facts[field];
    if (fromMs === undefined) throw new InvalidArgumentError([{ code: 'MISSING_DATE', path: [field], message: messages.WARRANTY_MISSING_DATE(term.id, field, term.from) }]);
    startDay = localDay(fromMs);
    endDay = addMonthsToDay(startDay, term.months);
    coverageTerm = { id: term.id, from: term.from, covers: term.covers };
    reasons.push({
      code: 'WARRANTY_TERM',
      rule: term.id,
      facts: { months: term.months, from: term.from, startDay: formatIsoDate(startDay), lastDay: formatIsoDate(endDay - 1) },
      message: `${term.id}: ${term.months} months from ${term.from} (${formatIsoDate(startDay)}), covered through ${formatIsoDate(endDay - 1)}.`,
    });

    // Extended plans: each one bought in time and for this customer extends the end.
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
      // Only thousands of stacked plans get here (an end past a Date's range is NaN, hence `!(<=)`).
      // Checked before the end is written as a date, which would throw a RangeError instead.
      if (!(endDay <= MAX_DAY)) throw new InvalidArgumentError([{ code: 'RESULT_OUT_OF_RANGE', path: ['plans'], message: messages.RESULT_OUT_OF_RANGE('coverage end') }]);
      usedPlans.push(plan.id);
      const price: Money = money(plan.price, plan.currency);
      reasons.push({ code: 'PLAN_EXTENDS', rule: plan.id, facts: { months: plan.months, stacking: plan.stacking, price: price.amount, lastDay: formatIsoDate(endDay - 1) }, message: `${plan.id} extends coverage through ${formatIsoDate(endDay - 1)}.` });
    }
    // The policy's coverage has ended where the legal guarantee has not: the law decides.
    const merchantCovers = claimDay < endDay;
    const legalEnd = legalCoverEnd(law, lawClaimDay, merchantCovers);
    if (legalEnd !== null && law !== null) {
      reasons.push(guaranteeReason(law, `${term.months} months from ${term.from}${usedPlans.length > 0 ? ` with ${usedPlans.join(', ')}` : ''} (covered through ${formatIsoDate(endDay - 1)})`));
      const rule = (law.guarantee as NonNullable<typeof law.guarantee>).rule;
      startDay = law.startDay;
      endDay = legalEnd;
      coverZone = law.zone;
      coverClaimDay = lawClaimDay;
      coverageTerm = { id: rule.id, from: law.countedFrom, covers: mergeCovers(term.covers, LEGAL_COVERS) };
      reasons.push(...legalCoverReasons(law, term.covers));
    } else if (merchantCovers && law?.guarantee != null && lawClaimDay < law.guarantee.endDay) {
      // Within the policy's term and the legal guarantee both: the law's free-of-charge remedy
      // still covers what the term leaves out (labour, shipping), flag by flag.
      coverageTerm = { ...coverageTerm, covers: mergeCovers(term.covers, LEGAL_COVERS) };
      reasons.push(...legalCoverReasons(law, term.covers));
    }
  }

  const lastDay = formatIsoDate(endDay - 1);
  const coverage: WarrantyCoverage = { term: coverageTerm.id, from: coverageTerm.from, startDay: formatIsoDate(startDay), lastDay, endsAt: new Date(coverZone.localToUtc(endDay * MS_PER_DAY)), plans: usedPlans, covers: { ...coverageTerm.covers } };
  const expired = coverClaimDay >= endDay;
  if (expired) reasons.push({ code: 'WARRANTY_EXPIRED', rule: coverageTerm.id, facts: { lastDay, daysLate: coverClaimDay - endDay + 1 }, message: `Coverage ended on ${lastDay}; claimed ${coverClaimDay - endDay + 1} day(s) later.` });
  for (const gap of gaps) reasons.push({ code: 'EVIDENCE_MISSING', rule: gap.rule, facts: { missing: gap.missing }, message: `Missing evidence: ${gap.missing.join(', ')}.` });
  // An expired claim stays not covered whatever evidence it lacks: no evidence would change that.
  if (expired) return withLegal({ outcome: 'not-covered', reasons, coverage, remedy: null, deadlines: NO_DEADLINES, awaiting: null, retention });
  const presumption = law ? presumptionReason(law, lawClaimDay) : null;
  if (presumption) reasons.push(presumption);

  const remedyRule = c.remedies.find((r) => matches(r.when, facts))?.rule;
  if (gaps.length > 0) {
    // Within coverage but not accepted: PelPro issues the RMA number after validation, so no
    // deadline runs yet; the spans say what follows once the evidence is complete.
    const { awaiting, reason } = awaitingOf(c, gaps, remedyRule, lastDay);
    reasons.push(reason);
    return withLegal({ outcome: 'needs-evidence', reasons, coverage, remedy: null, deadlines: NO_DEADLINES, awaiting, retention });
  }

  reasons.push({ code: 'WARRANTY_COVERED', rule: coverageTerm.id, facts: { lastDay, daysLeft: endDay - claimDay - 1 }, message: `Covered: the claim is ${endDay - claimDay - 1} day(s) before coverage ends.` });
  // Deadlines count from the claim, or from when its evidence was complete when that came later.
  const start = facts.evidenceCompletedAt ?? claimedAt;
  if (start > claimedAt) {
    reasons.push({
      code: 'WARRANTY_DEADLINES_FROM_EVIDENCE',
      facts: { claimedAt: new Date(claimedAt).toISOString(), evidenceCompletedAt: new Date(start).toISOString() },
      message: messages.WARRANTY_DEADLINES_FROM_EVIDENCE(iso(start), iso(claimedAt)),
    });
  }
  // A deadline past the supported range names the claim's field it counts from.
  const from = facts.evidenceCompletedAt === undefined ? 'claimedAt' : 'evidenceCompletedAt';
  const due = (within: Within | undefined, what: string, calendar: Calendar = c.calendar) => {
    if (within === undefined) return null;
    try {
      return backOfficeClock({ id: what, calendar, within, start }, start).deadline;
    } catch (error) {
      // Every part of the task is checked already (the claim, the policy's spans and calendars), so
      // what backOfficeClock refuses is a deadline past the range: name the claim's field it counts from.
      if (!(error instanceof InvalidArgumentError)) throw error;
      const message = messages.DEADLINE_OUT_OF_RANGE(`${what} (within ${spanText(within)})`, from, iso(start));
      throw new InvalidArgumentError([{ code: 'RESULT_OUT_OF_RANGE', path: [from], message }]);
    }
  };
  if (remedyRule) reasons.push({ code: 'REMEDY', rule: remedyRule.id, facts: { remedy: remedyRule.remedy }, message: `Remedy: ${remedyRule.remedy}.` });
  return withLegal({
    outcome: 'covered',
    reasons,
    coverage,
    remedy: remedyRule
      ? { id: remedyRule.id, remedy: remedyRule.remedy, dueBy: due(remedyRule.within, `due date of remedy "${remedyRule.id}"`, remedyRule.clock === 'around-the-clock' ? c.clock : c.calendar) }
      : null,
    deadlines: { rmaBy: due(spec.rmaWithin, 'RMA deadline'), processedBy: due(spec.claimProcessedWithin, 'claim-processed deadline'), countedFrom: new Date(start) },
    awaiting: null,
    retention,
  });
}

/** What the legal guarantee covers: bringing the goods into conformity free of charge. */
const LEGAL_COVERS: WarrantyCoverage['covers'] = Object.freeze({ parts: true, labour: true, onSite: false, shipping: true });

const COVER_FLAGS = ['parts', 'labour', 'onSite', 'shipping'] as const;

/** A LEGAL_MINIMUM_APPLIED reason for each flag the legal guarantee covers and the term does not. */
function legalCoverReasons(law: WarrantyLaw, covers: WarrantyCoverage['covers']): Reason[] {
  const { rule } = law.guarantee as NonNullable<WarrantyLaw['guarantee']>;
  const added = COVER_FLAGS.filter((flag) => LEGAL_COVERS[flag] && !covers[flag]);
  if (added.length > 0) law.applied.push(rule.id);
  return added.map((flag) => ({
    code: 'LEGAL_MINIMUM_APPLIED',
    rule: rule.id,
    facts: { jurisdiction: rule.jurisdiction, rule: rule.id, point: rule.point, citation: rule.citation, cover: flag, merchant: `${flag} not covered`, law: `${flag} free of charge` },
    message: messages.LAW_APPLIED(rule.citation, `${flag} not covered`, `${flag} free of charge (the legal guarantee's remedy)`),
  }));
}

function mergeCovers(a: WarrantyCoverage['covers'], b: WarrantyCoverage['covers']): WarrantyCoverage['covers'] {
  return { parts: a.parts || b.parts, labour: a.labour || b.labour, onSite: a.onSite || b.onSite, shipping: a.shipping || b.shipping };
}
