import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { ReturnPolicyError, checkReturn, defineReturnPolicy, type ReturnPolicySpec } from '../../src/returns/index.js';
import { errorOf } from '../helpers/errors.js';
import { checkMalformedRequests } from '../helpers/malformed.js';

// Requests are parsed, not trusted: what a plain-JavaScript or JSON caller gets wrong is a typed
// error naming the caller's own field, never a quiet eligible.
const spec: ReturnPolicySpec = {
  id: 'shop',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [{ id: 'installed', flags: ['installed', 'final-sale'] }],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'fees',
    currency: 'USD',
    rules: [{ id: 'restock-opened', kind: 'restocking', percent: 20, when: { condition: ['opened'] } }],
    vocabulary: { sizeClass: ['small', 'large'] },
  },
  calendar: { timeZone: 'America/New_York', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
};
const policy = defineReturnPolicy(spec);
const request = {
  category: 'electronics',
  price: '499.00',
  condition: 'opened',
  evidence: ['proofOfPurchase'],
  deliveredAt: '2026-10-01T12:00:00-04:00',
  requestedAt: '2026-10-10T12:00:00-04:00',
  receivedAt: '2026-10-12T12:00:00-04:00',
};
// A JSON or plain-JavaScript caller: no TypeScript to stop them.
const decide = (input: unknown) => checkReturn(policy, input as Parameters<typeof checkReturn>[1]);

describe('return requests from JSON and plain JavaScript', () => {
  it('decides the documented example: 20 % restocking on an opened item', () => {
    expect(decide(request).quote?.refund.amount).toBe('399.20');
  });

  it.each(['Opened', 'OPENED', 'opened '])('refuses the condition %j with a did-you-mean instead of a full refund', (condition) => {
    const error = (() => {
      try {
        decide({ ...request, condition });
      } catch (e) {
        return e as InvalidArgumentError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect([error?.code, error?.path, error?.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['condition'], 'opened']);
    expect(error?.issues[0]?.allowed).toEqual(['unopened', 'opened', 'used', 'damaged-by-customer']);
  });

  it.each([null, 42])('refuses the condition %j as the wrong type', (condition) => {
    expect(errorOf(() => decide({ ...request, condition }))).toEqual(['INVALID_TYPE', 'condition']);
  });

  it('knows the services return, exchange and replacement, and four packaging states', () => {
    expect(policy.vocabulary.service).toEqual(['return', 'exchange', 'replacement']);
    expect(policy.vocabulary.condition).toEqual(['unopened', 'opened', 'used', 'damaged-by-customer']);
    expect(errorOf(() => decide({ ...request, defective: 'yes' }))).toEqual(['INVALID_TYPE', 'defective']);
    expect(errorOf(() => decide({ ...request, service: 'repair' }))).toEqual(['UNKNOWN_IN_POLICY', 'service']);
  });

  it('refuses a typo in a key instead of ignoring it', () => {
    expect(errorOf(() => decide({ ...request, flag: ['installed'] }))).toEqual(['UNKNOWN_KEY', 'flag']);
    expect(() => decide({ ...request, flag: ['installed'] })).toThrow('did you mean "flags"?');
    expect(() => decide({ ...request, recievedAt: request.receivedAt })).toThrow('did you mean "receivedAt"?');
  });

  it('knows the flags its rules name, and refuses others', () => {
    expect(policy.vocabulary.flag).toEqual(['final-sale', 'installed']);
    expect(decide({ ...request, flags: ['installed'] }).outcome).toBe('ineligible');
    expect(errorOf(() => decide({ ...request, flags: ['instaled'] }))).toEqual(['UNKNOWN_IN_POLICY', 'flags.0']);
  });

  it('takes a Date, epoch milliseconds or an ISO string alike, and returns Dates', () => {
    const iso = decide(request);
    const dates = decide({ ...request, deliveredAt: new Date(request.deliveredAt), requestedAt: Date.parse(request.requestedAt), receivedAt: new Date(request.receivedAt) });
    expect(dates).toEqual(iso);
    expect(iso.deadlines.refundBy).toBeInstanceOf(Date);
  });

  it('refuses an instant without an offset, and instants outside the supported range', () => {
    expect(errorOf(() => decide({ ...request, requestedAt: '2026-10-10T12:00:00' }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'requestedAt']);
    expect(errorOf(() => decide({ ...request, requestedAt: new Date(Date.UTC(275000, 0, 1)) }))).toEqual(['INSTANT_OUT_OF_RANGE', 'requestedAt']);
  });

  it('says amounts are decimal strings when given a number', () => {
    expect(errorOf(() => decide({ ...request, price: 499 }))).toEqual(['INVALID_TYPE', 'price']);
    expect(() => decide({ ...request, price: 499 })).toThrow('amounts are decimal strings such as "499.00"');
  });

  it('lists every problem of a request at once', () => {
    try {
      decide({ ...request, condition: 'Opened', price: 499, flag: [] });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidArgumentError).issues.map((issue) => issue.path.join('.'))).toEqual(['price', 'condition', 'flag']);
    }
  });

  it('law: a broken field is refused at its own path, an unknown key is refused, junk is never decided', () => {
    const valid = fc.record({
      category: fc.constantFrom('electronics', 'appliances'),
      price: fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
      condition: fc.constantFrom('unopened', 'opened', 'used', 'damaged-by-customer'),
      defective: fc.boolean(),
      evidence: fc.constant(['proofOfPurchase']),
      deliveredAt: fc.constant(request.deliveredAt),
      requestedAt: fc.constant(request.requestedAt),
    });
    const condition = ['unopened', 'opened', 'used', 'damaged-by-customer'];
    checkMalformedRequests({
      valid,
      decide,
      fields: {
        category: { kind: 'term', values: spec.categories },
        price: { kind: 'money', currency: 'USD' },
        orderValue: { kind: 'money', currency: 'USD' },
        condition: { kind: 'term', values: condition },
        defective: { kind: 'boolean' },
        warranty: { kind: 'boolean' },
        service: { kind: 'term', values: ['return', 'exchange', 'replacement'] },
        sizeClass: { kind: 'term', values: ['small', 'large'] },
        weightKg: { kind: 'number', min: 0, max: 1_000_000 },
        flags: { kind: 'terms', values: ['installed', 'final-sale'] },
        evidence: { kind: 'terms', values: ['proofOfPurchase', 'photos', 'serialNumber'] },
        purchasedAt: { kind: 'instant' },
        deliveredAt: { kind: 'instant' },
        lastItemDeliveredAt: { kind: 'instant' },
        requestedAt: { kind: 'instant' },
        receivedAt: { kind: 'instant' },
      },
    });
  });
});

describe('a return policy that definition accepts decides every valid request', () => {
  const broken = (patch: Partial<ReturnPolicySpec>) => errorOf(() => defineReturnPolicy({ ...spec, ...patch } as ReturnPolicySpec));

  it('bounds windows (a 1e9-day window is refused, not a RangeError later)', () => {
    expect(broken({ windows: [{ id: 'w', days: 1e9, from: 'delivery' }] })).toEqual(['OUT_OF_BOUNDS', 'windows.0.days']);
    expect(() => defineReturnPolicy({ ...spec, windows: [{ id: 'w', days: 1e9, from: 'delivery' }] })).toThrow('it must be a whole number more than 0 and at most 3650');
  });

  it('refuses duplicate ids across windows, rules and fees', () => {
    expect(broken({ nonReturnable: [{ id: 'standard-30', flags: ['installed'] }] })).toEqual(['DUPLICATE_ID', 'nonReturnable.0.id']);
    expect(broken({ categories: ['electronics', 'electronics'] })).toEqual(['DUPLICATE_VALUE', 'categories.1']);
  });

  it('needs a window for every category, and finds windows an earlier one covers', () => {
    expect(broken({ windows: [{ id: 'e', category: ['electronics'], days: 30, from: 'delivery' }] })).toEqual(['UNCOVERED', 'windows']);
    expect(
      broken({
        windows: [
          { id: 'all', category: ['electronics', 'appliances'], days: 30, from: 'delivery' },
          { id: 'e', category: ['electronics'], days: 14, from: 'delivery' },
        ],
      }),
    ).toEqual(['UNREACHABLE_RULE', 'windows.1']);
  });

  it('refuses a category, a flag or a fee condition outside the declared vocabularies', () => {
    expect(broken({ nonReturnable: [{ id: 'x', category: ['toys'] }] })).toEqual(['UNKNOWN_CATEGORY', 'nonReturnable.0.category.0']);
    expect(broken({ vocabulary: { flag: ['installed'] } })).toEqual(['UNKNOWN_IN_POLICY', 'nonReturnable.0.flags.1']);
    expect(broken({ fees: { ...spec.fees, rules: [{ id: 'r', kind: 'restocking', percent: 5, when: { category: ['electronic'] } }] } })).toEqual(['UNKNOWN_CATEGORY', 'fees.rules.0.when.category.0']);
    expect(broken({ fees: { ...spec.fees, rules: [{ id: 'r', kind: 'restocking', percent: 5, when: { condition: ['Opened'] } }] } })).toEqual(['UNKNOWN_IN_POLICY', 'fees.rules.0.when.condition.0']);
  });

  it('throws a ReturnPolicyError listing every problem', () => {
    expect(() => defineReturnPolicy({ ...spec, windows: [{ id: 'w', days: 0, from: 'delivery' }], timeZone: 'Mars/Base' })).toThrow(ReturnPolicyError);
  });
});
