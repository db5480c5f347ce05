// The fixes after review (issue 17): each case fails without its fix.
import { describe, expect, it } from 'vitest';
import { checkOrderReturn, checkReturn, defineReturnPolicy, type OrderReturnRequest, type ReturnPolicySpec, type ReturnRequest } from '../../src/returns/index.js';
import { definePolicy, lintPolicy } from '../../src/policy/index.js';
import { checkWarrantyClaim, defineWarrantyPolicy, type WarrantyClaim } from '../../src/warranty/index.js';
import { berlinSpec, london } from './fixtures.js';

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { issues?: unknown }).issues;
  }
  return undefined;
};

describe('the customer\'s time zone counts the law\'s days', () => {
  // A Los Angeles shop with a 7-day window. Delivered on 10 Mar in Berlin (still 9 Mar in LA),
  // requested on 24 Mar at 10:00 in Berlin (2:00 in LA, 24 Mar): day 14 in Berlin, day 15 in LA.
  const la = defineReturnPolicy({ ...berlinSpec, id: 'la-shop', timeZone: 'America/Los_Angeles', windows: [{ id: 'seven', days: 7, from: 'delivery' }] });
  const request: ReturnRequest = { category: 'equipment', price: '200.00', condition: 'unopened', deliveredAt: '2026-03-10T07:00:00+01:00', requestedAt: '2026-03-24T10:00:00+01:00' };

  it('counted in Berlin, the request is on day 14: accepted under the law, and the summary names the zone', () => {
    const d = checkReturn(la, { ...request, customer: { jurisdiction: 'DE', timeZone: 'Europe/Berlin' } });
    expect(d.outcome).toBe('eligible');
    expect(d.window).toMatchObject({ id: 'eu-withdrawal-period', lastDay: '2026-03-24', daysSince: 14, deadline: new Date('2026-03-24T23:00:00Z') });
    expect(d.legal).toMatchObject({ right: 'withdrawal', timeZone: 'Europe/Berlin', applied: ['eu-withdrawal-period'] });
  });

  it('without the customer\'s zone, counted in Los Angeles, it is day 15: past the law\'s 14 days and the policy\'s 7', () => {
    const d = checkReturn(la, { ...request, customer: { jurisdiction: 'DE' } });
    expect(d.outcome).toBe('ineligible');
    expect(d.window).toMatchObject({ id: 'seven', daysSince: 15 });
    expect(d.legal).toMatchObject({ right: null, timeZone: 'America/Los_Angeles' });
  });

  it('an unknown zone is INVALID_TIME_ZONE at customer.timeZone, for returns and warranty claims', () => {
    expect(issuesOf(() => checkReturn(la, { ...request, customer: { jurisdiction: 'DE', timeZone: 'Europe/Berlim' } }))).toEqual([expect.objectContaining({ code: 'INVALID_TIME_ZONE', path: ['customer', 'timeZone'] })]);
    const policy = defineWarrantyPolicy({ id: 'w', timeZone: 'America/Los_Angeles', categories: ['equipment'], terms: [{ id: 't', months: 12, from: 'delivery', covers: { parts: true, labour: true, onSite: false, shipping: true } }] });
    const claim: WarrantyClaim = { category: 'equipment', purchasedAt: '2026-01-10T12:00:00+01:00', claimedAt: '2026-02-10T12:00:00+01:00', deliveredAt: '2026-01-15T12:00:00+01:00', customer: { jurisdiction: 'DE', timeZone: 'Mars/Base' } };
    expect(issuesOf(() => checkWarrantyClaim(policy, claim))).toEqual([expect.objectContaining({ code: 'INVALID_TIME_ZONE', path: ['customer', 'timeZone'] })]);
  });

  it('the legal guarantee\'s last day is a local date in the customer\'s zone', () => {
    // Delivered 15 Jan 2026 at 00:30 in Berlin (14 Jan in LA): two years run through 14 Jan 2028 in
    // Berlin, through 13 Jan 2028 counted in LA. A claim on 14 Jan 2028 at 20:00 in Berlin.
    const policy = defineWarrantyPolicy({ id: 'w', timeZone: 'America/Los_Angeles', categories: ['equipment'], terms: [{ id: 't', months: 12, from: 'delivery', covers: { parts: true, labour: true, onSite: false, shipping: true } }] });
    const claim: WarrantyClaim = { category: 'equipment', purchasedAt: '2026-01-10T12:00:00+01:00', deliveredAt: '2026-01-15T00:30:00+01:00', claimedAt: '2028-01-14T20:00:00+01:00' };
    const berlin = checkWarrantyClaim(policy, { ...claim, customer: { jurisdiction: 'DE', timeZone: 'Europe/Berlin' } });
    expect(berlin.outcome).toBe('covered');
    expect(berlin.coverage).toMatchObject({ term: 'eu-legal-guarantee', lastDay: '2028-01-14', endsAt: new Date('2028-01-14T23:00:00Z') });
    expect(berlin.legal?.timeZone).toBe('Europe/Berlin');
    expect(checkWarrantyClaim(policy, { ...claim, customer: { jurisdiction: 'DE' } }).outcome).toBe('not-covered');
  });
});

describe('the legal guarantee\'s free remedy applies in the policy\'s own term too', () => {
  // A parts-only policy, 12 months from delivery. Delivered 15 Jan 2026 in Berlin.
  const partsOnly = defineWarrantyPolicy({ id: 'parts-only', timeZone: 'Europe/Berlin', categories: ['equipment'], terms: [{ id: 'parts-12', months: 12, from: 'delivery', covers: { parts: true, labour: false, onSite: false, shipping: false } }] });
  const claim: WarrantyClaim = { category: 'equipment', purchasedAt: '2026-01-10T12:00:00+01:00', deliveredAt: '2026-01-15T12:00:00+01:00', claimedAt: '2026-12-10T12:00:00+01:00' };
  const added = (d: ReturnType<typeof checkWarrantyClaim>) => d.reasons.filter((r) => r.code === 'LEGAL_MINIMUM_APPLIED' && r.facts.cover !== undefined).map((r) => r.facts.cover);

  it('month 11: labour and shipping covered by law, each with its reason; the policy\'s term stays the coverage', () => {
    const d = checkWarrantyClaim(partsOnly, { ...claim, customer: { jurisdiction: 'DE' } });
    expect(d.outcome).toBe('covered');
    expect(d.coverage).toMatchObject({ term: 'parts-12', covers: { parts: true, labour: true, onSite: false, shipping: true } });
    expect(added(d)).toEqual(['labour', 'shipping']);
    expect(d.legal?.applied).toEqual(['eu-legal-guarantee']);
  });

  it('month 13: the legal guarantee covers, with the same flags', () => {
    const d = checkWarrantyClaim(partsOnly, { ...claim, claimedAt: '2027-02-20T12:00:00+01:00', customer: { jurisdiction: 'DE' } });
    expect(d.outcome).toBe('covered');
    expect(d.coverage).toMatchObject({ term: 'eu-legal-guarantee', covers: { parts: true, labour: true, onSite: false, shipping: true } });
    expect(added(d)).toEqual(['labour', 'shipping']);
  });

  it('without a customer, or for a commercial claim, the policy\'s parts-only covers stand', () => {
    expect(checkWarrantyClaim(partsOnly, claim).coverage?.covers).toEqual({ parts: true, labour: false, onSite: false, shipping: false });
    const commercial = checkWarrantyClaim(partsOnly, { ...claim, segment: 'commercial', customer: { jurisdiction: 'DE' } });
    expect(commercial.coverage?.covers).toEqual({ parts: true, labour: false, onSite: false, shipping: false });
    expect(added(commercial)).toEqual([]);
  });
});

describe('UK: a faulty line rejected inside the cancellation period keeps the delivery refund', () => {
  // Two lines delivered on 2 Mar 2026 in London; the whole order comes back on day 12.
  const order: OrderReturnRequest['order'] = {
    placedAt: '2026-02-27T09:00:00Z',
    lines: [
      { id: 'kettle', category: 'equipment', unitPrice: '30.00', quantity: 1, deliveredAt: '2026-03-02T10:00:00Z' },
      { id: 'toaster', category: 'equipment', unitPrice: '25.00', quantity: 1, deliveredAt: '2026-03-02T10:00:00Z' },
    ],
    shipping: { amount: '4.99' },
  };
  const request = (defective: boolean): OrderReturnRequest => ({
    order,
    returning: [{ line: 'kettle', quantity: 1, condition: 'opened', ...(defective ? { defective: true } : {}) }, { line: 'toaster', quantity: 1, condition: 'unopened' }],
    requestedAt: '2026-03-14T12:00:00Z',
    customer: { jurisdiction: 'GB' },
  });

  it('no line faulty: the shipping is refunded under the cancellation regulations', () => {
    const d = checkOrderReturn(london, request(false));
    expect(d.quote?.shipping.amount).toBe('4.99');
  });

  it('one line faulty (short-term right to reject): the shipping is still refunded, with the rule', () => {
    const d = checkOrderReturn(london, request(true));
    expect(d.lines.map((l) => l.legal?.right)).toEqual(['short-term-reject', 'withdrawal']);
    expect(d.quote?.shipping.amount).toBe('4.99');
    expect(d.reasons.find((r) => r.code === 'LEGAL_MINIMUM_APPLIED')?.facts).toMatchObject({ rule: 'uk-cancellation-delivery-refund', amount: '4.99' });
  });

  it('on day 20, past the 14-day cancellation period, a faulty line is still rejected but the shipping is not refunded', () => {
    const d = checkOrderReturn(london, { ...request(true), returning: [{ line: 'kettle', quantity: 1, condition: 'opened', defective: true }, { line: 'toaster', quantity: 1, condition: 'opened', defective: true }], requestedAt: '2026-03-22T12:00:00Z' });
    expect(d.lines.map((l) => l.legal?.right)).toEqual(['short-term-reject', 'short-term-reject']);
    expect(d.quote?.shipping.amount).toBe('0.00');
  });
});

describe('lint against the law: windows from the purchase, restocking under another name, refunds like with like', () => {
  const lawFindings = (returns: Record<string, unknown>, jurisdiction = 'DE') =>
    lintPolicy(definePolicy({ id: 'b', version: '1.0', returns: { ...berlinSpec, fees: { ...berlinSpec.fees, rules: [] }, refund: { method: 'original-payment', issuedWithin: { days: 14 } }, ...returns } } as never), { jurisdiction }).filter((f) => f.facts.citation !== undefined);

  it('a 30-day window from the purchase may close before 14 days from the last delivery: reported with its own message', () => {
    const [f, ...rest] = lawFindings({ windows: [{ id: 'thirty', days: 30, from: 'purchase' }] });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'WINDOW_BELOW_LEGAL_MINIMUM', path: ['returns', 'windows', 0], facts: { days: 30, from: 'purchase', countsFrom: 'purchase' } });
    expect(f?.message).toContain('counts from the purchase');
    expect(lawFindings({ windows: [{ id: 'thirty', days: 30, from: 'lastItemDelivered' }] })).toEqual([]);
    expect(lawFindings({ windows: [{ id: 'fourteen', days: 14, from: 'delivery' }] })).toEqual([]);
  });

  it('a fee of another kind that charges opened goods inside the period is reported as a possible restocking fee; a label fee is not', () => {
    const fees = { ...berlinSpec.fees, rules: [{ id: 'reboxing', kind: 'handling', flat: '5.00', when: { condition: ['opened'] } }, { id: 'label', kind: 'label', flat: '4.95', when: { service: ['return'] } }] };
    const findings = lawFindings({ windows: [{ id: 'w', days: 14, from: 'lastItemDelivered' }], fees });
    expect(findings.map((f) => [f.code, f.path.join('.'), f.facts.kindRecognised])).toEqual([['FEE_INSIDE_WITHDRAWAL_PERIOD', 'returns.fees.rules.0', false]]);
    expect(findings[0]?.message).toContain('may be a restocking fee under another name');
  });

  it('REFUND_SLOWER_THAN_LEGAL agrees with the decision: 15 days after receipt is reported and the law sets refundBy, 14 days is neither', () => {
    const request: ReturnRequest = { category: 'equipment', price: '200.00', condition: 'unopened', deliveredAt: '2026-10-12T10:00:00+02:00', requestedAt: '2026-10-14T10:00:00+02:00', receivedAt: '2026-10-14T10:00:00+02:00', customer: { jurisdiction: 'DE' } };
    for (const jurisdiction of ['DE', 'GB']) {
      for (const days of [14, 15]) {
        const spec: ReturnPolicySpec = { ...berlinSpec, windows: [{ id: 'w', days: 30, from: 'delivery' }], fees: { ...berlinSpec.fees, rules: [] }, refund: { method: 'original-payment', issuedWithin: { days } } };
        const linted = lawFindings({ windows: spec.windows, refund: spec.refund }, jurisdiction).some((f) => f.code === 'REFUND_SLOWER_THAN_LEGAL');
        const d = checkReturn(defineReturnPolicy(spec), { ...request, customer: { jurisdiction } });
        const lawDecides = d.reasons.some((r) => r.code === 'LEGAL_MINIMUM_APPLIED' && r.facts.point === 'withdrawal-refund-deadline');
        expect([jurisdiction, days, linted, lawDecides]).toEqual([jurisdiction, days, days > 14, days > 14]);
      }
    }
    // The message compares like with like: the policy's span runs from the goods' receipt.
    const [eu] = lawFindings({ windows: [{ id: 'w', days: 30, from: 'delivery' }], refund: { method: 'original-payment', issuedWithin: { days: 15 } } }).filter((f) => f.code === 'REFUND_SLOWER_THAN_LEGAL');
    expect(eu?.message).toContain('15 days of the goods\' receipt: later, for every return, than the 14 days the law allows from the withdrawal');
  });
});

describe('a valid ISO 3166-1 code with no baseline', () => {
  const request: ReturnRequest = { category: 'equipment', price: '200.00', condition: 'unopened', deliveredAt: '2026-10-12T10:00:00+02:00', lastItemDeliveredAt: '2026-10-12T10:00:00+02:00', requestedAt: '2026-10-30T10:00:00+01:00' };
  const berlinPolicy = defineReturnPolicy(berlinSpec);

  it('US, CH, NO: the policy decides, with NO_LEGAL_BASELINE and an empty legal summary', () => {
    for (const jurisdiction of ['US', 'CH', 'NO', 'JP']) {
      const d = checkReturn(berlinPolicy, { ...request, customer: { jurisdiction } });
      expect(d.outcome).toBe(checkReturn(berlinPolicy, request).outcome);
      expect(d.legal).toMatchObject({ jurisdiction, rules: [], applied: [], right: null });
      expect(d.reasons.find((r) => r.code === 'NO_LEGAL_BASELINE')?.facts).toMatchObject({ jurisdiction });
    }
    const w = checkWarrantyClaim(defineWarrantyPolicy({ id: 'w', timeZone: 'Europe/Berlin', categories: ['equipment'], terms: [{ id: 't', months: 12, from: 'delivery', covers: { parts: true, labour: false, onSite: false, shipping: false } }] }), { category: 'equipment', purchasedAt: '2026-01-10T12:00:00Z', deliveredAt: '2026-01-12T12:00:00Z', claimedAt: '2026-03-10T12:00:00Z', customer: { jurisdiction: 'CH' } });
    expect(w.coverage?.covers.labour).toBe(false);
    expect(w.reasons.map((r) => r.code)).toContain('NO_LEGAL_BASELINE');
    expect(w.legal).toMatchObject({ jurisdiction: 'CH', rules: [], applied: [] });
  });

  it('DE has a baseline: no NO_LEGAL_BASELINE', () => {
    expect(checkReturn(berlinPolicy, { ...request, customer: { jurisdiction: 'DE' } }).reasons.map((r) => r.code)).not.toContain('NO_LEGAL_BASELINE');
  });

  it('XX and lower case keep their errors', () => {
    expect(issuesOf(() => checkReturn(berlinPolicy, { ...request, customer: { jurisdiction: 'XX' } }))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', path: ['customer', 'jurisdiction'] })]);
    expect(issuesOf(() => checkReturn(berlinPolicy, { ...request, customer: { jurisdiction: 'us' } }))).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', path: ['customer', 'jurisdiction'], suggestion: 'US' })]);
     // The error says what is accepted (any ISO code) and which codes have a baseline.
    const [issue] = issuesOf(() => checkReturn(berlinPolicy, { ...request, customer: { jurisdiction: 'XX' } })) as { message: string; allowed: string[] }[];
    expect(issue?.message).toMatch(/^"XX" is not an ISO 3166-1 alpha-2 country code\. .*the legal baselines hold rules for EU, AT, .*any other country is decided by the policy alone\.$/);
    expect(issue?.allowed).toEqual(expect.arrayContaining(['US', 'JP', 'DE', 'GB', 'EU']));
  });

  it('lint with such a jurisdiction: no findings against the law', () => {
    const doc = { id: 'b', version: '1.0', returns: { ...berlinSpec, refund: { method: 'original-payment', issuedWithin: { days: 30 } } } };
    expect(lintPolicy(definePolicy(doc as never), { jurisdiction: 'US' }).filter((f) => f.facts.citation !== undefined)).toEqual([]);
    expect(lintPolicy(definePolicy(doc as never), { jurisdiction: 'DE' }).filter((f) => f.facts.citation !== undefined).length).toBeGreaterThan(0);
  });
});

describe('contradictory dates are INVALID_FACT at the later field', () => {
  it('a return whose last item came before this one', () => {
    const policy = defineReturnPolicy(berlinSpec);
    const request: ReturnRequest = { category: 'equipment', price: '20.00', condition: 'unopened', deliveredAt: '2026-10-20T10:00:00Z', lastItemDeliveredAt: '2026-10-12T10:00:00Z', requestedAt: '2026-10-22T10:00:00Z' };
    expect(issuesOf(() => checkReturn(policy, request))).toEqual([expect.objectContaining({ code: 'INVALID_FACT', path: ['lastItemDeliveredAt'], message: expect.stringContaining('is before "deliveredAt"') })]);
    expect(issuesOf(() => checkReturn(policy, { ...request, lastItemDeliveredAt: request.deliveredAt }))).toBeUndefined();
  });

  it('a warranty claim delivered before it was bought', () => {
    const policy = defineWarrantyPolicy({ id: 'w', timeZone: 'Europe/Berlin', categories: ['equipment'], terms: [{ id: 't', months: 12, from: 'delivery', covers: { parts: true, labour: true, onSite: false, shipping: true } }] });
    const claim: WarrantyClaim = { category: 'equipment', purchasedAt: '2026-01-10T12:00:00Z', deliveredAt: '2026-01-05T12:00:00Z', claimedAt: '2026-03-10T12:00:00Z' };
    expect(issuesOf(() => checkWarrantyClaim(policy, claim))).toEqual([expect.objectContaining({ code: 'INVALID_FACT', path: ['deliveredAt'] })]);
    expect(issuesOf(() => checkWarrantyClaim(policy, { ...claim, deliveredAt: claim.purchasedAt }))).toBeUndefined();
  });
});

describe('an order with items still to come: the withdrawal period has not begun', () => {
  const order: OrderReturnRequest['order'] = {
    placedAt: '2026-10-08T09:00:00+02:00',
    lines: [
      { id: 'mat', category: 'equipment', unitPrice: '40.00', quantity: 1, deliveredAt: '2026-10-12T10:00:00+02:00' },
      { id: 'tee', category: 'apparel', unitPrice: '20.00', quantity: 2 },
    ],
  };
  it('accepted under the law with no last day and no deadline, and a reason that says so', () => {
    const policy = defineReturnPolicy({ ...berlinSpec, id: 'from-delivery', windows: [{ id: 'ten', days: 10, from: 'delivery' }] });
    const d = checkOrderReturn(policy, { order, returning: [{ line: 'mat', quantity: 1, condition: 'unopened' }], requestedAt: '2026-11-20T12:00:00+01:00', customer: { jurisdiction: 'DE' } });
    const line = d.lines[0];
    expect(line?.outcome).toBe('eligible');
    expect(line?.window).toMatchObject({ id: 'eu-withdrawal-period', lastDay: null, deadline: null, daysLate: 0 });
    const reason = line?.reasons.find((r) => r.code === 'LEGAL_MINIMUM_APPLIED');
    expect(reason?.facts).toMatchObject({ begun: false, lastDay: null, deadline: null });
    expect(reason?.message).toContain('not begun');
  });
});
