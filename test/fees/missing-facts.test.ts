import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, SupportRulesError } from '../../src/errors/index.js';
import { defineFeeSchedule, quoteFees, type FeeRequest, type FeeScheduleSpec } from '../../src/fees/index.js';
import { fromMinorUnits } from '../../src/money/index.js';
import { thrownError } from '../helpers/errors.js';
import { homepro, pelpro, primos, trufit } from './seed-schedules.js';

// A rule that charges money and fails only because the request left a fact out is not "not
// applicable": the quote throws MISSING_FACT at that fact, naming the rule and what it would
// charge. A definite mismatch on a fact the request gave, a yes/no fact left out (false), a
// `present` test, and free rules stay reasons.
const issuesOf = (fn: () => unknown) => thrownError(fn).issues.map((issue) => [issue.code, issue.path.join('.')]);

describe('Primos: "exchanges within 30 days can incur a flat $7 handling fee for small items and $15 for larger items"', () => {
  const fees = defineFeeSchedule(primos);

  it('refuses an exchange without a size class instead of quoting no handling fee', () => {
    const error = thrownError(() => quoteFees(fees, { service: 'exchange', daysSinceDelivery: 12 }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect([error.code, error.path]).toEqual(['MISSING_FACT', ['sizeClass']]);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.message).toContain('exchange-small charges 7.00 USD when sizeClass is small; exchange-large charges 15.00 USD when sizeClass is large: give "sizeClass"');
    expect(error.issues[0]?.allowed).toEqual(['large', 'small']);
  });

  it('quotes the same exchange once the size class is given: 7.00 small, 15.00 large', () => {
    expect(quoteFees(fees, { service: 'exchange', daysSinceDelivery: 12, sizeClass: 'small' }).total.amount).toBe('7.00');
    expect(quoteFees(fees, { service: 'exchange', daysSinceDelivery: 12, sizeClass: 'large' }).total.amount).toBe('15.00');
  });

  it('quotes nothing after day 30 without a size class: the days rule it out whatever the size, and the reason says what was missing', () => {
    const quote = quoteFees(fees, { service: 'exchange', daysSinceDelivery: 31 });
    expect(quote.fees).toEqual([]);
    expect(quote.reasons.find((r) => r.rule === 'exchange-small')).toMatchObject({
      code: 'FEE_NOT_APPLICABLE',
      facts: { field: 'sizeClass', actual: null, fields: ['sizeClass', 'daysSinceDelivery'], missing: ['sizeClass'] },
      message: 'exchange-small does not apply: sizeClass was not given (needs small).',
    });
  });

  it('names every fact and every rule waiting on it at once, a weight band among them', () => {
    const error = thrownError(() => quoteFees(fees, { service: 'exchange', expedited: true }));
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['MISSING_FACT', 'sizeClass'],
      ['MISSING_FACT', 'daysSinceDelivery'],
      ['MISSING_FACT', 'weightKg'],
    ]);
    expect(error.issues[1]?.message).toContain('exchange-small charges 7.00 USD when daysSinceDelivery is <= 30; exchange-large charges 15.00 USD when daysSinceDelivery is <= 30');
    expect(error.issues[1]?.allowed).toBeUndefined();
  });

  it('says what a weight-band rule would charge: 25.00 to 45.00 USD by weight', () => {
    const banded: FeeScheduleSpec = { id: 'b', currency: 'USD', rules: [{ id: 'expedited-large', kind: 'expedited', when: { sizeClass: ['large'] }, bands: primos.rules[4]?.bands }] };
    expect(thrownError(() => quoteFees(defineFeeSchedule(banded), { weightKg: 3 })).message).toContain('expedited-large charges 25.00 to 45.00 USD by weight when sizeClass is large');
  });

  it('does not count a yes/no fact left out as missing: it is false', () => {
    const quote = quoteFees(fees, { service: 'replacement' });
    expect(quote.fees).toEqual([]);
    expect(quote.reasons.find((r) => r.rule === 'expedited')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'expedited', actual: false, missing: [] } });
  });
});

describe('PelPro: "Restocking fee for non-defective returns: 15% if returned after 30 days."', () => {
  const fees = defineFeeSchedule(pelpro);

  it('refuses a return without its days since delivery instead of charging no restocking', () => {
    const error = thrownError(() => quoteFees(fees, { price: '129.99', condition: 'opened' }));
    expect([error.code, error.path]).toEqual(['MISSING_FACT', ['daysSinceDelivery']]);
    expect(error.message).toContain('restock-after-30 charges 15 % of the price when daysSinceDelivery is > 30: give "daysSinceDelivery"');
  });

  it('quotes a defective return without the days: it is never restocked, whatever the day', () => {
    const quote = quoteFees(fees, { price: '129.99', condition: 'opened', defective: true });
    expect(quote.total.amount).toBe('0.00');
    // Every failed field is listed; the one the request gave (defective: true) rules the rule out.
    expect(quote.reasons[0]).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'daysSinceDelivery', actual: null, fields: ['daysSinceDelivery', 'defective'], missing: ['daysSinceDelivery'] } });
  });
});

describe('free rules and definite answers stay reasons', () => {
  it('Tru Fit: "allow pre-paid returns labels for orders over $75": a return without its order value gets no label, and says the value was missing', () => {
    const fees = defineFeeSchedule(trufit);
    const quote = quoteFees(fees, { service: 'return', price: '60.00', condition: 'unopened', category: 'equipment' });
    expect(quote.fees).toEqual([]);
    expect(quote.reasons.find((r) => r.rule === 'prepaid-label')).toMatchObject({
      code: 'FEE_NOT_APPLICABLE',
      facts: { field: 'orderValue', expected: '> 75.00', actual: null, missing: ['orderValue'] },
      message: 'prepaid-label does not apply: orderValue was not given (needs > 75.00).',
    });
  });

  it('takes "present" and "not" tests as answers about a fact left out', () => {
    const fees = defineFeeSchedule({
      id: 'p',
      currency: 'USD',
      hitPolicy: { handling: 'collect' },
      rules: [
        { id: 'sized', kind: 'handling', flat: '3.00', when: { sizeClass: { present: true } } },
        { id: 'not-small', kind: 'handling', flat: '4.00', when: { sizeClass: { not: ['small'] } } },
      ],
      vocabulary: { sizeClass: ['small', 'large'] },
    });
    const quote = quoteFees(fees, {});
    expect(quote.fees.map((f) => f.rule)).toEqual(['not-small']);
    expect(quote.reasons.find((r) => r.rule === 'sized')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { field: 'sizeClass', expected: 'present', missing: [] } });
  });

  it('HomePro: a visit need not give a packaging state, as its restocking rules are for returns', () => {
    expect(quoteFees(defineFeeSchedule(homepro), { service: 'visit' }).total.amount).toBe('850.00');
    // Without the service, the diagnostic, visit and restocking fees wait on it, and restocking on the packaging state.
    const error = thrownError(() => quoteFees(defineFeeSchedule(homepro), { sameDay: true }));
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['MISSING_FACT', 'service'],
      ['MISSING_FACT', 'condition'],
    ]);
    expect(error.issues[0]?.message).toContain('diagnostic charges 350.00 THB when service is visit or repair; visit charges 500.00 THB when service is visit or repair; restock-opened charges 10 % of the price when service is return');
  });
});

describe('hit policies: a missing fact matters only where it could change the fee', () => {
  const spec: FeeScheduleSpec = {
    id: 'h',
    currency: 'USD',
    rules: [
      { id: 'furniture', kind: 'handling', flat: '12.00', when: { category: ['furniture'] } },
      { id: 'bulky', kind: 'handling', flat: '20.00', when: { sizeClass: ['large'] } },
    ],
    vocabulary: { category: ['furniture', 'lamps'], sizeClass: ['small', 'large'] },
  };

  it('first: an earlier rule of the kind already charges, so a later one waiting on a fact changes nothing', () => {
    const quote = quoteFees(defineFeeSchedule(spec), { category: 'furniture' });
    expect(quote.fees.map((f) => [f.rule, f.amount.amount])).toEqual([['furniture', '12.00']]);
    expect(quote.reasons.find((r) => r.rule === 'bulky')).toMatchObject({ code: 'FEE_NOT_APPLICABLE', facts: { missing: ['sizeClass'] } });
  });

  it('first: when the earlier rule does not charge, the later one must know its fact', () => {
    expect(issuesOf(() => quoteFees(defineFeeSchedule(spec), { category: 'lamps' }))).toEqual([['MISSING_FACT', 'sizeClass']]);
  });

  it.each(['collect', 'max'] as const)('%s: every charging rule of the kind counts, so the fact is needed', (policy) => {
    const fees = defineFeeSchedule({ ...spec, hitPolicy: { handling: policy } });
    expect(issuesOf(() => quoteFees(fees, { category: 'furniture' }))).toEqual([['MISSING_FACT', 'sizeClass']]);
    expect(quoteFees(fees, { category: 'furniture', sizeClass: 'small' }).total.amount).toBe('12.00');
  });
});

// Law: for the seed schedules, leaving facts out of a request either makes the quote say which
// facts it needs, or changes no charged fee. (The seeds' conditions have no `not` or `present`
// tests, which a fact left out can satisfy; a free line may go, as the Tru Fit label does.)
describe('laws of facts left out', () => {
  const vocabulary = { category: ['electronics', 'equipment', 'furniture'], sizeClass: ['small', 'large'], service: ['return', 'exchange', 'replacement', 'visit', 'repair'] };
  const schedules = [primos, pelpro, homepro, trufit].map((spec) => defineFeeSchedule({ ...spec, vocabulary }));
  const OPTIONAL = ['price', 'orderValue', 'condition', 'category', 'sizeClass', 'service', 'daysSinceDelivery', 'weightKg'] as const;
  const fullArb = fc.record({
    price: fc.bigInt({ min: 0n, max: 10n ** 7n }).map((units) => fromMinorUnits(units, 'USD').amount),
    orderValue: fc.integer({ min: 0, max: 20_000 }).map((cents) => (cents / 100).toFixed(2)),
    condition: fc.constantFrom('unopened', 'opened', 'used', 'damaged-by-customer' as const),
    category: fc.constantFrom(...vocabulary.category),
    sizeClass: fc.constantFrom(...vocabulary.sizeClass),
    service: fc.constantFrom(...vocabulary.service),
    daysSinceDelivery: fc.integer({ min: 0, max: 90 }),
    weightKg: fc.double({ min: 0, max: 50, noNaN: true }),
    defective: fc.boolean(),
    warranty: fc.boolean(),
    repairPerformed: fc.boolean(),
    sameDay: fc.boolean(),
    expedited: fc.boolean(),
  });
  const charging = (request: FeeRequest, schedule: (typeof schedules)[number]) =>
    quoteFees(schedule, request)
      .fees.filter((line) => line.basis.type !== 'free')
      .map((line) => [line.rule, line.amount.amount]);

  it('leaving facts out never quietly changes what is charged: MISSING_FACT, or the same charged lines', () => {
    const seen = { quoted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...schedules), fullArb, fc.subarray([...OPTIONAL], { minLength: 1 }), (schedule, full, leftOut) => {
        const partial: Record<string, unknown> = { ...full };
        for (const field of leftOut) delete partial[field];
        let partialLines: unknown;
        try {
          partialLines = charging(partial as FeeRequest, schedule);
        } catch (error) {
          expect(error).toBeInstanceOf(SupportRulesError);
          const { issues } = error as SupportRulesError;
          expect(issues.every((issue) => issue.code === 'MISSING_FACT' && leftOut.includes(issue.path[0] as (typeof OPTIONAL)[number]))).toBe(true);
          seen.refused++;
          return;
        }
        expect(partialLines).toEqual(charging(full, schedule));
        seen.quoted++;
      }),
      { numRuns: 500 },
    );
    // Both sides of the law were exercised.
    expect(Math.min(seen.quoted, seen.refused)).toBeGreaterThan(20);
  });
});
