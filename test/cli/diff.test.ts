import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { type Io, run } from '../../src/cli/run.js';
import { USAGE } from '../../src/cli/usage.js';
import { presetSpecs } from '../../src/presets/index.js';

// `support-rules diff <before> <after> <cases>`: exit codes like diff(1), people's output with both
// sides and reasons, JSON Lines, NDJSON cases, and the cases a policy refuses.

const scratch = mkdtempSync(join(tmpdir(), 'support-rules-diff-'));
const write = (name: string, text: string) => {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
};
async function runCli(argv: string[], options: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (text) => void out.push(text), err: (text) => void err.push(text), color: false, progress: false, ...options });
  return { code, out, err };
}

/** Primos with a 45-day window. */
const spec = structuredClone(presetSpecs.primos) as unknown as { returns: { windows: unknown[] } };
spec.returns.windows = [{ id: 'standard-45', days: 45, from: 'delivery' }];
const PRIMOS45 = write('primos45.json', JSON.stringify(spec));

const returned = (day: number, extra: object = {}) => ({
  name: `day ${day}`,
  kind: 'return',
  given: { category: 'electronics', price: '249.00', condition: 'unopened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-04:00', requestedAt: new Date(Date.parse('2026-10-01T12:00:00-04:00') + day * 86_400_000).toISOString(), ...extra },
});
const CASES = write('cases.json', JSON.stringify({ cases: [returned(38), returned(10), returned(12, { price: '-1.00' })] }, null, 2));
const NDJSON = write('cases.ndjson', `${JSON.stringify(returned(10))}\n\n${JSON.stringify(returned(38))}\n`);

describe('support-rules diff', () => {
  it('parses its three files', () => {
    expect(parseArgs(['diff', 'a.json', 'preset:primos', 'c.ndjson', '--json'])).toEqual({ command: 'diff', before: 'a.json', after: 'preset:primos', cases: 'c.ndjson', json: true });
    expect(() => parseArgs(['diff', 'a.json', 'b.json'])).toThrow(/diff needs a before policy, an after policy and a cases file/);
    expect(() => parseArgs(['diff', 'a.json', 'b.json', 'c.json', 'd.json'])).toThrow(/diff takes two policies and one cases file; unexpected "d.json"/);
    expect(USAGE).toContain('support-rules diff <before.json> <after.json> <cases.json|cases.ndjson> [--json]');
  });

  it('exits 0 when nothing differs, after the totals', async () => {
    const { code, out } = await runCli(['diff', 'preset:primos', 'preset:primos', CASES]);
    expect(code).toBe(0);
    expect(out.slice(0, 4)).toEqual(['--- before: preset:primos: policy primos 1.0', '+++ after:  preset:primos: policy primos 1.0', '3 case(s): 0 differ, 3 the same', 'errors: 1 under before, 1 under after, 1 under both']);
    expect(out[4]).toMatch(/^ {2}the same error under both: cases\[2\] day 12: INVALID_FACT at given\.price: /);
  });

  it('exits 1 and prints each changed case with both values, in local time, and the reasons that differ', async () => {
    const { code, out } = await runCli(['diff', 'preset:primos', PRIMOS45, CASES]);
    expect(code).toBe(1);
    expect(out.slice(2, 10)).toEqual([
      '✗ cases[0] day 38 (return): outcome, refund, charge, fees, windowDeadline',
      '    outcome         ineligible                    | eligible',
      '    refund          —                             | 249.00 USD',
      '    charge          —                             | 0.00 USD',
      '    fees            —                             | 0.00 USD',
      '    windowDeadline  2026-11-01 00:00 EDT (04:00Z) | 2026-11-16 00:00 EST (05:00Z)',
      '    before (primos 1.0): RETURN_WINDOW_EXPIRED  The 30-day window ended on 2026-10-31; requested 8 day(s) late.',
      '    after  (primos 1.0): RETURN_WITHIN_WINDOW  Requested on day 38 of 45 (last day 2026-11-15).',
    ]);
    expect(out).toContain('3 case(s): 2 differ, 1 the same (by field: outcome 1, refund 1, charge 1, fees 1, windowDeadline 2)');
    expect(out).toContain('  refunds (eligible)            249.00 USD  498.00 USD');
    expect(out).toContain('  median return.windowDeadline  30 d 12 h   45 d 13 h');
  });

  it('prints JSON Lines with --json: one line per changed case, then the totals', async () => {
    const { code, out } = await runCli(['diff', 'preset:primos', PRIMOS45, CASES, '--json']);
    expect(code).toBe(1);
    const lines = out.map((line) => JSON.parse(line) as { type: string; index?: number; totals?: never; changed?: number });
    expect(lines.map((l) => [l.type, l.index])).toEqual([['case', 0], ['case', 1], ['totals', undefined]]);
    expect(lines[0]).toMatchObject({ fields: [{ field: 'outcome', before: 'ineligible', after: 'eligible' }, {}, {}, {}, { field: 'windowDeadline', before: '2026-11-01T04:00:00.000Z' }] });
    expect(lines[2]).toMatchObject({ type: 'totals', cases: 3, changed: 2, after: { returns: { refunds: [{ amount: '498.00', currency: 'USD' }] } } });
  });

  it('reads NDJSON line by line, by extension or by content, and names the line', async () => {
    const byContent = write('cases.txt', `${JSON.stringify(returned(10))}\n${JSON.stringify(returned(38))}`);
    for (const file of [NDJSON, byContent]) {
      const { code, out } = await runCli(['diff', 'preset:primos', PRIMOS45, file, '--json']);
      expect(code).toBe(1);
      expect(out.slice(0, 2).map((line) => (JSON.parse(line) as { index: number; line: number }).index)).toEqual([0, 1]);
    }
    const { out } = await runCli(['diff', 'preset:primos', PRIMOS45, NDJSON]);
    expect(out[2]).toBe('✗ line 1 day 10 (return): windowDeadline');
    expect(out.find((line) => line.startsWith('✗ line 3'))).toBe('✗ line 3 day 38 (return): outcome, refund, charge, fees, windowDeadline');
  });

  it('reports a case one policy decides and the other refuses', async () => {
    const { code, out } = await runCli(['diff', 'preset:primos', 'preset:amare', write('one.json', JSON.stringify({ cases: [{ kind: 'warranty', given: { category: 'electronics', purchasedAt: '2026-01-01T00:00:00Z', claimedAt: '2026-02-01T00:00:00Z' } }] }))]);
    expect(code).toBe(1);
    expect(out[2]).toBe('✗ cases[0] (warranty): error');
    expect(out[3]).toMatch(/^ {4}error {2}— +\| UNKNOWN_IN_POLICY at kind$/);
    expect(out[4]).toMatch(/^ {4}before \(primos 1\.0\): /);
    expect(out.find((line) => line.startsWith('    after'))).toMatch(/^ {4}after {2}\(error\): UNKNOWN_IN_POLICY at kind: The policy has no warranty section, so it cannot decide a "warranty" case/);
  });

  it('exits 2 for trouble: an invalid policy, a file it cannot read, a cases file that is not valid', async () => {
    const invalid = await runCli(['diff', write('bad.json', JSON.stringify({ id: 'x', version: 'one' })), 'preset:primos', CASES]);
    expect(invalid.code).toBe(2);
    expect(invalid.err[1]).toMatch(/^ {2}version {2}INVALID_FORMAT /);
    const json = await runCli(['diff', 'preset:primos', write('bad2.json', '{"id":"x","version":"one"}'), CASES, '--json']);
    expect([json.code, (JSON.parse(json.out[0] as string) as { policy: { side: string; valid: boolean } }).policy]).toMatchObject([2, { side: 'after', valid: false }]);
    expect(await runCli(['diff', 'preset:primos', 'preset:primos', join(scratch, 'missing.json')])).toMatchObject({ code: 2, err: [`${join(scratch, 'missing.json')}: cannot read the file: no such file`] });
    const broken = write('broken.ndjson', `${JSON.stringify(returned(10))}\n{"kind": "return", "given": {]\n`);
    expect((await runCli(['diff', 'preset:primos', 'preset:primos', broken])).err[0]).toMatch(new RegExp(`^${broken}:2:\\d+: invalid JSON: `));
    const unknownKind = write('kind.ndjson', `${JSON.stringify({ ...returned(10), kind: 'retrun' })}\n`);
    const kind = await runCli(['diff', 'preset:primos', 'preset:primos', unknownKind]);
    expect(kind.code).toBe(2);
    expect(kind.err[0]).toMatch(new RegExp(`^${unknownKind}:1: kind {2}INVALID_VALUE `));
    expect((await runCli(['diff', 'preset:primos', 'preset:nope', CASES])).code).toBe(2);
  });

  it('stops with 141 once standard output has closed', async () => {
    expect((await runCli(['diff', 'preset:primos', PRIMOS45, CASES], { closed: () => true })).code).toBe(141);
  });
});
