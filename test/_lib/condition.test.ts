import fc from 'fast-check';
import Decimal from 'decimal.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { compareValues, compileCondition, conditionShape, matches, mismatches, namedValues, type FactType } from '../../src/_lib/condition.js';
import { subsumes } from '../../src/_lib/subsumption.js';
import { validate } from '../../src/_lib/zod-issues.js';

const FIELDS = { channel: 'term', tags: 'terms', vip: 'boolean', days: 'number', amount: 'money' } as const satisfies Record<string, FactType>;
const Schema = z.strictObject(conditionShape(FIELDS, { channel: 'The channel.', tags: 'The tags.', vip: 'VIP or not.', days: 'Days.', amount: 'An amount.' }));
const compile = (when: Record<string, unknown>) => compileCondition(Schema.parse(when), FIELDS);

describe('one condition language', () => {
  it('reads every form of test a field type allows', () => {
    const facts = { channel: 'email', tags: ['a', 'b'], vip: true, days: 31, amount: { amount: '75.00', currency: 'USD' } };
    const holds = (when: Record<string, unknown>) => matches(compile(when), facts);
    expect([holds({ channel: 'email' }), holds({ channel: ['chat', 'email'] }), holds({ channel: { not: 'chat' } }), holds({ channel: { not: ['email'] } })]).toEqual([true, true, true, false]);
    expect([holds({ tags: ['b', 'z'] }), holds({ tags: { all: ['a', 'b'] } }), holds({ tags: { all: ['a', 'z'] } }), holds({ tags: { not: ['z'] } })]).toEqual([true, true, false, true]);
    expect([holds({ vip: true }), holds({ vip: false }), holds({ days: { gt: 30 } }), holds({ days: { gt: 31 } }), holds({ days: { gte: 31, lte: 31 } })]).toEqual([true, false, true, false, true]);
    expect([holds({ amount: { gt: '75.00' } }), holds({ amount: { gte: '75' } }), holds({ amount: { lt: '75.01' } })]).toEqual([false, true, true]);
    expect([holds({ channel: { present: true } }), holds({ days: { present: false } })]).toEqual([true, false]);
  });

  it('treats a fact left out as failing any-of and ranges, passing none-of, and false for booleans', () => {
    const none = {};
    expect([matches(compile({ channel: 'email' }), none), matches(compile({ channel: { not: 'email' } }), none), matches(compile({ days: { gt: 0 } }), none), matches(compile({ vip: false }), none)]).toEqual([false, true, false, true]);
  });

  it('explains each failed field with one shape: field, expected, actual', () => {
    expect(mismatches(compile({ channel: ['chat', 'phone'], days: { gt: 30, lte: 60 }, vip: true, tags: { not: ['b'] } }), { channel: 'email', days: 12, tags: ['a', 'b'] })).toEqual([
      { field: 'channel', expected: 'chat or phone', actual: 'email' },
      { field: 'tags', expected: 'not b', actual: 'a, b' },
      { field: 'vip', expected: 'true', actual: false },
      { field: 'days', expected: '> 30 and <= 60', actual: 12 },
    ]);
  });

  it('refuses ranges that are empty, doubled or backwards, in the library\'s words', () => {
    const codes = (when: unknown) => (validate(Schema, when).issues ?? []).map((issue) => [issue.code, issue.path.join('.')]);
    expect(codes({ days: { gt: 7, lt: 5 } })).toEqual([['INVALID_RANGE', 'days']]);
    expect(codes({ days: { gt: 5, gte: 5 } })).toEqual([['INVALID_RANGE', 'days']]);
    expect(codes({ days: {} })).toEqual([['EMPTY', 'days']]);
    expect(codes({ amount: { gt: '7.5x' } })).toEqual([['INVALID_FORMAT', 'amount.gt']]);
    expect(codes({ chanel: 'email' })).toEqual([['UNKNOWN_KEY', 'chanel']]);
  });

  it('lists the values a condition names, with their paths', () => {
    expect(namedValues({ channel: { not: ['chat', 'sms'] }, tags: ['x'], days: { gt: 1 } }, FIELDS)).toEqual([
      { field: 'channel', value: 'chat', path: ['channel', 'not', 0] },
      { field: 'channel', value: 'sms', path: ['channel', 'not', 1] },
      { field: 'tags', value: 'x', path: ['tags', 0] },
    ]);
  });

  it('compares decimal amounts exactly, as decimal.js does', () => {
    const amount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.nat(9)).map(([neg, units, scale]) => {
      const text = new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toFixed(scale);
      return neg && units !== 0n ? `-${text}` : text;
    });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(compareValues(a, b)).toBe(new Decimal(a).cmp(new Decimal(b)));
      }),
      { numRuns: 500 },
    );
  });

  describe('subsumption (a later first-match rule another one covers can never apply)', () => {
    it('finds ranges, lists and presence that cover one another', () => {
      expect(subsumes(compile({ days: { gt: 5 } }), compile({ days: { gt: 7 } }))).toBe(true);
      expect(subsumes(compile({ days: { gt: 7 } }), compile({ days: { gt: 5 } }))).toBe(false);
      expect(subsumes(compile({ days: { gte: 5 } }), compile({ days: { gt: 5 } }))).toBe(true);
      expect(subsumes(compile({ days: { gt: 5 } }), compile({ days: { gte: 5 } }))).toBe(false);
      expect(subsumes(compile({ channel: ['a', 'b'] }), compile({ channel: 'a', vip: true }))).toBe(true);
      expect(subsumes(compile({ channel: 'a', vip: true }), compile({ channel: 'a' }))).toBe(false);
      expect(subsumes(compile({}), compile({ channel: 'a' }))).toBe(true);
      expect(subsumes(compile({ amount: { gt: '50.00' } }), compile({ amount: { gte: '50.01' } }))).toBe(true);
      expect(subsumes(compile({ channel: { not: 'x' } }), compile({ channel: 'a' }))).toBe(true);
      expect(subsumes(compile({ channel: { present: true } }), compile({ channel: { not: 'x' } }))).toBe(false);
    });

    const test = (field: keyof typeof FIELDS): fc.Arbitrary<unknown> => {
      const word = fc.constantFrom('a', 'b', 'c');
      const words = fc.uniqueArray(word, { minLength: 1, maxLength: 3 });
      const bound = fc.integer({ min: 0, max: 6 });
      const range = fc
        .record({ low: fc.option(fc.tuple(fc.boolean(), bound), { nil: undefined }), high: fc.option(fc.tuple(fc.boolean(), bound), { nil: undefined }) })
        .filter(({ low, high }) => (low !== undefined || high !== undefined) && (!low || !high || low[1] < high[1] || (low[1] === high[1] && low[0] && high[0])))
        .map(({ low, high }) => ({ ...(low ? { [low[0] ? 'gte' : 'gt']: low[1] } : {}), ...(high ? { [high[0] ? 'lte' : 'lt']: high[1] } : {}) }));
      switch (FIELDS[field]) {
        case 'term':
          return fc.oneof(word, words, words.map((not) => ({ not })), fc.boolean().map((present) => ({ present })));
        case 'terms':
          return fc.oneof(words, words.map((all) => ({ all })), words.map((not) => ({ not })), fc.boolean().map((present) => ({ present })));
        case 'boolean':
          return fc.boolean();
        case 'number':
          return fc.oneof(range, fc.boolean().map((present) => ({ present })));
        case 'money':
          return fc.oneof(range.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, `${v}.00`]))), fc.boolean().map((present) => ({ present })));
      }
    };
    const condition = fc.record(
      { channel: test('channel'), tags: test('tags'), vip: test('vip'), days: test('days'), amount: test('amount') },
      { requiredKeys: [] },
    );
    const facts = fc.record(
      {
        channel: fc.constantFrom('a', 'b', 'c', 'd'),
        tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }),
        vip: fc.boolean(),
        days: fc.integer({ min: -1, max: 7 }),
        amount: fc.integer({ min: 0, max: 700 }).map((cents) => ({ amount: (cents / 100).toFixed(2), currency: 'USD' })),
      },
      { requiredKeys: [] },
    );

    it('is sound: whatever the narrower condition matches, the broader one matches too', () => {
      let proved = 0;
      fc.assert(
        // The broader condition is often the narrower one with some tests dropped or replaced.
        fc.property(
          condition.chain((b) => fc.tuple(fc.oneof(condition, fc.subarray(Object.keys(b)).chain((keep) => condition.map((other) => ({ ...other, ...Object.fromEntries(keep.map((k) => [k, (b as Record<string, unknown>)[k]])) })))), fc.constant(b))),
          fc.array(facts, { minLength: 20, maxLength: 20 }),
          ([a, b], samples) => {
          const broad = compile(a);
          const narrow = compile(b);
          if (!subsumes(broad, narrow)) return;
          proved++;
          for (const f of samples) if (matches(narrow, f)) expect(matches(broad, f)).toBe(true);
          },
        ),
        { numRuns: 3000 },
      );
      expect(proved).toBeGreaterThan(100);
    });

    it('is reflexive', () => {
      fc.assert(
        fc.property(condition, (a) => {
          expect(subsumes(compile(a), compile(a))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('agrees with mismatches: a condition matches exactly when nothing mismatches', () => {
      fc.assert(
        fc.property(condition, facts, (a, f) => {
          expect(mismatches(compile(a), f).length === 0).toBe(matches(compile(a), f));
        }),
        { numRuns: 500 },
      );
    });
  });
});
