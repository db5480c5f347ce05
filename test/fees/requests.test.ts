import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFeeSchedule, quoteFees, type FeeScheduleSpec } from '../../src/fees/index.js';
import { errorOf } from '../helpers/errors.js';
import { checkMalformedRequests } from '../helpers/malformed.js';
import { homepro, primos } from './seed-schedules.js';

const fees = defineFeeSchedule(primos);
const quote = (input: unknown) => quoteFees(fees, input as Parameters<typeof quoteFees>[1]);

describe('fee requests from JSON and plain JavaScript', () => {
  it('knows the values its rules name', () => {
    expect(fees.vocabulary).toEqual({
      condition: ['unopened', 'opened', 'used', 'damaged-by-customer'],
      category: ['electronics'],
      sizeClass: ['large', 'small'],
      service: ['exchange', 'replacement', 'return'],
    });
  });

  it('refuses values outside them, with a did-you-mean, instead of "not applicable"', () => {
    expect(errorOf(() => quote({ service: 'Exchange', sizeClass: 'small' }))).toEqual(['UNKNOWN_IN_POLICY', 'service']);
    expect(errorOf(() => quote({ condition: 'opened ', price: '10.00' }))).toEqual(['UNKNOWN_IN_POLICY', 'condition']);
    expect(errorOf(() => quote({ expedited: 'yes', weightKg: 2 }))).toEqual(['INVALID_TYPE', 'expedited']);
    expect(errorOf(() => quote({ expedite: true, weightKg: 2 }))).toEqual(['UNKNOWN_KEY', 'expedite']);
    expect(errorOf(() => quote({ defective: 'yes', price: '10.00' }))).toEqual(['INVALID_TYPE', 'defective']);
    expect(errorOf(() => quote({ defect: true, price: '10.00' }))).toEqual(['UNKNOWN_KEY', 'defect']);
  });

  it('law: a broken field is refused at its own path, an unknown key is refused, junk is never decided', () => {
    checkMalformedRequests({
      valid: fc.record({ price: fc.integer({ min: 0, max: 10_000 }).map((c) => (c / 100).toFixed(2)), weightKg: fc.integer({ min: 0, max: 40 }) }),
      decide: quote,
      fields: {
        price: { kind: 'money', currency: 'USD' },
        orderValue: { kind: 'money', currency: 'USD' },
        condition: { kind: 'term', values: fees.vocabulary.condition },
        category: { kind: 'term', values: fees.vocabulary.category },
        sizeClass: { kind: 'term', values: fees.vocabulary.sizeClass },
        service: { kind: 'term', values: fees.vocabulary.service },
        daysSinceDelivery: { kind: 'number', min: 0, max: 36_500 },
        weightKg: { kind: 'number', min: 0, max: 1_000_000 },
        defective: { kind: 'boolean' },
        warranty: { kind: 'boolean' },
        repairPerformed: { kind: 'boolean' },
        sameDay: { kind: 'boolean' },
        expedited: { kind: 'boolean' },
      },
    });
  });
});

describe('a fee schedule definition accepts decides every valid request', () => {
  const broken = (patch: Partial<FeeScheduleSpec>) => errorOf(() => defineFeeSchedule({ ...homepro, ...patch } as FeeScheduleSpec));

  it('refuses a hit policy for a kind no rule has, with a did-you-mean', () => {
    expect(broken({ hitPolicy: { restock: 'max' } })).toEqual(['UNKNOWN_IN_POLICY', 'hitPolicy.restock']);
  });

  it('refuses values outside a declared vocabulary, and product conditions that do not exist', () => {
    expect(broken({ vocabulary: { service: ['return', 'visit'] } })).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.when.service.1']);
    expect(errorOf(() => defineFeeSchedule({ id: 'x', currency: 'USD', rules: [{ id: 'r', kind: 'restocking', percent: 5, when: { condition: ['broken'] } }] }))).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.when.condition.0']);
  });

  it('finds a first-match rule that an earlier one of the same kind covers (gt 7 after gt 5)', () => {
    const spec: FeeScheduleSpec = {
      id: 'x',
      currency: 'USD',
      rules: [
        { id: 'late', kind: 'restocking', percent: 10, when: { daysSinceDelivery: { gt: 5 } } },
        { id: 'later', kind: 'restocking', percent: 15, when: { daysSinceDelivery: { gt: 7 } } },
      ],
    };
    expect(errorOf(() => defineFeeSchedule(spec))).toEqual(['UNREACHABLE_RULE', 'rules.1']);
    expect(defineFeeSchedule({ ...spec, hitPolicy: { restocking: 'max' } }).id).toBe('x');
    expect(defineFeeSchedule({ ...spec, rules: [...spec.rules].reverse() }).id).toBe('x');
  });

  it('checks that every amount of a money condition fits the currency', () => {
    expect(errorOf(() => defineFeeSchedule({ id: 'x', currency: 'USD', rules: [{ id: 'r', kind: 'label', flat: '1.00', waiveWhen: { orderValue: { gt: '75.001' } } }] }))).toEqual(['TOO_PRECISE', 'rules.0.waiveWhen.orderValue.gt']);
  });
});
