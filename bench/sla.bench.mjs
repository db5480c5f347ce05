// SLA status at volume: evaluateSla(policy, ticket, now) over 100,000 generated tickets in one
// process. Measures wall and CPU time (median of 3 timed passes after a warm-up pass), tickets per
// second, per-ticket latency, clocks computed and memory, then writes its section of
// docs/performance.md between the sla-bench markers (replaced if present, else appended), so it
// can run after bench/calendar.bench.mjs, which rewrites the whole file.
//
//   npx tsup && node bench/sla.bench.mjs

import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { defineSlaPolicy, evaluateSla } from '../dist/index.js';
import { HOLIDAYS } from './lib/scenario.mjs';
import { NOW, SEED, ZONE, generateTickets, historySpec, policySpec, withHistories } from './lib/sla-scenario.mjs';
import { formatRatio, formatTime, mdEscape, sourceVersion, writeSection } from './lib/format.mjs';

const TICKETS = 100_000;
const PASSES = 3;
const SAMPLE_EVERY = 10_000;
// Issue 16's goal for plain tickets (0.3 s: 3 µs a ticket); issue 12's 1 s for histories.
const GOAL_CPU_MS = 300;
const HISTORY_GOAL_CPU_MS = 1000;
const GOAL_CHECK_SHARE = 0.2;
const START_MARKER = '<!-- sla-bench:start -->';
const END_MARKER = '<!-- sla-bench:end -->';

const root = fileURLToPath(new URL('..', import.meta.url));
// An earlier build to time side by side (passes alternating), e.g. the one before the request checks.
const baselinePath = process.env.SUPPORT_RULES_BASELINE;
const baseline = baselinePath ? await import(pathToFileURL(baselinePath).href) : undefined;
const log = (...args) => console.log(...args);

// A real gc() without a command-line flag, so memory readings start from a collected heap.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

// ---------------------------------------------------------------------------------------------
// Run.

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const group = (n) => Math.round(n).toLocaleString('en-US');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
};
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

const runStart = performance.now();
gc();
const memEmpty = process.memoryUsage();
const policy = defineSlaPolicy(policySpec);
const genStart = performance.now();
const tickets = generateTickets(TICKETS, SEED);
const genMs = performance.now() - genStart;
gc();
const memTickets = process.memoryUsage();
const eventCount = tickets.reduce((sum, ticket) => sum + ticket.events.length, 0);
log(`generated ${group(TICKETS)} tickets, ${group(eventCount)} events in ${formatTime(genMs)}; tickets take ~${mb(memTickets.heapUsed - memEmpty.heapUsed)} of heap`);
const historyPolicy = defineSlaPolicy(historySpec);
const histories = withHistories(tickets, SEED + 1);

// Warm-up pass, which also checks and describes the results.
const tally = { rules: {}, metrics: {}, statuses: {}, clocks: 0, checksum: 0, reopened: 0, solvedNow: 0 };
const warmStart = performance.now();
for (const ticket of tickets) {
  const report = evaluateSla(policy, ticket, NOW);
  tally.rules[report.rule] = (tally.rules[report.rule] ?? 0) + 1;
  tally.clocks += report.clocks.length;
  for (const clock of report.clocks) {
    if (!(clock.deadline.getTime() >= clock.startedAt.getTime())) throw new Error(`${ticket.id}: deadline before start`);
    if (!Number.isFinite(clock.elapsedMs) || clock.elapsedMs < 0) throw new Error(`${ticket.id}: bad elapsed time`);
    tally.metrics[clock.metric] = (tally.metrics[clock.metric] ?? 0) + 1;
    tally.statuses[clock.status] = (tally.statuses[clock.status] ?? 0) + 1;
    tally.checksum = (Math.imul(tally.checksum, 31) + clock.deadline.getTime() / 1000 + clock.elapsedMs) >>> 0;
    if (clock.metric === 'resolution' && clock.cycle > 1) tally.reopened++;
  }
}
const warmMs = performance.now() - warmStart;
log(`warm-up pass: ${formatTime(warmMs)}, ${group(tally.clocks)} clocks, checksum ${tally.checksum.toString(16)}`);

// Timed passes: nothing but evaluateSla and a memory sample every 10,000 tickets.
function timedPass(evaluate = evaluateSla, compiled = policy, set = tickets) {
  gc();
  const before = process.memoryUsage();
  let maxRss = before.rss;
  let maxHeap = before.heapUsed;
  let clocks = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < TICKETS; i++) {
    clocks += evaluate(compiled, set[i], NOW).clocks.length;
    if ((i + 1) % SAMPLE_EVERY === 0) {
      const m = process.memoryUsage();
      if (m.rss > maxRss) maxRss = m.rss;
      if (m.heapUsed > maxHeap) maxHeap = m.heapUsed;
    }
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = process.memoryUsage();
  if (evaluate === evaluateSla && set === tickets && clocks !== tally.clocks) throw new Error(`clock count changed: ${clocks} vs ${tally.clocks}`);
  return {
    clocks,
    wallMs,
    cpuMs: cpuMs(cpu),
    userMs: cpu.user / 1000,
    systemMs: cpu.system / 1000,
    before,
    after,
    maxRss: Math.max(maxRss, after.rss),
    maxHeap: Math.max(maxHeap, after.heapUsed),
  };
}

// The earlier build decides the same tickets (its policy without the sections it does not know);
// its passes alternate with ours, so a change in the machine's load hits both alike.
let baselinePolicy;
if (baseline) {
  try {
    baselinePolicy = baseline.defineSlaPolicy(policySpec);
  } catch {
    // A build before vocabularies: the same policy without them.
    const older = { ...policySpec };
    delete older.vocabulary;
    baselinePolicy = baseline.defineSlaPolicy(older);
  }
  for (const ticket of tickets) baseline.evaluateSla(baselinePolicy, ticket, NOW);
}
for (const ticket of histories.tickets) evaluateSla(historyPolicy, ticket, NOW);
const passes = [];
const baselinePasses = [];
const historyPasses = [];
for (let p = 1; p <= PASSES; p++) {
  if (baseline) baselinePasses.push(timedPass(baseline.evaluateSla, baselinePolicy));
  historyPasses.push(timedPass(evaluateSla, historyPolicy, histories.tickets));
  const r = timedPass();
  passes.push(r);
  log(
    `pass ${p}/${PASSES}: wall ${formatTime(r.wallMs)}, CPU ${formatTime(r.cpuMs)} (user ${formatTime(r.userMs)}, system ${formatTime(r.systemMs)}), ` +
      `${group((TICKETS / r.wallMs) * 1000)} tickets/s, max RSS ${mb(r.maxRss)}, max heap ${mb(r.maxHeap)}`,
  );
}

// Latency pass: each call timed on its own (timer overhead measured separately).
const latencies = new Float64Array(TICKETS);
for (let i = 0; i < TICKETS; i++) {
  const t0 = performance.now();
  evaluateSla(policy, tickets[i], NOW);
  latencies[i] = performance.now() - t0;
}
const overhead = new Float64Array(TICKETS);
for (let i = 0; i < TICKETS; i++) {
  const t0 = performance.now();
  overhead[i] = performance.now() - t0;
}
latencies.sort();
overhead.sort();
const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const timerOverhead = pct(overhead, 0.5);
const latency = { p50: pct(latencies, 0.5), p90: pct(latencies, 0.9), p99: pct(latencies, 0.99), max: latencies[latencies.length - 1] };
log(`latency: median ${formatTime(latency.p50)}, p90 ${formatTime(latency.p90)}, p99 ${formatTime(latency.p99)} (timer overhead ${formatTime(timerOverhead)})`);

// Validation alone: the ticket check evaluateSla runs first (every attribute and event against the
// policy's vocabulary, every instant parsed), on every ticket, without evaluating. The checker is
// not public: it is reached through the compiled form the policy carries under its registered
// brand symbol, the same function evaluateSla calls.
const ourVersion = JSON.parse(fs.readFileSync(`${root}/package.json`, 'utf8')).version;
const checkTicket = policy[Symbol.for(`support-rules@${ourVersion}/sla`)]?.check;
if (typeof checkTicket !== 'function') throw new Error('no ticket checker on the compiled policy (built from another version?)');
const checkPasses = [];
for (let p = 1; p <= PASSES; p++) {
  gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let events = 0;
  for (let i = 0; i < TICKETS; i++) events += checkTicket(tickets[i]).events.length;
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (events !== eventCount) throw new Error(`ticket check returned ${events} events, not ${eventCount}`);
  checkPasses.push({ wallMs, cpuMs: cpuMs(cpu) });
  log(`validation pass ${p}/${PASSES}: wall ${formatTime(wallMs)}, CPU ${formatTime(cpuMs(cpu))}`);
}

gc();
const memEnd = process.memoryUsage();

// ---------------------------------------------------------------------------------------------
// Report.

const wallMedian = median(passes.map((r) => r.wallMs));
const cpuMedian = median(passes.map((r) => r.cpuMs));
const userMedian = median(passes.map((r) => r.userMs));
const systemMedian = median(passes.map((r) => r.systemMs));
const rate = (TICKETS / wallMedian) * 1000;
const clockRate = (tally.clocks / wallMedian) * 1000;
const maxRss = Math.max(...passes.map((r) => r.maxRss));
const maxHeap = Math.max(...passes.map((r) => r.maxHeap));
const goalMet = cpuMedian <= GOAL_CPU_MS;
const checkCpuMedian = median(checkPasses.map((r) => r.cpuMs));
const checkShare = checkCpuMedian / cpuMedian;
const checkGoalMet = checkShare <= GOAL_CHECK_SHARE;
const historyCpuMedian = median(historyPasses.map((r) => r.cpuMs));
const historyGoalMet = historyCpuMedian < HISTORY_GOAL_CPU_MS;
const baselineCpuMedian = baseline ? median(baselinePasses.map((r) => r.cpuMs)) : undefined;
const perTicket = (ms) => `${((ms * 1000) / TICKETS).toFixed(2)} µs`;
const list = (values, fmt) => values.map(fmt).join(' / ');
const share = (count, total) => `${((count / total) * 100).toFixed(1)} %`;
const dist = (counts, total) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ${share(count, total)}`)
    .join(', ');
const countBy = (key) => tickets.reduce((acc, ticket) => ((acc[ticket[key] ?? 'none'] = (acc[ticket[key] ?? 'none'] ?? 0) + 1), acc), {});

const rows = [
  ['Tickets evaluated per pass', group(TICKETS)],
  ['Clocks computed per pass', `${group(tally.clocks)} (${(tally.clocks / TICKETS).toFixed(2)} per ticket)`],
  ['Wall time, 100,000 tickets (median of 3)', `**${formatTime(wallMedian)}** (passes: ${list(passes.map((r) => r.wallMs), formatTime)})`],
  [
    'CPU time, user + system (median of 3)',
    `**${formatTime(cpuMedian)}** (user ${formatTime(userMedian)}, system ${formatTime(systemMedian)}; passes: ${list(passes.map((r) => r.cpuMs), formatTime)})`,
  ],
  ['Throughput', `**${group(rate)} tickets/s** · ${group(clockRate)} clocks/s`],
  ['Mean time per ticket (wall / 100,000)', formatTime(wallMedian / TICKETS)],
  [
    'Per-ticket time, median (latency pass)',
    `**${formatTime(latency.p50)}** (p90 ${formatTime(latency.p90)}, p99 ${formatTime(latency.p99)}, max ${formatTime(latency.max)}; timer overhead ≈ ${formatTime(timerOverhead)} included)`,
  ],
  ...(baseline
    ? [
        [
          `An earlier build, ${baselineVersion()}, on the same tickets: CPU (median of 3, passes alternating)`,
          `**${formatTime(median(baselinePasses.map((r) => r.cpuMs)))}** (passes: ${list(baselinePasses.map((r) => r.cpuMs), formatTime)}); this build takes **${formatRatio(cpuMedian / median(baselinePasses.map((r) => r.cpuMs)))}** as long`,
        ],
      ]
    : []),
  [
    'Histories: the same tickets with changes and per-metric pauses, CPU (median of 3)',
    `**${formatTime(historyCpuMedian)}** = **${perTicket(historyCpuMedian)} per ticket** (plain tickets: ${perTicket(cpuMedian)}${baseline ? `; the earlier build: ${perTicket(baselineCpuMedian)}` : ''}); ${group(historyPasses[0].clocks)} clocks (passes: ${list(historyPasses.map((r) => r.cpuMs), formatTime)})`,
  ],
  [
    'Validation alone: the ticket check, CPU (median of 3)',
    `**${formatTime(checkCpuMedian)}** = **${(checkShare * 100).toFixed(1)} %** of the evaluateSla CPU time (passes: ${list(checkPasses.map((r) => r.cpuMs), formatTime)})`,
  ],
  ['Warm-up pass (first, cold)', formatTime(warmMs)],
  ['RSS before / after the timed passes', `${mb(passes[0].before.rss)} / ${mb(passes[passes.length - 1].after.rss)}`],
  ['heapUsed before / after the timed passes', `${mb(passes[0].before.heapUsed)} / ${mb(passes[passes.length - 1].after.heapUsed)}`],
  ['Peak RSS / peak heapUsed (sampled every 10,000 tickets)', `**${mb(maxRss)}** / **${mb(maxHeap)}**`],
  ['heapUsed after a full GC at the end', `${mb(memEnd.heapUsed)} (${mb(memEnd.heapUsed - passes[0].before.heapUsed)} vs before the passes)`],
  ['Tickets in memory (heapUsed growth when generated)', mb(memTickets.heapUsed - memEmpty.heapUsed)],
];
function baselineVersion() {
  const dir = baselinePath.replace(/\/dist\/index\.js$/, '');
  const version = sourceVersion(dir);
  return version === 'commit unknown' ? mdEscape(dir) : version;
}
const mdTable = (header, body) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map(mdEscape).join(' | ')} |`)].join('\n');

const cpus = os.cpus();
const goalLine =
  `- **100,000 tickets in at most 0.3 s of CPU (3 µs a ticket)** — median CPU time (user + system) of the timed passes = ` +
  `**${formatTime(cpuMedian)}** = ${perTicket(cpuMedian)} a ticket (${formatRatio(cpuMedian / GOAL_CPU_MS)} the 0.3 s budget; wall ${formatTime(wallMedian)}` +
  `${baseline ? `; the earlier build: ${formatTime(baselineCpuMedian)}, ${perTicket(baselineCpuMedian)}` : ''}): **${goalMet ? 'met' : 'not met'}**.`;

const checkGoalLine =
  `- **Validating tickets costs at most 20 % of the run** — the ticket check alone (attributes and events against the ` +
  `policy's vocabulary, instants parsed) takes **${formatTime(checkCpuMedian)}** of CPU for 100,000 tickets, ` +
  `**${(checkShare * 100).toFixed(1)} %** of the ${formatTime(cpuMedian)} evaluateSla takes with it: **${checkGoalMet ? 'met' : 'not met'}**.`;

const historyGoalLine =
  `- **Histories stay under 1 s of CPU too** — the same 100,000 tickets with \`changed\` events on ${share(histories.changed, TICKETS)} ` +
  `of them and per-metric pauses take **${formatTime(historyCpuMedian)}** (${perTicket(historyCpuMedian)} per ticket, against ` +
  `${perTicket(cpuMedian)} without${baseline ? ` and ${perTicket(baselineCpuMedian)} for the earlier build on the plain tickets` : ''}): **${historyGoalMet ? 'met' : 'not met'}**.`;

const section = `${START_MARKER}
## SLA status at volume

_Generated by \`bench/sla.bench.mjs\` — do not edit by hand; each run replaces this section (between the
\`sla-bench\` markers) and leaves the rest of the file alone._

\`evaluateSla(policy, ticket, now)\` — rule choice, every clock of every targeted metric, reasons — for 100,000 tickets
in one Node.js process.

### How to reproduce

\`\`\`sh
npx tsup && node bench/sla.bench.mjs
# side by side with an earlier build:
SUPPORT_RULES_BASELINE=<old build>/dist/index.js node bench/sla.bench.mjs
\`\`\`

The run takes about ${((performance.now() - runStart) / 1000).toFixed(0)} s on the machine below (generation, a warm-up pass, ${PASSES} timed passes and a
latency pass).

### Scenario

- Policy (\`defineSlaPolicy\`, compiled once): calendar \`desk\` Mon–Fri 07:00–19:00 ${ZONE} closed on the ${HOLIDAYS.length}
  US federal holidays of 2026–2027, calendar \`always\` (24/7, same zone); paused statuses \`pending\`, \`on-hold\`;
  resolved \`solved\`, \`closed\`. Four rules, first match wins:
  - \`sev1\` (priority sev1, 24/7): acknowledgement 30 min, nextResponse 4 h, periodicUpdate every 2 h,
    resolution 24 h (pauses), rmaIssued 8 h for warranty tickets;
  - \`chat\` (channel chat, business hours): firstResponse 2 min, nextResponse 10 min, resolution 1 business day;
  - \`high\` (priority high, business hours): acknowledgement 30 min by phone else 2 h, nextResponse 8 h,
    resolution 2 business days (pauses), rmaIssued 24 h for warranty tickets;
  - \`standard\` (the rest, business hours): acknowledgement 4 h, nextResponse 24 h, resolution 3 business days
    (pauses), rmaIssued (custom metric) 24 h for warranty tickets.
- ${group(TICKETS)} tickets generated deterministically (mulberry32, seed ${SEED}) — priority: ${dist(countBy('priority'), TICKETS)};
  channel: ${dist(countBy('channel'), TICKETS)}; ${share(countBy('category').warranty ?? 0, TICKETS)} warranty.
- ${group(eventCount)} events (${(eventCount / TICKETS).toFixed(2)} per ticket, 2–10 each, \`at\` as ISO strings as an API sends
  them, 10 % of tickets listed newest first): created, public agent replies and internal notes, customer replies,
  \`pending\` / \`on-hold\` / \`open\` status changes, \`solved\` / \`closed\`, reopenings, periodic updates (sev1),
  \`metricStarted\` / \`metricFulfilled\` for rmaIssued. Tickets are created Mon 2026-02-09 … Fri 2026-03-20
  (Presidents' Day and the 2026-03-08 DST change inside), gaps minutes apart on chat and hours elsewhere;
  evaluated as of ${NOW.toISOString()} (Fri 2026-03-20 12:00 CDT), so later events are ignored and many tickets are open.
- Rule chosen: ${dist(tally.rules, TICKETS)}. Clocks: ${dist(tally.metrics, tally.clocks)};
  status: ${dist(tally.statuses, tally.clocks)}; ${group(tally.reopened)} reopened resolution cycles.
- Histories (issue 12): the same tickets, all in group \`tier1\`, evaluated with the policy's issue-12 options
  (standard resolution pauses on \`pending\` only, high resolution on \`pending\` and \`on-hold\` via \`pauseOn\`, sev1
  resolution warns 2 h before via \`warnBefore\`); ${share(histories.changed, TICKETS)} of them carry a \`changed\` event at a
  random instant in their life (${group(histories.raised)} raise the priority one step, the rest move to group \`tier2\`), so
  their clocks are measured across the targets in force over time.
- Method: a warm-up pass over all tickets (which also checks every clock), then ${PASSES} timed passes, each after a
  full GC; a pass is \`evaluateSla\` on every ticket plus \`process.memoryUsage()\` every ${group(SAMPLE_EVERY)} tickets, timed
  with \`performance.now()\` and \`process.cpuUsage()\` (CPU covers all threads of the process, GC helpers included).
  Reports are dropped as they come (not kept). The per-ticket median comes from a separate pass timing each call.
  Validation is timed apart: ${PASSES} more passes run only the ticket check evaluateSla starts with (the compiled
  checker, reached through the policy's internal compiled form), and its median CPU time is compared with the
  median CPU time of the full passes, which include it.

### Results

${mdTable(['Measure', 'Value'], rows)}

### Goal

${goalLine}
${historyGoalLine}
${checkGoalLine}

### Machine

- CPU: ${cpus[0]?.model?.trim() ?? 'unknown'} — ${cpus.length} logical cores (available parallelism ${os.availableParallelism?.() ?? cpus.length})
- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory
- Node.js ${process.version} (V8 ${process.versions.v8}); support-rules ${ourVersion}, ${sourceVersion(root)} (built \`dist/index.js\`)
- Date: ${new Date().toISOString()}
${END_MARKER}
`;

writeSection(`${root}/docs/performance.md`, START_MARKER, END_MARKER, section);

log('');
log(mdTable(['Measure', 'Value'], rows));
log('');
log(goalLine);
log(historyGoalLine);
log(checkGoalLine);
log(`\nwrote the SLA section of docs/performance.md in ${((performance.now() - runStart) / 1000).toFixed(1)} s`);
