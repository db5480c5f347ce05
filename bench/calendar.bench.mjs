// Business-hours calendar benchmark: support-rules vs moment-business-time, dayjs-business-time
// and luxon-business-days, in one process. Checks every result first, then times each operation
// with tinybench, then writes docs/performance.md (overwritten on every run).
//
//   npm run bench        (builds dist/ with tsup, then runs this file)
//
// Time zones: support-rules, moment (via moment-timezone) and luxon take an IANA zone;
// dayjs-business-time has none of its own and only works in the process's local zone. So the
// script first computes everything it can with the process zone deliberately *wrong*
// (Asia/Tokyo), then sets process.env.TZ = 'America/Chicago', loads dayjs and does the real run.

import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { Worker } from 'node:worker_threads';
import { Bench } from 'tinybench';
import { END, HAND_CHECKS, HOLIDAYS, OPERATIONS, START, ZONE } from './lib/scenario.mjs';
import { offsetChangesBetween, oracleAdd, oracleBetween } from './lib/oracle.mjs';
import { formatOps, formatRatio, formatTime, formatValue, mdEscape } from './lib/format.mjs';

const FOREIGN_TZ = 'Asia/Tokyo';
const PROBE_TIMEOUT_MS = 3000;
/** tinybench budget per task and round; the whole run stays well under two minutes. */
const TIME_MS = 500;
/** Every task is measured in this many interleaved rounds; the report gives the median round. */
const ROUNDS = 3;
/** Budget for the single-round diagnostics of our own library. */
const DIAG_TIME_MS = 1000;
const WARMUP_MS = 200;
const MIN_ITERATIONS = 12;
/** Fast operations are batched so that one sample covers at least this long. */
const BATCH_TARGET_MS = 0.1;

const root = fileURLToPath(new URL('..', import.meta.url));
const wallStart = performance.now();
const log = (...args) => console.log(...args);

const originalTZ = process.env.TZ;
process.env.TZ = FOREIGN_TZ;

// ---------------------------------------------------------------------------------------------
// Phase 1: process zone = Asia/Tokyo. Zone-aware libraries must not care.

const ours = await import('./lib/peers/ours.mjs');
const moment = await import('./lib/peers/moment.mjs');
const luxon = await import('./lib/peers/luxon.mjs');

function runAll(lib) {
  const prepared = lib.prepare(START, END);
  const out = {};
  for (const op of OPERATIONS) {
    const fn = op.kind === 'instant' ? prepared.add(op.hours) : prepared.between;
    try {
      out[op.id] = { ok: true, value: fn(), fn };
    } catch (error) {
      out[op.id] = { ok: false, error: String(error?.message ?? error), fn };
    }
  }
  return out;
}

log(`phase 1: TZ=${FOREIGN_TZ}`);
const foreign = { ours: runAll(ours), moment: runAll(moment), luxon: runAll(luxon) };

/** dayjs-business-time with dayjs/plugin/timezone objects, each operation in its own worker. */
function probeDayjsTz(op) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./lib/dayjs-tz-probe.mjs', import.meta.url), {
      workerData: { hours: op.hours },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ok: false, hung: true, error: `no answer after ${PROBE_TIMEOUT_MS / 1000} s (worker terminated)` });
    }, PROBE_TIMEOUT_MS);
    worker.once('message', (msg) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(msg);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, error: String(error?.message ?? error) });
    });
  });
}
const dayjsTzProbe = Object.fromEntries(
  await Promise.all(OPERATIONS.map(async (op) => [op.id, await probeDayjsTz(op)])),
);

// ---------------------------------------------------------------------------------------------
// Phase 2: process zone = America/Chicago, for dayjs-business-time; everything is measured here.

process.env.TZ = ZONE;
if (new Date(START).getHours() !== 10) throw new Error('process.env.TZ did not take effect');
log(`phase 2: TZ=${ZONE}`);
const dayjs = await import('./lib/peers/dayjs.mjs');
const LIBS = [ours, moment, dayjs, luxon];
const PEERS = LIBS.filter((lib) => lib !== ours);
const results = Object.fromEntries(LIBS.map((lib) => [lib.id, runAll(lib)]));

// ---------------------------------------------------------------------------------------------
// Correctness. Our result is the reference; it is itself checked by hand (HAND_CHECKS), against an
// independent day-stepping oracle, and for independence from the process zone.

const problems = [];
const ourChecks = OPERATIONS.map((op) => {
  const r = results.ours[op.id];
  if (!r.ok) throw new Error(`support-rules failed on ${op.label}: ${r.error}`);
  const oracle = op.kind === 'instant' ? oracleAdd(START, op.hours * 3_600_000) : oracleBetween(START, END);
  const hand = HAND_CHECKS[op.id];
  const foreignValue = foreign.ours[op.id].value;
  const check = {
    op,
    value: r.value,
    oracle,
    oracleOk: oracle === r.value,
    hand,
    handOk: hand ? hand.value === r.value : undefined,
    zoneOk: foreignValue === r.value,
    foreignValue,
  };
  if (!check.oracleOk) problems.push(`support-rules ${op.label}: ${formatValue(op.kind, r.value)} but the oracle gives ${formatValue(op.kind, oracle)}`);
  if (check.handOk === false) problems.push(`support-rules ${op.label}: ${formatValue(op.kind, r.value)} but the hand check gives ${formatValue(op.kind, hand.value)}`);
  if (!check.zoneOk) problems.push(`support-rules ${op.label}: depends on the process zone (${formatValue(op.kind, foreignValue)} with TZ=${FOREIGN_TZ})`);
  return check;
});

function verdict(r, op) {
  const expected = results.ours[op.id].value;
  if (!r) return { status: 'n/a' };
  if (!r.ok) return { status: 'error', text: `error: ${r.error}` };
  if (r.value === expected) return { status: 'correct' };
  return {
    status: 'wrong',
    text: `wrong (gives ${formatValue(op.kind, r.value)}, expected ${formatValue(op.kind, expected)})`,
  };
}

const verdicts = {};
for (const lib of PEERS) {
  verdicts[lib.id] = {};
  for (const op of OPERATIONS) {
    const main = verdict(results[lib.id][op.id], op);
    const inForeign = foreign[lib.id] ? verdict(foreign[lib.id][op.id], op) : undefined;
    verdicts[lib.id][op.id] = { ...main, foreign: inForeign };
  }
}
for (const lib of PEERS) {
  for (const op of OPERATIONS) {
    const v = verdicts[lib.id][op.id];
    log(`  ${lib.name.padEnd(40)} ${op.label.padEnd(32)} ${v.status}${v.text ? ` — ${v.text}` : ''}`);
  }
}
for (const problem of problems) log(`  PROBLEM: ${problem}`);

// ---------------------------------------------------------------------------------------------
// Timing.

/**
 * A fresh measuring closure per task (compiled with `new Function`, so no call-site feedback is
 * shared between libraries): runs `fn` `batch` times and reports the mean per call as the sample.
 */
function makeRunner(fn, batch, now) {
  return new Function(
    'fn',
    'batch',
    'now',
    `let sink = 0;
     const run = () => {
       const t0 = now();
       for (let i = 0; i < batch; i++) sink += fn();
       const elapsed = now() - t0;
       return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
     };
     return { run, sink: () => sink };`,
  )(fn, batch, now);
}

/** Mean time per call after a short warm-up, to size the batches. */
function calibrate(fn) {
  const warm = performance.now();
  for (let i = 0; i < 100_000 && performance.now() - warm < 30; i++) fn();
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < 20 && calls < 1_000_000) {
    fn();
    calls += 1;
    elapsed = performance.now() - t0;
  }
  return elapsed / calls;
}

async function measure(label, fn, { time = TIME_MS, batch } = {}) {
  batch ??= Math.max(1, Math.min(100_000, Math.ceil(BATCH_TARGET_MS / calibrate(fn))));
  const bench = new Bench({
    name: label,
    time,
    iterations: MIN_ITERATIONS,
    warmupTime: WARMUP_MS,
    warmupIterations: 3,
    throws: true,
  });
  const runner = makeRunner(fn, batch, bench.now);
  bench.add(label, runner.run, { async: false });
  await bench.run();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed') throw new Error(`${label}: ${result.state}`);
  if (!Number.isFinite(runner.sink())) throw new Error(`${label}: results not consumed`);
  const l = result.latency;
  return { median: l.p50, mad: l.mad, p99: l.p99, mean: l.mean, samples: l.samplesCount, batch };
}

// Rounds are interleaved (every task once, then every task again, …) so that drift in the
// machine's or the process's state over the run hits all libraries alike.
const rounds = {};
for (let round = 1; round <= ROUNDS; round++) {
  log(`timing, round ${round}/${ROUNDS}`);
  for (const op of OPERATIONS) {
    for (const lib of LIBS) {
      const r = results[lib.id][op.id];
      if (!r.ok) continue;
      const key = `${lib.id}/${op.id}`;
      const t = await measure(`${lib.name} / ${op.label}`, r.fn, { batch: rounds[key]?.[0].batch });
      (rounds[key] ??= []).push(t);
      log(`  ${op.label.padEnd(32)} ${lib.name.padEnd(40)} ${formatTime(t.median).padStart(10)}  ${formatOps(t.median)}`);
    }
  }
}
const timings = {};
for (const lib of LIBS) {
  for (const op of OPERATIONS) {
    const list = rounds[`${lib.id}/${op.id}`];
    if (!list) continue;
    const sorted = [...list].sort((a, b) => a.median - b.median);
    const mid = sorted[(sorted.length - 1) >> 1];
    (timings[lib.id] ??= {})[op.id] = {
      ...mid,
      roundMedians: list.map((t) => t.median),
      samples: list.reduce((sum, t) => sum + t.samples, 0),
    };
  }
}

// Diagnostics (ours only): how the 4,000 h / 4 h ratio depends on what the calendar makes
// irregular (holiday weeks, DST weeks), and what the `{ hours }` duration object costs.
const variants = [
  { label: `${ZONE}, ${HOLIDAYS.length} holidays (the scenario)`, timeZone: ZONE, holidays: HOLIDAYS },
  { label: `${ZONE}, no holidays`, timeZone: ZONE, holidays: [] },
  { label: `UTC (no DST), ${HOLIDAYS.length} holidays`, timeZone: 'UTC', holidays: HOLIDAYS },
  { label: 'UTC (no DST), no holidays', timeZone: 'UTC', holidays: [] },
];
log('diagnostics (support-rules only)');
const diagnostics = [];
for (const variant of variants) {
  const small = await measure(`diag ${variant.label} 4h`, ours.addVariant(variant, START, { hours: 4 }), { time: DIAG_TIME_MS });
  const large = await measure(`diag ${variant.label} 4000h`, ours.addVariant(variant, START, { hours: 4000 }), { time: DIAG_TIME_MS });
  diagnostics.push({ variant, small, large });
  log(`  ${variant.label.padEnd(44)} 4 h ${formatTime(small.median)}  4,000 h ${formatTime(large.median)}  ${formatRatio(large.median / small.median)}`);
}
const asNumber = await measure('diag 4h as ms', ours.addVariant({ timeZone: ZONE, holidays: HOLIDAYS }, START, 4 * 3_600_000), {
  time: DIAG_TIME_MS,
});
const asObject = await measure('diag 4h as object', ours.addVariant({ timeZone: ZONE, holidays: HOLIDAYS }, START, { hours: 4 }), {
  time: DIAG_TIME_MS,
});
log(`  4 h passed as a number of ms: ${formatTime(asNumber.median)}, as { hours: 4 }: ${formatTime(asObject.median)}`);

// ---------------------------------------------------------------------------------------------
// Report.

const correctPeers = (op) => PEERS.filter((lib) => verdicts[lib.id][op.id].status === 'correct' && timings[lib.id]?.[op.id]);
const fastestCorrect = (op) =>
  correctPeers(op).reduce((best, lib) => (!best || timings[lib.id][op.id].median < timings[best.id][op.id].median ? lib : best), undefined);

function cell(lib, op) {
  const t = timings[lib.id]?.[op.id];
  const timeText = t ? `${formatTime(t.median)} · ${formatOps(t.median)}` : '';
  if (lib === ours) return `**${timeText}**`;
  const v = verdicts[lib.id][op.id];
  if (v.status === 'correct') return timeText;
  if (v.status === 'wrong') return `**${v.text}** — timed anyway, not counted: ${timeText}`;
  return `**${v.text ?? v.status}**`;
}

const tableHeader = ['Operation', ...LIBS.map((lib) => lib.name), 'Fastest correct peer', 'Ours vs fastest correct peer'];
const tableRows = OPERATIONS.map((op) => {
  const best = fastestCorrect(op);
  const ratio = best ? timings[best.id][op.id].median / timings.ours[op.id].median : undefined;
  return [
    op.label,
    ...LIBS.map((lib) => cell(lib, op)),
    best ? best.name : '— (none correct)',
    ratio === undefined ? '—' : ratio >= 1 ? `ours ${formatRatio(ratio)} faster` : `ours ${formatRatio(1 / ratio)} slower`,
  ];
});
const mdTable = (header, rows) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`)].join('\n');

const scaling = timings.ours.add4000.median / timings.ours.add4.median;
const best4 = fastestCorrect(OPERATIONS[0]);
const peerRatio4 = best4 ? timings[best4.id].add4.median / timings.ours.add4.median : undefined;
const goalLines = [
  `- **Cost does not grow with the duration** — our 4,000 h add / our 4 h add = ` +
    `${formatTime(timings.ours.add4000.median)} / ${formatTime(timings.ours.add4.median)} = **${formatRatio(scaling)}** ` +
    `(goal ≤ 3×): **${scaling <= 3 ? 'met' : 'not met'}**.`,
  best4
    ? `- **Faster than the peers** — fastest correct peer's 4 h add (${best4.name}) / ours = ` +
      `${formatTime(timings[best4.id].add4.median)} / ${formatTime(timings.ours.add4.median)} = **${formatRatio(peerRatio4)}** ` +
      `(goal ≥ 20×): **${peerRatio4 >= 20 ? 'met' : 'not met'}**.`
    : `- **Faster than the peers** — no peer gave a correct 4 h add, so the ratio cannot be computed: **not assessed**.`,
];

const versionOf = (name) => JSON.parse(fs.readFileSync(`${root}/node_modules/${name}/package.json`, 'utf8')).version;
const ourVersion = JSON.parse(fs.readFileSync(`${root}/package.json`, 'utf8')).version;
const versions = [
  `support-rules ${ourVersion} (this repository, built \`dist/index.js\`)`,
  ...['moment-business-time', 'moment', 'moment-timezone', 'dayjs-business-time', 'dayjs', 'luxon-business-days', 'luxon', 'tinybench'].map(
    (name) => `${name} ${versionOf(name)}`,
  ),
];

const cpus = os.cpus();
const machine = [
  `- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
  `- CPU: ${cpus[0]?.model?.trim() ?? 'unknown'} — ${cpus.length} logical cores (available parallelism ${os.availableParallelism?.() ?? cpus.length})`,
  `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- Node.js ${process.version} (V8 ${process.versions.v8})`,
  `- Date: ${new Date().toISOString()}`,
  `- Packages: ${versions.join(', ')}`,
];

const checkMark = (ok) => (ok === undefined ? '—' : ok ? '✓' : '✗');
const ourCheckRows = ourChecks.map((c) => [
  c.op.label,
  formatValue(c.op.kind, c.value),
  c.hand ? `${checkMark(c.handOk)} ${c.hand.why}` : '— (oracle only)',
  `${checkMark(c.oracleOk)} ${formatValue(c.op.kind, c.oracle)}`,
  checkMark(c.zoneOk),
]);

function peerNotes(lib) {
  const lines = [`### ${lib.name}`, '', `- Time zone: ${lib.zoneSupport}.`, `- Configuration: ${lib.configuration}`];
  for (const op of OPERATIONS) {
    const v = verdicts[lib.id][op.id];
    let line = `- ${op.label}: ${v.status === 'correct' ? 'correct' : v.text}`;
    if (v.foreign) {
      line +=
        v.foreign.status === 'correct'
          ? ` (also correct with TZ=${FOREIGN_TZ})`
          : `; with TZ=${FOREIGN_TZ}: ${v.foreign.text ?? v.foreign.status}`;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

const dayjsProbeLines = OPERATIONS.map((op) => {
  const r = dayjsTzProbe[op.id];
  if (r.hung) return `  - ${op.label}: **does not return** — ${r.error}`;
  const v = verdict(r, op);
  return `  - ${op.label}: ${v.status === 'correct' ? 'correct' : v.text}`;
});

const incorrect = PEERS.flatMap((lib) =>
  OPERATIONS.filter((op) => verdicts[lib.id][op.id].status !== 'correct').map((op) => `${lib.name}: ${op.label}`),
);

const totalSeconds = () => ((performance.now() - wallStart) / 1000).toFixed(0);

const rawRows = OPERATIONS.flatMap((op) =>
  LIBS.filter((lib) => timings[lib.id]?.[op.id]).map((lib) => {
    const t = timings[lib.id][op.id];
    return [
      op.label,
      lib.name,
      formatTime(t.median),
      t.roundMedians.map(formatTime).join(' / '),
      formatTime(t.mad),
      formatTime(t.p99),
      String(t.samples),
      String(t.batch),
    ];
  }),
);

const doc = `# Performance: business-hours calendar vs. peers

_Generated by \`bench/calendar.bench.mjs\` — do not edit by hand; every run overwrites this file._

support-rules' calendar (\`createCalendar\`, \`addBusinessTime\`, \`businessTimeBetween\`) timed side by side with
moment-business-time, dayjs-business-time and luxon-business-days, in one Node.js process, after checking that
every library returns the same answer.

## How to reproduce

\`\`\`sh
npm run bench   # = npm run build && node bench/calendar.bench.mjs
\`\`\`

The run takes about ${totalSeconds()} s on the machine below and rewrites \`docs/performance.md\`.

## Machine

${machine.join('\n')}

## Scenario

- Calendar: Monday–Friday 09:00–17:00 in **${ZONE}**, closed on the ${HOLIDAYS.length} US federal holidays (observed dates)
  of 2026 and 2027: ${HOLIDAYS.join(', ')}. (2027-12-31 is New Year's Day 2028, observed. No holidays are listed for 2028,
  which the 4,000-hour add reaches; every library is given the same list, so they agree.)
- Start: ${formatValue('instant', START)}. The 40-hour add crosses the DST change of Sunday 2026-03-08;
  the 4,000-hour add (≈ 2 years; it ends ${formatValue('instant', results.ours.add4000.value)}) crosses
  ${offsetChangesBetween(START, results.ours.add4000.value)} DST changes and ${
    HOLIDAYS.filter((d) => Date.parse(`${d}T12:00:00Z`) > START && Date.parse(`${d}T12:00:00Z`) < results.ours.add4000.value).length
  } holidays.
- Operations: add 4, 40, 400 and 4,000 business hours to the start; business time between the start and one
  calendar month later, ${formatValue('instant', END)}.

## Results

Median time per operation and the matching throughput (1 / median). The last column is the fastest correct peer's
median divided by ours.

${mdTable(tableHeader, tableRows)}

## Goals

${goalLines.join('\n')}

## Correctness

Every operation is computed with every library before anything is timed. Our result is the reference; a peer that
disagrees is shown as "wrong (gives X, expected Y)" in the table and is not counted as the fastest peer.
${incorrect.length ? `\nPeer results that disagree with ours: ${incorrect.join('; ')}.\n` : '\nAll peers agree with ours on every operation in this configuration.\n'}
### support-rules (the reference)

Our results are checked three ways: against values worked out by hand, against an independent day-stepping oracle
(\`bench/lib/oracle.mjs\`: walks local dates and converts each day's 09:00 and 17:00 with \`Intl\`, sharing no code
with any library), and for independence from the process's time zone (computed first with TZ=${FOREIGN_TZ}, then with
TZ=${ZONE}).

${mdTable(['Operation', 'Our result', 'Hand check', 'Oracle', `Same with TZ=${FOREIGN_TZ}`], ourCheckRows)}
${problems.length ? `\n**Problems found in our library:**\n\n${problems.map((p) => `- ${p}`).join('\n')}\n` : ''}
${PEERS.map(peerNotes).join('\n\n')}

### Why process.env.TZ is set

dayjs-business-time builds every opening and closing time with dayjs' local-time setters (\`.hour()\`, \`.add(1, 'day')\`),
so it works only in the process's local zone. The natural alternative, passing it \`dayjs/plugin/timezone\` objects
(\`dayjs(ms).tz('${ZONE}')\`), was tried in worker threads with the process zone set to ${FOREIGN_TZ}:

${dayjsProbeLines.join('\n')}

${
  OPERATIONS.some((op) => dayjsTzProbe[op.id].hung)
    ? `(Cause, found while writing this benchmark: the plugin keeps the offset fixed through \`.add()\`/\`.hour()\`, so after
2026-03-08 the library computes "09:00" at UTC-6 — 10:00 CDT — which its own \`isBusinessTime()\` then rejects, and its
loop never ends.) `
    : ''
}The script therefore sets
\`process.env.TZ = '${ZONE}'\` before loading dayjs-business-time, and runs the timed benchmark of **all** libraries in
that zone. moment-business-time (with moment-timezone), luxon-business-days (with luxon zones) and support-rules do not
need it; they were also run with TZ=${FOREIGN_TZ} and their answers are reported above.${
  originalTZ === undefined ? '' : ` (The process was started with TZ=${originalTZ}.)`
}

## Method

- tinybench ${versionOf('tinybench')}, one \`Bench\` per (library, operation, round): ${TIME_MS} ms time budget and at least
  ${MIN_ITERATIONS} samples, after a ${WARMUP_MS} ms warm-up; tasks run one after another in one process.
- ${ROUNDS} interleaved rounds (every task, then every task again, …); the figure reported for a task is its median
  round (the median of the ${ROUNDS} per-round medians). The per-round medians are listed under Raw statistics.
- Fast operations are batched: one sample runs the call repeatedly for at least ~${BATCH_TARGET_MS * 1000} µs and reports
  the mean per call (tinybench's \`overriddenDuration\`), so timer resolution and overhead do not dominate. The
  medians are medians of those batch means. Each task's loop is a fresh function, so libraries do not share
  call-site feedback.
- Inputs are built once, in each library's own type (a \`Date\`, a \`moment.tz\`, a local \`dayjs\`, a luxon \`DateTime\`),
  outside the timed call; the timed call performs the operation and reads the result as epoch milliseconds.
  moment's \`addWorkingTime\` mutates its receiver, so its timed call includes a \`clone()\`.
- Our calendar is created once (\`createCalendar\` compiles the spec); its compile cost is not in these figures.

### Diagnostics: what makes our long adds slower

Our add walks every *irregular* week (one touched by a holiday or a DST change) one by one and skips only runs of
regular weeks arithmetically, so its cost grows with the number of holidays and DST changes crossed. Same weekly
hours, same start, only the zone and holidays changed (one round each, ${DIAG_TIME_MS} ms; indicative):

${mdTable(
  ['Calendar', '4 h add', '4,000 h add', 'Ratio'],
  diagnostics.map(({ variant, small, large }) => [variant.label, formatTime(small.median), formatTime(large.median), formatRatio(large.median / small.median)]),
)}

The scenario's 4 h add with the duration passed as milliseconds (\`4 * 3_600_000\`) instead of \`{ hours: 4 }\`:
${formatTime(asNumber.median)} vs ${formatTime(asObject.median)} (measured back to back), i.e. reading the duration object
costs about ${formatTime(Math.max(0, asObject.median - asNumber.median))} per call.

### Raw statistics

Median, MAD and p99 are those of the median round; samples are summed over the rounds.

${mdTable(['Operation', 'Library', 'Median', 'Per-round medians', 'MAD', 'p99', 'Samples', 'Calls per sample'], rawRows)}
`;

fs.mkdirSync(`${root}/docs`, { recursive: true });
fs.writeFileSync(`${root}/docs/performance.md`, doc);
log('');
log(mdTable(tableHeader, tableRows));
log('');
log(goalLines.join('\n'));
log(`\nwrote docs/performance.md in ${totalSeconds()} s`);
