import { describe, expect, it } from 'vitest';
import { compareOutcomes, compareOutcomeStream, definePolicy, summarizeOutcome, type ReplayCase, type SupportPolicySpec } from '../../src/policy/index.js';
import { checkReturn } from '../../src/returns/index.js';
import { presets, presetSpecs } from '../../src/presets/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';
import { untilJuly, variants } from './compare-fixtures.js';
import { history } from './history-fixtures.js';

// Worked replays, one change of policy each: what an author sees when a window, a fee, a target or
// a tier changes (docs/replay.md).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Primos (New York, 30 days from delivery, no late returns) with a window of `days`. */
function primosWindow(days: number) {
  const spec = structuredClone(presetSpecs.primos) as SupportPolicySpec & { returns: { windows: unknown[] } };
  spec.returns.windows = [{ id: `standard-${days}`, days, from: 'delivery' }];
  return definePolicy(spec);
}

/** An unopened item delivered at noon on 2026-10-01 in New York, returned `day` days later. */
const primosReturn = (day: number): ReplayCase => ({
  name: `returned on day ${day}`,
  kind: 'return',
  given: { category: 'electronics', price: '249.00', condition: 'unopened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-04:00', requestedAt: new Date(Date.parse('2026-10-01T12:00:00-04:00') + day * DAY).toISOString() },
});

/** A PelPro return of an opened, working item, delivered 2026-10-01 in Chicago and returned `day` days later. */
const pelproReturn = (day: number): ReplayCase => ({
  kind: 'return',
  given: { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-05:00', requestedAt: new Date(Date.parse('2026-10-01T12:00:00-05:00') + day * DAY).toISOString() },
});

describe('compareOutcomes, worked', () => {
  it('a return window moved from 30 to 45 days turns a day-38 return eligible and adds its refund to the total', () => {
    const { differences, totals } = compareOutcomes(presets.primos, primosWindow(45), [primosReturn(10), primosReturn(38), primosReturn(50)]);
    const day38 = differences.find((d) => d.index === 1);
    expect(day38?.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['outcome', 'ineligible', 'eligible'],
      ['refund', null, { amount: '249.00', currency: 'USD' }],
      ['charge', null, { amount: '0.00', currency: 'USD' }],
      ['fees', null, { amount: '0.00', currency: 'USD' }],
      ['windowDeadline', new Date('2026-11-01T04:00:00Z'), new Date('2026-11-16T05:00:00Z')],
    ]);
    // Both explanations, side by side.
    expect(day38?.before.reasons?.[0]?.message).toBe('The 30-day window ended on 2026-10-31; requested 8 day(s) late.');
    expect(day38?.after.reasons?.[0]?.message).toBe('Requested on day 38 of 45 (last day 2026-11-15).');
    // Every return's window deadline moved; only one outcome did.
    expect([totals.changed, totals.byField]).toEqual([3, { outcome: 1, refund: 1, charge: 1, fees: 1, windowDeadline: 3 }]);
    expect([totals.before.returns.refunds, totals.after.returns.refunds]).toEqual([[{ amount: '249.00', currency: 'USD' }], [{ amount: '498.00', currency: 'USD' }]]);
    expect([totals.before.returns.byOutcome, totals.after.returns.byOutcome]).toEqual([{ eligible: 1, ineligible: 2 }, { eligible: 2, ineligible: 1 }]);
    // From delivery at noon to local midnight after the last day: 30.5 and 45.5 days (New York, EST from 2026-11-01).
    expect(totals.before.medianDeadlines['return.windowDeadline']).toEqual({ cases: 3, medianMs: 30.5 * DAY });
    expect(totals.after.medianDeadlines['return.windowDeadline']).toEqual({ cases: 3, medianMs: 45.5 * DAY + HOUR });
  });

  it('a restocking fee removed: the refund and the fees of a late return change, the outcome does not', () => {
    const { differences, totals } = compareOutcomes(variants.base, variants.noRestocking, [pelproReturn(10), pelproReturn(40)]);
    expect(differences.map((d) => [d.index, d.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      [1, [['refund', { amount: '110.49', currency: 'USD' }, { amount: '129.99', currency: 'USD' }], ['fees', { amount: '19.50', currency: 'USD' }, { amount: '0.00', currency: 'USD' }]]],
    ]);
    expect(differences[0]?.before.reasons?.some((r) => r.code === 'FEE_APPLIED' && r.rule === 'restock-after-30')).toBe(true);
    expect([totals.before.returns.fees, totals.after.returns.fees]).toEqual([[{ amount: '19.50', currency: 'USD' }], [{ amount: '0.00', currency: 'USD' }]]);
    expect([totals.before.returns.refunds, totals.after.returns.refunds]).toEqual([[{ amount: '240.48', currency: 'USD' }], [{ amount: '259.98', currency: 'USD' }]]);
  });

  it('an SLA target tightened from 24 to 8 business hours moves the deadline and breaches the clock', () => {
    // Created Monday 09:00 in Chicago (desk 07:00-19:00 on weekdays), evaluated Tuesday 12:00, no reply yet.
    const ticket: ReplayCase = { name: 'email, no reply', kind: 'sla', given: { ticket: { id: 'T-1', channel: 'email', events: [{ type: 'created', at: '2026-11-23T09:00:00-06:00' }] }, now: '2026-11-24T12:00:00-06:00' } };
    const { differences, totals } = compareOutcomes(variants.base, variants.reply8h, [ticket]);
    expect(differences[0]?.fields).toEqual([
      { field: 'clocks.firstResponse#1.deadline', before: new Date('2026-11-25T15:00:00Z'), after: new Date('2026-11-23T23:00:00Z') },
      { field: 'clocks.firstResponse#1.status', before: 'ok', after: 'breached' },
    ]);
    expect([totals.before.sla.breaches.firstResponse, totals.after.sla.breaches.firstResponse]).toEqual([undefined, 1]);
    expect([totals.before.medianDeadlines['sla.firstResponse']?.medianMs, totals.after.medianDeadlines['sla.firstResponse']?.medianMs]).toEqual([48 * HOUR, 8 * HOUR]);
  });

  it('an escalation rule moved to another tier changes the tier of the cases it fires for', () => {
    const escalation = (category: string): ReplayCase => ({ kind: 'escalation', given: { severity: 'sev4', category, createdAt: '2026-11-23T09:00:00-06:00', now: '2026-11-23T09:10:00-06:00' } });
    const { differences, totals } = compareOutcomes(variants.base, variants.faultTier3, [escalation('component-fault'), escalation('diagnostics')]);
    expect(differences.map((d) => [d.index, d.fields])).toEqual([[0, [{ field: 'tier', before: 'tier-2', after: 'tier-3' }]]]);
    expect([totals.before.escalation.byTier, totals.after.escalation.byTier]).toEqual([{ 'tier-2': 1, 'tier-1': 1 }, { 'tier-3': 1, 'tier-1': 1 }]);
  });

  it('a case one side cannot decide is a difference naming the error; the same error under both is counted and sampled', () => {
    const june = (given: object): ReplayCase => ({ ...pelproReturn(10), given: { ...(pelproReturn(10).given as object), deliveredAt: '2026-06-01T12:00:00-05:00', requestedAt: '2026-06-11T12:00:00-05:00', ...given } });
    const august = june({ deliveredAt: '2026-08-01T12:00:00-05:00', requestedAt: '2026-08-11T12:00:00-05:00' });
    const refused = { ...june({ price: '-1.00' }), name: 'negative price' };
    const { differences, totals } = compareOutcomes(untilJuly, variants.base, [june({}), august, refused]);
    expect(differences.map((d) => [d.index, d.fields])).toEqual([[1, [{ field: 'error', before: 'NO_VERSION_IN_FORCE at given.deliveredAt', after: null }]]]);
    expect(differences[0]?.before.error?.message).toMatch(/^No version of "pelpro" is in force at the delivery, 2026-08-01 12:00 CDT/);
    expect(differences[0]?.after.outcome?.kind).toBe('return');
    expect(totals.errors).toEqual({ before: 2, after: 1, both: 1 });
    expect(totals.errorsUnderBoth.map((s) => [s.index, s.name, s.error.code, s.error.path.join('.')])).toEqual([[2, 'negative price', 'INVALID_FACT', 'given.price']]);
  });

  it('compares two versions of one history, named in the options; each side names its version', () => {
    const cases = [pelproReturn(40)];
    const { differences } = compareOutcomes(history, history, cases, { before: { version: '2.0' }, after: { version: '3.0' } });
    expect([differences[0]?.before.policy, differences[0]?.after.policy]).toEqual([{ id: 'pelpro', version: '2.0' }, { id: 'pelpro', version: '3.0' }]);
    // 2.0 accepts day 40 late (up to day 90), 3.0 within its 45 days: the same refund, another deadline and reason.
    expect(differences[0]?.fields.map((f) => f.field)).toEqual(['windowDeadline']);
    expect([differences[0]?.before.reasons?.map((r) => r.code).slice(0, 2), differences[0]?.after.reasons?.map((r) => r.code).slice(0, 2)]).toEqual([
      ['POLICY_VERSION', 'RETURN_LATE_ACCEPTED'],
      ['POLICY_VERSION', 'RETURN_WITHIN_WINDOW'],
    ]);
    // Without options the version in force at the delivery (2026-10-01: 2.0) decides both sides.
    expect(compareOutcomes(history, history, cases).totals.changed).toBe(0);
  });

  it('keeps no explanation of an unchanged case, even when asked for every case', async () => {
    const all = compareOutcomes(variants.base, variants.noRestocking, [pelproReturn(10), pelproReturn(40)], { report: 'all' });
    expect(all.differences.map((d) => [d.changed, d.before.reasons === null])).toEqual([[false, true], [true, false]]);
    const stream = compareOutcomeStream(variants.base, variants.base, [pelproReturn(10)]);
    const entries = [];
    for await (const entry of stream) entries.push(entry.type);
    expect(entries).toEqual(['totals']);
  });
});

describe('the doc comments\' examples', () => {
  it('compareOutcomes: a day-38 return under a 45-day window', () => {
    const after = definePolicy({ ...presetSpecs.primos, returns: { ...presetSpecs.primos.returns, windows: [{ id: 'standard-45', days: 45, from: 'delivery' }] } } as SupportPolicySpec);
    const { differences, totals } = compareOutcomes(presets.primos, after, [{ kind: 'return', given: {
      category: 'electronics', price: '249.00', condition: 'unopened', evidence: ['proofOfPurchase'],
      deliveredAt: '2026-10-01T12:00:00-04:00', requestedAt: '2026-11-08T12:00:00-05:00' } }]);
    expect(differences[0]?.fields.map((f) => f.field)).toEqual(['outcome', 'refund', 'charge', 'fees', 'windowDeadline']);
    expect(totals.after.returns.refunds).toEqual([{ amount: '249.00', currency: 'USD' }]);
  });

  it('summarizeOutcome: an opened item returned in its window', () => {
    const decision = checkReturn(presets.primos.returns!, { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-04:00', requestedAt: '2026-10-20T12:00:00-04:00' });
    expect(summarizeOutcome('return', decision)).toMatchObject({ kind: 'return', outcome: 'eligible', refund: { amount: '110.49', currency: 'USD' }, charge: { amount: '0.00' }, fees: { amount: '19.50' } });
  });

  it('summarizeOutcome refuses an unknown kind and a value that is not that kind\'s decision, from plain JavaScript', () => {
    const decision = checkReturn(presets.primos.returns!, { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], deliveredAt: '2026-10-01T12:00:00-04:00', requestedAt: '2026-10-20T12:00:00-04:00' });
    expect(thrownError(() => summarizeOutcome('retrun' as never, decision as never)).issues[0]).toMatchObject({ code: 'INVALID_VALUE', path: ['kind'], suggestion: 'return' });
    for (const bad of [null, undefined, 'eligible', 42, [], {}]) expect(errorOf(() => summarizeOutcome('return', bad as never))).toEqual(['INVALID_TYPE', 'decision']);
    // A return decision is not an SLA report, nor a compensation decision: never a quiet summary of the wrong kind.
    expect(errorOf(() => summarizeOutcome('sla', decision as never))).toEqual(['INVALID_TYPE', 'decision']);
    expect(errorOf(() => summarizeOutcome('compensation', decision as never))).toEqual(['INVALID_TYPE', 'decision']);
    expect(thrownError(() => summarizeOutcome('escalation', decision as never)).message).toContain('"targetTier"');
  });
});

describe('compareOutcomes, misuse', () => {
  it('names the problem and its path', () => {
    expect(errorOf(() => compareOutcomes(variants.base, variants.base, [{ kind: 'retrun', given: {} } as never]))).toEqual(['INVALID_VALUE', 'cases.0.kind']);
    expect(thrownError(() => compareOutcomes(variants.base, variants.base, [{ kind: 'return', givn: {} } as never])).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_KEY', 'cases.0.givn'],
      ['REQUIRED', 'cases.0.given'],
    ]);
    expect(errorOf(() => compareOutcomes(variants.base, variants.base, [{ kind: 'return', given: {}, asOf: '2026-11-01' }]))).toEqual(['INSTANT_WITHOUT_OFFSET', 'cases.0.asOf']);
    expect(errorOf(() => compareOutcomes(variants.base, variants.base, [{ kind: 'sla', given: { ticket: {}, now: 0, at: 1 } }]))).toEqual(['UNKNOWN_KEY', 'cases.0.given.at']);
    expect(errorOf(() => compareOutcomes(variants.base, variants.base, 42 as never))).toEqual(['INVALID_TYPE', 'cases']);
    expect(errorOf(() => compareOutcomeStream(variants.base, variants.base, 'cases' as never))).toEqual(['INVALID_TYPE', 'cases']);
    expect(errorOf(() => compareOutcomes({} as never, variants.base, []))).toEqual(['INVALID_POLICY_HISTORY', 'before']);
    expect(errorOf(() => compareOutcomes(variants.base, variants.base, [], { report: 'some' } as never))).toEqual(['INVALID_VALUE', 'options.report']);
    expect(errorOf(() => compareOutcomes(variants.base, variants.base, [], { befor: {} } as never))).toEqual(['UNKNOWN_KEY', 'options.befor']);
    expect(errorOf(() => compareOutcomes(history, history, [], { after: { version: '2.0', asOf: '2026-11-01T00:00:00Z' } }))).toEqual(['CONFLICTING_FIELDS', 'options.after.version']);
    expect(errorOf(() => compareOutcomes(history, history, [], { after: { asOf: 'soon' } }))).toEqual(['INVALID_INSTANT', 'options.after.asOf']);
  });

  it('offers the versions there are, and points an async iterable at the streaming form', () => {
    expect(thrownError(() => compareOutcomes(history, history, [], { before: { version: '2.1' } })).issues[0]).toMatchObject({ code: 'UNKNOWN_IN_POLICY', path: ['options', 'before', 'version'], allowed: ['1.0', '2.0', '3.0'] });
    const asyncCases = (async function* () {})();
    expect(thrownError(() => compareOutcomes(variants.base, variants.base, asyncCases as never)).message).toContain('use compareOutcomeStream');
  });
});
