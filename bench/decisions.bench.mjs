// What checking a request costs a single decision. Since issue 11 every decision function parses
// its request (fields, types, vocabularies, instants, amounts) before deciding. This benchmark
// times whole decisions — a return decision and a fee quote — in this build, and, when a build of
// an earlier version is given, side by side with it in the same process, so the difference is the
// cost the checks added (an upper bound: it includes every other change between the builds).
// It writes its section of docs/performance.md between the decisions-bench markers.
//
//   npx tsup && node bench/decisions.bench.mjs
//   SUPPORT_RULES_BASELINE=/path/to/old/dist/index.js node bench/decisions.bench.mjs

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as current from '../dist/index.js';
import { formatRatio, formatTime, mdEscape, sourceVersion, writeSection } from './lib/format.mjs';

const START_MARKER = '<!-- decisions-bench:start -->';
const END_MARKER = '<!-- decisions-bench:end -->';
const BATCHES = 21;
const BUDGET = 0.2; // the checks may add at most 20 % to a decision
const root = fileURLToPath(new URL('..', import.meta.url));
const runStart = performance.now();

const baselinePath = process.env.SUPPORT_RULES_BASELINE;
const baseline = baselinePath ? await import(pathToFileURL(baselinePath).href) : undefined;

// A Primos-like return policy, valid for both builds (no field added since 0.1.0).
const weekdays = ['09:00-17:00'];
const returnSpec = {
  id: 'bench-returns',
  timeZone: 'America/New_York',
  categories: ['electronics', 'appliances', 'accessories'],
  windows: [{ id: 'standard-30', days: 30, from: 'delivery' }],
  nonReturnable: [{ id: 'installed', flags: ['installed', 'final-sale'] }],
  reviewConditions: ['damaged-by-customer'],
  evidence: [{ id: 'receipt', requires: ['proofOfPurchase'] }],
  fees: {
    id: 'bench-fees',
    currency: 'USD',
    rules: [
      { id: 'restock-opened-electronics', kind: 'restocking', percent: 15, when: { condition: ['opened'], category: ['electronics'], service: ['return'] } },
      { id: 'exchange-small', kind: 'handling', flat: '7.00', when: { service: ['exchange'], sizeClass: ['small'] } },
      { id: 'exchange-large', kind: 'handling', flat: '15.00', when: { service: ['exchange'], sizeClass: ['large'] } },
      { id: 'label', kind: 'label', flat: '6.95', when: { orderValue: { lte: '75' } } },
    ],
  },
  calendar: { timeZone: 'America/New_York', hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays }, holidays: ['2026-11-26'] },
  authorizationWithin: { hours: 48 },
  refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
};
const returnRequest = {
  category: 'electronics',
  price: '249.00',
  orderValue: '249.00',
  condition: 'opened',
  evidence: ['proofOfPurchase'],
  deliveredAt: new Date('2026-10-01T15:00:00-04:00'),
  requestedAt: new Date('2026-10-20T15:00:00-04:00'),
  receivedAt: new Date('2026-10-23T11:00:00-04:00'),
};
const feeRequest = { service: 'exchange', sizeClass: 'small', price: '24.00', orderValue: '24.00', condition: 'unopened', daysSinceDelivery: 12 };

/**
 * Median milliseconds per call of each function over BATCHES timed batches of `n` calls, after a
 * warm-up. The functions' batches alternate, so a change in the machine's load hits both alike.
 */
function measure(fns, n) {
  for (const fn of fns) for (let i = 0; i < n; i++) fn();
  const perCall = fns.map(() => []);
  for (let b = 0; b < BATCHES; b++) {
    fns.forEach((fn, f) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) fn();
      perCall[f].push(Number(process.hrtime.bigint() - start) / n);
    });
  }
  return perCall.map((list) => list.sort((x, y) => x - y)[BATCHES >> 1] / 1e6);
}

function workloads(lib) {
  const returns = lib.defineReturnPolicy(returnSpec);
  const fees = lib.defineFeeSchedule(returnSpec.fees);
  // Same answer from both builds before anything is timed.
  const decision = lib.checkReturn(returns, returnRequest);
  if (decision.outcome !== 'eligible' || decision.quote.refund.amount !== '211.65') throw new Error(`unexpected return decision: ${JSON.stringify(decision.quote)}`);
  if (lib.quoteFees(fees, feeRequest).total.amount !== '13.95') throw new Error('unexpected fee quote');
  return {
    'checkReturn (Date instants)': () => lib.checkReturn(returns, returnRequest),
    'quoteFees': () => lib.quoteFees(fees, feeRequest),
  };
}

const now = workloads(current);
const isoRequest = { ...returnRequest, deliveredAt: '2026-10-01T15:00:00-04:00', requestedAt: '2026-10-20T15:00:00-04:00', receivedAt: '2026-10-23T11:00:00-04:00' };
const returnsPolicy = current.defineReturnPolicy(returnSpec);
now['checkReturn (ISO string instants)'] = () => current.checkReturn(returnsPolicy, isoRequest);
const then = baseline ? workloads(baseline) : {};

const rows = [];
for (const [name, fn] of Object.entries(now)) {
  const [ms, before] = measure(then[name] ? [fn, then[name]] : [fn], name.startsWith('quoteFees') ? 10_000 : 2_000);
  rows.push({ name, ms, before });
  console.log(`${name}: ${formatTime(ms)}${before ? ` (before ${formatTime(before)})` : ''}`);
}

const table = [
  '| Decision | This build (median per call) | Before the request checks | Added |',
  '|---|---|---|---|',
  ...rows.map(({ name, ms, before }) =>
    `| ${mdEscape(name)} | ${formatTime(ms)} | ${before ? formatTime(before) : '—'} | ${before ? `${formatRatio(ms / before)} (${(((ms - before) / ms) * 100).toFixed(1)} % of the decision)` : '—'} |`,
  ),
].join('\n');
const compared = rows.filter((r) => r.before !== undefined);
const worst = compared.length > 0 ? Math.max(...compared.map((r) => (r.ms - r.before) / r.ms)) : undefined;
const goal =
  worst === undefined
    ? '- Run with `SUPPORT_RULES_BASELINE` pointing at an earlier build to compare.'
    : `- **The request checks cost at most ${BUDGET * 100} % of a decision**: the largest share added is **${(worst * 100).toFixed(1)} %** — **${worst <= BUDGET ? 'met' : 'not met'}**.`;

/** The commit the baseline build was made from, when it is a git checkout. */
function baselineVersion() {
  const dir = baselinePath.replace(/\/dist\/index\.js$/, '');
  const version = sourceVersion(dir);
  return version === 'commit unknown' ? `\`${mdEscape(dir)}\`` : version;
}
const cpus = os.cpus();
const section = `${START_MARKER}
## What checking a request costs a decision

_Generated by \`bench/decisions.bench.mjs\` — do not edit by hand; each run replaces this section._

Every decision function parses its request first (fields, types, vocabularies, instants, amounts;
see [conditions.md](conditions.md)). The checker is compiled once per policy; this table times whole
decisions of one return policy and its fee schedule (a Primos-like policy: three categories, a 30-day
window, a non-returnable class, evidence, four fee rules, deadlines on a business calendar), median of
${BATCHES} batches after a warm-up, the two builds' batches alternating.${baselinePath ? ` "Before" is the build of ${baselineVersion()}, loaded in the same process; the difference is an upper bound on what the checks cost, since it includes every other change between the builds.` : ''}

${table}

${goal}

Reproduce: \`npx tsup && SUPPORT_RULES_BASELINE=<old build>/dist/index.js node bench/decisions.bench.mjs\`.
Machine: ${cpus[0]?.model?.trim() ?? 'unknown'}, ${cpus.length} logical cores; Node.js ${process.version}; ${sourceVersion(root)}; ${new Date().toISOString()}; run took ${((performance.now() - runStart) / 1000).toFixed(0)} s.
${END_MARKER}
`;

writeSection(`${root}/docs/performance.md`, START_MARKER, END_MARKER, section);
console.log(`\n${goal}\nwrote the decisions section of docs/performance.md`);
