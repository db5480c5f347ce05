import { describe, expect, it } from 'vitest';
import { approvalFor, decideCompensation } from '../../src/compensation/index.js';
import { decideEscalation } from '../../src/escalation/index.js';
import { quoteFees } from '../../src/fees/index.js';
import { presetSpecs, presets } from '../../src/presets/index.js';
import { checkReturn } from '../../src/returns/index.js';
import { evaluateSla } from '../../src/sla/index.js';
import { checkWarrantyClaim } from '../../src/warranty/index.js';

// Issue 13: each rule a preset once misplaced or misread, with the seed sentence it now follows.
// docs/presets.md quotes the same sentences.

describe('Tru Fit owns the pre-paid label', () => {
  // Seed 004: "allow pre-paid returns labels for orders over $75".
  const base = { category: 'apparel', price: '60.00', condition: 'unopened' as const, deliveredAt: '2026-11-01T10:00:00-08:00', requestedAt: '2026-11-10T10:00:00-08:00' };
  const labels = (orderValue?: string) =>
    checkReturn(presets.trufit.returns!, { ...base, ...(orderValue ? { orderValue } : {}) }).quote?.fees.filter((f) => f.kind === 'label').map((f) => [f.rule, f.amount.amount]);

  it('gives a free label to an order over 75.00 USD, and none at 75.00 or without an order value', () => {
    expect(labels('75.01')).toEqual([['prepaid-label', '0.00']]);
    expect(labels('75.00')).toEqual([]);
    expect(labels()).toEqual([]);
  });

  it('charges HomePro customers no label at all (seed 002 names none)', () => {
    expect(presets.homepro.spec.returns?.fees.rules.some((r) => r.kind === 'label')).toBe(false);
  });
});

describe('restocking fees read as their sentences say', () => {
  it('Primos restocks opened and used electronics, not unopened ones: "0–15% only for non-defective, opened electronics"', () => {
    const request = (condition: 'unopened' | 'opened' | 'used', category = 'electronics') =>
      checkReturn(presets.primos.returns!, { category, price: '100.00', condition, evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T15:00:00-04:00', requestedAt: '2026-10-15T15:00:00-04:00' }).quote?.refund.amount;
    expect([request('opened'), request('used'), request('unopened'), request('used', 'accessories')]).toEqual(['85.00', '85.00', '100.00', '100.00']);
  });

  it('PelPro restocks every non-defective return after day 30, damaged by the customer included: "Restocking fee for non-defective returns: 15% if returned after 30 days"', () => {
    const refund = (condition: 'damaged-by-customer' | 'unopened', requestedAt: string) =>
      checkReturn(presets.pelpro.returns!, { category: 'electronics', price: '100.00', condition, evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T10:00:00-05:00', requestedAt }).quote?.refund.amount;
    expect(refund('damaged-by-customer', '2026-11-15T10:00:00-06:00')).toBe('85.00'); // day 45
    expect(refund('damaged-by-customer', '2026-10-31T10:00:00-05:00')).toBe('100.00'); // day 30
    expect(refund('unopened', '2026-10-31T10:00:00-05:00')).toBe('100.00');
  });

  it('Tru Fit charges its 10 % on refunds, not on exchanges: "full refund if returned within 30 days; restocking fee 10% for opened/used equipment"', () => {
    const decide = (service: 'return' | 'exchange') =>
      checkReturn(presets.trufit.returns!, { category: 'equipment', price: '899.00', condition: 'opened', service, deliveredAt: '2026-11-01T10:00:00-08:00', requestedAt: '2026-11-20T10:00:00-08:00' }).quote?.fees.map((f) => f.rule);
    expect(decide('return')).toEqual(['restock-equipment']);
    expect(decide('exchange')).toEqual([]);
  });
});

describe('compensation calendars are the seeds\' own hours', () => {
  it('Primos counts a delay on its Mon–Sat store days: "for delays over 7 business days, offer $15 discount code"', () => {
    // Promised Monday 2026-11-02; Saturdays count, Sundays do not: Tue 3 … Sat 7, Mon 9, Tue 10 are
    // 7 store days, Wednesday the 11th the 8th (on a Mon–Fri calendar it would be the 7th).
    const delay = (deliveredAt: string) => decideCompensation(presets.primos.compensation!, { type: 'delivery-delay', promisedAt: '2026-11-02T12:00:00-05:00', deliveredAt }).rule;
    expect(delay('2026-11-11T12:00:00-05:00')).toBe('delay-over-7');
    expect(delay('2026-11-10T12:00:00-05:00')).toBe(null); // 7 days: not over 7
  });
});

describe('Primos: "immediate" compensation needs no approval step', () => {
  // Seed 000: "for verified shipping errors or damaged items, immediate full refund or replacement + $10 goodwill credit".
  it('grants a 45.00 item plus the 10.00 credit (55.00, over the assumed agent limit) without an approver', () => {
    for (const type of ['damaged-item', 'shipping-error']) {
      const d = decideCompensation(presets.primos.compensation!, { type, verified: true, orderValue: '45.00' });
      expect([d.maxValue.amount, d.approval?.needed, d.approval?.level]).toEqual(['55.00', false, null]);
      expect(d.reasons.map((r) => r.code)).toContain('APPROVAL_NOT_NEEDED');
    }
  });

  it('still asks for an approver where the seed says nothing of "immediate": a delay offer over the agent limit does', () => {
    // The delay offers are 15.00 and 25.00: within the agent's 50.00, by the ladder.
    const d = decideCompensation(presets.primos.compensation!, { type: 'delivery-delay', delayBusinessDays: 8 });
    expect([d.rule, d.approval?.needed, d.approval?.level]).toEqual(['delay-over-7', true, 'agent']);
  });
});

describe('Tru Fit: "automate authorization for refunds under $50"; Tier 3 "authorizes goodwill credits"', () => {
  const compensation = presets.trufit.compensation!;
  it('is automatic for refunds under 50.00 only', () => {
    expect(approvalFor(compensation, { amount: '49.99', kind: 'refund' }).level).toBe('auto');
    expect(approvalFor(compensation, { amount: '50.00', kind: 'refund' }).level).toBe('agent');
  });

  it('leaves every goodwill credit, however small, to management (the senior manager)', () => {
    expect(approvalFor(compensation, { amount: '10.00', kind: 'credit' }).level).toBe('senior-manager');
    expect(approvalFor(compensation, { amount: '10.00', kind: 'refund' }).level).toBe('auto');
  });
});

describe('HomePro writes its 1,000 once: "agents can approve up to … 1,000 currency units"; "Level 3 … intervenes for compensation >1,000"', () => {
  it('sends to Level 3 exactly the amounts the compensation ladder gives a senior manager', () => {
    const created = '2026-11-23T09:00:00+07:00';
    for (const amount of ['999.99', '1000', '1000.01', '25000']) {
      const tier = decideEscalation(presets.homepro.escalation!, { amount, createdAt: created, now: created }).targetTier;
      const level = approvalFor(presets.homepro.compensation!, { amount }).level;
      expect([amount, tier]).toEqual([amount, level === 'senior-manager' ? 'level-3' : 'level-1']);
    }
    expect(JSON.stringify(presetSpecs.homepro.escalation)).not.toMatch(/"1,?000(\.00)?"/);
  });
});

describe('Amare: "escalate immediately to a senior manager"', () => {
  it('is due the instant the rule fires, not "no deadline"', () => {
    const created = '2026-11-23T09:00:00-07:00';
    for (const facts of [{ amount: '200.01' }, { category: 'legal-complaint' }]) {
      const d = decideEscalation(presets.amare.escalation!, { ...facts, createdAt: created, now: created });
      expect([d.targetTier, d.deadlines.reachBy?.toISOString()]).toEqual(['senior-manager', '2026-11-23T16:00:00.000Z']);
    }
    // The team-lead rule has no deadline of its own: null, which is not "immediately".
    const late = decideEscalation(presets.amare.escalation!, { createdAt: created, now: '2026-11-25T09:00:01-07:00' });
    expect([late.targetTier, late.deadlines.reachBy]).toEqual(['team-lead', null]);
  });
});

describe('Amare: "a return authorization within 48 hours of a verified request" is 48 elapsed hours everywhere', () => {
  // Saturday 10:00 MDT; the clocks go back on Sunday 2026-11-01, so 48 hours later is Monday 09:00 MST.
  const requestedAt = '2026-10-31T10:00:00-06:00';
  it('in the returns section and in the SLA target alike', () => {
    const decision = checkReturn(presets.amare.returns!, { category: 'skincare', price: '59.00', condition: 'unopened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-20T12:00:00-06:00', requestedAt });
    const report = evaluateSla(presets.amare.sla!, { category: 'returns', events: [{ type: 'created', at: requestedAt }] }, new Date(requestedAt));
    const ticket = report.clocks.find((c) => c.metric === 'acknowledgement')?.deadline.toISOString();
    expect([decision.deadlines.authorizeBy?.toISOString(), ticket]).toEqual(['2026-11-02T16:00:00.000Z', '2026-11-02T16:00:00.000Z']);
  });
});

describe('Tru Fit: "root-cause analysis within 48 hours" for every breach; a remediation ticket past 3 in 30 days', () => {
  const policy = presets.trufit.escalation!;
  const breaches = ['2026-11-02T10:00:00-08:00', '2026-11-10T10:00:00-08:00', '2026-11-18T10:00:00-08:00', '2026-11-24T10:00:00-08:00'];
  const at = (n: number) => decideEscalation(policy, { createdAt: '2026-11-01T09:00:00-07:00', now: '2026-11-25T09:00:00-08:00', breaches: breaches.slice(0, n) });

  it('opens one analysis per breach, due 48 hours after it, from the first breach', () => {
    const one = at(1);
    expect(one.workflows.map((w) => [w.id, w.dueBy?.toISOString()])).toEqual([['root-cause-analysis', '2026-11-04T18:00:00.000Z']]);
    expect(at(3).workflows.filter((w) => w.id === 'root-cause-analysis')).toHaveLength(3);
  });

  it('opens the remediation ticket only past 3 breaches (the 1-business-day deadline is an assumption)', () => {
    expect(at(3).workflows.some((w) => w.id === 'remediation-ticket')).toBe(false);
    const four = at(4);
    expect(four.workflows.map((w) => w.id).sort()).toEqual(['remediation-ticket', 'root-cause-analysis', 'root-cause-analysis', 'root-cause-analysis', 'root-cause-analysis']);
  });
});

describe('PelPro warranty: "Warranty validation requires proof of purchase and serial number verification"', () => {
  const claim = { category: 'electronics', segment: 'consumer' as const, purchasedAt: '2026-01-10T12:00:00-06:00', claimedAt: '2026-11-25T15:00:00-06:00' };
  it('issues no RMA deadline before validation, and counts it from the validation after', () => {
    const waiting = checkWarrantyClaim(presets.pelpro.warranty!, { ...claim, evidence: ['proofOfPurchase'] });
    expect([waiting.outcome, waiting.deadlines.rmaBy, waiting.remedy, waiting.reasons.some((r) => r.code === 'WARRANTY_COVERED')]).toEqual(['needs-evidence', null, null, false]);
    const validated = checkWarrantyClaim(presets.pelpro.warranty!, { ...claim, evidence: ['proofOfPurchase', 'serialNumber'], evidenceCompletedAt: '2026-11-27T10:00:00-06:00' });
    // "issues an RMA number within 24 business hours": Fri 10:00 (desk 07–19) → Tue 10:00 CST.
    expect(validated.deadlines.rmaBy?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('sends the unit back on a pre-paid label: "Customer ships product using pre-paid label for warranty claims"', () => {
    const request = { category: 'electronics', price: '420.00', condition: 'used' as const, defective: true, service: 'replacement' as const, evidence: ['proofOfPurchase' as const], deliveredAt: '2026-11-02T10:00:00-06:00', requestedAt: '2026-11-20T10:00:00-06:00' };
    expect(checkReturn(presets.pelpro.returns!, { ...request, warranty: true }).quote?.fees.map((f) => [f.rule, f.amount.amount])).toEqual([['warranty-label', '0.00']]);
    expect(checkReturn(presets.pelpro.returns!, request).quote?.fees).toEqual([]);
  });
});

describe('HomePro warranty: "small appliances 1 year, HVAC systems 2–5 years, installed kitchens 5–10 years"', () => {
  const claim = (category: string, purchasedAt: string) =>
    checkWarrantyClaim(presets.homepro.warranty!, { category, purchasedAt, claimedAt: '2026-11-25T10:00:00+07:00', evidence: ['serialNumber', 'photos'] });
  it('covers each category for its term, the last day included and the anniversary not', () => {
    // Claimed 2026-11-25: a purchase on 2025-11-26 is covered through 2026-11-25; one on 2025-11-25 through 2026-11-24.
    expect([claim('small-appliances', '2025-11-26T10:00:00+07:00').outcome, claim('small-appliances', '2025-11-25T10:00:00+07:00').outcome]).toEqual(['covered', 'not-covered']);
    expect([claim('hvac', '2024-11-26T10:00:00+07:00').outcome, claim('hvac', '2024-11-25T10:00:00+07:00').outcome]).toEqual(['covered', 'not-covered']);
    expect([claim('installed-kitchen', '2021-11-26T10:00:00+07:00').outcome, claim('installed-kitchen', '2021-11-25T10:00:00+07:00').outcome]).toEqual(['covered', 'not-covered']);
  });

  it('needs the serial number and photos: "Always capture serial numbers and photos at intake"', () => {
    const d = checkWarrantyClaim(presets.homepro.warranty!, { category: 'hvac', purchasedAt: '2026-01-05T10:00:00+07:00', claimedAt: '2026-11-25T10:00:00+07:00', evidence: ['serialNumber'] });
    expect([d.outcome, d.awaiting?.evidence]).toEqual(['needs-evidence', ['photos']]);
  });

  it('quotes its visit fees from the compiled preset: "Diagnostic fee 350 currency units (waived if repair performed)"', () => {
    const fees = presets.homepro.returns!.fees;
    const total = (request: Parameters<typeof quoteFees>[1]) => quoteFees(fees, request).total.amount;
    // A visit without a repair pays the diagnostic; with one, the "standard repair visit" instead.
    expect([total({ service: 'visit' }), total({ service: 'visit', repairPerformed: true })]).toEqual(['350.00', '500.00']);
    // "express same-day service premium +30–50%": 30 % of what the visit costs.
    expect([total({ service: 'visit', sameDay: true }), total({ service: 'repair', repairPerformed: true, sameDay: true })]).toEqual(['455.00', '650.00']);
    // Under warranty, labour and the visit are covered ("charge for non-warranty parts").
    expect([total({ service: 'visit', warranty: true }), total({ service: 'repair', repairPerformed: true, warranty: true, sameDay: true })]).toEqual(['0.00', '0.00']);
  });
});

describe('restocking is a return policy\'s fee in every preset, not an exchange\'s', () => {
  it('PelPro and HomePro charge it on a return and not on the same item exchanged', () => {
    const pelpro = (service: 'return' | 'exchange') =>
      checkReturn(presets.pelpro.returns!, { category: 'electronics', price: '100.00', condition: 'unopened', service, evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T10:00:00-05:00', requestedAt: '2026-11-15T10:00:00-06:00' }).quote?.fees.map((f) => f.kind);
    const homepro = (service: 'return' | 'exchange') =>
      checkReturn(presets.homepro.returns!, { category: 'appliances', price: '1000', condition: 'opened', service, evidence: ['proofOfPurchase'], deliveredAt: '2026-11-01T10:00:00+07:00', requestedAt: '2026-11-10T10:00:00+07:00' }).quote?.fees.map((f) => f.kind);
    expect([pelpro('return'), pelpro('exchange'), homepro('return'), homepro('exchange')]).toEqual([['restocking'], [], ['restocking'], []]);
  });
});

describe('HomePro Level 3 "must respond within 4 business hours" on the centre\'s every-day hours', () => {
  it('acknowledges a Saturday safety incident the same afternoon, and one at 19:00 the next morning', () => {
    const ack = (createdAt: string) => decideEscalation(presets.homepro.escalation!, { category: 'safety-incident', createdAt, now: createdAt }).deadlines.acknowledgeBy?.toISOString();
    expect(ack('2026-11-21T10:00:00+07:00')).toBe('2026-11-21T07:00:00.000Z'); // Sat 14:00
    expect(ack('2026-11-21T19:00:00+07:00')).toBe('2026-11-22T05:00:00.000Z'); // 1 h Sat, 3 h Sun from 09:00: Sun 12:00
  });
});
