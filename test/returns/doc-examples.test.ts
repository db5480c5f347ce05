import { expect, it } from 'vitest';
import { errorOf, thrownError } from '../helpers/errors.js';
import { quoteFees } from '../../src/fees/index.js';
import { money } from '../../src/money/index.js';
import { presets } from '../../src/presets/index.js';
import { checkReturn, defineReturnPolicy, type ReturnPolicySpec, type ReturnRequest } from '../../src/returns/index.js';

// The examples in docs/returns.md and the doc comments of defineReturnPolicy, checkReturn and
// ReturnPolicy.fees.
const day = ['09:00-17:00'];
const spec: ReturnPolicySpec = {
  id: 'primos-returns',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [{ id: 'installed', flags: ['installed'] }],
  reviewConditions: ['damaged-by-customer'],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'primos-fees',
    currency: 'USD',
    rules: [
      { id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], defective: false, category: ['electronics'], service: ['return'] } },
      { id: 'exchange-small', kind: 'handling', flat: '7.00', description: 'Exchange handling (small item)', when: { service: ['exchange'], sizeClass: ['small'] } },
    ],
  },
  calendar: { timeZone: 'America/New_York', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } },
  authorizationWithin: { hours: 48 },
  authorizationClock: 'around-the-clock',
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
};
const policy = defineReturnPolicy(spec);

it('decides the documented requests', () => {
  expect(policy.id).toBe('primos-returns');
  const decision = checkReturn(policy, {
    category: 'electronics',
    price: '129.99',
    condition: 'opened',
    evidence: ['proofOfPurchase'],
    deliveredAt: new Date('2026-10-01T15:00:00-04:00'),
    requestedAt: new Date('2026-10-20T10:00:00-04:00'),
  });
  expect([decision.outcome, decision.quote?.refund]).toEqual(['eligible', { amount: '110.49', currency: 'USD' }]);
  expect(decision.reasons.at(-1)?.message).toBe('The customer receives 110.49 USD to the original payment method.');
  const late = checkReturn(policy, {
    category: 'electronics',
    price: '129.99',
    condition: 'opened',
    evidence: ['proofOfPurchase'],
    deliveredAt: new Date('2026-10-01T15:00:00Z'),
    requestedAt: new Date('2026-11-05T15:00:00Z'),
  });
  expect(late.outcome).toBe('ineligible');
  expect(late.reasons[0]).toMatchObject({ code: 'RETURN_WINDOW_EXPIRED', facts: { lastDay: '2026-10-31', daysLate: 5 } });
});

it('says what changes hands for an exchange (checkReturn doc comment and "What changes hands")', () => {
  const exchange = checkReturn(policy, {
    category: 'electronics',
    price: '49.99',
    condition: 'opened',
    service: 'exchange',
    sizeClass: 'small',
    evidence: ['proofOfPurchase'],
    deliveredAt: '2026-10-01T15:00:00-04:00',
    requestedAt: '2026-10-10T10:00:00-04:00',
  });
  expect(exchange.quote?.lines).toEqual([{ item: 'Exchange handling (small item)', kind: 'handling', amount: { amount: '-7.00', currency: 'USD' } }]);
  expect([exchange.quote?.balance, exchange.quote?.refund, exchange.quote?.charge]).toEqual([money('-7.00', 'USD'), money('0.00', 'USD'), money('7.00', 'USD')]);
  expect(exchange.reasons.at(-1)?.message).toBe('The customer pays 7.00 USD for the exchange.');
});

it('keeps packaging state and fault apart, and ships warranty replacements free ("Packaging state and fault", "Warranty replacements")', () => {
  const request: ReturnRequest = {
    category: 'electronics',
    price: '129.99',
    condition: 'opened',
    evidence: ['proofOfPurchase'],
    deliveredAt: '2026-10-01T15:00:00-04:00',
    requestedAt: '2026-10-20T10:00:00-04:00',
  };
  expect(checkReturn(policy, request).quote?.refund.amount).toBe('110.49');
  const defective = checkReturn(policy, { ...request, defective: true });
  expect(defective.quote?.refund.amount).toBe('129.99');
  expect(defective.reasons.find((r) => r.rule === 'restock-opened-electronics')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'defective', expected: 'false', actual: true } });

  const withWarrantyShipping = defineReturnPolicy({
    ...spec,
    fees: { ...spec.fees, rules: [...spec.fees.rules, { id: 'warranty-shipping', kind: 'shipping', free: true, description: 'Warranty replacement shipping', when: { service: ['replacement'], warranty: true } }] },
  });
  const replacement: ReturnRequest = { ...request, service: 'replacement', defective: true, warranty: true };
  const covered = checkReturn(withWarrantyShipping, replacement);
  expect(covered.quote?.lines).toEqual([{ item: 'Warranty replacement shipping', kind: 'shipping', amount: { amount: '0.00', currency: 'USD' } }]);
  expect(covered.reasons.slice(-2).map((r) => [r.code, r.rule ?? null])).toEqual([
    ['FEE_APPLIED', 'warranty-shipping'],
    ['QUOTE_BALANCE', null],
  ]);
  expect(covered.reasons.at(-1)?.message).toBe('Nothing changes hands.');
  const uncovered = checkReturn(withWarrantyShipping, { ...replacement, warranty: undefined });
  expect(uncovered.quote?.fees).toEqual([]);
  expect(uncovered.reasons.find((r) => r.rule === 'warranty-shipping')?.facts).toMatchObject({ field: 'warranty', expected: 'true', actual: false });
});

it('quotes fees outside a return from the compiled preset ("Fees outside a return", ReturnPolicy.fees)', () => {
  const visit = quoteFees(presets.homepro.returns!.fees, { service: 'visit', sameDay: true });
  expect(visit.fees.map((f) => [f.rule, f.amount.amount])).toEqual([
    ['diagnostic', '350.00'],
    ['same-day-diagnostic', '105.00'],
  ]);
  const repair = quoteFees(presets.homepro.returns!.fees, { service: 'repair', repairPerformed: true, sameDay: true });
  expect(repair.total).toEqual({ amount: '650.00', currency: 'THB' });
  expect(quoteFees(presets.homepro.returns!.fees, { service: 'repair', repairPerformed: true, warranty: true }).total.amount).toBe('0.00');
  expect(Object.isFrozen(presets.homepro.returns!.fees)).toBe(true);
});

it('sends a warranty replacement after the window to checkWarrantyClaim, and refuses a replacement of a sound item ("Warranty replacements")', () => {
  const withWarrantyShipping = defineReturnPolicy({
    ...spec,
    fees: { ...spec.fees, rules: [...spec.fees.rules, { id: 'warranty-shipping', kind: 'shipping', free: true, description: 'Warranty replacement shipping', when: { service: ['replacement'], warranty: true } }] },
  });
  const replacement: ReturnRequest = {
    category: 'electronics',
    price: '129.99',
    condition: 'opened',
    evidence: ['proofOfPurchase'],
    deliveredAt: '2026-10-01T15:00:00-04:00',
    requestedAt: '2026-10-20T10:00:00-04:00',
    service: 'replacement',
    defective: true,
    warranty: true,
  };
  const late = checkReturn(withWarrantyShipping, { ...replacement, requestedAt: '2026-11-05T10:00:00-05:00' });
  expect(late.outcome).toBe('ineligible');
  expect(late.reasons[0]?.facts).toMatchObject({ window: 'standard-30', lastDay: '2026-10-31', daysLate: 5, next: 'checkWarrantyClaim' });
  expect(late.reasons[0]?.message).toBe(
    "The 30-day window ended on 2026-10-31; requested 5 day(s) late. A warranty replacement after the return window is decided by checkWarrantyClaim; price it with quoteFees(policy.fees, { service: 'replacement', warranty: true, … }).",
  );
  expect(quoteFees(withWarrantyShipping.fees, { service: 'replacement', warranty: true }).fees).toMatchObject([{ rule: 'warranty-shipping', amount: { amount: '0.00', currency: 'USD' }, basis: { type: 'free' } }]);
  expect(errorOf(() => checkReturn(withWarrantyShipping, { ...replacement, defective: false, warranty: undefined }))).toEqual(['CONFLICTING_FIELDS', 'service']);
});

it('refuses an exchange without its size class rather than "Nothing changes hands" ("What changes hands")', () => {
  const error = thrownError(() =>
    checkReturn(policy, { category: 'electronics', price: '49.99', condition: 'opened', service: 'exchange', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T15:00:00-04:00', requestedAt: '2026-10-10T10:00:00-04:00' }),
  );
  expect([error.code, error.path]).toEqual(['MISSING_FACT', ['sizeClass']]);
  expect(error.issues[0]?.message).toMatch(/^exchange-small charges 7\.00 USD when sizeClass is small: give "sizeClass" \(small\)\./);
});
