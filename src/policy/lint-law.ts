// Lint against the law: the rules of a policy that undercut a jurisdiction's consumer-law baseline
// (support-rules/law). Decisions already apply the baseline when a request names the customer's
// jurisdiction; these findings say where the policy as written promises less than the law gives.

import { compileCondition, matches, type Condition } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import type { JsonPath } from '../errors/index.js';
import { FEE_FACTS } from '../fees/index.js';
import { baselineFor, type LegalBaseline } from '../law/index.js';
import type { SupportPolicy } from './define.js';
import type { LintFinding } from './lint.js';

/** The fee facts a withdrawal fixes; a rule's tests on other facts may or may not hold. */
const WITHDRAWAL_FACTS = new Set(['condition', 'daysSinceDelivery', 'service', 'defective', 'category', 'warranty']);

/** Only the tests on the facts a withdrawal fixes: the rule can apply if these hold. */
function onWithdrawalFacts(condition: Condition): Condition {
  return { tests: condition.tests.filter((test) => WITHDRAWAL_FACTS.has(test.field)) };
}

const DAY_MS = 86_400_000;

/** The span's length at least, in days, when it certainly exceeds `days` (null when it may not). */
function spanBeyond(within: Readonly<Record<string, number | undefined>>, days: number): string | null {
  if (within.days !== undefined) return within.days > days ? `${within.days} days` : null;
  // A business day is at least one calendar day, and five of them take a week.
  if (within.businessDays !== undefined) return within.businessDays > (days / 7) * 5 ? `${within.businessDays} business days` : null;
  const ms = (within.hours ?? 0) * 3_600_000 + (within.minutes ?? 0) * 60_000 + (within.seconds ?? 0) * 1000 + (within.milliseconds ?? 0);
  return ms > days * DAY_MS ? `${ms / 3_600_000} business hours` : null;
}

/**
 * The findings for one policy under `jurisdiction`'s baseline for contracts concluded on `on`:
 * return windows shorter than the withdrawal period, restocking fees that can charge opened goods
 * inside it, refund deadlines longer than the law's, and consumer warranty terms shorter than the
 * legal guarantee (or counted from before delivery).
 */
export function lintLaw(policy: SupportPolicy, prefix: JsonPath, jurisdiction: string, on: string): LintFinding[] {
  const baseline: LegalBaseline = baselineFor(jurisdiction, on);
  const { points } = baseline;
  const findings: LintFinding[] = [];
  const finding = (code: LintFinding['code'], path: JsonPath, message: string, facts: Record<string, unknown>) => findings.push({ code, path: [...prefix, ...path], message, facts: { jurisdiction: baseline.jurisdiction, ...facts } });

  const returns = policy.returns?.spec;
  const withdrawal = points['withdrawal-period'];
  if (returns && withdrawal) {
    const legalDays = withdrawal.parameters.days;
    returns.windows.forEach((window, i) => {
      // A window from the purchase starts before any delivery: however long, it may close first.
      // One from each item's delivery equals the last delivery's for an order in one parcel (the
      // decision takes the later parcel when there are several): only its length is compared.
      if (window.from === 'purchase' && window.days >= legalDays) {
        finding('WINDOW_BELOW_LEGAL_MINIMUM', ['returns', 'windows', i], messages.LINT_WINDOW_FROM_PURCHASE(window.id, window.days, legalDays, withdrawal.citation), { rule: withdrawal.id, citation: withdrawal.citation, window: window.id, days: window.days, from: window.from, legalDays, countsFrom: 'purchase' });
      } else if (window.days < legalDays) {
        finding('WINDOW_BELOW_LEGAL_MINIMUM', ['returns', 'windows', i], messages.LINT_WINDOW_BELOW_LAW(window.id, window.days, window.from, legalDays, withdrawal.citation), { rule: withdrawal.id, citation: withdrawal.citation, window: window.id, days: window.days, from: window.from, legalDays });
      }
    });
    const deductions = points['withdrawal-deductions'];
    if (deductions) {
      const conditions = deductions.parameters.handlingConditions;
      returns.fees.rules.forEach((rule, i) => {
        // Decisions recognise a restocking fee by its kind. A fee of another kind that tests the
        // goods' state charges for it all the same: reported as one that may be restocking.
        const recognised = deductions.parameters.feeKinds.includes(rule.kind);
        const testsCondition = (rule.when as Record<string, unknown> | undefined)?.condition !== undefined;
        if ((!recognised && !testsCondition) || rule.free === true) return;
        const when = onWithdrawalFacts(compileCondition(rule.when as Record<string, unknown> | undefined, FEE_FACTS));
        const hits: string[] = [];
        for (const condition of conditions) {
          const days = Array.from({ length: legalDays + 1 }, (_, d) => d).filter((d) =>
            [undefined, ...returns.categories].some((category) => matches(when, { condition, daysSinceDelivery: d, service: 'return', defective: false, warranty: false, ...(category ? { category } : {}) })),
          );
          if (days.length > 0) hits.push(`${condition} (day ${days[0]}${days.length > 1 ? `–${days[days.length - 1]}` : ''})`);
        }
        if (hits.length > 0) {
          const message = recognised ? messages.LINT_FEE_INSIDE_WITHDRAWAL(rule.id, rule.kind, hits, legalDays, deductions.citation) : messages.LINT_FEE_OTHER_KIND(rule.id, rule.kind, hits, legalDays, deductions.citation);
          finding('FEE_INSIDE_WITHDRAWAL_PERIOD', ['returns', 'fees', 'rules', i], message, { rule: deductions.id, citation: deductions.citation, fee: rule.id, kind: rule.kind, conditions: hits, legalDays, kindRecognised: recognised });
        }
      });
    }
    const refund = points['withdrawal-refund-deadline'];
    const longer = refund ? spanBeyond(returns.refund.issuedWithin, refund.parameters.days) : null;
    if (refund && longer) {
      finding('REFUND_SLOWER_THAN_LEGAL', ['returns', 'refund', 'issuedWithin'], messages.LINT_REFUND_SLOWER(longer, refund.parameters.days, refund.parameters.from, refund.citation), { rule: refund.id, citation: refund.citation, issuedWithin: longer, legalDays: refund.parameters.days });
    }
  }

  const warranty = policy.warranty?.spec;
  const guarantee = points['legal-guarantee'];
  if (warranty && guarantee) {
    const months = guarantee.parameters.months;
    warranty.terms.forEach((term, i) => {
      const forConsumers = term.segment === undefined || matches(compileCondition({ segment: term.segment }, { segment: 'term' }), { segment: 'consumer' }) || matches(compileCondition({ segment: term.segment }, { segment: 'term' }), {});
      if (!forConsumers) return;
      const short = term.months < months;
      const early = term.from !== 'delivery' && term.months <= months;
      if (short || early) {
        finding('WARRANTY_BELOW_LEGAL_MINIMUM', ['warranty', 'terms', i], messages.LINT_WARRANTY_BELOW_LAW(term.id, term.months, term.from, months, guarantee.citation), { rule: guarantee.id, citation: guarantee.citation, term: term.id, months: term.months, from: term.from, legalMonths: months });
      }
    });
  }
  return findings;
}
