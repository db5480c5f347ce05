import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { casesJsonSchema } from '../../src/cli/cases-schema.js';
import { mismatches } from '../../src/cli/expect.js';
import { internalError } from '../../src/cli/internal-error.js';
import { type Io, run } from '../../src/cli/run.js';
import { UsageError } from '../../src/cli/usage.js';

const root = resolve(__dirname, '../..');
const PELPRO = join(root, 'examples/pelpro.policy.json');
const PELPRO_CASES = join(root, 'examples/pelpro.cases.json');
const scratch = mkdtempSync(join(tmpdir(), 'support-rules-run-'));

/** Runs the CLI in-process; what it wrote, line by line, and its exit code. */
async function runCli(argv: string[], options: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (text) => void out.push(text), err: (text) => void err.push(text), color: false, progress: false, ...options });
  return { code, out, err };
}

describe('parseArgs', () => {
  it('reads commands, files and options in any order', () => {
    expect(parseArgs(['check', 'policy.json', '--json'])).toEqual({ command: 'check', policy: 'policy.json', json: true });
    expect(parseArgs(['--json', 'explain', 'p.json', 'c.json'])).toEqual({ command: 'explain', policy: 'p.json', case: 'c.json', json: true });
    expect(parseArgs(['check', '--', '-odd.json'])).toEqual({ command: 'check', policy: '-odd.json', json: false });
    expect([parseArgs([]), parseArgs(['help']), parseArgs(['-h']), parseArgs(['check', 'p.json', '-v'])]).toEqual([{ command: 'usage' }, { command: 'help' }, { command: 'help' }, { command: 'version' }]);
  });

  it('refuses an unknown option or command with a did-you-mean', () => {
    expect(() => parseArgs(['check', 'policy.json', '--jsn'])).toThrow(new UsageError('support-rules: unknown option "--jsn"; did you mean "--json"? (run support-rules --help for usage)'));
    expect(() => parseArgs(['--verison'])).toThrow(/did you mean "--version"\?/);
    expect(() => parseArgs(['expalin'])).toThrow(/unknown command "expalin"; did you mean "explain"\?/);
    expect(() => parseArgs(['frobnicate'])).toThrow(/unknown command "frobnicate"; the commands are check and explain/);
  });
});

describe('run', () => {
  it('prints each case as it is decided, then the summary', async () => {
    const { code, out } = await runCli(['check', PELPRO, PELPRO_CASES]);
    expect(code).toBe(0);
    expect(out).toHaveLength(7);
    expect(out[6]).toBe('5 case(s): 5 passed, 0 failed');
  });

  it('paints marks only when asked (a terminal without NO_COLOR)', async () => {
    const plain = await runCli(['check', PELPRO, PELPRO_CASES]);
    const painted = await runCli(['check', PELPRO, PELPRO_CASES], { color: true });
    expect(plain.out.join('\n')).not.toContain('\u001b[');
    expect(painted.out[1]?.startsWith('\u001b[32m✓\u001b[0m ')).toBe(true);
  });

  it('stops with exit code 141 once standard output has closed', async () => {
    const { code, out } = await runCli(['check', PELPRO, PELPRO_CASES], { closed: () => true });
    expect(code).toBe(141);
    expect(out).toHaveLength(2);
  });

  it('waits for a full output to drain before deciding more', async () => {
    let drains = 0;
    const { code } = await runCli(['check', PELPRO, PELPRO_CASES], { out: () => false, drain: async () => void drains++ });
    expect(code).toBe(0);
    expect(drains).toBe(5);
  });

  it('reports an unexpected failure as one line, exit code 70', async () => {
    const { code, err } = await runCli(['--version'], {
      out: () => {
        throw new RangeError('the output\nbroke');
      },
    });
    expect([code, err]).toEqual([70, ['support-rules: internal error: the output broke']]);
    expect(internalError('not an Error')).toBe('support-rules: internal error: not an Error');
    expect(internalError(new TypeError('x is\nundefined'))).toBe('support-rules: internal error: x is undefined');
  });

  it('explains one case in JSON', async () => {
    const file = join(scratch, 'one.json');
    writeFileSync(file, JSON.stringify({ kind: 'escalation', given: { severity: 'sev1', createdAt: '2026-11-25T03:00:00-06:00', now: '2026-11-25T03:10:00-06:00' } }));
    const { code, out } = await runCli(['explain', PELPRO, file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ targetTier: 'tier-3' });
  });
});

describe('the doc examples', () => {
  it('mismatches', () => {
    expect(mismatches({ deadline: '2026-11-23T10:30:00-06:00' }, { deadline: '2026-11-23T16:30:00.000Z' })).toEqual([]);
    expect(mismatches({ offers: [] }, { offers: [{ kind: 'credit' }] })[0]?.message).toBe('expected an empty list, got [{"kind":"credit"}]');
  });

  it('casesJsonSchema', () => {
    expect(casesJsonSchema().required).toEqual(['cases']);
  });
});
