import { formatInTimeZone } from 'date-fns-tz';
import { enUS } from 'date-fns/locale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../src/calendar/index.js';
import { thrownError } from '../helpers/errors.js';

describe('formatLocal: an instant as a person reads it', () => {
  it('shows local time with the zone, then UTC', () => {
    expect(formatLocal('2026-11-23T15:00:00Z', 'America/Chicago')).toBe('2026-11-23 09:00 CST (15:00Z)');
    expect(formatLocal(new Date('2026-07-01T15:00:00Z'), 'America/Chicago')).toBe('2026-07-01 10:00 CDT (15:00Z)');
    expect(formatLocal(Date.parse('2026-11-23T15:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-23 20:30 GMT+5:30 (15:00Z)');
  });

  it('repeats the UTC date when it differs from the local date', () => {
    expect(formatLocal('2026-11-24T03:00:00Z', 'America/Chicago')).toBe('2026-11-23 21:00 CST (2026-11-24 03:00Z)');
    expect(formatLocal('2026-11-23T15:00:00Z', 'Pacific/Chatham')).toBe('2026-11-24 04:45 GMT+13:45 (2026-11-23 15:00Z)');
  });

  it('shows seconds and milliseconds only when the instant has them', () => {
    expect(formatLocal('2026-11-23T15:00:30Z', 'Asia/Bangkok')).toBe('2026-11-23 22:00:30 GMT+7 (15:00:30Z)');
    expect(formatLocal('2026-11-23T15:00:00.250Z', 'UTC')).toBe('2026-11-23 15:00:00.250 UTC (15:00:00.250Z)');
  });

  it('names both sides of a DST change (New York, 2026-11-01)', () => {
    expect(formatLocal('2026-11-01T05:30:00Z', 'America/New_York')).toBe('2026-11-01 01:30 EDT (05:30Z)');
    expect(formatLocal('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01 01:30 EST (06:30Z)');
  });

  it('does not depend on the machine\'s zone: a wall time the machine\'s clocks skip is shown as it is', () => {
    // The unit tests run under TZ=America/New_York and TZ=Pacific/Chatham. 02:30 on 2026-03-08 does
    // not exist in New York, 03:00 on 2026-09-27 not in Chatham; date-fns-tz alone showed both an
    // hour late (it builds the wall time as a Date in the machine's zone).
    expect(formatLocal('2026-03-08T02:30:00Z', 'Europe/London')).toBe('2026-03-08 02:30 GMT (02:30Z)');
    expect(formatLocal('2078-03-13T02:00:00Z', 'America/New_York')).toBe('2078-03-12 21:00 EST (2078-03-13 02:00Z)');
    expect(formatLocal('2026-09-27T03:00:00Z', 'UTC')).toBe('2026-09-27 03:00 UTC (03:00Z)');
    // Chatham itself, either side of its own change at 14:00Z (02:45 +12:45 becomes 03:45 +13:45).
    expect(formatLocal('2026-09-26T13:45:00Z', 'Pacific/Chatham')).toBe('2026-09-27 02:30 GMT+12:45 (2026-09-26 13:45Z)');
    expect(formatLocal('2026-09-26T14:15:00Z', 'Pacific/Chatham')).toBe('2026-09-27 04:00 GMT+13:45 (2026-09-26 14:15Z)');
  });

  it('agrees with Intl on the local wall time for any instant and zone', () => {
    const zones = ['America/New_York', 'Europe/London', 'Asia/Bangkok', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }), fc.constantFrom(...zones), (minute, zone) => {
        const ms = minute - (minute % 60_000);
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
            .formatToParts(ms)
            .map((p) => [p.type, p.value]),
        );
        const text = formatLocal(ms, zone);
        expect(text.startsWith(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} `)).toBe(true);
        expect(text).toMatch(new RegExp(`\\(${new Date(ms).toISOString().slice(11, 16)}Z\\)$|\\(${new Date(ms).toISOString().slice(0, 10)} ${new Date(ms).toISOString().slice(11, 16)}Z\\)$`));
      }),
      { numRuns: 300 },
    );
  });

  it("names the zone as date-fns-tz's zzz does in en-US, for every zone Intl lists and any instant", () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }), fc.constantFrom(...zones), (ms, zone) => {
        const name = formatLocal(ms - (ms % 60_000), zone).split(' ')[2];
        expect(name).toBe(formatInTimeZone(new Date(ms - (ms % 60_000)), zone, 'zzz', { locale: enUS }));
      }),
      { numRuns: 300, seed: 16 },
    );
    // Around the New York change of 2026-11-01: EDT until 06:00Z, EST from then.
    expect(formatLocal('2026-11-01T05:59:00Z', 'America/New_York')).toContain(' EDT ');
    expect(formatLocal('2026-11-01T06:00:00Z', 'America/New_York')).toContain(' EST ');
  });

  it('refuses an unknown zone and an instant without offset, with codes', () => {
    expect(thrownError(() => formatLocal('2026-11-23T15:00:00Z', 'America/Chicgo')).issues[0]).toMatchObject({ code: 'INVALID_TIME_ZONE', path: ['timeZone'] });
    expect(thrownError(() => formatLocal('2026-11-23T15:00:00', 'America/Chicago')).issues[0]).toMatchObject({ code: 'INSTANT_WITHOUT_OFFSET', path: ['instant'] });
    expect(thrownError(() => formatLocal(undefined as never, 'UTC')).issues[0]).toMatchObject({ code: 'REQUIRED', path: ['instant'] });
  });
});
