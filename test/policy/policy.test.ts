import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SupportPolicyError, definePolicy, policyJsonSchema, safeDefinePolicy } from '../../src/policy/index.js';

const example = JSON.parse(readFileSync(resolve(__dirname, '../../examples/pelpro.policy.json'), 'utf8'));
const issues = (json: unknown) => {
  const result = safeDefinePolicy(json);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};

describe('definePolicy', () => {
  it('compiles every section of the PelPro example once', () => {
    const policy = definePolicy(example);
    expect([policy.id, policy.version, policy.sla?.id, policy.returns?.id, policy.warranty?.id, policy.compensation, policy.escalation?.id]).toEqual([
      'pelpro',
      '1.0',
      'pelpro-sla',
      'pelpro-returns',
      'pelpro-warranty',
      null,
      'pelpro-escalation',
    ]);
    expect(Object.isFrozen(policy)).toBe(true);
  });

  it('lists every problem across sections, each with its JSON path', () => {
    const broken = structuredClone(example);
    broken.version = 'one';
    broken.effectiveTo = '2025-01-01';
    broken.sla.rules.push({ id: 'email', targets: [{ id: 'x', metric: 'resolution', within: { hours: 1 }, calendar: 'nope' }] });
    expect(issues(broken)).toEqual([
      ['INVALID_FORMAT', 'version'],
      ['DUPLICATE_ID', 'sla.rules.2.id'],
      ['UNKNOWN_CALENDAR', 'sla.rules.2.targets.0.calendar'],
      ['EFFECTIVE_ORDER', 'effectiveTo'],
    ]);
    expect(() => definePolicy(broken)).toThrow(SupportPolicyError);
  });

  it('reports rules that can never fire because an earlier one always wins', () => {
    const sla = structuredClone(example);
    sla.sla.rules.unshift({ id: 'everything', targets: [{ id: 'all-res', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' }] });
    expect(issues(sla)).toEqual([
      ['UNREACHABLE_RULE', 'sla.rules.1'],
      ['UNREACHABLE_RULE', 'sla.rules.2'],
    ]);
    const warranty = structuredClone(example);
    warranty.warranty.terms.unshift({ id: 'all-12', months: 12, from: 'purchase', covers: { parts: true, labour: false, onSite: false, shipping: false } });
    expect(issues(warranty)).toEqual([
      ['UNREACHABLE_RULE', 'warranty.terms.1'],
      ['UNREACHABLE_RULE', 'warranty.terms.2'],
    ]);
    const compensation = {
      id: 'c',
      version: '1.0',
      compensation: {
        id: 'c',
        currency: 'USD',
        calendar: { timeZone: 'UTC', alwaysOpen: true },
        rules: [
          { id: 'any-damage', incident: 'damaged-item', choose: [{ type: 'replacement' }] },
          { id: 'verified-damage', incident: 'damaged-item', when: { verified: true }, choose: [{ type: 'refund' }] },
        ],
        approval: [{ level: 'agent' }],
      },
    };
    expect(issues(compensation)).toEqual([['UNREACHABLE_RULE', 'compensation.rules.1']]);
  });

  it('keeps one currency across sections (the policy\'s own, or the first one named)', () => {
    const mixed = structuredClone(example);
    mixed.escalation.currency = 'EUR';
    expect(issues(mixed)).toEqual([['CURRENCY_MISMATCH', 'escalation.currency']]);
    expect(safeDefinePolicy(mixed).error?.message).toContain('This section is in EUR but the policy is in USD (set by returns.fees.currency)');
    expect(issues({ ...example, currency: 'EUR' }).map(([code]) => code)).toEqual(expect.arrayContaining(['CURRENCY_MISMATCH']));
    expect(issues({ ...example, currency: 'usd' })).toEqual([['UNKNOWN_CURRENCY', 'currency']]);
    expect(definePolicy({ ...example, currency: 'USD' }).id).toBe('pelpro');
  });

  it('reports cross-section problems even when a section is malformed', () => {
    const broken = structuredClone(example);
    broken.sla.rules = 'none';
    broken.escalation.currency = 'EUR';
    broken.effectiveFrom = '2027-01-01';
    broken.effectiveTo = '2026-01-01';
    expect(issues(broken)).toEqual([
      ['INVALID_TYPE', 'sla.rules'],
      ['EFFECTIVE_ORDER', 'effectiveTo'],
      ['CURRENCY_MISMATCH', 'escalation.currency'],
    ]);
  });

  it('refuses a calendar that never opens, instead of failing every decision later', () => {
    const closed = structuredClone(example);
    closed.calendars.desk = { timeZone: 'America/Chicago', hours: {}, overrides: { '2026-12-24': ['09:00-12:00'] } };
    // Named by the SLA, returns, warranty and escalation sections, and reported once, where it is written.
    expect(issues(closed)).toEqual([['CALENDAR_NEVER_OPENS', 'calendars.desk']]);
  });

  it('says what a bad date is, in the library\'s words', () => {
    expect(issues({ ...example, effectiveFrom: '2026-02-30' })).toEqual([['INVALID_DATE', 'effectiveFrom']]);
  });

  it('generates a JSON Schema for editors from the same zod schema', () => {
    const schema = policyJsonSchema();
    expect(Object.keys(schema.properties)).toContain('escalation');
    expect((schema as { additionalProperties?: boolean }).additionalProperties).toBe(false);
  });
});
