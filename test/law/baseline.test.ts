import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, InvalidArgumentError } from '../../src/errors/index.js';
import { baselineFor, EU_MEMBER_STATES, formatCitation, JURISDICTIONS, LEGAL_RULES, legalRule, parseJurisdiction } from '../../src/law/index.js';

describe('the baseline data', () => {
  it('lists the 27 member states once each, and every rule has an id, a citation and a real effective date', () => {
    expect(new Set(EU_MEMBER_STATES).size).toBe(27);
    expect(new Set(LEGAL_RULES.map((r) => r.id)).size).toBe(LEGAL_RULES.length);
    for (const rule of LEGAL_RULES) {
      expect(rule.citation.instrument.length).toBeGreaterThan(0);
      expect(rule.citation.article).toMatch(/^(art|reg|s)\. /);
      expect(rule.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const j of [...rule.jurisdictions, ...(rule.variants ?? []).flatMap((v) => v.jurisdictions)]) expect(JURISDICTIONS).toContain(j);
    }
  });

  it('is frozen: a caller cannot change the law', () => {
    expect(Object.isFrozen(LEGAL_RULES)).toBe(true);
    expect(Object.isFrozen(LEGAL_RULES[0]?.parameters)).toBe(true);
  });

  it('gives Germany the directives\' parameters and Spain its own (member-state options as parameters)', () => {
    const de = baselineFor('DE', '2026-03-01');
    expect(de.points['withdrawal-period']?.parameters).toEqual({ days: 14, from: 'lastItemDelivered' });
    expect(de.points['legal-guarantee']?.parameters.months).toBe(24);
    expect(de.points['burden-of-proof']?.parameters.months).toBe(12);
    expect(de.points['short-term-reject']).toBeUndefined();
    const es = baselineFor('ES', '2026-03-01');
    expect(es.points['legal-guarantee']?.parameters.months).toBe(36);
    expect(es.points['burden-of-proof']?.parameters.months).toBe(24);
    expect(es.points['withdrawal-period']?.id).toBe('eu-withdrawal-period');
  });

  it('gives the UK its own regulations, and no EU directive', () => {
    const gb = baselineFor('GB', '2026-03-01');
    expect(Object.values(gb.points).map((r) => r.id).sort()).toEqual(['uk-burden-of-proof', 'uk-cancellation-deductions', 'uk-cancellation-delivery-refund', 'uk-cancellation-period', 'uk-cancellation-refund-deadline', 'uk-short-term-reject']);
    expect(gb.points['legal-guarantee']).toBeUndefined();
  });

  it('applies a rule to contracts concluded in its effective range only', () => {
    expect(baselineFor('DE', '2014-06-13').points['withdrawal-period']).toBeUndefined();
    expect(baselineFor('DE', '2014-06-14').points['withdrawal-period']?.id).toBe('eu-withdrawal-period');
    expect(baselineFor('GB', '2015-09-30').points['short-term-reject']).toBeUndefined();
    expect(baselineFor('GB', '2015-10-01').points['short-term-reject']?.parameters.days).toBe(30);
    expect(baselineFor('FR', '2021-12-31').points['legal-guarantee']).toBeUndefined();
    expect(baselineFor('DE', '2021-12-31').points['legal-guarantee']).toBeUndefined();
  });

  it('writes citations as "instrument, article"', () => {
    expect(formatCitation({ instrument: 'Directive (EU) 2019/771', article: 'art. 10(1)' })).toBe('Directive (EU) 2019/771, art. 10(1)');
    expect(legalRule('uk-short-term-reject')?.parameters).toEqual({ days: 30, from: 'delivery' });
    expect(legalRule('nope')).toBeUndefined();
  });
});

describe('jurisdictions', () => {
  it('reads ISO codes, "UK" as "GB" and "EL" as "GR"', () => {
    expect(parseJurisdiction('DE')).toBe('DE');
    expect(parseJurisdiction('UK')).toBe('GB');
    expect(parseJurisdiction('EL')).toBe('GR');
    expect(parseJurisdiction('EU')).toBe('EU');
  });

  it('refuses anything else with INVALID_VALUE and a did-you-mean', () => {
    const issue = (code: unknown) => {
      try {
        parseJurisdiction(code);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        return (error as InvalidArgumentError).issues[0];
      }
      throw new Error('accepted');
    };
    expect(issue('de')).toMatchObject({ code: 'INVALID_VALUE', path: ['jurisdiction'], suggestion: 'DE' });
    expect(issue('uk')).toMatchObject({ suggestion: 'GB' });
    expect(issue('XX')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(issue('XX')?.message).toContain('"UK" is read as "GB"');
    expect(issue(49)).toMatchObject({ code: 'INVALID_TYPE' });
    expect(() => baselineFor('DE', '1 March 2026')).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'INVALID_DATE', path: ['on'] })] }));
  });
});

describe('docs/law.md', () => {
  const doc = readFileSync(resolve(__dirname, '../../docs/law.md'), 'utf8');

  it('has an Errors section naming every code src/law, src/returns/law.ts and src/warranty/law.ts throw', () => {
    expect(doc).toMatch(/^#+ .*Errors/m);
    const source = ['src/law/baseline.ts', 'src/law/data.ts', 'src/returns/law.ts', 'src/warranty/law.ts'].map((f) => readFileSync(resolve(__dirname, '../..', f), 'utf8')).join('\n');
    const thrown = [...new Set([...source.matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1] as string))].filter((code) => (ISSUE_CODES as readonly string[]).includes(code));
    expect(thrown.length).toBeGreaterThan(2);
    expect(thrown.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });

  it('cites every rule of the data and says it is not legal advice', () => {
    for (const rule of LEGAL_RULES) expect(doc).toContain(rule.id);
    expect(doc).toMatch(/not legal advice/i);
  });
});
