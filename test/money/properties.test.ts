import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  allocate,
  compare,
  fromMinorUnits,
  money,
  multiply,
  negate,
  percentOf,
  subtract,
  sum,
  toMinorUnits,
  type Money,
  type RoundingMode,
} from '../../src/money/index.js';

// Laws of the Money module, checked on minor units (bigint) as the simple reference.

const currencyArb = fc.constantFrom('USD', 'JPY', 'KWD', 'THB', 'EUR', 'CLF');
const unitsArb = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });
const moneyArb = (currency: string) => unitsArb.map((units) => fromMinorUnits(units, currency));
const pairArb = currencyArb.chain((currency) => fc.tuple(moneyArb(currency), moneyArb(currency), moneyArb(currency)));
const modeArb = fc.constantFrom<RoundingMode>('half-up', 'half-even', 'half-down', 'up', 'down', 'ceil', 'floor');
const percentArb = fc.integer({ min: 0, max: 100_000 }).map((n) => (n / 1000).toString()); // 0 to 100 %, 3 decimals
const params = { numRuns: 300 };

describe('laws of money', () => {
  it('round trip: minor units and back; parsing the amount string gives the same Money', () => {
    fc.assert(
      fc.property(currencyArb, unitsArb, (currency, units) => {
        const value = fromMinorUnits(units, currency);
        expect(toMinorUnits(value)).toBe(units);
        expect(money(value.amount, currency)).toEqual(value);
      }),
      params,
    );
  });

  it('addition is exact, commutative and associative, and subtraction inverts it', () => {
    fc.assert(
      fc.property(pairArb, ([a, b, c]) => {
        expect(toMinorUnits(add(a, b))).toBe(toMinorUnits(a) + toMinorUnits(b));
        expect(add(a, b)).toEqual(add(b, a));
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(a, negate(a)).amount).toMatch(/^0(\.0+)?$/);
      }),
      params,
    );
  });

  it('sum: line items always add up to the total exactly', () => {
    fc.assert(
      fc.property(currencyArb.chain((currency) => fc.tuple(fc.constant(currency), fc.array(moneyArb(currency), { maxLength: 20 }))), ([currency, items]) => {
        const total = sum(items, currency);
        expect(toMinorUnits(total)).toBe(items.reduce((acc, item) => acc + toMinorUnits(item), 0n));
      }),
      params,
    );
  });

  it('allocation never loses a minor unit and keeps every share within one unit of its exact part', () => {
    fc.assert(
      fc.property(currencyArb.chain(moneyArb), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((r) => r.some((x) => x > 0)), (value, ratios) => {
        const shares = allocate(value, ratios);
        const units = shares.map(toMinorUnits);
        expect(units.reduce((a, b) => a + b, 0n)).toBe(toMinorUnits(value));
        const total = ratios.reduce((a, b) => a + b, 0);
        units.forEach((share, i) => {
          // |share * total - value * ratio| < total (i.e. off by less than one unit), in integers.
          const diff = share * BigInt(total) - toMinorUnits(value) * BigInt(ratios[i] as number);
          expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(total));
        });
      }),
      params,
    );
  });

  it('percentOf is within one minor unit of the exact value and monotonic in the percent and the amount', () => {
    fc.assert(
      fc.property(currencyArb.chain((c) => fc.tuple(moneyArb(c), moneyArb(c))), percentArb, percentArb, modeArb, ([a, b], p, q, mode) => {
        const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a];
        const [pLow, pHigh] = Number(p) <= Number(q) ? [p, q] : [q, p];
        const lowFee = percentOf(low, pLow, mode);
        expect(compare(lowFee, percentOf(high, pLow, mode))).toBeLessThanOrEqual(0);
        if (!toMinorUnits(low).toString().startsWith('-')) expect(compare(lowFee, percentOf(low, pHigh, mode))).toBeLessThanOrEqual(0);
        // exact = units * p / 100 with p in thousandths: compare in integers scaled by 100,000.
        const exactScaled = toMinorUnits(low) * BigInt(Math.round(Number(pLow) * 1000));
        const diff = toMinorUnits(lowFee) * 100_000n - exactScaled;
        expect(diff < 0n ? -diff : diff).toBeLessThan(100_000n);
      }),
      params,
    );
  });

  it('multiply by an integer equals repeated addition', () => {
    fc.assert(
      fc.property(currencyArb.chain(moneyArb), fc.integer({ min: 0, max: 50 }), (value: Money, n) => {
        expect(multiply(value, n)).toEqual(sum(Array.from({ length: n }, () => value), value.currency));
      }),
      { numRuns: 100 },
    );
  });
});
