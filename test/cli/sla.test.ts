import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { type Io, run } from '../../src/cli/run.js';
import { CHUNK_LINES } from '../../src/cli/sla.js';
import { SupportRulesError } from '../../src/errors/index.js';
import { definePolicy } from '../../src/policy/index.js';
import { evaluateSla, type Ticket } from '../../src/sla/index.js';

// `support-rules sla`: one result line per ticket, in input order, whatever the number of worker
// threads; a bad line is a result at its own index; exit 0 / 1 / 2 as the usage says.

const scratch = mkdtempSync(join(tmpdir(), 'support-rules-sla-'));
const day = ['07:00-19:00'];
const document = {
  id: 'pelpro',
  version: '1.0',
  sla: {
    id: 'pelpro-sla',
    calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } } },
    vocabulary: { channel: ['email', 'chat'], priority: ['high', 'normal'] },
    rules: [
      { id: 'high', when: { priority: 'high' }, targets: [{ id: 'high-ack', metric: 'acknowledgement', within: { minutes: 30 }, calendar: 'desk' }] },
      { id: 'email', when: { channel: 'email' }, targets: [
        { id: 'email-first', metric: 'firstResponse', within: { hours: 4 }, calendar: 'desk' },
        { id: 'email-resolution', metric: 'resolution', within: { businessDays: 2 }, calendar: 'desk' },
      ] },
    ],
  },
};
const POLICY = join(scratch, 'policy.json');
writeFileSync(POLICY, JSON.stringify(document));
const NOW = '2026-11-27T12:00:00-06:00';
const sla = definePolicy(document).sla as NonNullable<ReturnType<typeof definePolicy>['sla']>;

/** The n-th ticket of a fixed sequence: created every 3 minutes from Mon 2026-11-16, answered or not, some solved. */
function ticket(n: number): Ticket {
  const created = Date.parse('2026-11-16T13:00:00Z') + n * 3 * 60_000;
  const events: Ticket['events'][number][] = [{ type: 'created', at: new Date(created).toISOString() }];
  if (n % 3 !== 0) events.push({ type: 'agentReply', at: new Date(created + (n % 11) * 3_600_000).toISOString() });
  if (n % 4 === 1) events.push({ type: 'status', at: new Date(created + 30 * 3_600_000).toISOString(), status: 'solved' });
  return { id: `T-${n}`, channel: n % 5 === 0 ? 'chat' : 'email', ...(n % 7 === 0 ? { priority: 'high' } : {}), events: n % 2 ? events.reverse() : events };
}

const COUNT = 2 * CHUNK_LINES + 345;
const lines = Array.from({ length: COUNT }, (_, n) => JSON.stringify(ticket(n)));
// Bad lines: not JSON, a value the policy does not know, an event before the ticket was created.
lines[17] = '{"id": "T-17", "events": [';
lines[1500] = JSON.stringify({ ...ticket(1500), priority: 'urgent' });
lines[2100] = JSON.stringify({ id: 'T-2100', events: [{ type: 'created', at: '2026-11-20T10:00:00Z' }, { type: 'agentReply', at: '2026-11-20T09:00:00Z' }] });
const TICKETS = join(scratch, 'tickets.ndjson');
// Blank lines and CRLF line ends are allowed; blank lines are not tickets.
writeFileSync(TICKETS, `\n${lines.slice(0, 100).join('\r\n')}\r\n\n${lines.slice(100).join('\n')}\n`);

/** Runs the CLI in-process; standard output as one text, what it wrote to standard error, and its exit code. */
async function runCli(argv: string[], options: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (text) => void out.push(text), err: (text) => void err.push(text), color: false, progress: false, ...options });
  return { code, out: out.join('\n'), err };
}

/** What evaluateSla says of each line, as the CLI writes it. */
function expected(): string[] {
  return lines.map((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return 'INVALID_JSON';
    }
    try {
      return JSON.stringify({ index, status: evaluateSla(sla, value as Ticket, NOW) });
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      return JSON.stringify({ index, error: { code: error.code, path: error.path, message: error.message, issues: error.issues } });
    }
  });
}

describe('support-rules sla', () => {
  it('writes one result per ticket in input order, each what evaluateSla says, at 1, 2 and 3 workers alike', async () => {
    const want = expected();
    const one = await runCli(['sla', POLICY, TICKETS, '--now', NOW]);
    const outLines = one.out.split('\n');
    expect(outLines).toHaveLength(COUNT);
    outLines.forEach((line, index) => {
      if (want[index] === 'INVALID_JSON') expect(JSON.parse(line)).toMatchObject({ index, error: { code: 'INVALID_JSON', path: [] } });
      else expect(line).toBe(want[index]);
    });
    expect([one.code, one.err]).toEqual([1, [`${COUNT} ticket(s): ${COUNT - 3} evaluated, 3 failed their checks`]]);
    for (const workers of ['2', '3']) {
      const many = await runCli(['sla', POLICY, TICKETS, `--now=${NOW}`, '--workers', workers], { cores: 4 });
      expect(many.out).toBe(one.out);
      expect([many.code, many.err]).toEqual([one.code, one.err]);
    }
  }, 120_000);

  it('uses at most one worker per core, and says so', async () => {
    const { code, err } = await runCli(['sla', POLICY, TICKETS, '--now', NOW, '--workers', '9999', '--json'], { cores: 2 });
    expect(code).toBe(1);
    expect(err).toEqual([
      "support-rules: --workers 9999 is more than this machine's 2 core(s); using 2",
      `{"tickets":${COUNT},"evaluated":${COUNT - 3},"failed":3,"workers":2}`,
    ]);
  }, 120_000);

  it('reports bad lines at their index: JSON syntax, a value the policy does not know, contradictory events', async () => {
    const { out } = await runCli(['sla', POLICY, TICKETS, '--now', NOW, '--json']);
    const errors = out
      .split('\n')
      .map((line) => JSON.parse(line) as { index: number; error?: { code: string; path: unknown[] } })
      .filter((r) => r.error)
      .map((r) => [r.index, r.error?.code, r.error?.path]);
    expect(errors).toEqual([
      [17, 'INVALID_JSON', []],
      [1500, 'UNKNOWN_IN_POLICY', ['priority']],
      [2100, 'EVENT_BEFORE_CREATED', ['events', 1]],
    ]);
  });

  it('exits 0 when every ticket was evaluated, and reads standard input for -', async () => {
    async function* stdin() {
      yield `${lines[0]}\n${lines[1]?.slice(0, 10) ?? ''}`;
      yield `${lines[1]?.slice(10) ?? ''}\n${lines[2]}`;
    }
    const { code, out, err } = await runCli(['sla', POLICY, '-', '--now', NOW, '--json'], { stdin: stdin() });
    expect(out.split('\n').map((line) => (JSON.parse(line) as { index: number }).index)).toEqual([0, 1, 2]);
    expect([code, err]).toEqual([0, ['{"tickets":3,"evaluated":3,"failed":0,"workers":1}']]);
  });

  it('exits 2 for misuse and invalid policies, before writing any result', async () => {
    const history = join(scratch, 'history.json');
    writeFileSync(history, JSON.stringify({ id: 'pelpro', timeZone: 'America/Chicago', versions: [{ ...document, effectiveFrom: '2026-01-01' }] }));
    const noSla = join(scratch, 'no-sla.json');
    writeFileSync(noSla, JSON.stringify({ id: 'pelpro', version: '1.0' }));
    const invalid = join(scratch, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...document, sla: { ...document.sla, rules: [{ id: 'x', targets: [{ id: 'y', metric: 'resolution', within: { hours: 1 }, calendar: 'nowhere' }] }] } }));
    const cases: [string[], RegExp][] = [
      [['sla', POLICY, TICKETS], /sla needs --now <instant>/],
      [['sla', POLICY, '--now', NOW], /sla needs a policy file \(or preset:<name>\) and a tickets file/],
      [['sla', POLICY, TICKETS, '--now', '2026-11-27T12:00'], /--now "2026-11-27T12:00": .*offset/],
      [['sla', POLICY, TICKETS, '--now', NOW, '--workers', '0'], /--workers takes a whole number of worker threads, 1 or more, not "0"/],
      [['sla', POLICY, TICKETS, '--now'], /--now needs a value/],
      [['check', POLICY, '--now', NOW], /--now is an option of sla only/],
      [['sla', POLICY, join(scratch, 'missing.ndjson'), '--now', NOW], /missing\.ndjson: cannot read the file: no such file/],
      [['sla', history, TICKETS, '--now', NOW], /sla runs one policy version, not a history/],
      [['sla', noSla, TICKETS, '--now', NOW], /the policy has no sla section/],
      [['sla', invalid, TICKETS, '--now', NOW], /UNKNOWN_CALENDAR/],
    ];
    for (const [argv, message] of cases) {
      const { code, out, err } = await runCli(argv);
      expect([argv.join(' '), code, out]).toEqual([argv.join(' '), 2, '']);
      expect(err.join('\n')).toMatch(message);
    }
  });

  it('stops with exit code 141 once standard output has closed', async () => {
    const { code } = await runCli(['sla', POLICY, TICKETS, '--now', NOW, '--workers', '2'], { closed: () => true });
    expect(code).toBe(141);
  });

  it('parses --now and --workers, as the next word or after =', () => {
    expect(parseArgs(['sla', 'p.json', '-', '--now', NOW])).toEqual({ command: 'sla', policy: 'p.json', tickets: '-', now: NOW, workers: 1, json: false });
    expect(parseArgs(['--workers=4', 'sla', '--json', 'p.json', 't.ndjson', `--now=${NOW}`])).toEqual({ command: 'sla', policy: 'p.json', tickets: 't.ndjson', now: NOW, workers: 4, json: true });
    expect(() => parseArgs(['sla', 'p.json', 't.ndjson', '--now', NOW, '--workers', '1.5'])).toThrow(/not "1\.5"/);
  });
});
