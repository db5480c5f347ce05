import { describe, expect, it } from 'vitest';
import { quoteFees } from '../../src/fees/index.js';
import { money } from '../../src/money/index.js';
import { checkReturn, defineReturnPolicy, type ReturnRequest } from '../../src/returns/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// Decisions a helpdesk can act on: a replacement is for a faulty item, a warranty request after
// the return window is sent on to checkWarrantyClaim, and an exchange says its size class.
// Primos: "shipping for replacements under warranty should be free; exchanges within 30 days can
// incur a flat $7 handling fee for small items and $15 for larger items"; "Standard return window:
// 30 days from delivery".
const policy = defineReturnPolicy({
  id: 'primos-returns',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'primos-fees',
    currency: 'USD',
    rules: [
      { id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened', 'used'], defective: false, category: ['electronics'], service: ['return'] } },
      { id: 'exchange-small', kind: 'handling', flat: '7.00', description: 'Exchange handling (small item)', when: { service: ['exchange'], sizeClass: ['small'], daysSinceDelivery: { lte: 30 } } },
      { id: 'exchange-large', kind: 'handling', flat: '15.00', description: 'Exchange handling (large item)', when: { service: ['exchange'], sizeClass: ['large'], daysSinceDelivery: { lte: 30 } } },
      { id: 'warranty-shipping', kind: 'shipping', free: true, description: 'Warranty replacement shipping', when: { service: ['replacement'], warranty: true } },
    ],
  },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
});
const delivered = '2026-10-01T15:00:00-04:00';
const day9 = '2026-10-10T10:00:00-04:00';
const day30 = '2026-10-31T20:00:00-04:00';
const day35 = '2026-11-05T10:00:00-05:00';
const tablet: ReturnRequest = { category: 'electronics', price: '329.00', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: delivered, requestedAt: day9 };
const replacement: ReturnRequest = { ...tablet, service: 'replacement', defective: true };

describe('a replacement is a new item for a faulty one', () => {
  it('refuses a replacement of an item that is not defective, saying what to give or ask for instead', () => {
    for (const defective of [false, undefined]) {
      const error = thrownError(() => checkReturn(policy, { ...replacement, defective }));
      expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['CONFLICTING_FIELDS', 'service']]);
      expect(error.message).toContain('give "defective": true');
      expect(error.message).toContain('or ask for a "return" or an "exchange"');
    }
  });

  it('replaces a defective item, and returns or exchanges a sound one', () => {
    expect(checkReturn(policy, replacement).outcome).toBe('eligible');
    const sound = { ...tablet, defective: false };
    expect(checkReturn(policy, { ...sound, service: 'return' }).quote?.refund).toEqual(money('279.65', 'USD')); // 15 % restocking
    expect(checkReturn(policy, { ...sound, service: 'exchange', sizeClass: 'small' }).quote?.charge).toEqual(money('7.00', 'USD'));
  });

  it('lists both conflicts of a warranty replacement of a sound item at once', () => {
    const error = thrownError(() => checkReturn(policy, { ...replacement, defective: false, warranty: true }));
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['CONFLICTING_FIELDS', 'warranty'],
      ['CONFLICTING_FIELDS', 'service'],
    ]);
  });
});

describe('a warranty replacement after the return window', () => {
  it('stays ineligible as a return, and its reason says where to take it: checkWarrantyClaim, then quoteFees', () => {
    const decision = checkReturn(policy, { ...replacement, warranty: true, requestedAt: day35 });
    expect([decision.outcome, decision.quote]).toEqual(['ineligible', null]);
    const expired = decision.reasons[0];
    expect(expired).toMatchObject({ code: 'RETURN_WINDOW_EXPIRED', rule: 'standard-30', facts: { lastDay: '2026-10-31', daysLate: 5, next: 'checkWarrantyClaim' } });
    expect(expired?.message).toBe(
      "The 30-day window ended on 2026-10-31; requested 5 day(s) late. A warranty replacement after the return window is decided by checkWarrantyClaim; price it with quoteFees(policy.fees, { service: 'replacement', warranty: true, … }).",
    );
    // What the reason says to do prices it: shipping for a replacement under warranty is free.
    const quote = quoteFees(policy.fees, { service: 'replacement', warranty: true });
    expect(quote.fees.map((f) => [f.rule, f.amount.amount, f.basis.type])).toEqual([['warranty-shipping', '0.00', 'free']]);
    expect(quote.total).toEqual(money('0.00', 'USD'));
  });

  it('sends on only a warranty request: without warranty, or within the window, there is no next step', () => {
    const plain = checkReturn(policy, { ...replacement, requestedAt: day35 }).reasons[0];
    expect(plain?.code).toBe('RETURN_WINDOW_EXPIRED');
    expect(plain?.facts).not.toHaveProperty('next');
    expect(plain?.message).not.toContain('checkWarrantyClaim');
    const inWindow = checkReturn(policy, { ...replacement, warranty: true, requestedAt: day30 });
    expect([inWindow.outcome, inWindow.reasons[0]?.code]).toEqual(['eligible', 'RETURN_WITHIN_WINDOW']);
    expect(inWindow.reasons.some((r) => r.facts.next !== undefined)).toBe(false);
  });
});

describe('an exchange says its size class: "a flat $7 handling fee for small items and $15 for larger items"', () => {
  const exchange: ReturnRequest = { ...tablet, service: 'exchange' };

  it('refuses an exchange without a size class instead of quoting "Nothing changes hands"', () => {
    const error = thrownError(() => checkReturn(policy, exchange));
    expect([error.code, error.path]).toEqual(['MISSING_FACT', ['sizeClass']]);
    expect(error.message).toContain('exchange-small charges 7.00 USD when sizeClass is small; exchange-large charges 15.00 USD when sizeClass is large: give "sizeClass" (large, small)');
  });

  it('charges 7.00 or 15.00 once it is given, up to day 30', () => {
    expect(checkReturn(policy, { ...exchange, sizeClass: 'small' }).quote?.charge.amount).toBe('7.00');
    expect(checkReturn(policy, { ...exchange, sizeClass: 'large', requestedAt: day30 }).quote?.charge.amount).toBe('15.00');
  });

  it('decides an exchange the window refuses without its size class: there is nothing to price', () => {
    expect(checkReturn(policy, { ...exchange, requestedAt: day35 }).outcome).toBe('ineligible');
  });

  it('does not ask a return for a size class no charging rule of a return tests', () => {
    expect(checkReturn(policy, tablet).quote?.refund.amount).toBe('279.65');
    expect(errorOf(() => checkReturn(policy, { ...tablet, sizeClass: 'medium' }))).toEqual(['UNKNOWN_IN_POLICY', 'sizeClass']);
  });
});
