import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's first command runs these; they must keep working against the built package.
describe('examples', () => {
  it('run end to end and print the worked PelPro deadlines', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/run-all.mjs')], { encoding: 'utf8' });
    expect(out).toContain("'Mon, Nov 23, 10:30 CST'");
    expect(out).toContain("'Mon, Dec 28, 08:30 CST'");
    expect(out).toContain('53.5 h');
    expect(out).toMatch(/\d+ examples? ran, and the case files of the PelPro policy and of 5 presets passed\./);
  });
});

describe('SLA example', () => {
  it('prints the step-by-step clocks of ticket T-1042 that docs/sla.md quotes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/sla.mjs')], { encoding: 'utf8' });
    const docs = readFileSync(resolve(__dirname, '../../docs/sla.md'), 'utf8');
    expect(docs).toContain(out.trim());
    expect(out).toContain("'rmaIssued'       │ '23 Mon, 13:00' │ '25 Wed, 17:30' │ '25 Wed, 13:00' │ '28.5 h' │ '0 h'  │ '-4.5 h' │ 'missed'");
  });
});

describe('money example', () => {
  it('prints the refund quote docs/money.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/money.mjs')], { encoding: 'utf8' });
    expect(out).toContain("'Refund'                              │ '$110.49'");
    expect(out).toContain('Split 70/30: $77.34 + $33.15 = $110.49');
    expect(out).toContain('10 % of KWD\u00a0279.500 = KWD\u00a027.950');
  });
});

describe('fees example', () => {
  it('prints the quotes docs/fees.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/fees.mjs')], { encoding: 'utf8' });
    expect(out).toContain("'restock-after-30 $19.50'");
    expect(out).toContain('(waived)');
    expect(out).toMatch(/THB\u00a0650\.00/);
  });
});

describe('returns example', () => {
  it('prints the decisions docs/returns.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/returns.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/'Opened headphones, day 19'\s+│ 'eligible'\s+│ '2026-10-31' │ '\$110\.49'/);
    expect(out).toContain("'RETURN_WINDOW_EXPIRED'");
    expect(out).toContain("'needs-review'");
  });
});

describe('warranty example', () => {
  it('prints the claims docs/warranty.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/warranty.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/'Same, with the \$49 plan'\s+│ 'covered'\s+│ '2027-06-09'/);
    expect(out).toContain("'needs-evidence'");
    expect(out).toContain("'not-covered'");
  });
});

describe('compensation example', () => {
  it('prints the decisions docs/compensation.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/compensation.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/'Damaged \$1,499 TV'.*'\$1,509\.00'\s+│ 'senior-manager'/);
    expect(out).toMatch(/'Damaged \$29\.99 mug'.*'auto'/);
  });
});

describe('escalation example', () => {
  it('prints the decisions docs/escalation.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/escalation.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/'Refund of \$250'\s+│ 'senior-manager'/);
    expect(out).toMatch(/'Unresolved for 49 hours'\s+│ 'team-lead'/);
    expect(out).toContain('pqi-workflow by 2026-11-24T16:00');
  });
});

describe('staffing example', () => {
  it('prints the Tru Fit and HomePro figures docs/staffing.md quotes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/staffing.mjs')], { encoding: 'utf8' });
    expect(out).toContain('Tru Fit, workload formula: 37.5 agents');
    expect(out).toContain('35 agents at 85.7 % occupancy');
    expect(out).toMatch(/'09:00' │ true {2}│ 231\s+│ 28/);
  });
});
