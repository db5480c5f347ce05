import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMismatch, mismatches, show } from '../../src/cli/expect.js';

const lines = (expected: unknown, actual: unknown) => mismatches(expected, actual).map(formatMismatch);

const decision = {
  outcome: 'eligible',
  deadline: '2026-11-23T16:30:00.000Z',
  reasons: [
    { code: 'RETURN_LATE_ACCEPTED', facts: { daysLate: 11 } },
    { code: 'FEE_APPLIED', facts: { percent: 15 } },
  ],
  offers: [{ type: 'credit', amount: '10.00' }],
};

describe('matching a case\'s expect against the decision', () => {
  it('compares only the keys expect lists', () => {
    expect(lines({ outcome: 'eligible' }, decision)).toEqual([]);
    expect(lines({}, decision)).toEqual([]);
  });

  it('matches each expected item against some item of the list, in any order', () => {
    expect(lines({ reasons: [{ code: 'FEE_APPLIED' }, { code: 'RETURN_LATE_ACCEPTED', facts: { daysLate: 11 } }] }, decision)).toEqual([]);
  });

  it('reads an empty expected list as "none"', () => {
    expect(lines({ offers: [] }, { offers: [] })).toEqual([]);
    expect(lines({ offers: [] }, decision)).toEqual(['offers: expected an empty list, got [{"type":"credit","amount":"10.00"}]']);
  });

  it('compares two ISO 8601 instants with offsets as instants', () => {
    for (const deadline of ['2026-11-23T16:30:00Z', '2026-11-23T16:30Z', '2026-11-23T10:30:00-06:00', '2026-11-24T01:30:00.000+09:00']) {
      expect(lines({ deadline }, decision), deadline).toEqual([]);
    }
    expect(lines({ deadline: '2026-11-23T16:30:01Z' }, decision)).toEqual(['deadline: expected "2026-11-23T16:30:01Z", got "2026-11-23T16:30:00.000Z"']);
    // A date without a time, or a time without an offset, is text, compared as text.
    expect(lines({ deadline: '2026-11-23' }, { deadline: '2026-11-23T00:00:00Z' })).toHaveLength(1);
    expect(lines({ deadline: '2026-11-23T16:30:00' }, { deadline: '2026-11-23T16:30:00Z' })).toHaveLength(1);
  });

  it('names a key the decision lacks, with a did-you-mean and the keys it has', () => {
    expect(lines({ outcom: 'eligible' }, decision)).toEqual([
      'outcom: expected "eligible", but the decision has no "outcom"; did you mean "outcome"? Its keys are outcome, deadline, reasons and offers.',
    ]);
    expect(lines({ reasons: [{ code: 'FEE_APPLIED', fact: {} }] }, decision)[0]).toContain('reasons[0]: no item of the list matches {"code":"FEE_APPLIED","fact":{}}');
    expect(lines({ quote: { refund: '1.00' } }, { quote: {} })).toEqual(['quote.refund: expected "1.00", but quote has no "refund". Its keys are (none).']);
  });

  it('shows what was expected and what the decision has, for every kind of difference', () => {
    expect(lines({ outcome: 'ineligible' }, decision)).toEqual(['outcome: expected "ineligible", got "eligible"']);
    expect(lines({ reasons: { code: 'X' } }, decision)[0]).toMatch(/^reasons: expected an object \{"code":"X"\}, got \[\{"code":"RETURN_LATE_ACCEPTED"/);
    expect(lines({ outcome: ['eligible'] }, decision)).toEqual(['outcome: expected a list ["eligible"], got "eligible"']);
    expect(lines({ reasons: [{ code: 'RETURN_WINDOW_EXPIRED' }] }, decision)[0]).toMatch(
      /^reasons\[0\]: no item of the list matches \{"code":"RETURN_WINDOW_EXPIRED"\}; the list is \[\{"code":"RETURN_LATE_ACCEPTED".*"FEE_APPLIED"/,
    );
    expect(mismatches({ outcome: 'ineligible' }, decision)[0]).toMatchObject({ path: ['outcome'], expected: 'ineligible', actual: 'eligible' });
  });

  it('cuts a long actual list to a sane length and says how long it is', () => {
    const long = Array.from({ length: 500 }, (_, i) => ({ code: `CODE_${i}` }));
    const [line] = lines({ reasons: [{ code: 'MISSING' }] }, { reasons: long });
    expect(line?.length).toBeLessThan(300);
    expect(line).toMatch(/…\s\(500 items\)$/);
  });

  it('law: a value matches itself, and any part of it taken as expect', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(mismatches(value, value)).toEqual([]);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          const [first] = Object.keys(value);
          if (first !== undefined) expect(mismatches({ [first]: (value as Record<string, unknown>)[first] }, value)).toEqual([]);
        }
      }),
    );
  });
});

describe('show', () => {
  it('quotes a value as JSON and cuts it after a sane length', () => {
    expect([show('a'), show(1), show(null), show(undefined), show({ a: [1] })]).toEqual(['"a"', '1', 'null', 'nothing', '{"a":[1]}']);
    expect(show('x'.repeat(1000)).length).toBe(160);
  });
});
