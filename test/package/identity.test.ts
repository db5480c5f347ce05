import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// One identity across builds: a process that loads both the ESM and the CommonJS copy of the
// package (an ESM app with a CommonJS dependency, or the reverse) must be able to pass values made
// by one copy to the other, and `instanceof` must answer the same for errors from either copy.
// Requires `npm run build` first (npm run test:package does it).

const root = resolve(__dirname, '../..');
const sandbox = mkdtempSync(join(tmpdir(), 'support-rules-identity-'));
mkdirSync(join(sandbox, 'node_modules'));
symlinkSync(root, join(sandbox, 'node_modules', 'support-rules'), 'dir');

const program = `
import { createRequire } from 'node:module';
import * as esm from 'support-rules';
const cjs = createRequire(import.meta.url)('support-rules');
if (esm.createCalendar === cjs.createCalendar) throw new Error('expected two copies of the library');
const out = {};

// A calendar made by one build, used by the other, both ways.
const spec = { timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } };
const start = '2026-11-23T21:00:00Z';
out.cjsCalendarInEsm = esm.addBusinessTime(cjs.createCalendar(spec), start, { hours: 4 }).toISOString();
out.esmCalendarInCjs = cjs.addBusinessTime(esm.createCalendar(spec), start, { hours: 4 }).toISOString();

// A policy made by one build, decided by the other.
const policy = cjs.presets.primos;
out.cjsPolicyInEsm = esm.checkReturn(policy.returns, { category: 'electronics', price: '249.00', condition: 'opened', evidence: ['proofOfPurchase'],
  deliveredAt: '2026-10-01T15:00:00-04:00', requestedAt: '2026-10-20T15:00:00-04:00' }).quote.refund.amount;

// Errors from either build are instances of both builds' classes, and only of the right ones.
const caught = (fn) => { try { fn(); } catch (error) { return error; } };
const fromCjs = caught(() => cjs.createCalendar({ timeZone: 'Mars/Olympus' }));
const fromEsm = caught(() => esm.isOpen({}, start));
out.instances = [
  fromCjs instanceof esm.SupportRulesError, fromCjs instanceof esm.CalendarSpecError, fromCjs instanceof esm.InvalidArgumentError,
  fromEsm instanceof cjs.SupportRulesError, fromEsm instanceof cjs.InvalidArgumentError, fromEsm instanceof cjs.CalendarSpecError,
  fromCjs instanceof Error, ({}) instanceof esm.SupportRulesError, null instanceof cjs.SupportRulesError,
];
out.codes = [fromCjs.code, fromEsm.code];
console.log(JSON.stringify(out));
`;

describe('one identity across the ESM and CommonJS builds', () => {
  it('passes calendars and policies between the two copies and keeps instanceof true across them', () => {
    writeFileSync(join(sandbox, 'mixed.mjs'), program);
    const out = JSON.parse(execFileSync(process.execPath, [join(sandbox, 'mixed.mjs')], { cwd: sandbox, encoding: 'utf8' }));
    expect(out).toEqual({
      cjsCalendarInEsm: '2026-11-24T17:00:00.000Z',
      esmCalendarInCjs: '2026-11-24T17:00:00.000Z',
      cjsPolicyInEsm: '211.65',
      instances: [true, true, false, true, true, false, true, false, false],
      codes: ['INVALID_TIME_ZONE', 'INVALID_CALENDAR'],
    });
  });
});
