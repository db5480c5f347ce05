// SLA status at volume, streamed: 10,000,000 generated tickets (the scenario of bench/sla.bench.mjs,
// seeded, one at a time) written as NDJSON, then run through the built CLI,
// `support-rules sla policy.json tickets.ndjson --now … --workers N`, once per worker count.
// Measures wall time, tickets per second, CPU time and the peak RSS of the CLI process (worker
// threads included: they share its memory), then writes its part of docs/performance.md between
// the sla-stream-bench markers, with the arithmetic of sharding across machines.
//
//   npx tsup && node bench/sla-stream.bench.mjs [--tickets 10000000] [--workers 1,2] [--keep]
//
// The tickets are generated into a file first (about 425 bytes a ticket: 4.3 GB at 10 million,
// in the system's temporary directory, deleted at the end unless --keep), so that generating
// them does not compete with the CLI for the cores being measured. Statuses go to /dev/null
// (about 4 KB a ticket with every reason); the counts come from the CLI's own --json summary.
// Peak RSS comes from /usr/bin/time -v when it exists, else from the CLI's process as sampled
// by ps every 200 ms.

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { NOW, SEED, policySpec, ticketSource } from './lib/sla-scenario.mjs';
import { formatTime, sourceVersion, writeSection } from './lib/format.mjs';

const START_MARKER = '<!-- sla-stream-bench:start -->';
const END_MARKER = '<!-- sla-stream-bench:end -->';
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli.js');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : argv[i + 1];
};
const TICKETS = Number(option('--tickets', '10000000'));
const WORKERS = option('--workers', '1,2').split(',').map(Number);
const KEEP = argv.includes('--keep');
if (!(TICKETS > 0) || WORKERS.some((w) => !(w >= 1))) throw new Error('usage: node bench/sla-stream.bench.mjs [--tickets N] [--workers 1,2] [--keep]');
const log = (...args) => console.log(...args);
const group = (n) => Math.round(n).toLocaleString('en-US');
const mb = (kb) => `${(kb / 1024).toFixed(0)} MiB`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-stream-'));
const policyFile = path.join(dir, 'policy.json');
const ticketsFile = path.join(dir, 'tickets.ndjson');
fs.writeFileSync(policyFile, JSON.stringify({ id: 'pelpro-bench', version: '1.0', sla: policySpec }));

// ---------------------------------------------------------------------------------------------
// Generate.

async function generate() {
  const next = ticketSource(SEED);
  const out = fs.createWriteStream(ticketsFile);
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < TICKETS; ) {
    let text = '';
    for (let k = 0; k < 2000 && i < TICKETS; k++, i++) text += `${JSON.stringify(next())}\n`;
    bytes += text.length;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { ms: performance.now() - t0, bytes };
}

// ---------------------------------------------------------------------------------------------
// Run the CLI.

const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Peak RSS (KiB) of a process, sampled with ps while it runs (when /usr/bin/time is missing). */
function sampleRss(pid) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      if (kb > peak) peak = kb;
    } catch {
      // The process has ended.
    }
  }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

async function runCli(workers) {
  const args = [cli, 'sla', policyFile, ticketsFile, '--now', NOW.toISOString(), '--workers', String(workers), '--json'];
  const devNull = fs.openSync('/dev/null', 'w');
  const t0 = performance.now();
  const child = timeBin
    ? spawn(timeBin, ['-v', process.execPath, ...args], { stdio: ['ignore', devNull, 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'] });
  const stopSampling = timeBin ? undefined : sampleRss(child.pid);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const [code] = await once(child, 'exit');
  const wallMs = performance.now() - t0;
  fs.closeSync(devNull);
  const summaryLine = stderr.split('\n').find((line) => line.startsWith('{"tickets"'));
  if (!summaryLine) throw new Error(`no summary from the CLI (exit ${code}):\n${stderr}`);
  const summary = JSON.parse(summaryLine);
  const field = (name) => {
    const match = stderr.match(new RegExp(`${name}: ([0-9.:]+)`));
    return match ? match[1] : undefined;
  };
  const maxRssKb = timeBin ? Number(field('Maximum resident set size \\(kbytes\\)')) : stopSampling();
  const cpuMs = timeBin ? (Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'))) * 1000 : undefined;
  if (summary.tickets !== TICKETS) throw new Error(`the CLI read ${summary.tickets} tickets, not ${TICKETS}`);
  return { workers, code, wallMs, cpuMs, maxRssKb, summary, rate: (TICKETS / wallMs) * 1000 };
}

// ---------------------------------------------------------------------------------------------
// Go.

const runStart = performance.now();
// Other work on the machine slows every figure: its load average is reported with them.
const loadBefore = os.loadavg()[0];
log(`generating ${group(TICKETS)} tickets into ${ticketsFile} …`);
const gen = await generate();
log(`generated ${group(TICKETS)} tickets (${(gen.bytes / 2 ** 30).toFixed(2)} GiB) in ${formatTime(gen.ms)}`);
const runs = [];
try {
  for (const workers of WORKERS) {
    log(`support-rules sla --workers ${workers} …`);
    const r = await runCli(workers);
    runs.push(r);
    log(
      `  ${group(r.summary.tickets)} tickets (${group(r.summary.failed)} failed their checks) in ${formatTime(r.wallMs)}: ${group(r.rate)} tickets/s, ` +
        `CPU ${r.cpuMs === undefined ? 'n/a' : formatTime(r.cpuMs)}, peak RSS ${mb(r.maxRssKb)}, exit ${r.code}`,
    );
  }
} finally {
  if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Report.

const one = runs.find((r) => r.workers === 1) ?? runs[0];
const best = runs.reduce((a, b) => (b.rate > a.rate ? b : a));
const perCore = one.rate;
const rows = runs.map((r) => [
  `--workers ${r.workers}`,
  `**${formatTime(r.wallMs)}**`,
  `**${group(r.rate)}**`,
  r.cpuMs === undefined ? 'n/a' : formatTime(r.cpuMs),
  `**${mb(r.maxRssKb)}**`,
  r.workers === one.workers ? '1.00×' : `${(r.rate / one.rate).toFixed(2)}×`,
]);
const table = [
  '| run | wall time | tickets/s | CPU (user + system) | peak RSS | speed-up |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const cores = (perMinute) => Math.ceil(perMinute / (60 * perCore));
const cpus = os.cpus();
const section = `${START_MARKER}
### ${group(TICKETS)} tickets through the CLI (streaming, worker threads)

_Generated by \`bench/sla-stream.bench.mjs\` — do not edit by hand; each run replaces this part (between the
\`sla-stream-bench\` markers)._

\`support-rules sla policy.json tickets.ndjson --now ${NOW.toISOString()} --workers N --json > /dev/null\` on
${group(TICKETS)} tickets of the scenario above (the same seeded generator, seed ${SEED}, continued past the first
100,000), written first as NDJSON (${(gen.bytes / 2 ** 30).toFixed(2)} GiB, ${group(gen.bytes / TICKETS)} bytes a ticket; generated in
${formatTime(gen.ms)}, not counted). Each ticket's whole status, every clock and reason, is written as one JSON line
(about 4 KB); the CLI reads 1,000-line chunks, evaluates them in the main thread (\`--workers 1\`) or round-robin in N
worker threads with at most 2 chunks out per worker, and writes the results in input order. Wall time and CPU of the
whole CLI process; peak RSS ${timeBin ? 'from `/usr/bin/time -v`' : 'sampled with `ps` every 200 ms'} (worker threads share the process's memory).

${table}

- Memory stays flat whatever the input length: the peak RSS above is that of the library loaded once per thread plus
  the chunks in flight, not of the ${group(TICKETS)} tickets.
- The machine has ${cpus.length} logical cores shared with the main thread, which reads, splits and writes (and
  stringifies nothing: workers send their chunk's lines ready to write), so --workers 2 cannot double the rate here.

### Sharding across machines

The SLA functions are pure (a ticket, a policy, an instant in; a status out; no clock read, no shared state), so a
service past one machine shards tickets the way it already shards its events: partition by ticket id across the
queue or stream processor it runs (Kafka partitions keyed by ticket id, SQS FIFO message groups, Kinesis shards,
Pub/Sub ordering keys). Each consumer evaluates its own partition with \`evaluateSla\` or \`evaluateSlaBatch\`
(the same code the CLI runs), and because every ticket's events stay in one partition, no two consumers ever
need each other's state.

The arithmetic, at the rate measured here of **${group(perCore)} tickets/s on one core** (whole status with every
reason serialised; a service that keeps only the statuses does more): N tickets a minute need
⌈N / (60 × ${group(perCore)})⌉ cores, e.g. ${group(1e6)} a minute → ${cores(1e6)} core${cores(1e6) === 1 ? '' : 's'}, ${group(1e7)} a minute
→ ${cores(1e7)}, ${group(1e8)} a minute → ${cores(1e8)}. Re-evaluating every open ticket each minute (for dashboards and
breach alerts) is the same sum with N the number of open tickets; scheduling one timer per ticket at its
\`nextChangeAt\` instead evaluates each ticket only when it changes.

When the policy changes, every shard must load the same policy version at the same moment, or two tickets
created at the same instant would be judged by different targets: publish the policy as a version history
(\`definePolicyHistory\`, docs/versions.md) and evaluate with \`decideInForce\`, which picks the version in force at
each ticket's creation, so a consumer that loads the new history early or late still gives every ticket the
version its creation date says.

Machine: ${cpus[0]?.model?.trim() ?? 'unknown'}, ${cpus.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadBefore.toFixed(1)} before the run and ${os.loadavg()[0].toFixed(1)} after; Node.js ${process.version};
${sourceVersion(root)}; ${new Date().toISOString()}; the whole run took ${((performance.now() - runStart) / 1000).toFixed(0)} s.
${END_MARKER}
`;

if (TICKETS >= 1_000_000) writeSection(path.join(root, 'docs/performance.md'), START_MARKER, END_MARKER, section);
else log('(fewer than 1,000,000 tickets: docs/performance.md left alone)');
log('');
log(table);
log(`\nbest: --workers ${best.workers}, ${group(best.rate)} tickets/s`);
