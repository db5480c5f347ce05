import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quarterOfReturns, withReturnWindow } from '../../examples/lib/replay-quarter.mjs';
import { compareOutcomes, definePolicy } from '../../src/policy/index.js';
import { presets, presetSpecs } from '../../src/presets/index.js';

// docs/replay.md's worked example quotes figures; they must be what the library computes for the
// example's generated quarter (test/package/examples.test.ts checks the example's own output).

const doc = readFileSync(resolve(__dirname, '../../docs/replay.md'), 'utf8');
const grouped = (amount: string) => Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 });

describe('docs/replay.md', () => {
  it('states the refund total of the quarter before and after the 45-day window, as computed', () => {
    const { totals } = compareOutcomes(presets.primos, definePolicy(withReturnWindow(presetSpecs.primos, 45)), quarterOfReturns());
    const [before, after] = [totals.before.returns.refunds[0]?.amount as string, totals.after.returns.refunds[0]?.amount as string];
    expect([before, after]).toEqual(['645401.56', '835306.87']);
    expect(doc).toContain(`**The refund total for the quarter goes from ${grouped(before)} USD to ${grouped(after)} USD** (+${grouped((Number(after) - Number(before)).toFixed(2))} USD`);
    expect(doc).toContain(`│ refunds (eligible)           │ '${before} USD' │ '${after} USD' │`);
    const [b, a] = [totals.before.returns.byOutcome, totals.after.returns.byOutcome];
    expect(doc).toContain(`${(a.eligible ?? 0) - (b.eligible ?? 0)} more returns are eligible and ${(a['needs-review'] ?? 0) - (b['needs-review'] ?? 0)} more wait for review (${totals.byField.outcome} outcomes change)`);
    expect(doc).toContain(`restocking fees taken rise from ${grouped(totals.before.returns.fees[0]?.amount as string)} to ${grouped(totals.after.returns.fees[0]?.amount as string)} USD`);
    expect(totals.before.returns.charges).toEqual(totals.after.returns.charges);
  });
});
