import { describe, expect, it } from 'vitest';
import { decideCompensation } from '../../src/compensation/index.js';
import { decideEscalation } from '../../src/escalation/index.js';
import { presetSpecs, presets } from '../../src/presets/index.js';
import { checkReturn } from '../../src/returns/index.js';
import { evaluateSla } from '../../src/sla/index.js';
import { checkWarrantyClaim } from '../../src/warranty/index.js';

// Each preset against its seed's numbers (docs/presets.md lists the sentence for each rule).
const HOUR = 3_600_000;

describe('presets.primos', () => {
  const p = presets.primos;
  const sla = p.sla!;

  it('answers chat in 30 seconds on the Mon-Sat 08:00-20:00 store calendar and closes it in 20 minutes', () => {
    const report = evaluateSla(sla, { channel: 'chat', events: [{ type: 'created', at: '2026-11-21T19:59:50-05:00' }] }, new Date('2026-11-23T08:00:15-05:00'));
    const first = report.clocks.find((c) => c.metric === 'firstResponse')!;
    // 10 s on Saturday, then closed until Monday 08:00: due Monday 08:00:20.
    expect([first.targetMs, first.deadline.toISOString()]).toEqual([30_000, '2026-11-23T13:00:20.000Z']);
    expect(report.clocks.find((c) => c.metric === 'resolution')?.targetMs).toBe(20 * 60_000);
  });

  it('resolves standard tickets within 48 hours and priority escalations within 4', () => {
    const standard = evaluateSla(sla, { channel: 'email', events: [{ type: 'created', at: '2026-11-21T10:00:00Z' }] }, new Date('2026-11-21T11:00:00Z'));
    expect(standard.clocks.find((c) => c.metric === 'resolution')?.deadline.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    const priority = evaluateSla(sla, { channel: 'email', tags: ['priority-escalation'], events: [{ type: 'created', at: '2026-11-21T10:00:00Z' }] }, new Date('2026-11-21T11:00:00Z'));
    expect(priority.clocks[0]?.targetMs).toBe(4 * HOUR);
  });

  it('takes returns for 30 days from delivery with 15 % restocking on opened electronics and refunds within 10 business days', () => {
    const base = { category: 'electronics', price: '249.00', condition: 'opened' as const, evidence: ['proofOfPurchase' as const], deliveredAt: new Date('2026-10-01T15:00:00-04:00') };
    const day30 = checkReturn(p.returns!, { ...base, requestedAt: new Date('2026-10-31T15:00:00-04:00'), receivedAt: new Date('2026-11-02T10:00:00-05:00') });
    expect([day30.outcome, day30.quote?.refund.amount, day30.deadlines.refundBy?.toISOString()]).toEqual(['eligible', '211.65', '2026-11-16T15:00:00.000Z']);
    expect(checkReturn(p.returns!, { ...base, requestedAt: new Date('2026-11-01T15:00:00-05:00') }).outcome).toBe('ineligible');
    const exchange = checkReturn(p.returns!, { ...base, service: 'exchange', sizeClass: 'large', requestedAt: new Date('2026-10-10T15:00:00-04:00') });
    expect(exchange.quote?.fees.map((f) => [f.rule, f.amount.amount])).toEqual([['exchange-large', '15.00']]);
  });

  it('covers electronics for two years and consumables for one, with express replacement where stock permits', () => {
    const claim = { segment: 'consumer' as const, evidence: ['proofOfPurchase' as const, 'serialNumber' as const], purchasedAt: new Date('2025-06-01T12:00:00-04:00'), claimedAt: new Date('2026-11-25T12:00:00-05:00') };
    expect(checkWarrantyClaim(p.warranty!, { ...claim, category: 'electronics' }).coverage?.lastDay).toBe('2027-05-31');
    expect(checkWarrantyClaim(p.warranty!, { ...claim, category: 'consumables' }).outcome).toBe('not-covered');
    const express = checkWarrantyClaim(p.warranty!, { ...claim, category: 'electronics', inStock: true });
    expect([express.remedy?.remedy, express.remedy?.dueBy?.toISOString(), express.retention[0]?.keepUntil]).toEqual(['express-replacement', '2026-11-27T17:00:00.000Z', '2028-05-25']);
  });

  it('offers refund or replacement + $10 for damage, and $15 or free expedited shipping after 7 business days late', () => {
    const damaged = decideCompensation(p.compensation!, { type: 'damaged-item', verified: true, orderValue: '40.00' });
    expect([damaged.maxValue.amount, damaged.approval?.needed]).toEqual(['50.00', false]);
    const late = decideCompensation(p.compensation!, { type: 'delivery-delay', promisedAt: new Date('2026-11-02T12:00:00-05:00'), deliveredAt: new Date('2026-11-12T12:00:00-05:00') });
    expect(late.choose.map((o) => o.type)).toEqual(['discount-code', 'free-expedited-shipping']);
  });

  it('moves technical cases to Tier 2 within 2 hours and unresolved Tier 2 cases to Tier 3 after 24 hours', () => {
    const created = new Date('2026-11-25T14:00:00Z');
    expect(decideEscalation(p.escalation!, { category: 'technical', createdAt: created, now: created }).deadlines.reachBy?.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(decideEscalation(p.escalation!, { currentTier: 'tier-2', tierEnteredAt: created, createdAt: created, now: new Date(created.getTime() + 25 * HOUR) }).targetTier).toBe('tier-3');
  });
});

describe('presets.pelpro', () => {
  const p = presets.pelpro;

  it('answers phones in 30 s, chat in 2 min, acknowledges email in 4 business hours and issues RMAs in 24', () => {
    const targets = Object.fromEntries(p.spec.sla!.rules.flatMap((r) => r.targets).map((t) => [t.id, t.within]));
    expect([targets['phone-answer'], targets['chat-first-reply'], targets['email-ack'], targets['email-reply'], targets['rma-number']]).toEqual([
      { seconds: 30 },
      { minutes: 2 },
      { hours: 4 },
      { hours: 24 },
      { hours: 24 },
    ]);
  });

  it('charges 15 % restocking only after day 30', () => {
    const base = { category: 'electronics', price: '129.99', condition: 'opened' as const, evidence: ['proofOfPurchase' as const], deliveredAt: new Date('2026-10-01T12:00:00-05:00') };
    expect(checkReturn(p.returns!, { ...base, requestedAt: new Date('2026-10-31T12:00:00-05:00') }).quote?.refund.amount).toBe('129.99');
    expect(checkReturn(p.returns!, { ...base, requestedAt: new Date('2026-11-01T12:00:00-06:00') }).quote?.refund.amount).toBe('110.49');
  });

  it('sells a $49 consumer year and a $199 commercial three years, and sends commercial units on-site within 72 hours', () => {
    const plans = p.spec.warranty!.plans!.map((plan) => [plan.id, plan.price, plan.months]);
    expect(plans).toEqual([
      ['consumer-1y', '49.00', 12],
      ['commercial-3y', '199.00', 36],
    ]);
    const claim = checkWarrantyClaim(p.warranty!, { category: 'electronics', segment: 'commercial', evidence: ['proofOfPurchase', 'serialNumber'], purchasedAt: new Date('2026-01-10T12:00:00Z'), claimedAt: new Date('2026-11-25T15:00:00-06:00') });
    expect([claim.remedy?.remedy, claim.remedy?.dueBy?.toISOString()]).toEqual(['on-site-repair', '2026-11-28T21:00:00.000Z']);
  });

  it('credits 10 % of the monthly support fee for an SLA breach (partners and corporate customers)', () => {
    expect(decideCompensation(p.compensation!, { type: 'sla-breach', tier: 'corporate', monthlyFee: '4000.00' }).maxValue.amount).toBe('400.00');
  });

  it('brings an on-call engineer within 60 minutes for Severity 1, with updates every 2 hours and a post-mortem within 72', () => {
    const d = decideEscalation(p.escalation!, { severity: 'sev1', createdAt: new Date('2026-11-25T09:00:00Z'), now: new Date('2026-11-25T09:05:00Z') });
    expect([d.targetTier, d.deadlines.reachBy?.toISOString(), d.workflows.map((w) => w.id)]).toEqual(['tier-3', '2026-11-25T10:00:00.000Z', ['commander-updates', 'post-mortem']]);
  });
});

it('ships every preset as JSON data that round-trips', () => {
  for (const spec of Object.values(presetSpecs)) expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
});

it('documents presetSpecs with a working example', () => {
  expect(presetSpecs.primos.returns?.windows[0]?.days).toBe(30);
});

describe('presets.homepro', () => {
  const p = presets.homepro;

  it('visits a priority hazard within 6 hours and calls back within 2, around the clock', () => {
    const report = evaluateSla(p.sla!, { category: 'onsite', priority: 'priority', events: [{ type: 'created', at: '2026-11-21T23:00:00+07:00' }] }, new Date('2026-11-22T00:00:00+07:00'));
    expect(report.clocks.map((c) => [c.metric, c.deadline.toISOString()])).toEqual([
      ['firstResponse', '2026-11-21T18:00:00.000Z'],
      ['onSiteVisit', '2026-11-21T22:00:00.000Z'],
    ]);
  });

  it('refuses installed goods and charges no return label (the $75 label is Tru Fit\'s)', () => {
    const base = { category: 'appliances', price: '12990', condition: 'unopened' as const, evidence: ['proofOfPurchase' as const], deliveredAt: new Date('2026-11-01T10:00:00+07:00'), requestedAt: new Date('2026-11-10T10:00:00+07:00') };
    expect(checkReturn(p.returns!, { ...base, flags: ['installed'] }).outcome).toBe('ineligible');
    expect(checkReturn(p.returns!, { ...base, orderValue: '12990' }).quote?.fees).toEqual([]);
  });

  it('sends compensation over 1,000, safety incidents and repeated failed visits to Level 3 within 4 business hours', () => {
    const created = new Date('2026-11-23T09:00:00+07:00');
    const d = decideEscalation(p.escalation!, { amount: '1000.01', createdAt: created, now: created });
    expect([d.targetTier, d.deadlines.acknowledgeBy?.toISOString()]).toEqual(['level-3', '2026-11-23T06:00:00.000Z']);
    expect(decideEscalation(p.escalation!, { amount: '1000', createdAt: created, now: created }).targetTier).toBe('level-1');
    expect(decideCompensation(p.compensation!, { type: 'refund-request', orderValue: '1200' }).approval?.level).toBe('senior-manager');
  });
});

describe('presets.amare', () => {
  const p = presets.amare;

  it('acknowledges urgent health-safety issues in 2 hours and general inquiries in 24 business hours', () => {
    const urgent = evaluateSla(p.sla!, { priority: 'urgent', events: [{ type: 'created', at: '2026-11-21T22:00:00-07:00' }] }, new Date('2026-11-22T05:00:00Z'));
    expect(urgent.clocks.find((c) => c.metric === 'acknowledgement')?.deadline.toISOString()).toBe('2026-11-22T07:00:00.000Z');
    const general = evaluateSla(p.sla!, { channel: 'email', events: [{ type: 'created', at: '2026-11-23T09:00:00-07:00' }] }, new Date('2026-11-23T17:00:00Z'));
    expect(general.clocks[0]?.targetMs).toBe(24 * HOUR);
  });

  it('escalates refunds over $200 and legal complaints to a senior manager at once, and opens the PQI workflow', () => {
    const created = new Date('2026-11-23T16:00:00Z');
    expect(decideEscalation(p.escalation!, { amount: '200.01', createdAt: created, now: created }).targetTier).toBe('senior-manager');
    expect(decideEscalation(p.escalation!, { amount: '200.00', createdAt: created, now: created }).targetTier).toBe('agent');
    expect(decideEscalation(p.escalation!, { category: 'product-quality', createdAt: created, now: created }).workflows[0]?.dueBy?.toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });
});

describe('presets.trufit', () => {
  const p = presets.trufit;

  it('charges 10 % on opened equipment, refunds within 5 business days, and covers claims for 12 months', () => {
    const decision = checkReturn(p.returns!, { category: 'equipment', price: '899.00', condition: 'opened', deliveredAt: new Date('2026-11-01T10:00:00-08:00'), requestedAt: new Date('2026-11-20T10:00:00-08:00'), receivedAt: new Date('2026-11-24T10:00:00-08:00') });
    // Back-office business days are Mon-Fri (an assumption): Wed, Thu, Fri, Mon, Tue.
    expect([decision.quote?.refund.amount, decision.deadlines.refundBy?.toISOString()]).toEqual(['809.10', '2026-12-01T18:00:00.000Z']);
    const claim = checkWarrantyClaim(p.warranty!, { category: 'equipment', segment: 'consumer', evidence: ['proofOfPurchase'], purchasedAt: new Date('2025-11-25T10:00:00-08:00'), claimedAt: new Date('2026-11-24T10:00:00-08:00') });
    expect([claim.outcome, claim.coverage?.lastDay, claim.deadlines.processedBy?.toISOString()]).toEqual(['covered', '2026-11-24', '2026-12-08T18:00:00.000Z']);
  });

  it('auto-approves refunds under $50 and escalates after 48 hours unresolved with a 1-business-day acknowledgement', () => {
    expect(decideCompensation(p.compensation!, { type: 'refund-request', orderValue: '49.99' }).approval?.level).toBe('auto');
    expect(decideCompensation(p.compensation!, { type: 'refund-request', orderValue: '50.00' }).approval?.level).toBe('agent');
    const created = new Date('2026-11-23T15:00:00Z');
    const d = decideEscalation(p.escalation!, { createdAt: created, now: new Date(created.getTime() + 48 * HOUR + 1) });
    expect([d.targetTier, d.deadlines.acknowledgeBy?.toISOString()]).toEqual(['tier-2', '2026-11-26T15:00:00.000Z']);
  });
});
