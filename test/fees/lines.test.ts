import { describe, expect, it } from 'vitest';
import { defineFeeSchedule, quoteFees, type FeeScheduleSpec } from '../../src/fees/index.js';
import { errorOf } from '../helpers/errors.js';
import { primos, trufit } from './seed-schedules.js';

// What a fee line and its reasons tell a caller (the basis it was computed on, the description,
// the limit that held it), and how rules of one kind combine under each hit policy. Schedules are
// defined inside the tests.
const lines = (quote: ReturnType<typeof quoteFees>) => quote.fees.map((f) => [f.rule, f.amount.amount]);

describe('a line says what it was computed on', () => {
  it('a flat fee: basis "flat", in the line and in its FEE_APPLIED reason', () => {
    const quote = quoteFees(defineFeeSchedule(primos), { service: 'exchange', sizeClass: 'small', daysSinceDelivery: 3 });
    expect(quote.fees[0]?.basis).toEqual({ type: 'flat' });
    expect(quote.reasons.find((r) => r.rule === 'exchange-small')).toMatchObject({ code: 'FEE_APPLIED', facts: { kind: 'handling', amount: '7.00', basis: 'flat' } });
  });

  it('a weight above every closed band: the open last band, "above"', () => {
    const expedited = (weightKg: number) => quoteFees(defineFeeSchedule(primos), { service: 'replacement', expedited: true, weightKg }).fees.find((f) => f.rule === 'expedited');
    expect(expedited(10.01)).toMatchObject({ amount: { amount: '45.00' }, basis: { type: 'band', of: 'above' } });
    expect(expedited(10)).toMatchObject({ amount: { amount: '35.00' }, basis: { type: 'band', of: 'up to 10 kg' } });
  });

  it('carries the rule\'s description, or null when it has none', () => {
    const fees = defineFeeSchedule({ ...trufit, vocabulary: { service: ['return'] } });
    const quote = quoteFees(fees, { service: 'return', price: '60.00', condition: 'opened', category: 'equipment', orderValue: '80.00' });
    expect(quote.fees.map((f) => [f.rule, f.description])).toEqual([
      ['restock-equipment', null],
      ['prepaid-label', 'Pre-paid return label'],
    ]);
  });

  it('a capped percentage names its cap in FEE_CAPPED', () => {
    const fees = defineFeeSchedule({ id: 'c', currency: 'USD', rules: [{ id: 'restock', kind: 'restocking', percent: 15, max: '50.00' }] });
    const quote = quoteFees(fees, { price: '400.00' });
    expect(quote.total.amount).toBe('50.00');
    expect(quote.reasons.find((r) => r.code === 'FEE_CAPPED')).toEqual(expect.objectContaining({ rule: 'restock', facts: { max: '50.00' } }));
  });
});

describe('hit policies: which rule of a kind charges', () => {
  const spec: FeeScheduleSpec = {
    id: 'h',
    currency: 'USD',
    rules: [
      { id: 'furniture', kind: 'handling', flat: '12.00', when: { category: ['furniture'] } },
      { id: 'bulky', kind: 'handling', flat: '20.00', when: { sizeClass: ['large'] } },
    ],
    vocabulary: { category: ['furniture', 'lamps'], sizeClass: ['small', 'large'] },
  };
  const bulkyFurniture = { category: 'furniture', sizeClass: 'large' };

  it('first (the default): when both match, the earlier charges and the later is FEE_SHADOWED, naming the winner', () => {
    const quote = quoteFees(defineFeeSchedule(spec), bulkyFurniture);
    expect(lines(quote)).toEqual([['furniture', '12.00']]);
    expect(quote.reasons.find((r) => r.rule === 'bulky')).toMatchObject({ code: 'FEE_SHADOWED', facts: { kind: 'handling', winner: 'furniture' } });
  });

  it('first, written out, decides the same', () => {
    const quote = quoteFees(defineFeeSchedule({ ...spec, hitPolicy: { handling: 'first' } }), bulkyFurniture);
    expect(lines(quote)).toEqual([['furniture', '12.00']]);
    expect(quote.reasons.map((r) => r.code)).toEqual(['FEE_APPLIED', 'FEE_SHADOWED']);
  });

  it('max: a later, larger fee replaces the earlier one, whose FEE_NOT_MAX names the winner', () => {
    const quote = quoteFees(defineFeeSchedule({ ...spec, hitPolicy: { handling: 'max' } }), bulkyFurniture);
    expect(lines(quote)).toEqual([['bulky', '20.00']]);
    expect(quote.total.amount).toBe('20.00');
    expect(quote.reasons.find((r) => r.code === 'FEE_NOT_MAX')).toMatchObject({ rule: 'furniture', facts: { kind: 'handling', winner: 'bulky' } });
  });

  it('max: a later fee of the same amount does not replace the earlier one', () => {
    const even: FeeScheduleSpec = { ...spec, hitPolicy: { handling: 'max' }, rules: [spec.rules[0]!, { ...spec.rules[1]!, flat: '12.00' }] };
    const quote = quoteFees(defineFeeSchedule(even), bulkyFurniture);
    expect(lines(quote)).toEqual([['furniture', '12.00']]);
    expect(quote.reasons.find((r) => r.code === 'FEE_NOT_MAX')).toMatchObject({ rule: 'bulky', facts: { winner: 'furniture' } });
  });
});

describe('a fact left out is missing whatever the other tests of the rule are', () => {
  it('a range on the days since delivery still needs the days when a "present" test comes first', () => {
    const fees = defineFeeSchedule({
      id: 'storage',
      currency: 'USD',
      rules: [{ id: 'late-sized', kind: 'handling', flat: '5.00', when: { sizeClass: { present: true }, daysSinceDelivery: { gt: 30 } } }],
      vocabulary: { sizeClass: ['small', 'large'] },
    });
    expect(errorOf(() => quoteFees(fees, { sizeClass: 'small' }))).toEqual(['MISSING_FACT', 'daysSinceDelivery']);
    expect(quoteFees(fees, { sizeClass: 'small', daysSinceDelivery: 31 }).total.amount).toBe('5.00');
    expect(quoteFees(fees, { sizeClass: 'small', daysSinceDelivery: 30 }).total.amount).toBe('0.00');
  });
});
