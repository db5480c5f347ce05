import { errorOf } from '../helpers/errors.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { quoteFees } from '../../src/fees/index.js';
import { money } from '../../src/money/index.js';
import { ReturnPolicyError, ReturnPolicySchema, checkReturn, defineReturnPolicy, type ReturnPolicy, type ReturnPolicySpec } from '../../src/returns/index.js';

const weekdays = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };

// Primos: "Standard return window: 30 days from delivery for full refund, with a suggested
// restocking fee of 0–15% only for non-defective, opened electronics" (15 %); "issuing refunds
// within 7–10 business days after receiving the returned item" (7); "exchanges within 30 days can
// incur a flat $7 handling fee for small items and $15 for larger items".
// Amare: "customers should be given a return authorization within 48 hours of a verified request"
// (48 elapsed hours, as the presets read it: `authorizationClock: 'around-the-clock'`).
// HomePro: "typically 30 days for non-installed goods".
const spec: ReturnPolicySpec = {
  id: 'primos-returns',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances', 'accessories'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [
    { id: 'installed', flags: ['installed'] },
    { id: 'final-sale', flags: ['final-sale'] },
  ],
  reviewConditions: ['damaged-by-customer'],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'primos-fees',
    currency: 'USD',
    rules: [
      { id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], defective: false, category: ['electronics'], service: ['return'] } },
      { id: 'exchange-small', kind: 'handling', flat: '7.00', description: 'Exchange handling (small item)', when: { service: ['exchange'], sizeClass: ['small'] } },
      { id: 'exchange-large', kind: 'handling', flat: '15.00', description: 'Exchange handling (large item)', when: { service: ['exchange'], sizeClass: ['large'] } },
    ],
  },
  calendar: { timeZone: 'America/New_York', hours: weekdays, holidays: ['2026-11-26'] },
  authorizationWithin: { hours: 48 },
  authorizationClock: 'around-the-clock',
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
};
const policy = defineReturnPolicy(spec);
const base = {
  category: 'electronics',
  price: '129.99',
  condition: 'opened' as const,
  evidence: ['proofOfPurchase' as const],
  deliveredAt: new Date('2026-10-01T23:30:00-04:00'), // Thursday evening, New York
};

describe('the return window, counted between local dates in the store zone', () => {
  it('accepts a request on day 30 and refuses one on day 31, stating the deadline and days late', () => {
    const day30 = checkReturn(policy, { ...base, requestedAt: new Date('2026-10-31T23:59:00-04:00') });
    expect([day30.outcome, day30.window.daysSince, day30.window.lastDay]).toEqual(['eligible', 30, '2026-10-31']);
    // The window ends at local midnight; DST ends later that night, so it is still -04:00.
    expect(day30.window.deadline?.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    const day31 = checkReturn(policy, { ...base, requestedAt: new Date('2026-11-01T00:01:00-04:00') });
    expect(day31.outcome).toBe('ineligible');
    expect(day31.reasons[0]).toMatchObject({ code: 'RETURN_WINDOW_EXPIRED', facts: { lastDay: '2026-10-31', daysLate: 1, deadline: '2026-11-01T04:00:00.000Z' } });
    expect(day31.quote).toBeNull();
  });
});

describe('the refund quote', () => {
  it('deducts 15 % restocking on opened electronics, line by line, and states the deadlines', () => {
    const decision = checkReturn(policy, {
      ...base,
      requestedAt: new Date('2026-10-20T10:00:00-04:00'),
      receivedAt: new Date('2026-11-24T11:00:00-05:00'),
    });
    expect(decision.outcome).toBe('eligible');
    expect(decision.quote?.lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['price', '129.99'],
      ['restocking', '-19.50'],
    ]);
    expect(decision.quote?.refund).toEqual(money('110.49', 'USD'));
    // Authorisation "within 48 hours", read as 48 elapsed hours (the presets' reading, not 48
    // business hours): Tue 10:00 EDT -> Thu 2026-10-22 10:00 EDT.
    expect(decision.deadlines.authorizeBy?.toISOString()).toBe('2026-10-22T14:00:00.000Z');
    // Refund within 7 business days of receipt (Tue 11-24): Wed, (Thanksgiving skipped) Fri, Mon,
    // Tue, Wed, Thu, Fri: Fri 2026-12-04 11:00 EST.
    expect(decision.deadlines.refundBy?.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('counts "within 48 hours" as 48 elapsed hours across the night clocks go back, and as business hours by default', () => {
    // Sat 2026-10-31 10:00 EDT + 48 h = Mon 2026-11-02 09:00 EST (the clocks went back on Sunday).
    const saturday = { ...base, requestedAt: new Date('2026-10-31T10:00:00-04:00') };
    expect(checkReturn(policy, saturday).deadlines.authorizeBy?.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    // On the Mon–Fri 09:00–17:00 calendar, 48 business hours from Saturday: six 8-hour days,
    // Mon 2 … Mon 9 Nov 17:00 EST.
    const business = defineReturnPolicy({ ...spec, authorizationClock: 'business' });
    expect(checkReturn(business, saturday).deadlines.authorizeBy?.toISOString()).toBe('2026-11-09T22:00:00.000Z');
    const byDefault: ReturnPolicySpec = { ...spec };
    delete (byDefault as { authorizationClock?: unknown }).authorizationClock;
    expect(checkReturn(defineReturnPolicy(byDefault), saturday).deadlines.authorizeBy?.toISOString()).toBe('2026-11-09T22:00:00.000Z');
  });

  it('charges the exchange handling fee by size and refunds nothing for an exchange', () => {
    const decision = checkReturn(policy, { ...base, service: 'exchange', sizeClass: 'large', requestedAt: new Date('2026-10-10T10:00:00-04:00') });
    expect(decision.quote?.lines).toEqual([{ item: 'Exchange handling (large item)', kind: 'handling', amount: money('-15.00', 'USD') }]);
    expect([decision.quote?.refund.amount, decision.quote?.charge.amount, decision.quote?.balance.amount]).toEqual(['0.00', '15.00', '-15.00']);
  });
});

describe('every rule is evaluated and every reason kept', () => {
  it('reports an expired window, a non-returnable class and missing evidence together', () => {
    const decision = checkReturn(policy, { ...base, flags: ['installed'], evidence: [], requestedAt: new Date('2026-12-15T10:00:00-05:00') });
    expect(decision.outcome).toBe('ineligible');
    expect(decision.reasons.map((r) => r.code)).toEqual(['RETURN_WINDOW_EXPIRED', 'NOT_RETURNABLE', 'EVIDENCE_MISSING']);
    expect(decision.reasons[2]?.facts).toEqual({ missing: ['proofOfPurchase'] });
  });

  it('sends a customer-damaged item to a person', () => {
    const decision = checkReturn(policy, { ...base, condition: 'damaged-by-customer', requestedAt: new Date('2026-10-10T10:00:00-04:00') });
    expect(decision.outcome).toBe('needs-review');
    expect(decision.quote?.refund.amount).toBe('129.99');
  });

  it('accepts a late return with a fee where the policy says so (PelPro: 15 % after day 30)', () => {
    const pelpro = defineReturnPolicy({
      ...spec,
      id: 'pelpro',
      windows: [{ id: 'full-refund-30', days: 30, from: 'delivery', lateUntilDays: 90 }],
      fees: { id: 'pelpro-fees', currency: 'USD', rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15, when: { daysSinceDelivery: { gt: 30 }, condition: ['unopened', 'opened', 'used'] } }] },
    });
    const decision = checkReturn(pelpro, { ...base, requestedAt: new Date('2026-11-11T10:00:00-05:00') });
    expect(decision.outcome).toBe('eligible');
    expect(decision.reasons[0]).toMatchObject({ code: 'RETURN_LATE_ACCEPTED', facts: { daysLate: 11 } });
    expect(decision.quote?.refund.amount).toBe('110.49');
  });
});

describe('bad requests and policies', () => {

  it.each([
    [{ category: 'furniture' }, 'UNKNOWN_CATEGORY', 'category'],
    [{ deliveredAt: new Date('2026-12-01T00:00:00Z') }, 'DATE_AFTER_REQUEST', 'deliveredAt'],
    [{ deliveredAt: undefined }, 'MISSING_DATE', 'deliveredAt'],
    [{ price: '-5.00' }, 'INVALID_FACT', 'price'],
    [{ price: money('5.00', 'EUR') }, 'CURRENCY_MISMATCH', 'price.currency'],
  ])('rejects %j', (change, code, path) => {
    expect(errorOf(() => checkReturn(policy, { ...base, requestedAt: new Date('2026-10-10T10:00:00-04:00'), ...change }))).toEqual([code, path]);
  });

  it('rejects a policy that names unknown categories or an unknown currency', () => {
    expect(() => defineReturnPolicy({ ...spec, windows: [{ id: 'w', days: 30, from: 'delivery', category: ['toys'] }] })).toThrow(ReturnPolicyError);
    expect(errorOf(() => defineReturnPolicy({ ...spec, fees: { ...spec.fees, currency: 'XYZ' } }))).toEqual(['UNKNOWN_CURRENCY', 'fees.currency']);
  });
});

// What changes hands: a signed balance the lines sum to, and refund / charge of which one is zero.
describe('the quote states what changes hands', () => {
  const quoteOf = (p: ReturnPolicy, request: Partial<Parameters<typeof checkReturn>[1]>) => {
    const decision = checkReturn(p, { ...base, requestedAt: new Date('2026-10-10T10:00:00-04:00'), ...request });
    return { decision, quote: decision.quote, said: decision.reasons.find((r) => r.code === 'QUOTE_BALANCE') };
  };

  it('Primos: "a flat $7 handling fee for small items": the customer pays 7.00 for the exchange', () => {
    const { decision, quote, said } = quoteOf(policy, { service: 'exchange', sizeClass: 'small', price: '49.99' });
    expect(quote?.lines).toEqual([{ item: 'Exchange handling (small item)', kind: 'handling', amount: money('-7.00', 'USD') }]);
    expect(quote?.balance).toEqual(money('-7.00', 'USD'));
    expect([quote?.refund.amount, quote?.charge.amount]).toEqual(['0.00', '7.00']);
    expect(said).toMatchObject({ facts: { service: 'exchange', balance: '-7.00', refund: '0.00', charge: '7.00', currency: 'USD' }, message: 'The customer pays 7.00 USD for the exchange.' });
    // The fees are charged, not limited: an exchange is not a refund.
    expect(decision.reasons.some((r) => r.code === 'FEES_EXCEED_PRICE')).toBe(false);
  });

  it('a return at the price: the customer receives it all to the original payment method', () => {
    const { quote, said } = quoteOf(policy, { condition: 'unopened', price: '129.99' });
    expect(quote?.lines).toEqual([{ item: 'Item price', kind: 'price', amount: money('129.99', 'USD') }]);
    expect([quote?.balance.amount, quote?.refund.amount, quote?.charge.amount]).toEqual(['129.99', '129.99', '0.00']);
    expect(said?.message).toBe('The customer receives 129.99 USD to the original payment method.');
  });

  it('says how a store-credit policy pays', () => {
    const credit = defineReturnPolicy({ ...spec, refund: { method: 'store-credit', issuedWithin: { businessDays: 7 } } });
    expect(quoteOf(credit, { condition: 'unopened', price: '20.00' }).said?.message).toBe('The customer receives 20.00 USD as store credit.');
  });

  describe('a return whose fees exceed the price', () => {
    const shipping = defineReturnPolicy({
      ...spec,
      fees: { ...spec.fees, rules: [...spec.fees.rules, { id: 'return-shipping', kind: 'shipping', flat: '12.00', description: 'Return shipping', when: { service: ['return'], sizeClass: ['large'] } }] },
    });

    it('charges no fee beyond the price: a fee-limit line brings the lines to the 0.00 balance', () => {
      const { decision, quote, said } = quoteOf(shipping, { category: 'accessories', condition: 'unopened', sizeClass: 'large', price: '9.99' });
      expect(quote?.lines.map((line) => [line.kind, line.amount.amount])).toEqual([
        ['price', '9.99'],
        ['shipping', '-12.00'],
        ['fee-limit', '2.01'],
      ]);
      expect([quote?.balance.amount, quote?.refund.amount, quote?.charge.amount]).toEqual(['0.00', '0.00', '0.00']);
      expect(decision.reasons.find((r) => r.code === 'FEES_EXCEED_PRICE')?.facts).toEqual({ fees: '12.00', price: '9.99', notCharged: '2.01' });
      expect(said?.message).toBe('Nothing changes hands.');
    });

    it('at exactly the price there is nothing to limit; one cent under, the limit is one cent', () => {
      const at = quoteOf(shipping, { category: 'accessories', condition: 'unopened', sizeClass: 'large', price: '12.00' });
      expect(at.quote?.lines.map((line) => line.kind)).toEqual(['price', 'shipping']);
      expect(at.decision.reasons.some((r) => r.code === 'FEES_EXCEED_PRICE')).toBe(false);
      expect(at.quote?.balance.amount).toBe('0.00');
      const under = quoteOf(shipping, { category: 'accessories', condition: 'unopened', sizeClass: 'large', price: '11.99' });
      expect(under.quote?.lines.at(-1)).toEqual({ item: 'Fees beyond the price (not charged)', kind: 'fee-limit', amount: money('0.01', 'USD') });
      const over = quoteOf(shipping, { category: 'accessories', condition: 'unopened', sizeClass: 'large', price: '12.01' });
      expect([over.quote?.balance.amount, over.said?.message]).toEqual(['0.01', 'The customer receives 0.01 USD to the original payment method.']);
    });
  });
});

// Packaging state and fault are separate facts: "opened but defective" is
// { condition: 'opened', defective: true }. Primos restocks "only for non-defective, opened electronics".
describe('packaging state and fault are separate facts', () => {
  const at = { requestedAt: new Date('2026-10-10T10:00:00-04:00') };

  it('refunds an opened but defective item in full, and says the restocking rule needs a non-defective item', () => {
    const decision = checkReturn(policy, { ...base, ...at, defective: true });
    expect(decision.quote?.refund.amount).toBe('129.99');
    expect(decision.reasons.find((r) => r.rule === 'restock-opened-electronics')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'defective', expected: 'false', actual: true } });
  });

  it('restocks an opened item that is not defective, said or left out alike', () => {
    expect(checkReturn(policy, { ...base, ...at, defective: false }).quote?.refund.amount).toBe('110.49');
    expect(checkReturn(policy, { ...base, ...at }).quote?.refund.amount).toBe('110.49');
  });

  it('refuses condition "defective" with a hint to write defective: true beside the packaging state', () => {
    const decide = () => checkReturn(policy, { ...base, ...at, condition: 'defective' as 'opened' });
    expect(errorOf(decide)).toEqual(['UNKNOWN_IN_POLICY', 'condition']);
    expect(decide).toThrow('give "defective": true, and the packaging state in "condition" (unopened, opened, used or damaged-by-customer)');
  });

  it('refuses a policy naming "defective" as a condition, in review conditions or in fee rules', () => {
    // Not a packaging state, so TypeScript refuses it too: a JSON policy is the case in point.
    const retired = { ...spec, reviewConditions: ['defective'] } as unknown as ReturnPolicySpec;
    expect(errorOf(() => defineReturnPolicy(retired))).toEqual(['UNKNOWN_IN_POLICY', 'reviewConditions.0']);
    expect(() => defineReturnPolicy(retired)).toThrow('Test "defective": true');
    const rule = { id: 'r', kind: 'restocking', percent: 5, when: { condition: ['defective'] } };
    expect(errorOf(() => defineReturnPolicy({ ...spec, fees: { ...spec.fees, rules: [rule] } }))).toEqual(['UNKNOWN_IN_POLICY', 'fees.rules.0.when.condition.0']);
    const typo = { ...spec, reviewConditions: ['opened', 'damaged'] } as unknown as ReturnPolicySpec;
    expect(errorOf(() => defineReturnPolicy(typo))).toEqual(['UNKNOWN_IN_POLICY', 'reviewConditions.1']);
    expect(() => defineReturnPolicy(typo)).toThrow('did you mean "damaged-by-customer"?');
    expect(errorOf(() => defineReturnPolicy({ ...spec, reviewConditions: [42] } as unknown as ReturnPolicySpec))).toEqual(['INVALID_VALUE', 'reviewConditions.0']);
  });

  it('keeps the packaging states as an enum in the JSON Schema and the type of reviewConditions', () => {
    const schema = z.toJSONSchema(ReturnPolicySchema, { unrepresentable: 'any' }) as unknown as { properties: { reviewConditions: unknown } };
    expect(schema.properties.reviewConditions).toMatchObject({ type: 'array', items: { type: 'string', enum: ['unopened', 'opened', 'used', 'damaged-by-customer'] } });
    expectTypeOf<NonNullable<ReturnPolicySpec['reviewConditions']>[number]>().toEqualTypeOf<'unopened' | 'opened' | 'used' | 'damaged-by-customer'>();
  });

  it('lets non-returnable classes and evidence rules test the fault: final sale unless defective, photos of a defect', () => {
    const p = defineReturnPolicy({
      ...spec,
      nonReturnable: [{ id: 'final-sale', flags: ['final-sale'], defective: false }],
      evidence: [
        { id: 'receipt', requires: ['proofOfPurchase'] },
        { id: 'defect-photos', requires: ['photos'], defective: true },
      ],
    });
    const finalSale = { ...base, ...at, flags: ['final-sale'] };
    expect(checkReturn(p, finalSale).reasons.find((r) => r.code === 'NOT_RETURNABLE')).toMatchObject({ rule: 'final-sale', facts: { defective: false } });
    const faulty = checkReturn(p, { ...finalSale, defective: true });
    expect([faulty.outcome, faulty.reasons.find((r) => r.code === 'EVIDENCE_MISSING')?.facts]).toEqual(['ineligible', { missing: ['photos'] }]);
    expect(checkReturn(p, { ...finalSale, defective: true, evidence: ['proofOfPurchase', 'photos'] }).outcome).toBe('eligible');
  });
});

// Primos: "shipping for replacements under warranty should be free".
describe('warranty replacements are priced with the schedule\'s warranty rules', () => {
  const warrantyPolicy = defineReturnPolicy({
    ...spec,
    fees: {
      ...spec.fees,
      rules: [
        ...spec.fees.rules,
        { id: 'warranty-shipping', kind: 'shipping', free: true, description: 'Warranty replacement shipping', when: { service: ['replacement'], warranty: true } },
        { id: 'expedited', kind: 'expedited', when: { expedited: true }, bands: [{ upToKg: 2, amount: '25.00' }, { upToKg: 10, amount: '35.00' }, { amount: '45.00' }] },
      ],
    },
  });
  const replacement = { ...base, service: 'replacement' as const, defective: true, requestedAt: new Date('2026-10-10T10:00:00-04:00') };

  it('gives an opened, defective item replaced under warranty a free shipping line, with its reason', () => {
    const decision = checkReturn(warrantyPolicy, { ...replacement, warranty: true });
    expect(decision.quote?.lines).toEqual([{ item: 'Warranty replacement shipping', kind: 'shipping', amount: money('0.00', 'USD') }]);
    expect(decision.quote?.fees[0]).toMatchObject({ rule: 'warranty-shipping', basis: { type: 'free' } });
    expect(decision.reasons.find((r) => r.rule === 'warranty-shipping')).toMatchObject({ code: 'FEE_APPLIED', facts: { kind: 'shipping', amount: '0.00', basis: 'free' } });
    expect(decision.reasons.find((r) => r.code === 'QUOTE_BALANCE')?.message).toBe('Nothing changes hands.');
  });

  it('does not give the same request without warranty the warranty shipping', () => {
    const decision = checkReturn(warrantyPolicy, replacement);
    expect(decision.quote?.fees).toEqual([]);
    expect(decision.reasons.find((r) => r.rule === 'warranty-shipping')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'warranty', actual: false } });
  });

  it('refuses warranty: true for an item that is not defective', () => {
    expect(errorOf(() => checkReturn(warrantyPolicy, { ...replacement, defective: false, warranty: true }))).toEqual(['CONFLICTING_FIELDS', 'warranty']);
    expect(() => checkReturn(warrantyPolicy, { ...replacement, defective: undefined, warranty: true })).toThrow('give "defective": true too');
  });

  it('exposes its compiled, frozen fee schedule for fees outside a return (an expedited replacement by weight)', () => {
    expect(Object.isFrozen(warrantyPolicy)).toBe(true);
    expect(Object.isFrozen(warrantyPolicy.fees)).toBe(true);
    expect(warrantyPolicy.fees.vocabulary.service).toEqual(['return', 'exchange', 'replacement']);
    const quote = quoteFees(warrantyPolicy.fees, { service: 'replacement', warranty: true, expedited: true, weightKg: 3 });
    expect(quote.fees.map((f) => [f.rule, f.amount.amount])).toEqual([
      ['warranty-shipping', '0.00'],
      ['expedited', '35.00'],
    ]);
  });
});

// Behaviour the mutation run of 2026-11-25 showed no test pinned down.
describe('windows, outcomes and classes, from both sides', () => {
  const requested = (iso: string) => ({ requestedAt: new Date(iso) });

  it('accepts a late return on the last late day (day 90) and refuses it on day 91', () => {
    const late = defineReturnPolicy({ ...spec, windows: [{ id: 'full-refund-30', days: 30, from: 'delivery', lateUntilDays: 90 }] });
    const day90 = checkReturn(late, { ...base, ...requested('2026-12-30T12:00:00-05:00') });
    expect([day90.outcome, day90.window.daysSince, day90.reasons[0]?.code]).toEqual(['eligible', 90, 'RETURN_LATE_ACCEPTED']);
    expect(day90.reasons[0]?.facts).toMatchObject({ daysLate: 60, lateUntilDays: 90 });
    const day91 = checkReturn(late, { ...base, ...requested('2026-12-31T12:00:00-05:00') });
    expect([day91.outcome, day91.reasons[0]?.code, day91.window.daysLate]).toEqual(['ineligible', 'RETURN_WINDOW_EXPIRED', 61]);
    expect([day91.quote, day91.deadlines]).toEqual([null, { authorizeBy: null, refundBy: null }]);
  });

  it('keeps a customer-damaged item asked for after the window ineligible, not needs-review', () => {
    const decision = checkReturn(policy, { ...base, condition: 'damaged-by-customer', ...requested('2026-11-05T10:00:00-05:00') });
    expect(decision.outcome).toBe('ineligible');
    expect(decision.reasons.map((r) => r.code)).toEqual(['RETURN_WINDOW_EXPIRED', 'CONDITION_NEEDS_REVIEW']);
    expect(decision.quote).toBeNull();
  });

  it('refuses for missing evidence alone, inside the window, and missing evidence outweighs a review', () => {
    const alone = checkReturn(policy, { ...base, evidence: [], ...requested('2026-10-10T10:00:00-04:00') });
    expect([alone.outcome, alone.reasons.map((r) => r.code)]).toEqual(['ineligible', ['RETURN_WITHIN_WINDOW', 'EVIDENCE_MISSING']]);
    const both = checkReturn(policy, { ...base, condition: 'damaged-by-customer', evidence: [], ...requested('2026-10-10T10:00:00-04:00') });
    expect(both.outcome).toBe('ineligible');
  });

  it('states the window a request is within', () => {
    const decision = checkReturn(policy, { ...base, ...requested('2026-10-10T10:00:00-04:00') });
    expect(decision.reasons[0]).toMatchObject({ code: 'RETURN_WITHIN_WINDOW', rule: 'standard-30', facts: { daysSince: 9, daysLate: 0, lastDay: '2026-10-31' } });
  });

  it('refuses an item carrying any one of a class\'s flags, whichever class names it', () => {
    const p = defineReturnPolicy({ ...spec, nonReturnable: [{ id: 'hygiene', category: ['accessories'], flags: ['worn'] }, { id: 'final', flags: ['installed', 'final-sale'] }] });
    const at = requested('2026-10-10T10:00:00-04:00');
    expect(checkReturn(p, { ...base, ...at, flags: ['final-sale'] }).reasons.filter((r) => r.code === 'NOT_RETURNABLE').map((r) => r.rule)).toEqual(['final']);
    // One matching flag is enough, even beside flags the class does not name.
    expect(checkReturn(p, { ...base, ...at, flags: ['worn', 'final-sale'] }).reasons.filter((r) => r.code === 'NOT_RETURNABLE').map((r) => r.rule)).toEqual(['final']);
    expect(checkReturn(p, { ...base, ...at, flags: ['worn'] }).outcome).toBe('eligible'); // worn electronics: the class is for accessories
    expect(checkReturn(p, { ...base, ...at, category: 'accessories', flags: ['worn'] }).outcome).toBe('ineligible');
    expect(checkReturn(p, { ...base, ...at, flags: [] }).outcome).toBe('eligible');
  });

  it('takes the first window whose category matches (accessories 14 days, the rest 30)', () => {
    const p = defineReturnPolicy({ ...spec, windows: [{ id: 'accessories-14', category: ['accessories'], days: 14, from: 'delivery' }, { id: 'standard-30', days: 30, from: 'delivery' }] });
    const day15 = requested('2026-10-16T10:00:00-04:00');
    const accessory = checkReturn(p, { ...base, category: 'accessories', ...day15 });
    expect([accessory.outcome, accessory.window.id, accessory.window.daysLate]).toEqual(['ineligible', 'accessories-14', 1]);
    expect(checkReturn(p, { ...base, category: 'accessories', ...requested('2026-10-15T10:00:00-04:00') }).outcome).toBe('eligible');
    const electronics = checkReturn(p, { ...base, ...day15 });
    expect([electronics.outcome, electronics.window.id]).toEqual(['eligible', 'standard-30']);
  });

  it('counts deadlines around the clock in the store zone when the policy has no calendar', () => {
    const p = defineReturnPolicy({ ...spec, calendar: undefined, authorizationWithin: { hours: 48 } });
    const decision = checkReturn(p, { ...base, ...requested('2026-10-10T10:00:00-04:00') });
    expect(decision.deadlines.authorizeBy?.toISOString()).toBe('2026-10-12T14:00:00.000Z');
  });

  it('refuses a policy that defineReturnPolicy did not make', () => {
    expect(errorOf(() => checkReturn({ ...policy }, { ...base, ...requested('2026-10-10T10:00:00-04:00') }))).toEqual(['INVALID_RETURN_POLICY', '']);
  });
});
