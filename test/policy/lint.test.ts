import { describe, expect, it } from 'vitest';
import { definePolicy, definePolicyHistory, LINT_CODES, lintPolicy, type LintFinding, type SupportPolicy } from '../../src/policy/index.js';
import { thrownError } from '../helpers/errors.js';
import { AROUND, compensationWith, DESK, feesWith, slaWith } from './lint-fixtures.js';

// Lint beyond validity (docs/lint.md): each code on both sides of its line.

const codes = (policy: SupportPolicy, code?: string) => lintPolicy(policy).filter((f) => code === undefined || f.code === code);
const brief = (findings: readonly LintFinding[]) => findings.map((f) => [f.code, f.path.join('.')]);

describe('SHADOWED_RULE and OVERLAPPING_RULES: rules a first-match table can never or only partly let decide', () => {
  const small = { id: 'small', flat: '5.00', when: { orderValue: { lt: '50.00' } } };
  const big = { id: 'big', flat: '10.00', when: { orderValue: { gte: '50.00' } } };

  it('reports a rule the earlier rules cover together (no single one does, so the policy is valid)', () => {
    const findings = lintPolicy(feesWith([small, big, { id: 'mid', flat: '7.00', when: { orderValue: { gte: '20.00', lt: '80.00' } } }]));
    expect(brief(findings)).toEqual([['SHADOWED_RULE', 'returns.fees.rules.2']]);
    expect(findings[0]?.facts).toEqual({ rule: 'mid', coveredBy: ['small', 'big'] });
    expect(findings[0]?.message).toBe('Rule "mid" never decides: the earlier handling fee rules "small" and "big" together match every request it matches. Remove it, or move it before them if it is the exception.');
  });

  it('reports a rule that only overlaps an earlier one and decides differently, with the region the earlier one takes', () => {
    const findings = lintPolicy(feesWith([small, { id: 'mid', flat: '7.00', when: { orderValue: { gte: '20.00', lt: '80.00' } } }]));
    expect(brief(findings)).toEqual([['OVERLAPPING_RULES', 'returns.fees.rules.1']]);
    expect(findings[0]?.message).toContain('Rules "small" and "mid" both match order value 20.00–49.99 USD, and decide differently; there "small" wins');
    expect(findings[0]?.facts).toEqual({
      rule: 'mid',
      earlier: 'small',
      region: [{ orderValue: { intervals: [{ from: { value: '20.00', inclusive: true }, to: { value: '49.99', inclusive: true } }], absent: false } }],
    });
  });

  it('says nothing of disjoint rules, nor of overlapping rules that decide alike', () => {
    expect(lintPolicy(feesWith([small, { id: 'mid', flat: '7.00', when: { orderValue: { gte: '50.00', lt: '80.00' } } }]))).toEqual([]);
    expect(lintPolicy(feesWith([small, { id: 'mid', flat: '5.00', when: { orderValue: { gte: '20.00', lt: '80.00' } } }]))).toEqual([]);
  });

  it('says nothing of an exception written before its general rule', () => {
    expect(lintPolicy(feesWith([{ id: 'apparel', flat: '3.00', when: { category: 'apparel' } }, { id: 'any', flat: '5.00' }]))).toEqual([]);
  });

  it('reports sets that partly overlap on the field both rules test', () => {
    const findings = lintPolicy(feesWith([{ id: 'a', flat: '5.00', when: { category: ['apparel', 'electronics'] } }, { id: 'b', flat: '7.00', when: { category: ['electronics', 'furniture'] } }]));
    expect(brief(findings)).toEqual([['OVERLAPPING_RULES', 'returns.fees.rules.1']]);
    expect(findings[0]?.message).toContain('both match category electronics');
  });

  it('leaves rules over different fields alone: in a first-match table the earlier one is the more important', () => {
    const sla = slaWith([
      { id: 'sev1', when: { priority: 'sev1' }, targets: [{ id: 'sev1-ack', metric: 'acknowledgement', within: { minutes: 60 }, calendar: 'clock' }] },
      { id: 'phone', when: { channel: 'phone' }, targets: [{ id: 'answer', metric: 'firstResponse', within: { seconds: 30 }, calendar: 'desk' }] },
    ]);
    expect(codes(sla, 'OVERLAPPING_RULES')).toEqual([]);
  });

  it('counts the vocabulary: return windows for apparel and electronics leave nothing to a later window for both', () => {
    const policy = definePolicy({
      id: 'acme',
      version: '1.0',
      returns: {
        id: 'r',
        timeZone: 'UTC',
        categories: ['apparel', 'electronics'],
        windows: [
          { id: 'apparel', days: 30, from: 'delivery', category: 'apparel' },
          { id: 'electronics', days: 14, from: 'delivery', category: 'electronics' },
          { id: 'both', days: 60, from: 'delivery', category: ['apparel', 'electronics'] },
        ],
        fees: { id: 'f', currency: 'USD', rules: [] },
        refund: { method: 'original-payment', issuedWithin: { businessDays: 5 } },
      },
    });
    expect(brief(lintPolicy(policy))).toEqual([['SHADOWED_RULE', 'returns.windows.2']]);
  });

  it('reads fees by their hit policy: collected fees are never shadowed', () => {
    expect(lintPolicy(feesWith([small, big, { id: 'mid', flat: '7.00', when: { orderValue: { gte: '20.00', lt: '80.00' } } }], { hitPolicy: { handling: 'collect' } }))).toEqual([]);
  });

  it('reads compensation rules per incident type, and an order value left out is not covered by ranges', () => {
    const lower = { id: 'lower', when: { orderValue: { lt: '50.00' } } };
    const upper = { id: 'upper', when: { orderValue: { gte: '50.00' } }, amount: '20.00' };
    // A fallback still decides for incidents that give no order value.
    expect(lintPolicy(compensationWith([lower, upper, { id: 'fallback', amount: '5.00' }]))).toEqual([]);
    expect(brief(lintPolicy(compensationWith([lower, upper, { id: 'given', when: { orderValue: { present: true } }, amount: '5.00' }])))).toEqual([['SHADOWED_RULE', 'compensation.rules.2']]);
  });
});

describe('TABLE_GAP: values no rule of a tiered table covers', () => {
  it('names the gap as an interval of amounts in the currency', () => {
    const findings = lintPolicy(compensationWith([{ id: 'small', when: { orderValue: { lt: '50.00' } } }, { id: 'large', when: { orderValue: { gte: '75.00' } }, amount: '20.00' }]));
    expect(brief(findings)).toEqual([['TABLE_GAP', 'compensation.rules.1.when.orderValue']]);
    expect(findings[0]?.message).toBe('Order values 50.00–74.99 USD match no late-delivery compensation rule (between "small" and "large"); widen one of them if the table should cover them.');
    expect(findings[0]?.facts).toEqual({ field: 'orderValue', from: { value: '50.00', inclusive: true }, to: { value: '74.99', inclusive: true }, unit: 'USD', between: ['small', 'large'] });
  });

  it('finds a gap of one cent, and none where the amounts meet', () => {
    const oneCent = compensationWith([{ id: 'small', when: { orderValue: { lt: '50.00' } } }, { id: 'large', when: { orderValue: { gt: '50.00' } }, amount: '20.00' }]);
    expect(lintPolicy(oneCent).map((f) => f.message)).toEqual(['Order values 50.00 USD match no late-delivery compensation rule (between "small" and "large"); widen one of them if the table should cover them.']);
    const meeting = compensationWith([{ id: 'small', when: { orderValue: { lte: '49.99' } } }, { id: 'large', when: { orderValue: { gte: '50.00' } }, amount: '20.00' }]);
    expect(lintPolicy(meeting)).toEqual([]);
  });

  it('counts delays in whole business days', () => {
    const findings = lintPolicy(compensationWith([{ id: 'short', when: { delayBusinessDays: { lte: 3 } } }, { id: 'long', when: { delayBusinessDays: { gte: 5 } }, amount: '20.00' }]));
    expect(findings.map((f) => [f.code, f.message.split(' match')[0]])).toEqual([['TABLE_GAP', 'Delays of 4 business days']]);
    expect(lintPolicy(compensationWith([{ id: 'short', when: { delayBusinessDays: { lte: 3 } } }, { id: 'long', when: { delayBusinessDays: { gt: 3 } }, amount: '20.00' }]))).toEqual([]);
  });

  it('does not call a gap what another rule of the table covers', () => {
    const covered = compensationWith([
      { id: 'small', when: { orderValue: { lt: '50.00' } } },
      { id: 'large', when: { orderValue: { gte: '75.00' } }, amount: '20.00' },
      { id: 'middle', when: { orderValue: { gte: '40.00', lt: '80.00' } }, amount: '15.00' },
    ]);
    expect(codes(covered, 'TABLE_GAP')).toEqual([]);
  });
});

describe('TARGET_EXCEEDS_LATER_TARGET: a step due after the step it precedes', () => {
  const rule = (first: object, firstCalendar: string, resolution: object, resolutionCalendar: string) => [
    { id: 'all', targets: [{ id: 'reply', metric: 'firstResponse', within: first, calendar: firstCalendar }, { id: 'fix', metric: 'resolution', within: resolution, calendar: resolutionCalendar }] },
  ];

  it('compares spans on one calendar in one unit by their size', () => {
    const findings = codes(slaWith(rule({ businessDays: 2 }, 'desk', { businessDays: 1 }, 'desk')), 'TARGET_EXCEEDS_LATER_TARGET');
    expect(brief(findings)).toEqual([['TARGET_EXCEEDS_LATER_TARGET', 'sla.rules.0.targets.0.within']]);
    expect(findings[0]?.message).toBe('The first response target (2 business days on "desk") is longer than the resolution target it precedes (1 business day on "desk"), so a ticket is due for resolution first. Shorten the first response target or lengthen the resolution one.');
    expect(codes(slaWith(rule({ businessDays: 1 }, 'desk', { businessDays: 1 }, 'desk')), 'TARGET_EXCEEDS_LATER_TARGET')).toEqual([]);
  });

  it('compares across calendars by deadlines from the same creation instant, with an example', () => {
    const findings = codes(slaWith(rule({ hours: 8 }, 'desk', { hours: 24 }, 'clock')), 'TARGET_EXCEEDS_LATER_TARGET');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.facts).toMatchObject({ always: false, sampled: 672, example: { createdAt: '2026-01-09 09:30 CST (15:30Z)', due: '2026-01-12 09:30 CST (15:30Z)', laterDue: '2026-01-10 09:30 CST (15:30Z)' } });
    // Eight business hours always fit in 72 hours around the clock on a Mon–Fri 09:00–17:00 desk.
    expect(codes(slaWith(rule({ hours: 8 }, 'desk', { hours: 72 }, 'clock')), 'TARGET_EXCEEDS_LATER_TARGET')).toEqual([]);
  });

  it('compares only targets that can apply to one ticket', () => {
    const disjoint = [
      {
        id: 'all',
        targets: [
          { id: 'reply', metric: 'firstResponse', within: { businessDays: 2 }, calendar: 'desk', when: { channel: 'email' } },
          { id: 'fix', metric: 'resolution', within: { businessDays: 1 }, calendar: 'desk', when: { channel: 'chat' } },
        ],
      },
    ];
    expect(codes(slaWith(disjoint), 'TARGET_EXCEEDS_LATER_TARGET')).toEqual([]);
  });
});

describe('calendars', () => {
  const withDesk = (desk: object, extra: object = {}) => definePolicy({ id: 'acme', version: '1.0', calendars: { desk }, compensation: { id: 'c', currency: 'USD', calendar: 'desk', approval: [{ level: 'agent' }], rules: [{ id: 'r', incident: 'late-delivery', choose: [{ type: 'refund' }] }] }, ...extra });

  it('CALENDAR_NEARLY_CLOSED: open 59 minutes a week, and not at 60', () => {
    const findings = codes(withDesk({ timeZone: 'America/Chicago', hours: { mon: ['09:00-09:59'] } }));
    expect(brief(findings)).toEqual([['CALENDAR_NEARLY_CLOSED', 'calendars.desk']]);
    expect(findings[0]?.facts).toEqual({ calendar: 'desk', weeklyMinutes: 59 });
    expect(codes(withDesk({ timeZone: 'America/Chicago', hours: { mon: ['09:00-10:00'] } }))).toEqual([]);
  });

  it('CALENDAR_NEARLY_CLOSED counts an overnight shift across the week boundary once, in wall-clock time', () => {
    expect(codes(withDesk({ timeZone: 'America/Chicago', hours: { sun: ['23:30-00:29'] } })).map((f) => f.facts.weeklyMinutes)).toEqual([59]);
    expect(codes(withDesk({ timeZone: 'America/Chicago', hours: { sun: ['23:30-00:30'] } }))).toEqual([]);
  });

  it('HOLIDAY_OUTSIDE_EFFECTIVE_DATES: a holiday on the last effective day is fine, the day after is not', () => {
    const dated = { effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' };
    expect(codes(withDesk({ ...DESK, holidays: ['2026-12-31'] }, dated))).toEqual([]);
    const findings = codes(withDesk({ ...DESK, holidays: ['2026-12-31', '2027-01-01'], overrides: { '2025-12-31': ['09:00-12:00'] } }, dated));
    expect(brief(findings)).toEqual([
      ['HOLIDAY_OUTSIDE_EFFECTIVE_DATES', 'calendars.desk.holidays.1'],
      ['HOLIDAY_OUTSIDE_EFFECTIVE_DATES', 'calendars.desk.overrides.2025-12-31'],
    ]);
    expect(findings[0]?.message).toBe('The holiday 2027-01-01 of calendar "desk" is outside the policy\'s effective dates (from 2026-01-01, until 2027-01-01 exclusive), so this version never counts on it; move it to the version in force then, or fix the date.');
    // Without effective dates every date is in force.
    expect(codes(withDesk({ ...DESK, holidays: ['2027-01-01'] }))).toEqual([]);
  });

  it('HOLIDAY_ON_CLOSED_DAY: a Saturday holiday on a weekday calendar closes nothing', () => {
    const findings = codes(withDesk({ ...DESK, holidays: ['2026-12-25', '2026-12-26'] }));
    expect(brief(findings)).toEqual([['HOLIDAY_ON_CLOSED_DAY', 'calendars.desk.holidays.1']]);
    expect(findings[0]?.message).toContain('falls on a Saturday, when the calendar has no hours');
    expect(codes(withDesk({ timeZone: 'UTC', alwaysOpen: true, holidays: ['2026-12-26'] }))).toEqual([]);
  });

  it('UNUSED_CALENDAR: a calendar no section names', () => {
    const policy = definePolicy({ id: 'acme', version: '1.0', calendars: { desk: DESK, spare: AROUND }, compensation: { id: 'c', currency: 'USD', calendar: 'desk', approval: [{ level: 'agent' }], rules: [{ id: 'r', incident: 'late-delivery', choose: [{ type: 'refund' }] }] } });
    expect(brief(lintPolicy(policy))).toEqual([['UNUSED_CALENDAR', 'calendars.spare']]);
    expect(lintPolicy(definePolicy({ id: 'acme', version: '1.0' }))).toEqual([]);
  });
});

describe('lintPolicy', () => {
  it('does what its doc comment shows', () => {
    const policy = definePolicy({ id: 'acme', version: '1.0', compensation: { id: 'c', currency: 'USD',
      calendar: { timeZone: 'UTC', alwaysOpen: true }, approval: [{ level: 'agent' }], rules: [
        { id: 'small', incident: 'late-delivery', when: { orderValue: { lt: '50.00' } }, choose: [{ type: 'credit', amount: '5.00' }] },
        { id: 'large', incident: 'late-delivery', when: { orderValue: { gte: '75.00' } }, choose: [{ type: 'credit', amount: '10.00' }] }] } });
    const messages = lintPolicy(policy).map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.startsWith('Order values 50.00–74.99 USD match no late-delivery compensation rule (between "small" and "large"); ')).toBe(true);
  });

  it('lints a history version by version, at versions.<i>', () => {
    const version = (v: string, dates: object, holidays: string[]) => ({ id: 'acme', version: v, ...dates, calendars: { desk: { ...DESK, holidays } }, compensation: { id: 'c', currency: 'USD', calendar: 'desk', approval: [{ level: 'agent' }], rules: [{ id: 'r', incident: 'late-delivery', choose: [{ type: 'refund' }] }] } });
    const history = definePolicyHistory({
      id: 'acme',
      timeZone: 'America/Chicago',
      versions: [version('1.0', { effectiveTo: '2026-07-01' }, ['2026-12-25']), version('2.0', { effectiveFrom: '2026-07-01' }, ['2026-12-25'])],
    });
    expect(brief(lintPolicy(history))).toEqual([['HOLIDAY_OUTSIDE_EFFECTIVE_DATES', 'versions.0.calendars.desk.holidays.0']]);
  });

  it('refuses a document not yet defined, saying how to define it', () => {
    const error = thrownError(() => lintPolicy({ id: 'acme', version: '1.0' } as never));
    expect(error.issues).toEqual([{ code: 'INVALID_POLICY_HISTORY', path: [], message: expect.stringContaining('define the JSON document first') }]);
  });

  it('lists its codes once each', () => {
    expect(new Set(LINT_CODES).size).toBe(LINT_CODES.length);
  });
});

describe('lint at the edges of time', () => {
  it('never throws when a sampled deadline would leave the supported range: it compares nothing', () => {
    const late = slaWith(
      [{ id: 'all', targets: [{ id: 'reply', metric: 'firstResponse', within: { hours: 8 }, calendar: 'desk' }, { id: 'fix', metric: 'resolution', within: { businessDays: 3000 }, calendar: 'clock' }] }],
      { effectiveFrom: '2199-06-01' },
    );
    expect(codes(late, 'TARGET_EXCEEDS_LATER_TARGET')).toEqual([]);
  });
});

describe('warranty terms and remedies (first match)', () => {
  const warranty = (terms: object[], remedies: object[] = []) =>
    definePolicy({
      id: 'acme',
      version: '1.0',
      warranty: {
        id: 'w',
        timeZone: 'America/Chicago',
        categories: ['boiler', 'pump'],
        terms: terms.map((term) => ({ months: 24, from: 'ship', covers: { parts: true, labour: true, onSite: false, shipping: true }, ...term })),
        ...(remedies.length > 0 ? { remedies } : {}),
      },
    });

  it('TABLE_GAP: units shipped between two dated terms, as local dates, at the later term\'s shippedFrom', () => {
    const findings = lintPolicy(warranty([
      { id: 'old', shippedBefore: '2021-01-01', months: 12 },
      { id: 'new', shippedFrom: '2022-01-01' },
    ]));
    expect(brief(findings)).toEqual([['TABLE_GAP', 'warranty.terms.1.shippedFrom']]);
    expect(findings[0]?.message).toBe('Units shipped 2021-01-01–2021-12-31 match no warranty term rule (between "old" and "new"); widen one of them if the table should cover them.');
    expect(lintPolicy(warranty([{ id: 'old', shippedBefore: '2021-01-01', months: 12 }, { id: 'new', shippedFrom: '2021-01-01' }]))).toEqual([]);
    // An undated term after them covers the gap.
    expect(lintPolicy(warranty([{ id: 'old', shippedBefore: '2021-01-01', months: 12 }, { id: 'new', shippedFrom: '2022-01-01' }, { id: 'undated', months: 6 }]))).toEqual([]);
  });

  it('SHADOWED_RULE: a term for both categories after one for each (a claim always names its category)', () => {
    const findings = lintPolicy(warranty([{ id: 'boiler', category: 'boiler' }, { id: 'pump', category: 'pump', months: 12 }, { id: 'both', months: 36 }]));
    expect(brief(findings)).toEqual([['SHADOWED_RULE', 'warranty.terms.2']]);
  });

  it('SHADOWED_RULE: a remedy after remedies for stock and no stock', () => {
    const remedies = [
      { id: 'express', remedy: 'express-replacement', inStock: true },
      { id: 'repair', remedy: 'depot-repair', inStock: false },
      { id: 'refund', remedy: 'refund', category: 'pump' },
    ];
    expect(brief(lintPolicy(warranty([{ id: 'all' }], remedies)))).toEqual([['SHADOWED_RULE', 'warranty.remedies.2']]);
  });
});
