import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../src/calendar/index.js';
import { decisionZones, localize, localizeText, zoneAt, zonesNote } from '../../src/cli/local-time.js';
import { decideEscalation } from '../../src/escalation/index.js';
import { definePolicy } from '../../src/policy/index.js';
import { evaluateSla } from '../../src/sla/index.js';

// How explain and check show instants to people: in the local time of the section that decided,
// with UTC beside it. The decisions here are taken by the library; only their display is tested.

const weekdays = (hours: string[]) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });

// Two desks in two zones: acknowledgement counted in London, resolution in Chicago.
const twoDesks = definePolicy({
  id: 'two-desks',
  version: '1.0',
  sla: {
    id: 'two-desks-sla',
    calendars: {
      london: { timeZone: 'Europe/London', hours: weekdays(['09:00-17:00']) },
      chicago: { timeZone: 'America/Chicago', hours: weekdays(['07:00-19:00']) },
    },
    rules: [
      {
        id: 'email',
        targets: [
          { id: 'ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'london' },
          { id: 'fix', metric: 'resolution', within: { hours: 8 }, calendar: 'chicago' },
        ],
      },
    ],
  },
  returns: {
    id: 'r',
    timeZone: 'America/Chicago',
    categories: ['electronics'],
    windows: [{ id: 'w30', days: 30, from: 'delivery' }],
    fees: { id: 'none', currency: 'USD', rules: [] },
    refund: { method: 'original-payment', issuedWithin: { businessDays: 10 } },
  },
  escalation: {
    id: 'esc',
    currency: 'USD',
    calendars: { bangkok: { timeZone: 'Asia/Bangkok', alwaysOpen: true }, oncall: { timeZone: 'America/New_York', alwaysOpen: true } },
    tiers: ['tier-1', 'tier-2'],
    severities: ['low', 'high'],
    rules: [
      {
        id: 'high',
        tier: 'tier-2',
        when: { severityAtLeast: 'high' },
        reachWithin: { within: { hours: 1 }, calendar: 'oncall' },
        workflows: [
          { id: 'report', within: { within: { hours: 2 }, calendar: 'bangkok' } },
          { id: 'updates', every: { within: { hours: 2 }, calendar: 'oncall' } },
        ],
      },
    ],
  },
});

/** A decision as the CLI holds it: plain JSON, instants as ISO strings. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('which zone each instant is shown in', () => {
  it('a return decision: the returns section’s timeZone, local dates left as dates', () => {
    const zones = decisionZones(twoDesks, 'return', {});
    expect(zones.whole).toEqual({ timeZone: 'America/Chicago', from: 'returns.timeZone' });
    // The day DST ends in Chicago: the end of Oct 31 is still CDT.
    const shown = localize({ window: { lastDay: '2026-10-31', deadline: '2026-11-01T05:00:00.000Z', daysLate: 11 } }, zones);
    expect(shown.value).toEqual({ window: { lastDay: '2026-10-31', deadline: '2026-11-01 00:00 CDT (05:00Z)', daysLate: 11 } });
    expect(shown.zones).toEqual([{ timeZone: 'America/Chicago', from: 'returns.timeZone' }]);
  });

  it('an SLA report: each clock on its own calendar’s zone, the report on its first clock’s', () => {
    // Created Monday 08:00 UTC: London's desk is open at 09:00 GMT, Chicago's at 07:00 CST (13:00 UTC).
    const report = asJson(evaluateSla(twoDesks.sla!, { events: [{ type: 'created', at: '2026-11-23T08:00:00Z' }] }, '2026-11-23T10:00:00Z'));
    const zones = decisionZones(twoDesks, 'sla', report);
    expect(zoneAt(zones, ['clocks', 0, 'deadline'])).toEqual({ timeZone: 'Europe/London', from: 'sla.calendars.london.timeZone' });
    expect(zoneAt(zones, ['clocks', 1])).toEqual({ timeZone: 'America/Chicago', from: 'sla.calendars.chicago.timeZone' });
    expect(zoneAt(zones, ['asOf'])).toEqual(zones.whole);
    expect(zones.whole.timeZone).toBe('Europe/London');

    const shown = localize(report, zones).value as { asOf: string; clocks: { deadline: string; startedAt: string }[] };
    expect(shown.asOf).toBe('2026-11-23 10:00 GMT (10:00Z)');
    // 4 h from the 09:00 opening in London; 8 h from the 07:00 opening in Chicago.
    expect(shown.clocks[0]?.deadline).toBe('2026-11-23 13:00 GMT (13:00Z)');
    expect(shown.clocks[1]?.deadline).toBe('2026-11-23 15:00 CST (21:00Z)');
    expect(shown.clocks[1]?.startedAt).toBe('2026-11-23 02:00 CST (08:00Z)');
    expect(zonesNote(localize(report, zones).zones)).toBe(
      'times in Europe/London (sla.calendars.london.timeZone) and America/Chicago (sla.calendars.chicago.timeZone), UTC in parentheses',
    );
  });

  it('an SLA report without clocks: the first declared calendar', () => {
    const zones = decisionZones(twoDesks, 'sla', { clocks: [] });
    expect(zones.whole).toEqual({ timeZone: 'Europe/London', from: 'sla.calendars.london.timeZone' });
    expect(zones.parts.size).toBe(0);
  });

  it('an escalation: a deadline on its span’s calendar, the rest on the first declared calendar', () => {
    const decision = asJson(decideEscalation(twoDesks.escalation!, { severity: 'high', createdAt: '2026-11-23T09:00:00Z', now: '2026-11-23T09:10:00Z' }));
    const zones = decisionZones(twoDesks, 'escalation', decision);
    const shown = localize(decision, zones).value as {
      deadlines: { reachBy: string };
      workflows: { id: string; dueBy: string | null; everyFrom: string | null }[];
      fired: { firedAt: string }[];
    };
    expect(shown.deadlines.reachBy).toBe('2026-11-23 05:00 EST (10:00Z)');
    expect(shown.workflows.find((w) => w.id === 'report')?.dueBy).toBe('2026-11-23 18:00 GMT+7 (11:00Z)');
    expect(shown.workflows.find((w) => w.id === 'updates')?.everyFrom).toBe('2026-11-23 06:00 EST (11:00Z)');
    expect(shown.fired[0]?.firedAt).toBe('2026-11-23 16:00 GMT+7 (09:00Z)');
    expect(zones.whole).toEqual({ timeZone: 'Asia/Bangkok', from: 'escalation.calendars.bangkok.timeZone' });
  });

  it('an escalation that fired nothing has no deadline zones', () => {
    const decision = asJson(decideEscalation(twoDesks.escalation!, { severity: 'low', createdAt: '2026-11-23T09:00:00Z', now: '2026-11-23T09:10:00Z' }));
    const zones = decisionZones(twoDesks, 'escalation', decision);
    expect([...zones.parts.keys()]).toEqual([]);
  });

  it('a section that names no zone at all shows UTC and says so', () => {
    const bare = definePolicy({ id: 'bare', version: '1.0' });
    const zones = decisionZones(bare, 'escalation', {});
    expect(zones.whole).toEqual({ timeZone: 'UTC', from: 'no time zone in the section' });
    expect(localize({ at: '2026-11-23T09:00:00Z' }, zones).value).toEqual({ at: '2026-11-23 09:00 UTC (09:00Z)' });
  });
});

describe('localize: instants become local text, nothing else changes', () => {
  const chicago = { whole: { timeZone: 'America/Chicago', from: 'returns.timeZone' }, parts: new Map() };

  it('renders Dates, ISO strings with any offset and instants inside text; leaves dates, numbers, ids and other text alone', () => {
    const decision = {
      deadline: new Date('2026-11-23T16:30:00Z'),
      given: '2026-11-23T10:30:00-06:00',
      lastDay: '2026-10-31',
      rule: '2026-11-23T10:30',
      elapsedMs: 5_400_000,
      ok: true,
      none: null,
      note: 'due 2026-11-23T16:30:00.000Z',
    };
    expect(localize(decision, chicago).value).toEqual({
      deadline: '2026-11-23 10:30 CST (16:30Z)',
      given: '2026-11-23 10:30 CST (16:30Z)',
      lastDay: '2026-10-31',
      rule: '2026-11-23T10:30',
      elapsedMs: 5_400_000,
      ok: true,
      none: null,
      // Instants inside any text are shown the same way (a fact's "expected", a message).
      note: 'due 2026-11-23 10:30 CST (16:30Z)',
    });
  });

  it('replaces the instants inside a message', () => {
    const reason = { code: 'SLA_RULE_IN_FORCE', message: 'From 2026-11-23T13:30:00.000Z to 2026-11-23T14:00:00.000Z, rule normal applied.' };
    expect(localize(reason, chicago).value).toEqual({ code: 'SLA_RULE_IN_FORCE', message: 'From 2026-11-23 07:30 CST (13:30Z) to 2026-11-23 08:00 CST (14:00Z), rule normal applied.' });
    expect(localizeText('From 2026-11-23T13:30:00.000Z, rule urgent applied.', 'America/Chicago')).toBe('From 2026-11-23 07:30 CST (13:30Z), rule urgent applied.');
    expect(localizeText('lastDay 2026-10-31, 30 day(s)', 'America/Chicago')).toBe('lastDay 2026-10-31, 30 day(s)');
  });

  it('leaves an instant outside the supported range, and an invalid Date, as they are', () => {
    const invalid = new Date(Number.NaN);
    expect(localize({ a: '1850-01-01T00:00:00Z', b: invalid }, chicago).value).toEqual({ a: '1850-01-01T00:00:00Z', b: invalid });
    expect(localize({ a: '2026-02-30T00:00:00Z' }, chicago).zones).toEqual([]);
  });

  it('does not change the decision it is given', () => {
    const decision = { deadline: '2026-11-23T16:30:00.000Z' };
    localize(decision, chicago);
    expect(decision).toEqual({ deadline: '2026-11-23T16:30:00.000Z' });
  });

  it('names both sides of the New York DST change (2026-11-01)', () => {
    const ny = { whole: { timeZone: 'America/New_York', from: 'returns.timeZone' }, parts: new Map() };
    expect(localize(['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'], ny).value).toEqual(['2026-11-01 01:30 EDT (05:30Z)', '2026-11-01 01:30 EST (06:30Z)']);
  });

  it('law: any spelling of an instant shows as formatLocal of that instant, with its UTC time', () => {
    const zones = ['America/New_York', 'America/Chicago', 'Europe/London', 'Asia/Bangkok', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => ms - (ms % 1000)),
        fc.constantFrom(...zones),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, zone, offsetMinutes) => {
          const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const spelled = `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const shown = localize({ z: new Date(ms).toISOString(), offset: spelled, date: new Date(ms) }, { whole: { timeZone: zone, from: 'x' }, parts: new Map() }).value as Record<string, string>;
          expect(shown.z).toBe(formatLocal(ms, zone));
          expect(shown.offset).toBe(shown.z);
          expect(shown.date).toBe(shown.z);
          expect(shown.z).toContain(`${new Date(ms).toISOString().slice(11, 16)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('law: a string that is not an instant with an offset is never changed, in a message or not', () => {
    const chicagoZones = { whole: { timeZone: 'America/Chicago', from: 'x' }, parts: new Map() };
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    // Local dates, local date-times without an offset, and any other text.
    const notInstant = fc.oneof(fc.string(), day.map((iso) => iso.slice(0, 10)), day.map((iso) => iso.slice(0, 19)), day.map((iso) => `due ${iso.slice(0, 16)} local`));
    fc.assert(
      fc.property(notInstant, (text) => {
        expect(localize({ text, message: text }, chicagoZones)).toEqual({ value: { text, message: text }, zones: [] });
      }),
    );
  });
});

describe('zonesNote', () => {
  it('names each zone once, with every policy field it came from', () => {
    const desk = { timeZone: 'America/Chicago', from: 'sla.calendars.desk.timeZone' };
    const oncall = { timeZone: 'America/Chicago', from: 'sla.calendars.oncall.timeZone' };
    expect(zonesNote([desk, oncall, { ...desk }])).toBe('times in America/Chicago (sla.calendars.desk.timeZone, sla.calendars.oncall.timeZone), UTC in parentheses');
  });
});

describe('the doc examples', () => {
  const pelpro = definePolicy(JSON.parse(readFileSync(resolve(__dirname, '../../examples/pelpro.policy.json'), 'utf8')));

  it('decisionZones', () => {
    expect(decisionZones(pelpro, 'return', {}).whole).toEqual({ timeZone: 'America/Chicago', from: 'returns.timeZone' });
  });

  it('localize', () => {
    const zones = decisionZones(pelpro, 'return', {});
    expect(localize({ deadline: '2026-11-01T05:00:00.000Z', lastDay: '2026-10-31' }, zones).value).toEqual({ deadline: '2026-11-01 00:00 CDT (05:00Z)', lastDay: '2026-10-31' });
  });

  it('localizeText', () => {
    expect(localizeText('From 2026-11-23T13:30:00.000Z, rule urgent applied.', 'America/Chicago')).toBe('From 2026-11-23 07:30 CST (13:30Z), rule urgent applied.');
  });
});
