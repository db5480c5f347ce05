import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
/** How many cases the PelPro cases file holds (the lead adds one per corrected rule). */
const PELPRO_COUNT = (JSON.parse(readFileSync(PELPRO_CASES, 'utf8')) as { cases: unknown[] }).cases.length;
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
    expect(() => parseArgs(['frobnicate'])).toThrow(/unknown command "frobnicate"; the commands are check, explain/);
  });
});

describe('run', () => {
  it('prints each case as it is decided, then the summary', async () => {
    const { code, out } = await runCli(['check', PELPRO, PELPRO_CASES]);
    expect(code).toBe(0);
    expect(out).toHaveLength(PELPRO_COUNT + 2);
    expect(out[PELPRO_COUNT + 1]).toBe(`${PELPRO_COUNT} case(s): ${PELPRO_COUNT} passed, 0 failed`);
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
    expect(drains).toBe(PELPRO_COUNT);
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

describe('local times for people', () => {
  const email = { name: 'email on Friday evening', kind: 'sla', given: { ticket: { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] }, now: '2026-11-23T09:00:00-06:00' } };
  const write = (name: string, value: unknown) => {
    const file = join(scratch, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  it('explain shows every instant in the local time of the clock’s calendar, with UTC; --json keeps ISO 8601 UTC', async () => {
    const file = write('email.json', email);
    const { code, out } = await runCli(['explain', PELPRO, file]);
    expect(code).toBe(0);
    // The calendar is declared once at the top of the policy, and quoted where it is written.
    expect(out[1]).toBe('  times in America/Chicago (calendars.desk.timeZone), UTC in parentheses; --json prints ISO 8601 UTC');
    const text = out.join('\n');
    // "email acknowledgment within 4 business hours": Friday 18:30-19:00, then Monday 07:00-10:30.
    expect(text).toContain('"deadline": "2026-11-23 10:30 CST (16:30Z)"');
    expect(text).toContain('"startedAt": "2026-11-20 18:30 CST (2026-11-21 00:30Z)"');
    expect(text).toContain('"nextBreachAt": "2026-11-23 10:30:00.001 CST (16:30:00.001Z)"');
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);

    const json = await runCli(['explain', PELPRO, file, '--json']);
    const decision = JSON.parse(json.out.join('\n'));
    expect(decision.clocks[0].deadline).toBe('2026-11-23T16:30:00.000Z');
    expect(decision.asOf).toBe('2026-11-23T15:00:00.000Z');
    expect(json.out.join('\n')).not.toContain('CST');
  });

  it('a return window ending with Oct 31 is due at midnight CDT, the day DST ends; lastDay stays a date', async () => {
    const file = write('return.json', { kind: 'return', given: { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-05:00', requestedAt: '2026-11-11T12:00:00-06:00' } });
    const { code, out } = await runCli(['explain', PELPRO, file]);
    expect(code).toBe(0);
    expect(out[1]).toBe('  times in America/Chicago (returns.timeZone), UTC in parentheses; --json prints ISO 8601 UTC');
    const facts = out.find((line) => line.includes('"window":"full-refund-30"'));
    expect(facts).toContain('"lastDay":"2026-10-31","deadline":"2026-11-01 00:00 CDT (05:00Z)"');
  });

  it('a deadline across the New York DST change (2026-11-01) shows EDT before and EST after', async () => {
    const policy = write('new-york.json', {
      id: 'ny',
      version: '1.0',
      sla: { id: 'ny-sla', calendars: { always: { timeZone: 'America/New_York', alwaysOpen: true } }, rules: [{ id: 'all', targets: [{ id: 'ack', metric: 'acknowledgement', within: { hours: 2 }, calendar: 'always' }] }] },
    });
    const file = write('ny-case.json', { kind: 'sla', given: { ticket: { events: [{ type: 'created', at: '2026-11-01T00:30:00-04:00' }] }, now: '2026-11-01T01:00:00-04:00' } });
    const { code, out } = await runCli(['explain', policy, file]);
    expect(code).toBe(0);
    const text = out.join('\n');
    // Two elapsed hours from 00:30 EDT end at 01:30 EST: the clocks went back at 02:00 EDT.
    expect(text).toContain('"startedAt": "2026-11-01 00:30 EDT (04:30Z)"');
    expect(text).toContain('"deadline": "2026-11-01 01:30 EST (06:30Z)"');
  });

  it('an escalation deadline is shown on the calendar of its span', async () => {
    const file = write('sev1.json', { kind: 'escalation', given: { severity: 'sev1', createdAt: '2026-11-25T03:00:00-06:00', now: '2026-11-25T03:10:00-06:00' } });
    const { out } = await runCli(['explain', PELPRO, file]);
    const text = out.join('\n');
    expect(text).toContain('"reachBy": "2026-11-25 04:00 CST (10:00Z)"');
    // The reach deadline on the span's oncall; the case's own instants on the first calendar, desk.
    expect(out[1]).toBe('  times in America/Chicago (calendars.desk.timeZone, calendars.oncall.timeZone), UTC in parentheses; --json prints ISO 8601 UTC');
  });

  it('check words a failing case’s instants in local time; --json keeps the ISO spelling', async () => {
    const cases = write('failing.json', {
      cases: [
        { ...email, name: 'passes', expect: { nextChangeAt: '2026-11-23T09:30:00-06:00' } },
        { ...email, name: 'at risk too early', expect: { nextChangeAt: '2026-11-23T09:00:00-06:00' } },
        { ...email, name: 'wrong deadline', expect: { clocks: [{ metric: 'acknowledgement', deadline: '2026-11-23T10:00:00-06:00' }] } },
      ],
    });
    const { code, out } = await runCli(['check', PELPRO, cases]);
    expect(code).toBe(1);
    expect(out[1]).toBe('✓ passes — rule email (SLA_RULE_NOT_MATCHED, SLA_RULE_MATCHED, SLA_NEXT_CHANGE)');
    expect(out).toContain('    nextChangeAt: expected "2026-11-23 09:00 CST (15:00Z)", got "2026-11-23 09:30 CST (15:30Z)"');
    expect(out.find((line) => line.startsWith('    clocks[0]: '))).toMatch(
      /^ {4}clocks\[0\]: no item of the list matches \{"metric":"acknowledgement","deadline":"2026-11-23 10:00 CST \(16:00Z\)"\}; the list is \[\{.*"startedAt":"2026-11-20 18:30 CST /,
    );

    const json = await runCli(['check', PELPRO, cases, '--json']);
    const failed = JSON.parse(json.out[2] as string).case;
    expect(failed.mismatches[0].message).toBe('expected "2026-11-23T09:00:00-06:00", got "2026-11-23T15:30:00.000Z"');
    expect(json.out.join('\n')).not.toContain('CST');
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
