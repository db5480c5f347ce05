import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI as a user runs it: the built bin in a subprocess (npm run build first).
const root = resolve(__dirname, '../..');
const bin = join(root, 'dist/cli.js');
interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
/** Runs node with `args` to the end; the tests run side by side, so this is asynchronous. */
const node = (args: readonly string[]) =>
  new Promise<Run>((done) => {
    execFile(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      done({ status, stdout, stderr });
    });
  });
const cli = (...args: string[]) => node([bin, ...args]);
const scratch = mkdtempSync(join(tmpdir(), 'support-rules-cli-'));
const write = (name: string, value: unknown) => {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const policy = JSON.parse(readFileSync(join(root, 'examples/pelpro.policy.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const PELPRO = 'examples/pelpro.policy.json';
/** How many cases the PelPro cases file holds (one is added per corrected rule). */
const PELPRO_COUNT = (JSON.parse(readFileSync(join(root, 'examples/pelpro.cases.json'), 'utf8')) as { cases: unknown[] }).cases.length;

/** The exit code, and neither stream shows a stack trace. */
function ended(run: Run): number | null {
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s{4}at /m);
  return run.status;
}

const returnCase = (expectation: unknown, given: Record<string, unknown> = {}) => ({
  name: 'a return on day 41',
  kind: 'return',
  given: { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-05:00', requestedAt: '2026-11-11T12:00:00-06:00', ...given },
  expect: expectation,
});
const damagedDelivery = (expectation: unknown) => ({ cases: [{ name: 'damaged delivery', kind: 'compensation', given: { type: 'damaged-item', verified: true, orderValue: '129.99' }, expect: expectation }] });

describe.concurrent('support-rules check', () => {
  it('passes the PelPro example cases and exits 0', async () => {
    const run = await cli('check', PELPRO, 'examples/pelpro.cases.json');
    expect(ended(run)).toBe(0);
    expect(run.stdout).toContain('policy pelpro 1.0 is valid');
    expect(run.stdout).toContain(`${PELPRO_COUNT} case(s): ${PELPRO_COUNT} passed, 0 failed`);
  });

  it('reports a failing case with what differed and exits 1', async () => {
    const run = await cli('check', PELPRO, write('cases.json', { cases: [{ ...returnCase({ outcome: 'ineligible' }), name: 'wrong on purpose' }] }));
    expect(ended(run)).toBe(1);
    expect(run.stdout).toContain('✗ wrong on purpose — eligible');
    expect(run.stdout).toContain('outcome: expected "ineligible", got "eligible"');
  });

  it('lists every problem of a broken policy with its path and exits 1', async () => {
    const broken = structuredClone(policy);
    broken.returns.fees.rules[0].percent = undefined;
    broken.returns.fees.rules[0].flat = '7.005';
    broken.calendars.desk.hours.mon = ['25:00-26:00'];
    broken.warranty.terms[0].category = ['toys'];
    const run = await cli('check', write('broken.json', broken));
    expect(ended(run)).toBe(1);
    // The desk is declared once at the top of the policy: reported once, where it is written.
    expect(run.stdout).toContain('calendars.desk.hours.mon[0]  INVALID_TIME');
    expect(run.stdout.match(/INVALID_TIME/g)).toHaveLength(1);
    expect(run.stdout).toContain('returns.fees.rules[0].flat  TOO_PRECISE');
    expect(run.stdout).toContain('warranty.terms[0].category[0]  UNKNOWN_CATEGORY');
  });

  it('speaks JSON Lines for machines: the policy, one line per case, then the summary', async () => {
    const run = await cli('check', PELPRO, 'examples/pelpro.cases.json', '--json');
    expect(ended(run)).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(PELPRO_COUNT + 2);
    expect(lines[0].policy).toMatchObject({ valid: true, id: 'pelpro', version: '1.0' });
    expect(lines[1].case).toMatchObject({ index: 0, kind: 'sla', passed: true });
    expect(lines[1].case.decision.clocks[0].deadline).toBe('2026-11-23T16:30:00.000Z');
    expect(lines[PELPRO_COUNT + 1]).toEqual({ passed: PELPRO_COUNT, failed: 0 });
  });

  it('reports a case the decision function refuses as CODE at <path>, a failed case, not a stack trace', async () => {
    const run = await cli('check', PELPRO, write('refused.json', { cases: [returnCase({ outcome: 'eligible' }, { price: 'ten dollars' })] }));
    expect(ended(run)).toBe(1);
    expect(run.stdout).toContain('✗ a return on day 41');
    expect(run.stdout).toMatch(/INVALID_AMOUNT at cases\[0\]\.given\.price: "ten dollars" is not an amount/);
    expect(run.stdout).toContain('1 case(s): 0 passed, 1 failed');
  });

  it('fails a case whose kind the policy has no section for', async () => {
    const run = await cli('check', PELPRO, write('no-section.json', { cases: [{ kind: 'compensation', given: {} }] }));
    expect(ended(run)).toBe(1);
    expect(run.stdout).toContain('UNKNOWN_IN_POLICY at cases[0].kind: The policy has no compensation section');
  });
});

describe.concurrent('expect', () => {
  it('reads an empty list as "none": a credit offered fails "plus": []', async () => {
    const run = await cli('check', 'preset:primos', write('none.json', damagedDelivery({ plus: [] })));
    expect(ended(run)).toBe(1);
    expect(run.stdout).toMatch(/plus: expected an empty list, got \[\{.*"type":"credit"/);
  });

  it('compares instants as instants: Z, .000Z and -06:00 spellings of one instant all match', async () => {
    const deadlines = ['2026-11-23T16:30:00Z', '2026-11-23T16:30:00.000Z', '2026-11-23T10:30:00-06:00'];
    const cases = deadlines.map((deadline) => ({
      name: deadline,
      kind: 'sla',
      given: { ticket: { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] }, now: '2026-11-23T09:00:00-06:00' },
      expect: { clocks: [{ metric: 'acknowledgement', deadline }] },
    }));
    const run = await cli('check', PELPRO, write('instants.json', { cases }));
    expect(ended(run), run.stdout).toBe(0);
    expect(run.stdout).toContain('3 case(s): 3 passed, 0 failed');
  });

  it('names a key the decision does not have, with the keys it has', async () => {
    const run = await cli('check', PELPRO, write('typo.json', { cases: [returnCase({ outcom: 'eligible' })] }));
    expect(ended(run)).toBe(1);
    expect(run.stdout).toMatch(/outcom: expected "eligible", but the decision has no "outcom"; did you mean "outcome"\? Its keys are .*outcome/);
  });

  it('shows the actual list when no item matches', async () => {
    const run = await cli('check', PELPRO, write('no-item.json', { cases: [returnCase({ reasons: [{ code: 'RETURN_WINDOW_EXPIRED' }] })] }));
    expect(ended(run)).toBe(1);
    expect(run.stdout).toMatch(/reasons\[0\]: no item of the list matches \{"code":"RETURN_WINDOW_EXPIRED"\}; the list is \[\{"code":"RETURN_LATE_ACCEPTED"/);
  });
});

describe.concurrent('usage errors exit 2 with one line naming the file', () => {
  const usage = async (file: string, ...more: string[]) => {
    const run = await cli('check', PELPRO, file, ...more);
    expect(ended(run)).toBe(2);
    expect(run.stdout).toBe('');
    return run.stderr.trim();
  };

  it('refuses a cases file that is a list, not { "cases": [ … ] } (it used to run zero cases)', async () => {
    const file = write('list.json', [returnCase({ outcome: 'eligible' })]);
    expect(await usage(file)).toBe(`${file}: (root)  INVALID_TYPE  Expected an object { "cases": [ … ] } here, not a list; write { "cases": [ … ] } around the list.`);
  });

  it('refuses "cases" that is not a list', async () => {
    const file = write('object.json', { cases: {} });
    expect(await usage(file)).toBe(`${file}: cases  INVALID_TYPE  Expected a list here, not an object.`);
  });

  it('refuses a null case', async () => {
    const file = write('null-case.json', { cases: [returnCase({}), null] });
    expect(await usage(file)).toBe(`${file}: cases[1]  INVALID_TYPE  Expected a case object { "kind", "given", "expect" } here, not null.`);
  });

  it('refuses a case of an unknown kind or with an unknown field, with a did-you-mean', async () => {
    const file = write('typos.json', { cases: [{ kind: 'retrun', given: {} }, { kind: 'return', given: {}, expected: {} }] });
    const lines = (await usage(file)).split('\n');
    expect(lines[0]).toContain(`${file}: cases[0].kind  INVALID_VALUE  "retrun" is not allowed here; did you mean "return"?`);
    expect(lines[1]).toContain(`${file}: cases[1].expected  UNKNOWN_KEY  "expected" is not a known field here; did you mean "expect"?`);
  });

  it('refuses an sla case whose "now" is not an instant', async () => {
    const file = write('sla-now.json', { cases: [{ kind: 'sla', given: { ticket: {}, now: '2026-11-23T09:00:00' } }] });
    expect(await usage(file)).toContain(`${file}: cases[0].given.now  INSTANT_WITHOUT_OFFSET`);
  });

  it('refuses a cases file with no cases', async () => {
    const file = write('zero.json', { cases: [] });
    expect(await usage(file)).toBe(`${file}: cases  NO_CASES  The file has no cases; add at least one { "kind", "given", "expect" } to "cases".`);
  });

  it('refuses a missing, an empty and a null cases file', async () => {
    const missing = join(scratch, 'missing.json');
    expect(await usage(missing)).toBe(`${missing}: cannot read the file: no such file`);
    const empty = write('empty.json', '');
    expect(await usage(empty)).toBe(`${empty}: the file is empty; a cases file is { "cases": [ … ] }`);
    const nothing = write('null.json', 'null');
    expect(await usage(nothing)).toBe(`${nothing}: (root)  INVALID_TYPE  Expected an object { "cases": [ … ] } here, not null.`);
  });

  it('points at line and column of a JSON syntax error, and at the end of a cut-short file', async () => {
    const broken = write('broken.json', '{\n  "cases": [\n    { "kind": "return", "given": {} }\n    { "kind": "return", "given": {} }\n  ]\n}\n');
    expect(await usage(broken)).toBe(`${broken}:4:5: invalid JSON: expected ',' or ']' after a value, found '{'`);
    const cut = write('cut.json', '{\n  "cases": [\n    { "kind": "return"');
    expect(await usage(cut)).toBe(`${cut}:3:23: invalid JSON: the file ends inside the object that opens at 3:5; it is cut short`);
  });

  it('points at line and column of a malformed policy (not "position 31")', async () => {
    const file = write('policy-broken.json', '{\n  "id": "x",\n  "version": "1.0",,\n}');
    const run = await cli('check', file);
    expect(ended(run)).toBe(2);
    expect(run.stderr.trim()).toBe(`${file}:3:20: invalid JSON: expected a field name in double quotes, found ','`);
  });

  it('says "no such preset", also for names every object has', async () => {
    for (const name of ['constructor', 'acme', '__proto__']) {
      const run = await cli('check', `preset:${name}`);
      expect(ended(run)).toBe(2);
      expect(run.stderr).toContain(`support-rules: no such preset "${name}"; the presets are primos, pelpro, homepro, amare, trufit.`);
    }
    expect((await cli('check', 'preset:primo')).stderr).toContain('no such preset "primo"; did you mean "primos"?');
  });

  it('takes a policy history: every case is decided by the version in force and names it', async () => {
    const rest = { ...policy };
    delete rest.$schema;
    const history = write('history.json', {
      id: rest.id,
      timeZone: 'America/Chicago',
      versions: [
        { ...rest, version: '0.9', effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' },
        { ...rest, effectiveFrom: '2026-01-01' },
      ],
    });
    const run = await cli('check', history, 'examples/pelpro.cases.json', '--json');
    expect(ended(run)).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0].policy.versions.map((v: { version: string }) => v.version)).toEqual(['0.9', rest.version]);
    // A warranty claim for a product bought in 2025 is decided by 0.9, every other case by the current version.
    expect(new Set(lines.slice(1, -1).map((line) => line.case.decision.policy.version))).toEqual(new Set(['0.9', rest.version]));
  });

  it('refuses an unknown option with a did-you-mean instead of ignoring it', async () => {
    const run = await cli('check', PELPRO, 'examples/pelpro.cases.json', '--jsn');
    expect(ended(run)).toBe(2);
    expect(run.stderr.trim()).toBe('support-rules: unknown option "--jsn"; did you mean "--json"? (run support-rules --help for usage)');
  });

  it('refuses an unknown command, and a missing or extra argument', async () => {
    const unknown = await cli('chek', PELPRO);
    expect(ended(unknown)).toBe(2);
    expect(unknown.stderr).toContain('unknown command "chek"; did you mean "check"?');
    expect(ended(await cli('check'))).toBe(2);
    expect((await cli('check')).stderr).toContain('check needs a policy file');
    expect(ended(await cli('explain', PELPRO))).toBe(2);
    expect((await cli('check', PELPRO, 'a.json', 'b.json')).stderr).toContain('unexpected "b.json"');
  });

  it('shows usage on standard error with no arguments', async () => {
    const run = await cli();
    expect(ended(run)).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });
});

describe.concurrent('--version and --help', () => {
  it('prints the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const run = await cli(flag);
      expect(ended(run)).toBe(0);
      expect(run.stdout.trim()).toBe(pkg.version);
    }
  });

  it('prints usage on standard output and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const run = await cli(flag);
      expect(ended(run)).toBe(0);
      expect(run.stdout).toContain('support-rules check <policy.json> [cases.json] [--json]');
    }
  });
});

describe.concurrent('support-rules explain', () => {
  const late = { name: 'late return', kind: 'return', given: { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-05:00', requestedAt: '2026-11-11T12:00:00-06:00' } };

  it('prints one decision with its full trace', async () => {
    const run = await cli('explain', PELPRO, write('one.json', late));
    expect(ended(run)).toBe(0);
    expect(run.stdout).toContain('RETURN_LATE_ACCEPTED [full-refund-30]');
    expect(run.stdout).toContain('"refund"');
  });

  it('refuses a malformed or invalid case file with exit 2', async () => {
    const malformed = write('one-broken.json', '{ "kind": "return", "given": { } ');
    const run = await cli('explain', PELPRO, malformed);
    expect(ended(run)).toBe(2);
    expect(run.stderr.trim()).toBe(`${malformed}:1:34: invalid JSON: the file ends inside the object that opens at 1:1; it is cut short`);
    const invalid = write('one-invalid.json', { kind: 'sla', given: { ticket: {}, now: 'soon' } });
    const second = await cli('explain', PELPRO, invalid);
    expect(ended(second)).toBe(2);
    expect(second.stderr).toContain(`${invalid}: given.now  INVALID_INSTANT  "soon" is not an instant`);
    expect(ended(await cli('explain', PELPRO, join(scratch, 'none.json')))).toBe(2);
    const many = await cli('explain', PELPRO, 'examples/pelpro.cases.json');
    expect(ended(many)).toBe(2);
    expect(many.stderr).toContain('examples/pelpro.cases.json: this is a cases file ({ "cases": [ … ] }); explain takes a file holding one case');
  });

  it('reports a case the decision function refuses as CODE at <path> and exits 1', async () => {
    const file = write('one-refused.json', { ...late, given: { ...late.given, price: 'ten dollars' } });
    const run = await cli('explain', PELPRO, file);
    expect(ended(run)).toBe(1);
    expect(run.stderr).toContain(`${file}: INVALID_AMOUNT at given.price: "ten dollars" is not an amount`);
  });
});

describe.concurrent('local times for people, ISO 8601 UTC for machines', () => {
  const email = { name: 'email on Friday evening', kind: 'sla', given: { ticket: { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] }, now: '2026-11-23T09:00:00-06:00' } };

  it('explain shows a PelPro deadline in Chicago time with UTC; --json prints it in UTC', async () => {
    const file = write('local-email.json', email);
    const run = await cli('explain', PELPRO, file);
    expect(ended(run)).toBe(0);
    expect(run.stdout).toContain('  times in America/Chicago (calendars.desk.timeZone), UTC in parentheses; --json prints ISO 8601 UTC\n');
    expect(run.stdout).toContain('"deadline": "2026-11-23 10:30 CST (16:30Z)"');
    expect(run.stdout).toContain('"asOf": "2026-11-23 09:00 CST (15:00Z)"');
    expect(run.stdout).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const json = await cli('explain', PELPRO, file, '--json');
    expect(ended(json)).toBe(0);
    expect(JSON.parse(json.stdout).clocks[0].deadline).toBe('2026-11-23T16:30:00.000Z');
    expect(json.stdout).not.toContain('CST');
  });

  it('explain shows a return window due at midnight CDT on the day DST ends, its last day as a date', async () => {
    const run = await cli('explain', PELPRO, write('local-return.json', returnCase(undefined)));
    expect(ended(run)).toBe(0);
    expect(run.stdout).toContain('"lastDay":"2026-10-31","deadline":"2026-11-01 00:00 CDT (05:00Z)"');
  });

  it('names EDT and EST on either side of the New York DST change (2026-11-01)', async () => {
    const ny = write('local-ny.json', {
      id: 'ny',
      version: '1.0',
      sla: { id: 'ny-sla', calendars: { always: { timeZone: 'America/New_York', alwaysOpen: true } }, rules: [{ id: 'all', targets: [{ id: 'ack', metric: 'acknowledgement', within: { hours: 2 }, calendar: 'always' }] }] },
    });
    const one = write('local-ny-case.json', { kind: 'sla', given: { ticket: { events: [{ type: 'created', at: '2026-11-01T00:30:00-04:00' }] }, now: '2026-11-01T01:00:00-04:00' } });
    const run = await cli('explain', ny, one);
    expect(ended(run)).toBe(0);
    expect(run.stdout).toContain('"startedAt": "2026-11-01 00:30 EDT (04:30Z)"');
    expect(run.stdout).toContain('"deadline": "2026-11-01 01:30 EST (06:30Z)"');
  });

  it('check quotes a failing case’s instants in local time, and in ISO 8601 with --json', async () => {
    const file = write('local-failing.json', { cases: [{ ...email, expect: { nextChangeAt: '2026-11-23T09:00:00-06:00' } }] });
    const run = await cli('check', PELPRO, file);
    expect(ended(run)).toBe(1);
    expect(run.stdout).toContain('    nextChangeAt: expected "2026-11-23 09:00 CST (15:00Z)", got "2026-11-23 09:30 CST (15:30Z)"\n');
    const json = await cli('check', PELPRO, file, '--json');
    expect(ended(json)).toBe(1);
    expect(JSON.parse(json.stdout.split('\n')[1] as string).case.mismatches[0].message).toBe('expected "2026-11-23T09:00:00-06:00", got "2026-11-23T15:30:00.000Z"');
  });
});

describe.concurrent('failures that are not the user\'s', () => {
  it('reports an internal error in one line with exit code 70', async () => {
    // A decision that cannot be turned into JSON stands in for a bug in the library.
    const breakJson = 'data:text/javascript,Date.prototype.toJSON=function(){throw new TypeError("toJSON is broken")}';
    const run = await node(['--import', breakJson, bin, 'check', PELPRO, 'examples/pelpro.cases.json']);
    expect(ended(run)).toBe(70);
    expect(run.stderr).toBe('support-rules: internal error: toJSON is broken\n');
  });

  it('ends quietly when its reader goes away (| head -1): no stack trace, exit 141', async () => {
    const cases = Array.from({ length: 3000 }, (_, i) => ({ ...returnCase({ outcome: 'eligible' }), name: `case ${i}` }));
    const file = write('many.json', { cases });
    const child = spawn(process.execPath, [bin, 'check', PELPRO, file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });

  it('checks 200,000 cases in bounded memory (peak RSS under 200 MB)', async () => {
    // Cases of a kind the policy lacks are decided at once, so this measures reading and printing.
    const lines = Array.from({ length: 200_000 }, (_, i) => `{"name":"case ${i}","kind":"compensation","given":{"orderValue":"${i}.00"}}`);
    const file = write('200k.json', `{"cases":[\n${lines.join(',\n')}\n]}\n`);
    const peak = write('peak-rss.mjs', "process.on('exit', () => process.stderr.write(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\\n`));");
    const run = await node(['--import', peak, bin, 'check', PELPRO, file, '--json']);
    expect(ended(run)).toBe(1);
    expect(run.stdout.slice(run.stdout.lastIndexOf('\n', run.stdout.length - 2) + 1)).toBe('{"passed":0,"failed":200000}\n');
    const rssMb = Number(/peak RSS (\d+) MB/.exec(run.stderr)?.[1]);
    expect(rssMb).toBeLessThan(200);
  });
});

describe.concurrent('the JSON Schemas shipped with the package', () => {
  it('policy.schema.json is generated from the zod schema and covers every section', async () => {
    const schema = JSON.parse(readFileSync(join(root, 'dist/policy.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['$schema', 'id', 'name', 'version', 'effectiveFrom', 'effectiveTo', 'sla', 'returns', 'warranty', 'compensation', 'escalation']));
    expect(schema.required).toEqual(['id', 'version']);
    // Described for editors, named, with the patterns of the zod metadata (test/policy/json-schema.test.ts checks it all).
    expect(schema).toMatchObject({ $id: 'https://unpkg.com/support-rules/dist/policy.schema.json', title: 'support-rules SupportPolicy' });
    expect(schema.properties.calendars.additionalProperties.properties.hours.properties.mon).toMatchObject({ description: expect.any(String), items: { pattern: expect.any(String) } });
  });

  it('cases.schema.json describes a cases file and is exported', async () => {
    const schema = JSON.parse(readFileSync(join(root, 'dist/cases.schema.json'), 'utf8'));
    expect(schema.required).toEqual(['cases']);
    expect(schema.properties.cases.minItems).toBe(1);
    expect(pkg.exports['./cases.schema.json']).toBe('./dist/cases.schema.json');
  });

  it('policy-history.schema.json describes a history whose versions are policies, and is exported', async () => {
    const schema = JSON.parse(readFileSync(join(root, 'dist/policy-history.schema.json'), 'utf8'));
    expect(schema.required).toEqual(['id', 'timeZone', 'versions']);
    expect(schema.properties.versions.items.required).toEqual(['id', 'version']);
    expect(pkg.exports['./policy-history.schema.json']).toBe('./dist/policy-history.schema.json');
  });
});

describe.concurrent('checking a built-in preset', () => {
  it('runs every preset against its case file', async () => {
    const names = ['primos', 'pelpro', 'homepro', 'amare', 'trufit'];
    const runs = await Promise.all(names.map((name) => cli('check', `preset:${name}`, `examples/${name}.cases.json`)));
    for (const [i, run] of runs.entries()) {
      const count = (JSON.parse(readFileSync(join(root, `examples/${names[i]}.cases.json`), 'utf8')) as { cases: unknown[] }).cases.length;
      expect(ended(run), run.stdout).toBe(0);
      expect(run.stdout).toContain(`${count} case(s): ${count} passed, 0 failed`);
    }
  });
});
