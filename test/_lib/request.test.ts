import { describe, expect, it } from 'vitest';
import { compileRequest, type Fields } from '../../src/_lib/request.js';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { moneyIn } from '../../src/money/index.js';

const fields: Fields = {
  category: { type: 'term', vocabulary: 'category', required: true },
  condition: { type: 'term', vocabulary: 'condition' },
  flags: { type: 'terms', vocabulary: 'flag' },
  tags: { type: 'terms', vocabulary: 'tag' },
  price: { type: 'money', required: true },
  weightKg: { type: 'number', min: 0, max: 1000, unit: 'kg' },
  visits: { type: 'count' },
  vip: { type: 'boolean' },
  requestedAt: { type: 'instant', required: true, hint: 'when the customer asked' },
  plans: { type: 'list', of: { type: 'object', what: 'a plan', fields: { plan: { type: 'term', vocabulary: 'plan', required: true }, boughtAt: { type: 'instant', required: true } } } },
  events: {
    type: 'list',
    of: { type: 'variant', what: 'event', tag: 'type', variants: { created: { at: { type: 'instant', required: true } }, status: { at: { type: 'instant', required: true }, status: { type: 'term', vocabulary: 'status', required: true } } } },
  },
};
const check = compileRequest('a test request', fields, {
  vocabularies: {
    category: { what: 'category', values: ['electronics', 'appliances'], code: 'UNKNOWN_CATEGORY' },
    condition: { what: 'condition', values: ['unopened', 'opened'] },
    flag: { what: 'flag', values: ['installed', 'final-sale'] },
    tag: { what: 'tag', values: undefined },
    plan: { what: 'plan', values: ['ext-1y'] },
    status: { what: 'status', values: ['open', 'pending', 'solved'] },
  },
  money: (value, path) => moneyIn(value as string, 'USD', path, { nonNegative: true }),
});
const valid = { category: 'electronics', price: '499.00', requestedAt: '2026-11-20T18:30:00-06:00' };

function issuesOf(input: unknown): [string, string, string | undefined][] {
  try {
    check(input);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error.issues.map((issue) => [issue.code, issue.path.join('.'), issue.suggestion]);
    throw error;
  }
  throw new Error('expected an error');
}

describe('a compiled request checker', () => {
  it('returns the request normalised: instants as epoch ms, amounts as Money', () => {
    expect(check({ ...valid, vip: true, weightKg: 2.5, flags: ['installed'], tags: ['anything'] })).toEqual({
      category: 'electronics',
      price: { amount: '499.00', currency: 'USD' },
      requestedAt: Date.UTC(2026, 10, 21, 0, 30),
      vip: true,
      weightKg: 2.5,
      flags: ['installed'],
      tags: ['anything'],
    });
  });

  it('treats an undefined value as a field left out', () => {
    expect(check({ ...valid, condition: undefined })).not.toHaveProperty('condition');
  });

  it('refuses a value outside the vocabulary, with the allowed values and a did-you-mean', () => {
    for (const condition of ['Opened', 'OPENED', 'opened ']) expect(issuesOf({ ...valid, condition })).toEqual([['UNKNOWN_IN_POLICY', 'condition', 'opened']]);
    expect(issuesOf({ ...valid, category: 'Electronic' })).toEqual([['UNKNOWN_CATEGORY', 'category', 'electronics']]);
    try {
      check({ ...valid, condition: 'Opened' });
    } catch (error) {
      expect((error as InvalidArgumentError).issues[0]?.allowed).toEqual(['unopened', 'opened']);
      expect((error as Error).message).toBe('at condition: "Opened" is not a condition of this policy; did you mean "opened"? The conditions are unopened and opened.');
    }
  });

  it('refuses null and wrong types instead of defaulting', () => {
    expect(issuesOf({ ...valid, condition: null })).toEqual([['INVALID_TYPE', 'condition', undefined]]);
    expect(issuesOf({ ...valid, condition: 42 })).toEqual([['INVALID_TYPE', 'condition', undefined]]);
    expect(issuesOf({ ...valid, vip: 'yes' })).toEqual([['INVALID_TYPE', 'vip', undefined]]);
    expect(issuesOf({ ...valid, flags: 'installed' })).toEqual([['INVALID_TYPE', 'flags', undefined]]);
    expect(issuesOf({ ...valid, weightKg: Number.NaN })).toEqual([['INVALID_TYPE', 'weightKg', undefined]]);
    expect(issuesOf({ ...valid, weightKg: -1 })).toEqual([['INVALID_FACT', 'weightKg', undefined]]);
    expect(issuesOf({ ...valid, visits: 1.5 })).toEqual([['INVALID_FACT', 'visits', undefined]]);
    expect(issuesOf(null)).toEqual([['INVALID_TYPE', '', undefined]]);
    expect(issuesOf([valid])).toEqual([['INVALID_TYPE', '', undefined]]);
  });

  it('refuses unknown keys with a did-you-mean', () => {
    expect(issuesOf({ ...valid, flag: ['final-sale'] })).toEqual([['UNKNOWN_KEY', 'flag', 'flags']]);
    expect(issuesOf({ ...valid, requestAt: '2026-11-20T18:30:00Z' })).toEqual([['UNKNOWN_KEY', 'requestAt', 'requestedAt']]);
    expect(issuesOf({ ...valid, zzz: 1 })).toEqual([['UNKNOWN_KEY', 'zzz', undefined]]);
  });

  it('says amounts are decimal strings when given a number', () => {
    expect(() => check({ ...valid, price: 499 })).toThrow('"price" is the number 499; amounts are decimal strings such as "499.00"');
  });

  it('lists every problem at once, each at the caller\'s own path', () => {
    expect(issuesOf({ condition: 'Opened', flag: [], price: 499, events: [{ type: 'created', at: '2026-11-20T18:30:00Z' }, { type: 'status', at: 9e15, status: 'Pending' }, { type: 'stauts' }], plans: [{ plan: 'ext-1y' }] })).toEqual([
      ['UNKNOWN_IN_POLICY', 'condition', 'opened'],
      ['UNKNOWN_KEY', 'flag', 'flags'],
      ['INVALID_TYPE', 'price', undefined],
      ['INSTANT_OUT_OF_RANGE', 'events.1.at', undefined],
      ['UNKNOWN_IN_POLICY', 'events.1.status', 'pending'],
      ['INVALID_VALUE', 'events.2.type', 'status'],
      ['REQUIRED', 'plans.0.boughtAt', undefined],
      ['REQUIRED', 'category', undefined],
      ['REQUIRED', 'requestedAt', undefined],
    ]);
  });

  it('explains what a required field is', () => {
    expect(() => check({ category: 'electronics', price: '1.00' })).toThrow('at requestedAt: "requestedAt" is required: when the customer asked.');
  });

  it('accepts any text for an open vocabulary, but not an empty one', () => {
    expect(check({ ...valid, tags: ['vip', 'x'] }).tags).toEqual(['vip', 'x']);
    expect(issuesOf({ ...valid, tags: [''] })).toEqual([['EMPTY', 'tags.0', undefined]]);
  });
});
