import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Imports the built package by name, as a user would, from both module systems.
// Requires `npm run build` first (npm run test:package does it).

const root = resolve(__dirname, '../..');
const sandbox = mkdtempSync(join(tmpdir(), 'support-rules-import-'));
mkdirSync(join(sandbox, 'node_modules'));
symlinkSync(root, join(sandbox, 'node_modules', 'support-rules'), 'dir');

function run(file: string, source: string): string {
  writeFileSync(join(sandbox, file), source);
  return execFileSync(process.execPath, [join(sandbox, file)], { cwd: sandbox, encoding: 'utf8' }).trim();
}

const program = (imports: string) => `${imports}
const cal = createCalendar({ timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'] } });
const end = addBusinessTime(cal, new Date('2026-11-23T21:00:00Z'), { hours: 4 });
let code = 'none';
try { createCalendar({ timeZone: 'Mars/Olympus' }); } catch (e) { code = (e instanceof SupportRulesError) + ':' + e.code; }
const total = add(money(0.1, 'USD'), money(0.2, 'USD'));
console.log(end.toISOString() + ' ' + code + ' ' + (SupportRulesError === ErrorFromSubpath) + ' ' + total.amount);`;

describe('the built package', () => {
  it('imports by name from ESM, root and subpaths', () => {
    const out = run(
      'esm.mjs',
      program(`import { createCalendar, addBusinessTime, SupportRulesError } from 'support-rules';
import { add, money } from 'support-rules/money';
import { createCalendar as fromSubpath } from 'support-rules/calendar';
import { SupportRulesError as ErrorFromSubpath } from 'support-rules/errors';
if (typeof fromSubpath !== 'function') throw new Error('subpath export missing');`),
    );
    expect(out).toBe('2026-11-24T17:00:00.000Z true:INVALID_TIME_ZONE true 0.30');
  });

  it('requires by name from CommonJS, root and subpaths', () => {
    const out = run(
      'cjs.cjs',
      program(`const { createCalendar, addBusinessTime, SupportRulesError } = require('support-rules');
const { add, money } = require('support-rules/money');
const { SupportRulesError: ErrorFromSubpath } = require('support-rules/errors');
if (typeof require('support-rules/calendar').createCalendar !== 'function') throw new Error('subpath export missing');`),
    );
    expect(out).toBe('2026-11-24T17:00:00.000Z true:INVALID_TIME_ZONE true 0.30');
  });
});
