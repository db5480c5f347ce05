import { describe, expect, it } from 'vitest';
import { FeeScheduleError, defineFeeSchedule, quoteFees, type FeeScheduleSpec } from '../../src/fees/index.js';
import { thrownError } from '../helpers/errors.js';

// What definition refuses, at the field a schedule author must fix, and what it accepts at the
// edge. Every schedule here is defined inside its test, where the definition runs.
const issuesOf = (spec: FeeScheduleSpec) => {
  const error = thrownError(() => defineFeeSchedule(spec));
  expect(error).toBeInstanceOf(FeeScheduleError);
  return error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};

describe('weight bands must rise strictly', () => {
  it('refuses a band with the same upper weight as the one before it', () => {
    const bands = [
      { upToKg: 2, amount: '25.00' },
      { upToKg: 2, amount: '35.00' },
    ];
    expect(issuesOf({ id: 'w', currency: 'USD', rules: [{ id: 'ship', kind: 'shipping', bands }] })).toEqual([['BANDS_ORDER', 'rules.0.bands.1']]);
  });

  it('accepts a band just above the one before it, and an open last band', () => {
    const bands = [{ upToKg: 2, amount: '25.00' }, { upToKg: 2.001, amount: '35.00' }, { amount: '45.00' }];
    const fees = defineFeeSchedule({ id: 'w', currency: 'USD', rules: [{ id: 'ship', kind: 'shipping', bands }] });
    expect(quoteFees(fees, { weightKg: 2.001 }).total.amount).toBe('35.00');
  });
});

describe('a percentage fee\'s floor may not be above its cap', () => {
  const rule = (min: string, max: string) => ({ id: 'restock', kind: 'restocking', percent: 10, min, max });

  it('accepts a floor equal to the cap: the fee is that amount whatever the price', () => {
    const fees = defineFeeSchedule({ id: 'f', currency: 'USD', rules: [rule('10.00', '10.00')] });
    expect(quoteFees(fees, { price: '1.00' }).total.amount).toBe('10.00');
    expect(quoteFees(fees, { price: '1000.00' }).total.amount).toBe('10.00');
  });

  it('refuses a floor one cent above the cap, at the cap', () => {
    expect(issuesOf({ id: 'f', currency: 'USD', rules: [rule('10.01', '10.00')] })).toEqual([['INVALID_RANGE', 'rules.0.max']]);
  });
});

describe('every written amount must fit the currency', () => {
  it('names the floor, the cap and the weight band whose amount has too many decimals', () => {
    const spec: FeeScheduleSpec = {
      id: 'f',
      currency: 'USD',
      rules: [
        { id: 'restock', kind: 'restocking', percent: 10, min: '1.005', max: '10.005' },
        { id: 'ship', kind: 'shipping', bands: [{ upToKg: 2, amount: '25.00' }, { amount: '45.001' }] },
      ],
    };
    expect(issuesOf(spec)).toEqual([
      ['TOO_PRECISE', 'rules.0.min'],
      ['TOO_PRECISE', 'rules.0.max'],
      ['TOO_PRECISE', 'rules.1.bands.1.amount'],
    ]);
  });

  it('reports an unknown currency once, not once more for every amount written in it', () => {
    const spec: FeeScheduleSpec = {
      id: 'f',
      currency: 'usd',
      rules: [
        { id: 'handling', kind: 'handling', flat: '7.00' },
        { id: 'restock', kind: 'restocking', percent: 10, min: '1.00', max: '10.00' },
      ],
    };
    expect(issuesOf(spec)).toEqual([['UNKNOWN_CURRENCY', 'currency']]);
  });
});

describe('only the condition "defective" is retired', () => {
  it('reports a rule naming the condition "defective" once, at the value', () => {
    const spec: FeeScheduleSpec = { id: 'f', currency: 'USD', rules: [{ id: 'r', kind: 'restocking', percent: 5, when: { condition: ['opened', 'defective'] } }] };
    expect(issuesOf(spec)).toEqual([['UNKNOWN_IN_POLICY', 'rules.0.when.condition.1']]);
  });

  it('takes a category of that name as a category like any other', () => {
    const fees = defineFeeSchedule({ id: 'f', currency: 'USD', rules: [{ id: 'as-is', kind: 'handling', flat: '4.00', when: { category: ['defective'] } }] });
    expect(fees.vocabulary.category).toEqual(['defective']);
    expect(quoteFees(fees, { category: 'defective' }).total.amount).toBe('4.00');
  });
});
