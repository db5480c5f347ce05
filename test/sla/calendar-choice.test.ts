import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSlaPolicy, evaluateSla, selectSlaRule, type SlaClock, type SlaPolicySpec, type SlaTarget, type TicketEvent } from '../../src/sla/index.js';
import { errorOf } from '../helpers/errors.js';
import { scenarioArb } from './arbitraries.js';

// Issue 12, point 8: a target's calendar chosen by a ticket field (the customer's region), every
// calendar compiled when the policy is defined.

const week = (range: string) => ({ mon: [range], tue: [range], wed: [range], thu: [range], fri: [range] });
const calendars = {
  london: { timeZone: 'Europe/London', hours: week('09:00-17:00') },
  chicago: { timeZone: 'America/Chicago', hours: week('09:00-17:00') },
  sydney: { timeZone: 'Australia/Sydney', hours: week('09:00-17:00') },
};
const byRegion = (calendar: SlaTarget['calendar'], extra: Partial<SlaPolicySpec> = {}): SlaPolicySpec => ({
  id: 'regions',
  calendars,
  rules: [{ id: 'all', targets: [{ id: 'ttr', metric: 'resolution', within: { hours: 4 }, calendar }] }],
  ...extra,
});
const choice = { by: 'region', calendars: { emea: 'london', americas: 'chicago' }, otherwise: 'chicago' } as const;
const sla = defineSlaPolicy(byRegion(choice));
const created: TicketEvent = { type: 'created', at: '2026-11-23T08:00:00Z' }; // Monday
const NOW = '2026-11-23T12:00:00Z';
const resolution = (clocks: readonly SlaClock[]) => clocks.find((c) => c.metric === 'resolution') as SlaClock;

describe('a calendar chosen by the ticket', () => {
  it("counts on the calendar the customer's region picks", () => {
    const emea = evaluateSla(sla, { region: 'emea', events: [created] }, NOW);
    // London opens 09:00 GMT (09:00 UTC): due 13:00 UTC.
    expect([resolution(emea.clocks).calendar, resolution(emea.clocks).deadline.toISOString()]).toEqual(['london', '2026-11-23T13:00:00.000Z']);
    expect(emea.reasons.find((r) => r.code === 'SLA_CALENDAR_CHOSEN')?.facts).toEqual({ metric: 'resolution', by: 'region', value: 'emea', calendar: 'london', otherwise: false });
    const americas = evaluateSla(sla, { region: 'americas', events: [created] }, NOW);
    // Chicago opens 09:00 CST (15:00 UTC): due 19:00 UTC, and nothing used yet at noon UTC.
    expect([resolution(americas.clocks).calendar, resolution(americas.clocks).deadline.toISOString(), resolution(americas.clocks).elapsedMs]).toEqual(['chicago', '2026-11-23T19:00:00.000Z', 0]);
  });

  it('uses otherwise for a ticket without the field, and says so', () => {
    const report = evaluateSla(sla, { events: [created] }, NOW);
    expect(resolution(report.clocks).calendar).toBe('chicago');
    const reason = report.reasons.find((r) => r.code === 'SLA_CALENDAR_CHOSEN');
    expect(reason?.facts).toEqual({ metric: 'resolution', by: 'region', value: null, calendar: 'chicago', otherwise: true });
    expect(reason?.message).toBe('Target ttr counts on calendar chicago: the ticket has no region, so the otherwise calendar applies.');
  });

  it('takes otherwise for a declared value it does not list', () => {
    const declared = defineSlaPolicy(byRegion(choice, { vocabulary: { region: ['emea', 'americas', 'apac'] } }));
    const report = evaluateSla(declared, { region: 'apac', events: [created] }, NOW);
    expect(resolution(report.clocks).calendar).toBe('chicago');
    expect(report.reasons.find((r) => r.code === 'SLA_CALENDAR_CHOSEN')?.facts).toMatchObject({ value: 'apac', otherwise: true });
  });

  it('refuses a ticket without the field when there is no otherwise, and a value the policy does not know', () => {
    const strict = defineSlaPolicy(byRegion({ by: 'region', calendars: { emea: 'london', americas: 'chicago' } }));
    expect(errorOf(() => evaluateSla(strict, { events: [created] }, NOW))).toEqual(['MISSING_FACT', 'region']);
    // The listed values are the region vocabulary (derived): anything else is a typo until declared.
    expect(errorOf(() => evaluateSla(sla, { region: 'EMEA', events: [created] }, NOW))).toEqual(['UNKNOWN_IN_POLICY', 'region']);
    expect(sla.vocabulary.region).toEqual(['americas', 'emea']);
    // A rule choice does not need the calendar: selectSlaRule decides without it.
    expect(selectSlaRule(strict, { events: [] }).rule).toBe('all');
  });

  it('follows a change of region mid-ticket, counted from the start on the new calendar', () => {
    const moved = evaluateSla(sla, { region: 'emea', events: [created, { type: 'changed', at: '2026-11-23T10:00:00Z', set: { region: 'americas' } }] }, '2026-11-23T16:00:00Z');
    const clock = resolution(moved.clocks);
    // On Chicago's calendar since creation: 1 h used by 16:00 UTC (10:00 CST).
    expect([clock.calendar, clock.elapsedMs, clock.deadline.toISOString()]).toEqual(['chicago', 3_600_000, '2026-11-23T19:00:00.000Z']);
    expect(clock.reasons.find((r) => r.code === 'SLA_TARGET_CHANGED')?.facts).toMatchObject({ from: 'ttr', to: 'ttr', fromCalendar: 'london', toCalendar: 'chicago', at: '2026-11-23T10:00:00.000Z' });
    expect(moved.reasons.find((r) => r.code === 'SLA_CALENDAR_CHOSEN')?.facts).toMatchObject({ value: 'americas', calendar: 'chicago' });
  });

  it('chooses by other fields too, and for calendar-day targets counts every day in the chosen zone', () => {
    const byQueue = defineSlaPolicy({
      id: 'queues',
      calendars,
      rules: [{ id: 'all', targets: [{ id: 'rma', metric: 'resolution', within: { days: 1 }, calendar: { by: 'queue', calendars: { au: 'sydney', uk: 'london' } } }] }],
    });
    const report = evaluateSla(byQueue, { queue: 'au', events: [{ type: 'created', at: '2026-11-21T08:00:00Z' }] }, '2026-11-21T09:00:00Z');
    // Saturday: a calendar day counts the weekend; Sydney's zone, 24 h later.
    expect([resolution(report.clocks).calendar, resolution(report.clocks).deadline.toISOString()]).toEqual(['sydney', '2026-11-22T08:00:00.000Z']);
  });
});

describe('calendar choices at definition', () => {
  const path = 'rules.0.targets.0.calendar';
  it('refuses unknown calendars, empty choices and values no calendar covers', () => {
    expect(errorOf(() => defineSlaPolicy(byRegion({ by: 'region', calendars: { emea: 'londn' }, otherwise: 'chicago' })))).toEqual(['UNKNOWN_CALENDAR', `${path}.calendars.emea`]);
    expect(errorOf(() => defineSlaPolicy(byRegion({ by: 'region', calendars: { emea: 'london' }, otherwise: 'chicgo' })))).toEqual(['UNKNOWN_CALENDAR', `${path}.otherwise`]);
    expect(errorOf(() => defineSlaPolicy(byRegion({ by: 'region', calendars: {}, otherwise: 'chicago' })))).toEqual(['EMPTY', `${path}.calendars`]);
    expect(errorOf(() => defineSlaPolicy(byRegion({ by: 'region', calendars: { emea: 'london' } }, { vocabulary: { region: ['emea', 'apac'] } })))).toEqual(['UNCOVERED', path]);
    expect(errorOf(() => defineSlaPolicy(byRegion({ by: 'region', calendars: { mars: 'london' }, otherwise: 'chicago' }, { vocabulary: { region: ['emea'] } })))).toEqual(['UNKNOWN_IN_POLICY', `${path}.calendars.mars`]);
    expect(errorOf(() => defineSlaPolicy(byRegion({ by: 'assignee', calendars: { ana: 'london' } } as never)))).toEqual(['INVALID_VALUE', `${path}.by`]);
  });

  it('counts the values other rules name as ones the choice must cover', () => {
    const spec: SlaPolicySpec = {
      id: 'r',
      calendars,
      rules: [
        { id: 'apac', when: { region: 'apac' }, targets: [{ id: 'a', metric: 'resolution', within: { hours: 8 }, calendar: 'sydney' }] },
        { id: 'rest', targets: [{ id: 'b', metric: 'resolution', within: { hours: 4 }, calendar: { by: 'region', calendars: { emea: 'london' } } }] },
      ],
    };
    const error = errorOf(() => defineSlaPolicy(spec));
    expect(error).toEqual(['UNCOVERED', 'rules.1.targets.0.calendar']);
  });
});

describe('laws of calendar choices', () => {
  it('a chosen calendar gives the clocks of that calendar named directly', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.boolean(), (s, pickDesk) => {
        const rule = s.spec.rules[0] as SlaPolicySpec['rules'][number];
        const chooser = defineSlaPolicy({
          ...s.spec,
          rules: [{ ...rule, targets: rule.targets.map((t) => ({ ...t, calendar: { by: 'region', calendars: { a: 'desk', b: 'always' } } })) }] as SlaPolicySpec['rules'],
        });
        const fixed = defineSlaPolicy({ ...s.spec, rules: [{ ...rule, targets: rule.targets.map((t) => ({ ...t, calendar: pickDesk ? 'desk' : 'always' })) }] as SlaPolicySpec['rules'] });
        const chosen = evaluateSla(chooser, { region: pickDesk ? 'a' : 'b', events: s.events }, s.now);
        const plain = evaluateSla(fixed, { events: s.events }, s.now);
        expect(chosen.clocks).toEqual(plain.clocks);
        expect([chosen.nextChangeAt, chosen.nextBreachAt]).toEqual([plain.nextChangeAt, plain.nextBreachAt]);
      }),
      { numRuns: 40 },
    );
  });
});
