import { describe, expect, it } from 'vitest';
import { quoteFees } from '../../src/fees/index.js';
import { checkReturn, defineReturnPolicy, type ReturnPolicySpec } from '../../src/returns/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';

// What definition refuses (code and path, so a policy author can find the field) and what a
// defined policy knows. Every policy here is defined inside its test, where the definition runs.
const spec: ReturnPolicySpec = {
  id: 'shop',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [{ id: 'installed', flags: ['installed'] }],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'fees',
    currency: 'USD',
    rules: [
      { id: 'restock-opened', kind: 'restocking', percent: 15, when: { condition: ['opened'], category: ['electronics'], service: ['return'] } },
      // HomePro: an on-site visit is priced by the same schedule, outside any return.
      { id: 'visit', kind: 'visit', flat: '50.00', when: { service: ['visit'] } },
    ],
  },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
};
const request = {
  category: 'electronics',
  price: '100.00',
  condition: 'unopened' as const,
  evidence: ['proofOfPurchase' as const],
  deliveredAt: '2026-10-01T12:00:00-04:00',
  requestedAt: '2026-10-10T12:00:00-04:00',
};
const issuesOf = (patch: Partial<ReturnPolicySpec>) =>
  thrownError(() => defineReturnPolicy({ ...spec, ...patch } as ReturnPolicySpec)).issues.map((issue) => [issue.code, issue.path.join('.')]);

describe('a return policy is refused at the field that is wrong', () => {
  it('names the time zone the runtime does not know', () => {
    expect(issuesOf({ timeZone: 'Mars/Base' })).toEqual([['INVALID_TIME_ZONE', 'timeZone']]);
  });

  it('refuses an id used twice, wherever the second one is: windows, evidence rules, fee rules', () => {
    const window = { id: 'standard-30', days: 30, from: 'delivery' as const };
    expect(issuesOf({ windows: [{ ...window, category: ['appliances'], days: 14 }, window] })).toEqual([['DUPLICATE_ID', 'windows.1.id']]);
    expect(issuesOf({ evidence: [{ id: 'installed', requires: ['photos'] }] })).toEqual([['DUPLICATE_ID', 'evidence.0.id']]);
    expect(issuesOf({ fees: { ...spec.fees, rules: [{ id: 'receipt', kind: 'handling', flat: '5.00' }] } })).toEqual([['DUPLICATE_ID', 'fees.rules.0.id']]);
  });

  it('keeps distinct ids apart: the same policy with different ids is defined', () => {
    expect(defineReturnPolicy({ ...spec, evidence: [{ id: 'photos', requires: ['photos'] }] }).id).toBe('shop');
  });

  it('refuses a fee schedule that lists its own categories: the return policy owns them', () => {
    const fees = { ...spec.fees, vocabulary: { category: ['electronics'] } };
    expect(issuesOf({ fees })).toEqual([['INVALID_VALUE', 'fees.vocabulary.category']]);
    // Its size classes and services are its own.
    expect(defineReturnPolicy({ ...spec, fees: { ...spec.fees, vocabulary: { sizeClass: ['small'] } } }).vocabulary.sizeClass).toEqual(['small']);
  });

  it('names the window or evidence rule that names an unknown category', () => {
    const windows = [{ id: 'toys-14', category: ['toys'], days: 14, from: 'delivery' as const }, ...spec.windows];
    expect(issuesOf({ windows })).toEqual([['UNKNOWN_CATEGORY', 'windows.0.category.0']]);
    expect(issuesOf({ evidence: [{ id: 'receipt', requires: ['proofOfPurchase'], category: ['toys'] }] })).toEqual([['UNKNOWN_CATEGORY', 'evidence.0.category.0']]);
  });

  it('accepts windows by category alone when together they cover every category', () => {
    const p = defineReturnPolicy({
      ...spec,
      windows: [
        { id: 'electronics-30', category: ['electronics'], days: 30, from: 'delivery' },
        { id: 'appliances-14', category: ['appliances'], days: 14, from: 'delivery' },
      ],
    });
    expect(checkReturn(p, { ...request, category: 'appliances' }).window).toMatchObject({ id: 'appliances-14', days: 14 });
    expect(checkReturn(p, request).window).toMatchObject({ id: 'electronics-30', days: 30 });
  });
});

// PelPro: full refund for 30 days, returns accepted (with a fee) up to day 90.
describe('late acceptance must end after the window', () => {
  const late = (lateUntilDays: number) => ({ windows: [{ id: 'full-refund-30', days: 30, from: 'delivery' as const, lateUntilDays }] });

  it('refuses lateUntilDays equal to the window, or inside it', () => {
    expect(issuesOf(late(30))).toEqual([['INVALID_RANGE', 'windows.0.lateUntilDays']]);
    expect(issuesOf(late(29))).toEqual([['INVALID_RANGE', 'windows.0.lateUntilDays']]);
  });

  it('accepts one day after the window, and then takes a return on day 31 late', () => {
    const p = defineReturnPolicy({ ...spec, ...late(31) });
    const day31 = checkReturn(p, { ...request, requestedAt: '2026-11-01T12:00:00-05:00' });
    expect([day31.outcome, day31.reasons[0]?.code, day31.window.daysLate]).toEqual(['eligible', 'RETURN_LATE_ACCEPTED', 1]);
  });
});

describe('what a defined policy knows', () => {
  it('lists the values a request may give, and refuses others at the field', () => {
    const p = defineReturnPolicy(spec);
    expect(p.vocabulary).toEqual({
      category: ['electronics', 'appliances'],
      condition: ['unopened', 'opened', 'used', 'damaged-by-customer'],
      service: ['return', 'exchange', 'replacement'],
      sizeClass: [],
      flag: ['installed'],
      evidence: ['proofOfPurchase', 'photos', 'serialNumber'],
    });
    expect(errorOf(() => checkReturn(p, { ...request, category: 'toys' }))).toEqual(['UNKNOWN_CATEGORY', 'category']);
    expect(errorOf(() => checkReturn(p, { ...request, flags: ['final-sale'] }))).toEqual(['UNKNOWN_IN_POLICY', 'flags.0']);
  });

  it('gives its fee schedule the return services and the services its fee rules name, and no other value', () => {
    const p = defineReturnPolicy(spec);
    expect(p.fees.vocabulary.service).toEqual(['return', 'exchange', 'replacement', 'visit']);
    expect(p.fees.vocabulary.category).toEqual(['electronics', 'appliances']);
    expect(quoteFees(p.fees, { service: 'visit' }).total.amount).toBe('50.00');
    // A category or a flag is not a service.
    expect(errorOf(() => quoteFees(p.fees, { service: 'electronics' }))).toEqual(['UNKNOWN_IN_POLICY', 'service']);
    expect(errorOf(() => quoteFees(p.fees, { service: 'installed' }))).toEqual(['UNKNOWN_IN_POLICY', 'service']);
  });

  it('refuses a negative price even when the window has already refused the return', () => {
    const p = defineReturnPolicy(spec);
    expect(errorOf(() => checkReturn(p, { ...request, price: '-0.01', requestedAt: '2026-12-01T12:00:00-05:00' }))).toEqual(['INVALID_FACT', 'price']);
    expect(checkReturn(p, { ...request, price: '0.00', requestedAt: '2026-12-01T12:00:00-05:00' }).outcome).toBe('ineligible');
  });
});
