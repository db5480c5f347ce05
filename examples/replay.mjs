// What-if replay (docs/replay.md): Primos' 30-day return window moved to 45 days, replayed over a
// generated quarter of returns (the same on every run). Prints a few of the returns that change and
// the totals before and after. Run: npm run examples.
import { compareOutcomes, definePolicy, presets, presetSpecs } from 'support-rules';
import { quarterOfReturns, withReturnWindow } from './lib/replay-quarter.mjs';

const cases = quarterOfReturns();
const after = definePolicy(withReturnWindow(presetSpecs.primos, 45));
const { differences, totals } = compareOutcomes(presets.primos, after, cases);

const money = (list) => list.map((m) => `${m.amount} ${m.currency}`).join(' + ') || '—';
const days = (ms) => `${(ms / 86_400_000).toFixed(2)} days`;
const flipped = differences.filter((d) => d.fields.some((f) => f.field === 'outcome'));

console.log(`${totals.cases} returns delivered 2026-10-01 through 2026-12-31, Primos 1.0 (30 days) against ${after.version} (45 days):`);
console.log(`${totals.changed} differ: every window ends 15 days later (windowDeadline: ${totals.byField.windowDeadline}), and ${totals.byField.outcome} change outcome.`);
console.log('\nThe first three whose outcome changes:');
console.table(
  flipped.slice(0, 3).map((d) => ({
    case: d.name,
    outcome: `${d.before.outcome.outcome} → ${d.after.outcome.outcome}`,
    refund: `${d.before.outcome.refund?.amount ?? '—'} → ${d.after.outcome.refund?.amount ?? '—'}`,
    before: d.before.reasons[0].message,
    after: d.after.reasons[0].message,
  })),
);
console.log('\nTotals:');
console.table({
  'eligible returns': { before: totals.before.returns.byOutcome.eligible, after: totals.after.returns.byOutcome.eligible },
  'ineligible returns': { before: totals.before.returns.byOutcome.ineligible, after: totals.after.returns.byOutcome.ineligible },
  'in review': { before: totals.before.returns.byOutcome['needs-review'], after: totals.after.returns.byOutcome['needs-review'] },
  'refunds (eligible)': { before: money(totals.before.returns.refunds), after: money(totals.after.returns.refunds) },
  'refunds in review': { before: money(totals.before.returns.refundsInReview), after: money(totals.after.returns.refundsInReview) },
  'fees taken': { before: money(totals.before.returns.fees), after: money(totals.after.returns.fees) },
  'paid by customers': { before: money(totals.before.returns.charges), after: money(totals.after.returns.charges) },
  'median window, from purchase': { before: days(totals.before.medianDeadlines['return.windowDeadline'].medianMs), after: days(totals.after.medianDeadlines['return.windowDeadline'].medianMs) },
});
