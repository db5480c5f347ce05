import { errorOf, thrownError } from '../helpers/errors.js';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { FeeScheduleError, defineFeeSchedule, quoteFees, type FeeScheduleSpec } from '../../src/fees/index.js';
import { money } from '../../src/money/index.js';
import { homepro, pelpro, primos, trufit } from './seed-schedules.js';

const lines = (quote: ReturnType<typeof quoteFees>) => quote.fees.map((f) => [f.rule, f.amount.amount, f.waived]);

describe('PelPro: "Restocking fee for non-defective returns: 15% if returned after 30 days"', () => {
  const fees = defineFeeSchedule(pelpro);

  it('charges nothing on day 30 and 15 % on day 31', () => {
    expect(quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }).total.amount).toBe('0.00');
    const late = quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 31 });
    expect(late.total).toEqual(money('19.50', 'USD')); // 19.4985
    expect(late.reasons[0]).toMatchObject({ code: 'FEE_APPLIED', rule: 'restock-after-30', facts: { amount: '19.50' } });
  });

  it('never charges an opened but defective return, and says why', () => {
    const quote = quoteFees(fees, { price: '129.99', condition: 'opened', defective: true, daysSinceDelivery: 45 });
    expect(quote.total.amount).toBe('0.00');
    expect(quote.reasons[0]).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'defective', expected: 'false', actual: true } });
  });

  it('charges a non-defective return in any packaging state, a customer-damaged one included', () => {
    expect(quoteFees(fees, { price: '100.00', condition: 'damaged-by-customer', defective: false, daysSinceDelivery: 45 }).total.amount).toBe('15.00');
    expect(quoteFees(fees, { price: '100.00', condition: 'unopened', daysSinceDelivery: 31 }).total.amount).toBe('15.00');
  });

  it('takes a request that leaves "defective" out as not defective', () => {
    const absent = quoteFees(fees, { price: '100.00', condition: 'used', daysSinceDelivery: 31 });
    expect(absent).toEqual(quoteFees(fees, { price: '100.00', condition: 'used', defective: false, daysSinceDelivery: 31 }));
    expect(absent.total.amount).toBe('15.00');
  });
});

describe('"defective" is a fact beside the packaging state, not a condition', () => {
  it('refuses a rule naming the condition "defective", saying to test "defective": true', () => {
    const error = thrownError(() => defineFeeSchedule({ id: 'x', currency: 'USD', rules: [{ id: 'r', kind: 'restocking', percent: 5, when: { condition: ['opened', 'defective'] } }] }));
    expect(error).toBeInstanceOf(FeeScheduleError);
    expect([error.code, error.path.join('.')]).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.when.condition.1']);
    expect(error.message).toContain('Test "defective": true');
    expect(errorOf(() => defineFeeSchedule({ id: 'x', currency: 'USD', rules: [{ id: 'r', kind: 'restocking', percent: 5, when: { condition: { not: ['defective'] } } }] }))).toEqual([
      'UNKNOWN_IN_POLICY',
      'rules.0.when.condition.not.0',
    ]);
  });

  it('refuses a request with condition "defective", saying to give defective: true and the packaging state', () => {
    const fees = defineFeeSchedule(pelpro);
    const error = thrownError(() => quoteFees(fees, { price: '10.00', condition: 'defective' as 'opened' }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect([error.code, error.path]).toEqual(['UNKNOWN_IN_POLICY', ['condition']]);
    expect(error.message).toContain('give "defective": true, and the packaging state in "condition"');
    expect(error.issues[0]?.allowed).toEqual(['unopened', 'opened', 'used', 'damaged-by-customer']);
  });

  it('keeps every other problem of the request beside the hint', () => {
    const error = thrownError(() => quoteFees(defineFeeSchedule(pelpro), { price: 10, condition: 'defective' } as never));
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['INVALID_TYPE', 'price'],
      ['UNKNOWN_IN_POLICY', 'condition'],
    ]);
  });
});

describe('Primos: restocking, exchange handling, free warranty shipping, expedited by weight', () => {
  const fees = defineFeeSchedule(primos);

  it('charges 15 % for opened electronics only', () => {
    expect(quoteFees(fees, { service: 'return', price: '249.00', condition: 'opened', category: 'electronics' }).total.amount).toBe('37.35');
    expect(quoteFees(fees, { service: 'return', price: '249.00', condition: 'unopened', category: 'electronics' }).total.amount).toBe('0.00');
  });

  it('charges $7 / $15 exchange handling by size within 30 days', () => {
    expect(lines(quoteFees(fees, { service: 'exchange', sizeClass: 'small', daysSinceDelivery: 30 }))).toEqual([['exchange-small', '7.00', false]]);
    expect(lines(quoteFees(fees, { service: 'exchange', sizeClass: 'large', daysSinceDelivery: 12 }))).toEqual([['exchange-large', '15.00', false]]);
    expect(quoteFees(fees, { service: 'exchange', sizeClass: 'large', daysSinceDelivery: 31 }).fees).toEqual([]);
  });

  it('does not restock an opened electronics return that is defective', () => {
    const quote = quoteFees(fees, { service: 'return', price: '249.00', condition: 'opened', defective: true, category: 'electronics' });
    expect(quote.total.amount).toBe('0.00');
    expect(quote.reasons.find((r) => r.rule === 'restock-opened-electronics')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'defective' } });
  });

  it('ships warranty replacements free and charges expedited by weight band', () => {
    const quote = quoteFees(fees, { service: 'replacement', warranty: true, expedited: true, weightKg: 2 });
    expect(lines(quote)).toEqual([
      ['warranty-shipping', '0.00', false],
      ['expedited', '25.00', false],
    ]);
    expect(quote.reasons.find((r) => r.rule === 'warranty-shipping')).toMatchObject({ code: 'FEE_APPLIED', facts: { basis: 'free' } });
    expect(quoteFees(fees, { service: 'replacement', expedited: true, weightKg: 2 }).reasons.find((r) => r.rule === 'warranty-shipping')).toMatchObject({
      code: 'FEE_NOT_APPLICABLE',
      facts: { field: 'warranty', actual: false },
    });
    expect(quoteFees(fees, { service: 'replacement', expedited: true, weightKg: 2.01 }).total.amount).toBe('35.00');
    expect(quoteFees(fees, { service: 'replacement', expedited: true, weightKg: 30 }).total.amount).toBe('45.00');
    expect(errorOf(() => quoteFees(fees, { service: 'replacement', expedited: true }))).toEqual(['MISSING_FACT', 'weightKg']);
  });
});

describe('HomePro: diagnostic waiver, same-day premium, restocking by condition', () => {
  const fees = defineFeeSchedule(homepro);

  it('waives the 350 diagnostic fee when the repair is performed, and charges it when not', () => {
    const repaired = quoteFees(fees, { service: 'repair', repairPerformed: true });
    expect(lines(repaired)).toEqual([
      ['diagnostic', '0.00', true],
      ['visit', '500.00', false],
    ]);
    expect(repaired.reasons.find((r) => r.rule === 'diagnostic')).toMatchObject({ code: 'FEE_WAIVED', facts: { amount: '350.00', fields: ['repairPerformed'] } });
    expect(quoteFees(fees, { service: 'visit' }).total).toEqual(money('850', 'THB'));
    expect(quoteFees(fees, { service: 'visit', repairPerformed: false }).reasons.find((r) => r.rule === 'diagnostic')?.code).toBe('FEE_APPLIED');
  });

  it('adds a 30 % same-day premium on the visit fee', () => {
    const quote = quoteFees(fees, { service: 'visit', sameDay: true, repairPerformed: true });
    expect(lines(quote)).toEqual([
      ['diagnostic', '0.00', true],
      ['visit', '500.00', false],
      ['same-day', '150.00', false],
    ]);
    expect(quote.fees[2]?.basis).toEqual({ type: 'percent', percent: 30, of: 'fee:visit', base: money('500', 'THB') });
  });

  it('sets restocking by condition on returns (the first matching restocking rule charges)', () => {
    expect(quoteFees(fees, { service: 'return', price: '1999', condition: 'opened' }).total.amount).toBe('199.90');
    expect(quoteFees(fees, { service: 'return', price: '1999', condition: 'damaged-by-customer' }).total.amount).toBe('299.85');
    expect(quoteFees(fees, { service: 'return', price: '1999', condition: 'used', defective: true }).total.amount).toBe('0.00');
    expect(quoteFees(fees, { service: 'return', price: '1999', condition: 'unopened' }).total.amount).toBe('0.00');
  });

  it('has no return label fee (the "$75" label is Tru Fit\'s)', () => {
    const withReturns = defineFeeSchedule({ ...homepro, vocabulary: { service: ['return', 'visit', 'repair'] } });
    expect(quoteFees(withReturns, { service: 'return', price: '80.00', condition: 'unopened', orderValue: '75.01' }).fees).toEqual([]);
  });
});

describe('Tru Fit: "restocking fee 10% for opened/used equipment"; "pre-paid returns labels for orders over $75"', () => {
  const fees = defineFeeSchedule({ ...trufit, vocabulary: { service: ['return', 'exchange'] } });

  it('charges 10 % on a refund of used equipment, and nothing on an exchange', () => {
    expect(quoteFees(fees, { service: 'return', price: '899.00', condition: 'used', category: 'equipment' }).total.amount).toBe('89.90');
    expect(quoteFees(fees, { service: 'exchange', price: '899.00', condition: 'used', category: 'equipment' }).total.amount).toBe('0.00');
  });

  it('gives a free pre-paid label over 75.00 USD, and none at exactly 75.00', () => {
    const unopened = { price: '60.00', condition: 'unopened', category: 'equipment' } as const;
    const over = quoteFees(fees, { ...unopened, service: 'return', orderValue: '75.01' });
    expect(lines(over)).toEqual([['prepaid-label', '0.00', false]]);
    expect(over.fees[0]?.basis).toEqual({ type: 'free' });
    const at = quoteFees(fees, { ...unopened, service: 'return', orderValue: '75.00' });
    expect(at.fees).toEqual([]);
    expect(at.reasons.find((r) => r.rule === 'prepaid-label')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'orderValue', expected: '> 75.00', actual: '75.00' } });
  });
});

describe('caps, floors and hit policies', () => {
  const spec: FeeScheduleSpec = {
    id: 'caps',
    currency: 'USD',
    hitPolicy: { restocking: 'max', shipping: 'collect' },
    rules: [
      { id: 'restock', kind: 'restocking', percent: 15, min: '5.00', max: '50.00' },
      { id: 'restock-flat', kind: 'restocking', flat: '12.00', when: { category: ['furniture'] } },
      { id: 'ship-base', kind: 'shipping', flat: '5.00' },
      { id: 'ship-bulky', kind: 'shipping', flat: '20.00', when: { sizeClass: ['large'] } },
    ],
    vocabulary: { category: ['furniture', 'lamps'], sizeClass: ['small', 'large'] },
  };
  const fees = defineFeeSchedule(spec);
  // A small lamp: neither the furniture nor the bulky rule applies, so the percentage decides.
  const lamp = (price: string) => quoteFees(fees, { price, category: 'lamps', sizeClass: 'small' });

  it('floors and caps a percentage fee at exactly its limits', () => {
    expect(lamp('10.00').fees[0]?.amount.amount).toBe('5.00');
    expect(lamp('10.00').reasons.find((r) => r.code === 'FEE_FLOORED')).toMatchObject({ rule: 'restock', facts: { min: '5.00' } });
    expect(lamp('33.33').fees[0]?.amount.amount).toBe('5.00'); // 4.9995 -> 5.00 exactly at the floor
    expect(lamp('33.33').reasons.some((r) => r.code === 'FEE_FLOORED')).toBe(false);
    expect(lamp('33.26').reasons.some((r) => r.code === 'FEE_FLOORED')).toBe(true); // 4.989 -> 4.99, one cent under
    expect(lamp('333.33').fees[0]?.amount.amount).toBe('50.00'); // 49.9995 -> 50.00, no cap reason
    expect(lamp('333.33').reasons.some((r) => r.code === 'FEE_CAPPED')).toBe(false);
    expect(lamp('400.00').reasons.find((r) => r.code === 'FEE_CAPPED')).toMatchObject({ rule: 'restock' });
  });

  it('keeps only the largest restocking fee and collects every shipping fee', () => {
    const quote = quoteFees(fees, { price: '40.00', category: 'furniture', sizeClass: 'large' });
    expect(lines(quote)).toEqual([
      ['restock-flat', '12.00', false],
      ['ship-base', '5.00', false],
      ['ship-bulky', '20.00', false],
    ]);
    expect(quote.total.amount).toBe('37.00');
  });

  it('max: a later, smaller fee of the kind does not replace a larger one, and says so', () => {
    // 15 % of 100.00 is 15.00, above the flat 12.00 that comes after it.
    const quote = quoteFees(fees, { price: '100.00', category: 'furniture', sizeClass: 'small' });
    expect(lines(quote)[0]).toEqual(['restock', '15.00', false]);
    expect(quote.reasons.find((r) => r.code === 'FEE_NOT_MAX')).toMatchObject({ rule: 'restock-flat', facts: { winner: 'restock' } });
  });
});

describe('percentages of the order value, and the schedule\'s rounding', () => {
  it('takes a percentage of the order value when the rule says "of": "orderValue"', () => {
    const fees = defineFeeSchedule({ id: 'o', currency: 'USD', rules: [{ id: 'r', kind: 'handling', percent: 10, of: 'orderValue' }] });
    const quote = quoteFees(fees, { price: '20.00', orderValue: '250.00' });
    expect(quote.total.amount).toBe('25.00');
    expect(quote.fees[0]?.basis).toEqual({ type: 'percent', percent: 10, of: 'orderValue', base: money('250.00', 'USD') });
    expect(errorOf(() => quoteFees(fees, { price: '20.00' }))).toEqual(['MISSING_FACT', 'orderValue']);
  });

  it('rounds half-up by default, and as the schedule says otherwise (10 % of 0.25 is 0.025)', () => {
    const rule = { id: 'r', kind: 'restocking', percent: 10 };
    const quote = (rounding?: 'half-even' | 'down') => quoteFees(defineFeeSchedule({ id: 'r', currency: 'USD', ...(rounding ? { rounding } : {}), rules: [rule] }), { price: '0.25' }).total.amount;
    expect([quote(), quote('half-even'), quote('down')]).toEqual(['0.03', '0.02', '0.02']);
  });
});

describe('weight bands', () => {
  const spec: FeeScheduleSpec = { id: 'w', currency: 'USD', rules: [{ id: 'ship', kind: 'shipping', bands: [{ upToKg: 2, amount: '25.00' }, { upToKg: 10, amount: '35.00' }] }] };

  it('charges the first band whose upper weight is at least the weight, at the boundary and just above', () => {
    const fees = defineFeeSchedule(spec);
    expect(quoteFees(fees, { weightKg: 2 }).total.amount).toBe('25.00');
    expect(quoteFees(fees, { weightKg: 2.001 }).total.amount).toBe('35.00');
    expect(quoteFees(fees, { weightKg: 10 }).fees[0]?.basis).toEqual({ type: 'band', of: 'up to 10 kg' });
  });

  it('refuses a weight above a closed last band, and bands that fall', () => {
    expect(errorOf(() => quoteFees(defineFeeSchedule(spec), { weightKg: 10.5 }))).toEqual(['INVALID_FACT', 'weightKg']);
    expect(errorOf(() => defineFeeSchedule({ ...spec, rules: [{ id: 'ship', kind: 'shipping', bands: [{ upToKg: 10, amount: '35.00' }, { upToKg: 2, amount: '25.00' }] }] }))).toEqual([
      'BANDS_ORDER',
      'rules.0.bands.1',
    ]);
  });
});

describe('invalid schedules and requests', () => {
  it.each([
    [{ id: 'x', currency: 'usd', rules: [] }, 'UNKNOWN_CURRENCY', 'currency'],
    [{ id: 'x', currency: 'USD', rules: [{ id: 'a', kind: 'handling', flat: '7.005' }] }, 'TOO_PRECISE', 'rules.0.flat'],
    [{ id: 'x', currency: 'USD', rules: [{ id: 'a', kind: 'handling', flat: '7.00', percent: 10 }] }, 'FEE_AMOUNT_KIND', 'rules.0'],
    [{ id: 'x', currency: 'USD', rules: [{ id: 'a', kind: 'premium', percent: 30, of: 'fee:visit' }] }, 'FEE_BASE_UNKNOWN', 'rules.0.of'],
    [{ id: 'x', currency: 'USD', rules: [{ id: 'a', kind: 'x', bands: [{ amount: '1.00' }, { upToKg: 2, amount: '2.00' }] }] }, 'BANDS_ORDER', 'rules.0.bands.0'],
    [{ id: 'x', currency: 'USD', rules: [{ id: 'a', kind: 'x', flat: '1.00', when: { daysSinceDelivery: { gt: 30, lt: 10 } } }] }, 'INVALID_RANGE', 'rules.0.when.daysSinceDelivery'],
    [{ id: 'x', currency: 'USD', rules: [{ id: 'a', kind: 'x', flat: '1.00' }, { id: 'a', kind: 'y', flat: '1.00' }] }, 'DUPLICATE_ID', 'rules.1.id'],
    [{ id: 'x', currency: 'USD', rules: [{ id: 'a', kind: 'x', percent: 10, min: '20.00', max: '10.00' }] }, 'INVALID_RANGE', 'rules.0.max'],
  ])('rejects %j', (spec, code, path) => {
    expect(() => defineFeeSchedule(spec as FeeScheduleSpec)).toThrow(FeeScheduleError);
    expect(errorOf(() => defineFeeSchedule(spec as FeeScheduleSpec))).toEqual([code, path]);
  });

  it('rejects requests it cannot price', () => {
    const fees = defineFeeSchedule(pelpro);
    expect(errorOf(() => quoteFees(fees, { condition: 'opened', daysSinceDelivery: 40 }))).toEqual(['MISSING_FACT', 'price']);
    expect(errorOf(() => quoteFees(fees, { price: money('10.00', 'EUR'), condition: 'opened', daysSinceDelivery: 40 }))).toEqual(['CURRENCY_MISMATCH', 'price.currency']);
    expect(errorOf(() => quoteFees(fees, { price: '-1.00' }))).toEqual(['INVALID_FACT', 'price']);
    expect(errorOf(() => quoteFees(fees, { price: '1.001' }))).toEqual(['TOO_PRECISE', 'price']);
    expect(() => quoteFees(fees, { price: '10.00', daysSinceDelivery: -1 })).toThrow(InvalidArgumentError);
  });

  it('refuses a schedule that defineFeeSchedule did not make', () => {
    expect(errorOf(() => quoteFees({ ...defineFeeSchedule(pelpro) }, { price: '10.00' }))).toEqual(['INVALID_FEE_SCHEDULE', '']);
  });
});
