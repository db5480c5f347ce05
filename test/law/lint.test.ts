import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { type Io, run } from '../../src/cli/run.js';
import { UsageError } from '../../src/cli/usage.js';
import { definePolicy, lintPolicy } from '../../src/policy/index.js';
import { presets } from '../../src/presets/index.js';
import { berlinSpec } from './fixtures.js';

const LAW_CODES = ['WINDOW_BELOW_LEGAL_MINIMUM', 'FEE_INSIDE_WITHDRAWAL_PERIOD', 'REFUND_SLOWER_THAN_LEGAL', 'WARRANTY_BELOW_LEGAL_MINIMUM'];

// The Berlin shop undercuts the law on every point lint checks.
const berlinDoc = {
  id: 'berlin',
  version: '1.0',
  returns: { ...berlinSpec, refund: { method: 'original-payment', issuedWithin: { days: 20 } } },
  warranty: {
    id: 'w',
    timeZone: 'Europe/Berlin',
    categories: ['equipment', 'apparel'],
    terms: [
      { id: 'business', segment: 'commercial', months: 6, from: 'purchase', covers: { parts: true, labour: false, onSite: false, shipping: false } },
      { id: 'consumer-12', category: 'equipment', months: 12, from: 'delivery', covers: { parts: true, labour: true, onSite: false, shipping: true } },
      { id: 'consumer-purchase-24', category: 'apparel', segment: 'consumer', months: 24, from: 'purchase', covers: { parts: true, labour: true, onSite: false, shipping: true } },
    ],
  },
};

describe('lint against the law', () => {
  it('reports every rule that undercuts the German baseline, each citing its article', () => {
    const findings = lintPolicy(definePolicy(berlinDoc as never), { jurisdiction: 'DE' }).filter((f) => LAW_CODES.includes(f.code));
    expect(findings.map((f) => [f.code, f.path.join('.'), f.facts.citation])).toEqual([
      ['FEE_INSIDE_WITHDRAWAL_PERIOD', 'returns.fees.rules.0', 'Directive 2011/83/EU, art. 14(2)'],
      ['REFUND_SLOWER_THAN_LEGAL', 'returns.refund.issuedWithin', 'Directive 2011/83/EU, art. 13(1), 13(3)'],
      ['WINDOW_BELOW_LEGAL_MINIMUM', 'returns.windows.0', 'Directive 2011/83/EU, art. 9(1), 9(2)(b)(i)'],
      ['WARRANTY_BELOW_LEGAL_MINIMUM', 'warranty.terms.1', 'Directive (EU) 2019/771, art. 10(1)'],
      ['WARRANTY_BELOW_LEGAL_MINIMUM', 'warranty.terms.2', 'Directive (EU) 2019/771, art. 10(1)'],
    ]);
    expect(findings[0]?.message).toContain('opened (day 0–14)');
    expect(findings[2]?.facts).toMatchObject({ jurisdiction: 'DE', days: 10, legalDays: 14 });
  });

  it('reports nothing against the law without a jurisdiction, and nothing for a policy that meets it', () => {
    expect(lintPolicy(definePolicy(berlinDoc as never)).filter((f) => LAW_CODES.includes(f.code))).toEqual([]);
    const fair = {
      ...berlinDoc,
      returns: {
        ...berlinSpec,
        windows: [{ id: 'thirty', days: 30, from: 'lastItemDelivered' }],
        fees: { ...berlinSpec.fees, rules: [{ id: 'restock-late', kind: 'restocking', percent: 10, when: { condition: ['opened'], daysSinceDelivery: { gt: 14 } } }, { id: 'restock-used', kind: 'restocking', percent: 10, when: { condition: ['used'] } }] },
        refund: { method: 'original-payment', issuedWithin: { businessDays: 10 } },
      },
      warranty: { ...berlinDoc.warranty, terms: [berlinDoc.warranty.terms[0], { ...berlinDoc.warranty.terms[1], months: 24 }] },
    };
    expect(lintPolicy(definePolicy(fair as never), { jurisdiction: 'DE' }).filter((f) => LAW_CODES.includes(f.code))).toEqual([]);
  });

  it('reports a window of 13 days, not one of 14; a refund within 15 days, not 14', () => {
    const codes = (days: number) => {
      const doc = { id: 'b', version: '1.0', returns: { ...berlinSpec, fees: { ...berlinSpec.fees, rules: [] }, windows: [{ id: 'w', days, from: 'lastItemDelivered' }], refund: { method: 'original-payment', issuedWithin: { days } } } };
      return lintPolicy(definePolicy(doc as never), { jurisdiction: 'FR' }).map((f) => f.code);
    };
    expect(codes(13)).toEqual(['WINDOW_BELOW_LEGAL_MINIMUM']);
    expect(codes(14)).toEqual([]);
    expect(codes(15)).toEqual(['REFUND_SLOWER_THAN_LEGAL']);
  });

  it('lints the Tru Fit preset for Germany: restocking inside the period, a 12-month warranty from purchase', () => {
    expect(lintPolicy(presets.trufit, { jurisdiction: 'DE' }).filter((f) => LAW_CODES.includes(f.code)).map((f) => f.code)).toEqual(['FEE_INSIDE_WITHDRAWAL_PERIOD', 'WARRANTY_BELOW_LEGAL_MINIMUM']);
    // The UK data has no legal guarantee period: only the fee.
    expect(lintPolicy(presets.trufit, { jurisdiction: 'UK' }).filter((f) => LAW_CODES.includes(f.code)).map((f) => f.code)).toEqual(['FEE_INSIDE_WITHDRAWAL_PERIOD']);
  });

  it('refuses an unknown jurisdiction', () => {
    expect(() => lintPolicy(presets.trufit, { jurisdiction: 'Germany' })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'INVALID_VALUE' })] }));
  });
});

async function runCli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => void out.push(text), err: (text) => void err.push(text), color: false, progress: false };
  const code = await run(argv, io);
  return { code, out, err };
}

describe('support-rules lint --jurisdiction', () => {
  it('parses the flag for lint only', () => {
    expect(parseArgs(['lint', '--jurisdiction', 'DE', 'p.json'])).toEqual({ command: 'lint', policy: 'p.json', json: false, jurisdiction: 'DE' });
    expect(parseArgs(['lint', 'p.json', '--jurisdiction=GB', '--json'])).toEqual({ command: 'lint', policy: 'p.json', json: true, jurisdiction: 'GB' });
    expect(() => parseArgs(['check', 'p.json', '--jurisdiction', 'DE'])).toThrow(new UsageError('support-rules: --jurisdiction is an option of lint only (run support-rules --help for usage)'));
    expect(() => parseArgs(['lint', 'p.json', '--now', 'x'])).toThrow(new UsageError('support-rules: --now is an option of sla only (run support-rules --help for usage)'));
  });

  it('prints the findings with their citations and exits 1', async () => {
    const { code, out } = await runCli(['lint', '--jurisdiction', 'DE', 'preset:trufit']);
    expect(code).toBe(1);
    expect(out[0]).toContain('(against the law of DE)');
    expect(out.some((line) => line.includes('FEE_INSIDE_WITHDRAWAL_PERIOD') && line.includes('Directive 2011/83/EU, art. 14(2)'))).toBe(true);
    expect(out.some((line) => line.includes('warranty.terms[0]  WARRANTY_BELOW_LEGAL_MINIMUM'))).toBe(true);
  });

  it('--json carries the citation in each finding\'s facts', async () => {
    const { out } = await runCli(['lint', '--jurisdiction', 'DE', '--json', 'preset:trufit']);
    const findings = out.slice(0, -1).map((line) => JSON.parse(line).finding).filter((f) => LAW_CODES.includes(f.code));
    expect(findings.map((f) => f.facts.citation)).toEqual(['Directive 2011/83/EU, art. 14(2)', 'Directive (EU) 2019/771, art. 10(1)']);
    expect(JSON.parse(out.at(-1) as string).lint).toMatchObject({ jurisdiction: 'DE', baseline: true });
  });

  it('a jurisdiction without a baseline (US) is no error, and the output says nothing was checked against its law', async () => {
    const { code, out } = await runCli(['lint', '--jurisdiction', 'US', 'preset:trufit']);
    expect(code).toBe(0);
    expect(out).toEqual([
      expect.stringContaining('(against the law of US) is valid, and lint finds nothing to report'),
      '  No legal baseline is held for US: the policy alone decides (docs/law.md).',
    ]);
    const json = await runCli(['lint', '--jurisdiction', 'US', '--json', 'preset:trufit']);
    expect(JSON.parse(json.out.at(-1) as string).lint).toMatchObject({ jurisdiction: 'US', baseline: false, findings: 0 });
  });

  it('an unknown jurisdiction is misuse (exit 2) with a did-you-mean', async () => {
    const { code, err } = await runCli(['lint', '--jurisdiction', 'de', 'preset:trufit']);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('did you mean "DE"?');
  });
});
