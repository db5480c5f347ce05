import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { type Io, run } from '../../src/cli/run.js';
import { USAGE, UsageError } from '../../src/cli/usage.js';

// `support-rules lint <policy.json|preset:name> [--json]` (docs/cli.md, docs/lint.md).

const root = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'support-rules-lint-'));
const DESK = { timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } };

async function runCli(argv: string[], options: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (text) => void out.push(text), err: (text) => void err.push(text), color: false, progress: false, ...options });
  return { code, out, err };
}

function file(name: string, json: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

/** A compensation table with a gap between 50.00 and 74.99 USD, and a calendar no section names. */
const gappy = {
  id: 'acme',
  version: '1.0',
  calendars: { desk: DESK, spare: { timeZone: 'UTC', alwaysOpen: true } },
  compensation: {
    id: 'c',
    currency: 'USD',
    calendar: 'desk',
    approval: [{ level: 'agent' }],
    rules: [
      { id: 'small', incident: 'late-delivery', when: { orderValue: { lt: '50.00' } }, choose: [{ type: 'credit', amount: '5.00' }] },
      { id: 'large', incident: 'late-delivery', when: { orderValue: { gte: '75.00' } }, choose: [{ type: 'credit', amount: '10.00' }] },
    ],
  },
};

describe('support-rules lint', () => {
  it('reads its arguments', () => {
    expect(parseArgs(['lint', 'p.json', '--json'])).toEqual({ command: 'lint', policy: 'p.json', json: true });
    expect(() => parseArgs(['lint'])).toThrow(new UsageError('support-rules: lint needs a policy file (or preset:<name>) (run support-rules --help for usage)'));
    expect(() => parseArgs(['lint', 'a.json', 'b.json'])).toThrow(/lint takes one policy; unexpected "b.json"/);
    expect(() => parseArgs(['lnit'])).toThrow(/did you mean "lint"\?/);
    expect(USAGE).toContain('support-rules lint <policy.json> [--jurisdiction <code>] [--json]');
  });

  it('prints every finding with its path and code, and exits 1', async () => {
    const path = file('gappy.json', gappy);
    const { code, out } = await runCli(['lint', path]);
    expect(code).toBe(1);
    expect(out).toEqual([
      `✗ ${path}: policy acme 1.0 is valid, with 2 lint findings`,
      '  calendars.spare  UNUSED_CALENDAR  Calendar "spare" is declared but no section names it; remove it, or name it where it should count (only a run-time option such as timeInStatus\'s calendar can use it now).',
      '  compensation.rules[1].when.orderValue  TABLE_GAP  Order values 50.00–74.99 USD match no late-delivery compensation rule (between "small" and "large"); widen one of them if the table should cover them.',
    ]);
  });

  it('prints JSON Lines with --json: one finding a line, then a summary', async () => {
    const path = file('gappy.json', gappy);
    const { code, out } = await runCli(['lint', path, '--json']);
    expect(code).toBe(1);
    const lines = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => Object.keys(line)[0])).toEqual(['finding', 'finding', 'lint']);
    expect(lines[1]).toEqual({
      finding: {
        code: 'TABLE_GAP',
        path: ['compensation', 'rules', 1, 'when', 'orderValue'],
        message: expect.stringContaining('50.00–74.99 USD'),
        facts: { field: 'orderValue', from: { value: '50.00', inclusive: true }, to: { value: '74.99', inclusive: true }, unit: 'USD', between: ['small', 'large'] },
      },
    });
    expect(lines[2]).toEqual({ lint: { file: path, valid: true, findings: 2, byCode: { TABLE_GAP: 1, UNUSED_CALENDAR: 1 } } });
  });

  it('exits 0 when there is nothing to report, for a preset too', async () => {
    const { code, out } = await runCli(['lint', 'preset:pelpro']);
    expect([code, out]).toEqual([0, ['✓ preset:pelpro: policy pelpro 1.0 is valid, and lint finds nothing to report']]);
    const json = await runCli(['lint', join(root, 'examples/pelpro.policy.json'), '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out[0] as string)).toMatchObject({ lint: { valid: true, findings: 0, byCode: {} } });
  });

  it('reports an invalid policy as check does (exit 1), and lints nothing', async () => {
    const path = file('invalid.json', { id: 'acme', version: 'one' });
    const { code, out } = await runCli(['lint', path]);
    expect(code).toBe(1);
    expect(out[0]).toBe(`✗ ${path}: 1 problem(s)`);
    expect(out[1]).toContain('version  INVALID_FORMAT');
    const json = await runCli(['lint', path, '--json']);
    expect(JSON.parse(json.out[0] as string)).toMatchObject({ policy: { file: path, valid: false, issues: [{ code: 'INVALID_FORMAT', path: ['version'] }] } });
  });

  it('lints a history version by version', async () => {
    const version = (v: string, dates: object) => ({ ...gappy, calendars: { desk: { ...DESK, holidays: ['2026-12-25'] } }, version: v, ...dates });
    const path = file('history.json', { id: 'acme', timeZone: 'America/Chicago', versions: [version('1.0', { effectiveTo: '2026-07-01' }), version('2.0', { effectiveFrom: '2026-07-01' })] });
    const { code, out } = await runCli(['lint', path]);
    expect(code).toBe(1);
    expect(out[0]).toBe(`✗ ${path}: policy history acme is valid, with 3 lint findings`);
    expect(out.slice(1).map((line) => line.trim().split('  ').slice(0, 2).join(' '))).toEqual([
      'versions[0].calendars.desk.holidays[0] HOLIDAY_OUTSIDE_EFFECTIVE_DATES',
      'versions[0].compensation.rules[1].when.orderValue TABLE_GAP',
      'versions[1].compensation.rules[1].when.orderValue TABLE_GAP',
    ]);
  });

  it('is misuse (exit 2) for a file it cannot read or an unknown preset', async () => {
    expect((await runCli(['lint', join(scratch, 'missing.json')])).code).toBe(2);
    const preset = await runCli(['lint', 'preset:pelpo']);
    expect([preset.code, preset.err]).toEqual([2, ['support-rules: no such preset "pelpo"; did you mean "pelpro"? The presets are primos, pelpro, homepro, amare, trufit.']]);
  });
});
