import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/_lib/suggest.js';

describe('did you mean', () => {
  it.each([
    ['Opened', ['unopened', 'opened', 'used'], 'opened'],
    ['OPENED', ['unopened', 'opened', 'used'], 'opened'],
    ['opened ', ['unopened', 'opened', 'used'], 'opened'],
    ['flag', ['flags', 'evidence', 'category'], 'flags'],
    ['recievedAt', ['receivedAt', 'requestedAt'], 'receivedAt'],
    ['promisedDate', ['promisedAt', 'deliveredAt'], 'promisedAt'],
    ['legal', ['legal-complaint', 'technical'], 'legal-complaint'],
    ['damaged', ['damaged-item', 'shipping-error'], 'damaged-item'],
    ['csat', ['csatMean', 'csatPercentSatisfied', 'nps'], 'csatMean'],
    ['Pending', ['pending', 'open', 'solved'], 'pending'],
    ['on_hold', ['on-hold', 'pending'], 'on-hold'],
  ])('%j among %j is %j', (given, known, expected) => {
    expect(suggest(given, known)).toBe(expected);
  });

  it('suggests nothing for values far from every known one, or for non-text', () => {
    expect(suggest('xyz', ['opened', 'used'])).toBeUndefined();
    expect(suggest(null, ['opened'])).toBeUndefined();
    expect(suggest('', ['opened'])).toBeUndefined();
    expect(suggest('a', ['b'])).toBe('b'); // one letter off a one-letter word is still a slip
  });
});

describe('formatPath, the one path notation', () => {
  it('writes keys with dots and indexes in brackets, and never throws', async () => {
    const { formatPath } = await import('../../src/errors/index.js');
    expect(formatPath(['events', 3, 'status'])).toBe('events[3].status');
    expect(formatPath([0, 'csat'])).toBe('[0].csat');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(null as never)).toBe('null');
  });
});
