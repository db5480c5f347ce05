import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI as a user runs it: the built bin in a subprocess (npm run build first).
const root = resolve(__dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const scratch = mkdtempSync(join(tmpdir(), 'support-rules-cli-'));
const write = (name: string, value: unknown) => {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const policy = JSON.parse(readFileSync(join(root, 'examples/pelpro.policy.json'), 'utf8'));

describe('support-rules check', () => {
  it('passes the PelPro example cases and exits 0', () => {
    const run = cli('check', 'examples/pelpro.policy.json', 'examples/pelpro.cases.json');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('policy pelpro 1.0 is valid');
    expect(run.stdout).toContain('5 case(s): 5 passed, 0 failed');
  });

  it('reports a failing case with what differed and exits 1', () => {
    const cases = { cases: [{ name: 'wrong on purpose', kind: 'return', given: { category: 'electronics', price: '10.00', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-05:00', requestedAt: '2026-10-05T12:00:00-05:00' }, expect: { outcome: 'ineligible' } }] };
    const run = cli('check', 'examples/pelpro.policy.json', write('cases.json', cases));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ wrong on purpose — eligible');
    expect(run.stdout).toContain('outcome: expected "ineligible", got "eligible"');
  });

  it('lists every problem of a broken policy with its path and exits 1', () => {
    const broken = structuredClone(policy);
    broken.returns.fees.rules[0].percent = undefined;
    broken.returns.fees.rules[0].flat = '7.005';
    broken.sla.calendars.desk.hours.mon = ['25:00-26:00'];
    broken.warranty.terms[0].category = ['toys'];
    const run = cli('check', write('broken.json', broken));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('sla.calendars.desk.hours.mon.0  INVALID_TIME');
    expect(run.stdout).toContain('returns.fees.rules.0.flat  TOO_PRECISE');
    expect(run.stdout).toContain('warranty.terms.0.category.0  UNKNOWN_CATEGORY');
  });

  it('speaks JSON for machines', () => {
    const run = cli('check', 'examples/pelpro.policy.json', 'examples/pelpro.cases.json', '--json');
    const out = JSON.parse(run.stdout);
    expect([out.policy.valid, out.passed, out.failed, out.cases[0].decision.clocks[0].deadline]).toEqual([true, 5, 0, '2026-11-23T16:30:00.000Z']);
  });

  it('shows usage and exits 2 on misuse', () => {
    expect(cli().status).toBe(2);
    expect(cli('check').stderr).toContain('Usage:');
  });
});

describe('support-rules explain', () => {
  it('prints one decision with its full trace', () => {
    const one = { name: 'late return', kind: 'return', given: { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-05:00', requestedAt: '2026-11-11T12:00:00-06:00' } };
    const run = cli('explain', 'examples/pelpro.policy.json', write('one.json', one));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('RETURN_LATE_ACCEPTED [full-refund-30]');
    expect(run.stdout).toContain('"refund"');
  });
});

describe('the JSON Schema shipped with the package', () => {
  it('is generated from the zod schema and covers every section', () => {
    const schema = JSON.parse(readFileSync(join(root, 'dist/policy.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'id', 'name', 'version', 'effectiveFrom', 'effectiveTo', 'sla', 'returns', 'warranty', 'compensation', 'escalation']);
    expect(schema.required).toEqual(['id', 'version']);
  });
});

describe('checking a built-in preset', () => {
  it('runs every preset against its case file', () => {
    for (const name of ['primos', 'pelpro', 'homepro', 'amare', 'trufit']) {
      const run = cli('check', `preset:${name}`, `examples/${name}.cases.json`);
      expect(run.status, run.stdout).toBe(0);
      expect(run.stdout).toContain('5 case(s): 5 passed, 0 failed');
    }
    expect(cli('check', 'preset:acme').stderr).toContain('no preset "acme"');
  });
});
