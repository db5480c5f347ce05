import { errorOf } from '../helpers/errors.js';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { FeeScheduleError, defineFeeSchedule, quoteFees, type FeeScheduleSpec } from '../../src/fees/index.js';
import { money } from '../../src/money/index.js';
import { homepro, pelpro, primos, trufit } from './seed-schedules.js';

const lines = (quote: ReturnType<typeof quoteFees>) => quote.fees.map((f) => [f.rule, f.amount.amount, f.waived]);


describe('PelPro: 15 % restocking only after day 30', () => {
  const fees = defineFeeSchedule(pelpro);

  it('charges nothing on day 30 and 15 % on day 31', () => {
    expect(quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 30 }).total.amount).toBe('0.00');
    const late = quoteFees(fees, { price: '129.99', condition: 'opened', daysSinceDelivery: 31 });
    expect(late.total).toEqual(money('19.50', 'USD')); // 19.4985
    expect(late.reasons[0]).toMatchObject({ code: 'FEE_APPLIED', rule: 'restock-after-30', facts: { amount: '19.50' } });
  });

  it('never charges a defective return, and says why', () => {
    const quote = quoteFees(fees, { price: '129.99', condition: 'defective', daysSinceDelivery: 45 });
    expect(quote.total.amount).toBe('0.00');
    expect(quote.reasons[0]).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'condition', actual: 'defective' } });
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

  it('ships warranty replacements free and charges expedited by weight band', () => {
    const quote = quoteFees(fees, { service: 'replacement', warranty: true, expedited: true, weightKg: 2 });
    expect(lines(quote)).toEqual([
      ['warranty-shipping', '0.00', false],
      ['expedited', '25.00', false],
    ]);
    expect(quoteFees(fees, { expedited: true, weightKg: 2.01 }).total.amount).toBe('35.00');
    expect(quoteFees(fees, { expedited: true, weightKg: 30 }).total.amount).toBe('45.00');
    expect(errorOf(() => quoteFees(fees, { expedited: true }))).toEqual(['MISSING_FACT', 'weightKg']);
  });
});

describe('HomePro: diagnostic waiver, same-day premium, prepaid labels, restocking by condition', () => {
  const fees = defineFeeSchedule(homepro);

  it('waives the 350 diagnostic fee when the repair is performed', () => {
    expect(lines(quoteFees(fees, { service: 'repair', repairPerformed: true }))).toEqual([
      ['diagnostic', '0.00', true],
      ['visit', '500.00', false],
    ]);
    expect(quoteFees(fees, { service: 'visit' }).total).toEqual(money('850', 'THB'));
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

  it('gives a prepaid label above 75 and charges one at 75 or below (first match per kind)', () => {
    const over = quoteFees(fees, { service: 'return', orderValue: '75.01' });
    expect(lines(over)).toEqual([['label-free', '0.00', false]]);
    expect(over.reasons.find((r) => r.rule === 'label')).toMatchObject({ code: 'FEE_SHADOWED', facts: { winner: 'label-free' } });
    expect(lines(quoteFees(fees, { service: 'return', orderValue: '75.00' }))).toEqual([['label', '6.95', false]]);
  });

  it('sets restocking by condition', () => {
    expect(quoteFees(fees, { price: '1999', condition: 'opened' }).total.amount).toBe('199.90');
    expect(quoteFees(fees, { price: '1999', condition: 'damaged-by-customer' }).total.amount).toBe('299.85');
  });
});

describe('Tru Fit: 10 % on opened or used equipment', () => {
  it('charges 10 %', () => {
    const fees = defineFeeSchedule(trufit);
    expect(quoteFees(fees, { price: '899.00', condition: 'used', category: 'equipment' }).total.amount).toBe('89.90');
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
  };
  const fees = defineFeeSchedule(spec);

  it('floors and caps a percentage fee at exactly its limits', () => {
    expect(quoteFees(fees, { price: '10.00' }).fees[0]?.amount.amount).toBe('5.00');
    expect(quoteFees(fees, { price: '33.33' }).fees[0]?.amount.amount).toBe('5.00'); // 4.9995 -> 5.00 exactly at the floor
    expect(quoteFees(fees, { price: '333.33' }).fees[0]?.amount.amount).toBe('50.00'); // 49.9995 -> 50.00, no cap reason
    expect(quoteFees(fees, { price: '333.33' }).reasons.some((r) => r.code === 'FEE_CAPPED')).toBe(false);
    expect(quoteFees(fees, { price: '400.00' }).reasons.find((r) => r.code === 'FEE_CAPPED')).toMatchObject({ rule: 'restock' });
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
});
