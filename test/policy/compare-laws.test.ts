import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, type Money } from '../../src/money/index.js';
import { compareOutcomes, compareOutcomeStream, type OutcomeSummary, type PolicyHistory, type ReplayCaseReport, type ReplayEntry, type ReplaySideTotals, type SupportPolicy } from '../../src/policy/index.js';
import { replayCase, untilJuly, variants, VARIANTS } from './compare-fixtures.js';

// The laws of a what-if replay (docs/replay.md): a policy replayed against itself changes nothing;
// which cases changed does not depend on which side is "before"; the totals are the sum of the
// cases' own outcomes; the streaming and the array forms agree.

const source = fc.constantFrom<PolicyHistory | SupportPolicy>(...VARIANTS.map((name) => variants[name]), untilJuly);
const cases = fc.array(replayCase, { minLength: 1, maxLength: 25 });
const RUNS = { numRuns: 40 };

const changedSet = (differences: readonly ReplayCaseReport[]) => differences.map((d) => [d.index, d.fields.map((f) => f.field)]);

/** The reference: a side's totals summed from the outcomes of every case (report 'all'), with Money's own add. */
function sumOf(outcomes: readonly (OutcomeSummary | undefined)[]) {
  const money = new Map<string, Money>();
  const addAt = (key: string, value: Money | null) => {
    if (value === null) return;
    const known = money.get(`${key} ${value.currency}`);
    money.set(`${key} ${value.currency}`, known ? add(known, value) : value);
  };
  const counts: Record<string, number> = {};
  const count = (key: string) => void (counts[key] = (counts[key] ?? 0) + 1);
  for (const o of outcomes) {
    if (!o) continue;
    count(`decided ${o.kind}`);
    if (o.kind === 'return') {
      count(`return ${o.outcome}`);
      addAt(o.outcome === 'eligible' ? 'refunds' : 'refundsInReview', o.refund);
      addAt('fees', o.fees);
      addAt('charges', o.charge);
    } else if (o.kind === 'warranty') count(`warranty ${o.outcome}`);
    else if (o.kind === 'compensation') {
      addAt('granted', o.granted);
      count(`approval ${o.approval ?? 'none'}`);
    } else if (o.kind === 'escalation') count(`tier ${o.tier}`);
    else for (const clock of o.clocks) if (clock.status === 'breached' || clock.status === 'missed') count(`breach ${clock.metric}`);
  }
  return { money: Object.fromEntries([...money].map(([key, value]) => [key, value.amount])), counts };
}

/** The same figures read from the library's totals. */
function figuresOf(t: ReplaySideTotals) {
  const money: Record<string, string> = {};
  const put = (key: string, list: readonly Money[]) => list.forEach((m) => void (money[`${key} ${m.currency}`] = m.amount));
  put('refunds', t.returns.refunds);
  put('refundsInReview', t.returns.refundsInReview);
  put('fees', t.returns.fees);
  put('charges', t.returns.charges);
  put('granted', t.compensation.granted);
  const counts: Record<string, number> = {};
  const putCounts = (prefix: string, record: Readonly<Record<string, number>>) => Object.entries(record).forEach(([key, n]) => n > 0 && (counts[`${prefix} ${key}`] = n));
  putCounts('decided', t.decided);
  putCounts('return', t.returns.byOutcome);
  putCounts('warranty', t.warranty.byOutcome);
  putCounts('approval', t.compensation.byApproval);
  putCounts('tier', t.escalation.byTier);
  putCounts('breach', t.sla.breaches);
  return { money, counts };
}

describe('laws of compareOutcomes', () => {
  it('law: a policy replayed against itself reports no differences, and both sides total the same', () => {
    fc.assert(
      fc.property(source, cases, (policy, list) => {
        const { differences, totals } = compareOutcomes(policy, policy, list);
        expect(differences).toEqual([]);
        expect([totals.changed, totals.unchanged, totals.errors.before, totals.errors.after]).toEqual([0, list.length, totals.errors.both, totals.errors.both]);
        expect(totals.after).toEqual(totals.before);
      }),
      RUNS,
    );
  });

  it('law: symmetric — swapping before and after changes the same cases in the same fields, the values swapped', () => {
    fc.assert(
      fc.property(source, source, cases, (p, q, list) => {
        const forward = compareOutcomes(p, q, list);
        const backward = compareOutcomes(q, p, list);
        expect(changedSet(backward.differences)).toEqual(changedSet(forward.differences));
        forward.differences.forEach((d, i) => {
          const b = backward.differences[i] as ReplayCaseReport;
          expect(b.fields.map((f) => [f.before, f.after])).toEqual(d.fields.map((f) => [f.after, f.before]));
          expect([b.before, b.after]).toEqual([d.after, d.before]);
        });
        expect([backward.totals.before, backward.totals.after]).toEqual([forward.totals.after, forward.totals.before]);
      }),
      RUNS,
    );
  });

  it('law: the totals are the sum over the cases of their own outcomes (exact money per currency), and the counts add up', () => {
    fc.assert(
      fc.property(source, source, cases, (p, q, list) => {
        const { differences: all, totals } = compareOutcomes(p, q, list, { report: 'all' });
        expect(all.map((d) => d.index)).toEqual(list.map((_, i) => i));
        expect(figuresOf(totals.before)).toEqual(sumOf(all.map((d) => d.before.outcome)));
        expect(figuresOf(totals.after)).toEqual(sumOf(all.map((d) => d.after.outcome)));
        expect(totals.changed).toBe(all.filter((d) => d.changed).length);
        expect(totals.errors).toEqual({
          before: all.filter((d) => d.before.error).length,
          after: all.filter((d) => d.after.error).length,
          both: all.filter((d) => d.before.error && d.after.error).length,
        });
        // A changed case keeps both explanations; an unchanged one keeps none.
        for (const d of all) for (const side of [d.before, d.after]) if (!side.error) expect(side.reasons === null).toBe(!d.changed);
      }),
      RUNS,
    );
  });

  it('law: the streaming form yields the array form\'s differences, then its totals, from an iterable or an async iterable', async () => {
    await fc.assert(
      fc.asyncProperty(source, source, cases, fc.boolean(), async (p, q, list, async) => {
        const expected = compareOutcomes(p, q, list);
        const input = async ? (async function* () { yield* list; })() : list;
        const entries: ReplayEntry[] = [];
        for await (const entry of compareOutcomeStream(p, q, input)) entries.push(entry);
        expect(entries).toEqual([...expected.differences, expected.totals]);
      }),
      RUNS,
    );
  });
});
