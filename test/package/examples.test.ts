import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's first command runs these; they must keep working against the built package.
describe('examples', () => {
  it('run end to end and print the worked PelPro deadlines', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/run-all.mjs')], { encoding: 'utf8' });
    expect(out).toContain('Mon 2026-11-23 10:30 CST (16:30Z)');
    expect(out).toContain('Mon 2026-12-28 08:30 CST (14:30Z)');
    expect(out).toContain('53.5 h');
    expect(out).toMatch(/\d+ examples? ran, and the case files of the PelPro policy and of 5 presets passed\./);
  });
});

describe('SLA example', () => {
  it('prints the step-by-step clocks of ticket T-1042 that docs/sla.md quotes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/sla.mjs')], { encoding: 'utf8' });
    const docs = readFileSync(resolve(__dirname, '../../docs/sla.md'), 'utf8');
    expect(docs).toContain(out.trim());
    expect(out).toContain("'rmaIssued'       │ '2026-11-23 13:00 CST (19:00Z)'            │ '2026-11-25 17:30 CST (23:30Z)' │ '2026-11-25 13:00 CST (19:00Z)'            │ '28.5 h' │ '0 h'  │ '-4.5 h' │ 'missed'");
  });
});

describe('orders example', () => {
  it('prints the order refunds docs/returns.md works by hand', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/orders.mjs')], { encoding: 'utf8' });
    expect(out).toContain('The customer receives 50.38 USD to the original payment method.');
    expect(out).toContain('The shipping (7.95 USD) is refunded by merchant-fault: a returned item is defective.\nThe customer receives 61.93 USD');
    expect(out).toContain('The shipping (7.95 USD) is refunded by whole-order: the whole order comes back.\nThe customer receives 124.02 USD');
  });
});

describe('law example', () => {
  it('prints what the law changes in the presets, as docs/law.md lists it', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/law.mjs')], { encoding: 'utf8' });
    const changes = out.split('\n').filter((line) => line.includes('→ under the law'));
    expect(changes).toHaveLength(10);
    expect(out).toContain('return (electronics), opened, day 10: eligible, refund 85.00 USD, fees restock-opened-electronics 15.00\n    → under the law: eligible, refund 100.00 USD, fees none [Directive 2011/83/EU, art. 14(2)]');
    expect(out).toContain('warranty (equipment), month 13: not-covered through 2027-02-27\n    → under the law: covered through 2028-03-01 [Directive (EU) 2019/771, art. 10(1)]');
    expect(out).toContain('→ under the law: eligible, refund 100.00 THB, fees none [Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013, reg. 34(9)-(12)]');
    expect(out).toContain('return (equipment), opened, day 20: eligible, refund 90.00 USD, fees prepaid-label 0.00 + restock-equipment 10.00 (the law changes nothing)');
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
    expect(out).toMatch(/'Opened headphones, day 19'\s+│ 'eligible'\s+│ '2026-11-01 00:00 EDT \(04:00Z\)' │ 'price \$129\.99, restocking -\$19\.50' │ 'The customer receives 110\.49 USD/);
    expect(out).toMatch(/'Earbuds exchanged, small, day 9'.*'The customer pays 7\.00 USD for the exchange\.'/);
    expect(out).toMatch(/'Unopened blender, day 30'.*'2026-11-02 19:00 EST \(2026-11-03 00:00Z\)'/);
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
    expect(out).toMatch(/'Damaged \$1,499 TV'.*'\$1,509\.00'\s+│ 'none needed \(pre-approved\)'/);
    expect(out).toMatch(/'Delivered 8 business days late'\s+│ '8 \(counted\)'.*'agent'/);
    expect(out).toMatch(/'40\.00'\s+│ 'credit'\s+│ 'senior-manager'/);
  });
});

describe('escalation example', () => {
  it('prints the decisions docs/escalation.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/escalation.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/'Refund of \$250'\s+│ 'senior-manager'/);
    expect(out).toMatch(/'Unresolved for 49 hours'\s+│ 'team-lead'/);
    expect(out).toContain('pqi-workflow by 2026-11-24 09:00 MST (16:00Z)');
    expect(out).toMatch(/'Refund of \$250'\s+│ 'senior-manager'\s+│ 'refund-over-200' │ '2026-11-23 09:00 MST \(16:00Z\)'/);
  });
});

describe('staffing example', () => {
  it('prints the holiday return window docs/versions.md describes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/versions.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/'2026-10-31T23:30:00-04:00' │ '1\.0'\s+│ '30 days' │ 'ineligible' │ 'RETURN_WINDOW_EXPIRED'/);
    expect(out).toMatch(/'2026-11-01T00:30:00-04:00' │ '2\.0'\s+│ '45 days' │ 'eligible'\s+│ 'RETURN_WITHIN_WINDOW'/);
    expect(out).toMatch(/'2027-01-01T00:30:00-05:00' │ '3\.0'\s+│ '30 days' │ 'ineligible'/);
    expect(out).toContain('Decided under primos 2.0, in force from 2026-11-01 through 2026-12-31 (America/New_York): the version in force at the purchase, 2026-11-01 00:30 EDT (04:30Z).');
    expect(out).toContain('versions.1.effectiveFrom  VERSION_GAP  No version is in force from 2026-11-01 through 2026-11-14');
  });

  it('prints the Tru Fit and HomePro figures docs/staffing.md quotes', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/staffing.mjs')], { encoding: 'utf8' });
    expect(out).toContain('Tru Fit, workload formula: 37.5 agents');
    expect(out).toContain('35 agents at 85.7 % occupancy');
    expect(out).toMatch(/'09:00' │ true {2}│ 231\s+│ 28/);
  });
});

describe('replay example', () => {
  it('prints the quarter docs/replay.md quotes, word for word', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/replay.mjs')], { encoding: 'utf8' });
    const docs = readFileSync(resolve(__dirname, '../../docs/replay.md'), 'utf8');
    expect(docs).toContain(out.trim());
    expect(out).toContain("│ refunds (eligible)           │ '645401.56 USD' │ '835306.87 USD' │");
  });
});
