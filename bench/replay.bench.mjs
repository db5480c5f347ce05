// What-if replay at volume: compareOutcomeStream (support-rules/policy) over 100,000 generated cases
// — returns and tickets, Primos against Primos with a 45-day return window and a 24-hour
// resolution target — read from a generator one case at a time, as a file is read. Measures the
// time and the peak memory of the library's streaming function in this process (RSS and heap
// sampled every 1,000 cases), then of `support-rules diff --json` over the same cases as NDJSON in
// a child process (its maxRSS), and writes its section of docs/performance.md between the
// replay-bench markers (replaced if present, else appended).
//
//   npx tsup && node bench/replay.bench.mjs          (REPLAY_CASES=1000000 for a million)

import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compareOutcomeStream, definePolicy, presets, presetSpecs } from '../dist/index.js';
import { quarterOfReturns, withReturnWindow } from '../examples/lib/replay-quarter.mjs';
import { sourceVersion, writeSection } from './lib/format.mjs';

const CASES = Number(process.env.REPLAY_CASES ?? 100_000);
const SAMPLE_EVERY = 1_000;
const START_MARKER = '<!-- replay-bench:start -->';
const END_MARKER = '<!-- replay-bench:end -->';
const root = fileURLToPath(new URL('..', import.meta.url));
const runStart = performance.now();

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

// After: a 45-day window, and the standard resolution target cut from 48 to 24 hours.
const afterSpec = withReturnWindow(presetSpecs.primos, 45);
afterSpec.sla.rules.find((rule) => rule.id === 'standard').targets[0].within = { hours: 24 };
const before = presets.primos;
const after = definePolicy(afterSpec);

// 60 % returns (the example's generator, 600 at a time), 40 % tickets evaluated 1 to 72 hours after creation.
function* cases() {
  let returns = [];
  for (let i = 0; i < CASES; i++) {
    if (i % 5 < 3) {
      if (returns.length === 0) returns = quarterOfReturns(600, 7 + i).reverse();
      yield returns.pop();
    } else {
      const created = Date.parse('2026-10-01T00:00:00Z') + ((i * 7_919) % 92) * 86_400_000 + ((i * 104_729) % 86_400) * 1000;
      const channel = ['email', 'portal', 'chat', 'phone'][i % 4];
      yield { kind: 'sla', given: { ticket: { id: `T-${i}`, channel, events: [{ type: 'created', at: new Date(created).toISOString() }] }, now: new Date(created + (1 + (i % 72)) * 3_600_000).toISOString() } };
    }
  }
}

// The library: the streaming function over a generator, memory sampled as the cases are read.
gc();
const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed;
function* sampled() {
  let i = 0;
  for (const c of cases()) {
    if (++i % SAMPLE_EVERY === 0) {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
    yield c;
  }
}
let changed = 0;
let totals;
const start = performance.now();
const cpuStart = process.cpuUsage();
for await (const entry of compareOutcomeStream(before, after, sampled())) {
  if (entry.type === 'totals') totals = entry;
  else changed++;
}
const libraryMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const libraryCpuMs = (cpu.user + cpu.system) / 1000;
if (totals.cases !== CASES || totals.changed !== changed) throw new Error('the totals do not count the cases');
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(`library: ${CASES} cases in ${(libraryMs / 1000).toFixed(2)} s (CPU ${(libraryCpuMs / 1000).toFixed(2)} s), ${changed} changed; peak RSS ${mb(peakRss)}, peak heap ${mb(peakHeap)} (at start: ${mb(base.rss)}, ${mb(base.heapUsed)})`);

// The CLI: the same cases as NDJSON, in a child process that reports its maxRSS at exit.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-rules-replay-'));
const ndjson = path.join(dir, 'cases.ndjson');
const fd = fs.openSync(ndjson, 'w');
for (const c of cases()) fs.writeSync(fd, `${JSON.stringify(c)}\n`);
fs.closeSync(fd);
const afterFile = path.join(dir, 'after.json');
fs.writeFileSync(afterFile, JSON.stringify(afterSpec));
const report = "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('maxRSS ' + u.maxRSS + ' cpu ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); })";
// Its output goes to a file: a million cases' JSON lines are more than a string can hold.
const outFile = path.join(dir, 'out.jsonl');
const outFd = fs.openSync(outFile, 'w');
const cliStart = performance.now();
const child = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, path.join(root, 'dist/cli.js'), 'diff', 'preset:primos', afterFile, ndjson, '--json'], { encoding: 'utf8', stdio: ['ignore', outFd, 'pipe'] });
const cliMs = performance.now() - cliStart;
fs.closeSync(outFd);
/** The number of lines of the output, and its last line. */
function linesOf(file) {
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  let count = 0;
  let last = '';
  for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) {
    const chunk = buffer.subarray(0, n);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
    const text = chunk.toString('latin1');
    const cut = text.lastIndexOf('\n', text.length - 2);
    last = cut === -1 ? last + text : text.slice(cut + 1);
  }
  fs.closeSync(fd);
  return { count, last: Buffer.from(last, 'latin1').toString('utf8') };
}
const output = linesOf(outFile);
const cliRss = Number(/maxRSS (\d+)/.exec(child.stderr)?.[1] ?? NaN) * 1024;
const cliCpuMs = Number(/cpu (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1000;
const cliTotals = JSON.parse(output.last);
if (child.status !== 1 || cliTotals.changed !== totals.changed) throw new Error(`support-rules diff: exit ${child.status}, ${cliTotals.changed} changed: ${child.stderr}`);
console.log(`CLI: ${CASES} cases (NDJSON, ${mb(fs.statSync(ndjson).size)}) in ${(cliMs / 1000).toFixed(2)} s (CPU ${(cliCpuMs / 1000).toFixed(2)} s), ${output.count - 1} JSON lines; maxRSS ${mb(cliRss)}`);
fs.rmSync(dir, { recursive: true });

const cpus = os.cpus();
const section = `${START_MARKER}
## What-if replay at volume

_Generated by \`bench/replay.bench.mjs\` — do not edit by hand; each run replaces this section._

${CASES.toLocaleString('en-US')} generated cases (60 % Primos returns from [the replay example's](replay.md) generator,
40 % tickets evaluated 1 to 72 hours after creation), replayed through Primos and Primos with a 45-day
return window and a 24-hour resolution target: ${totals.changed.toLocaleString('en-US')} cases differ.

| run | wall time | CPU time | peak memory |
|---|---|---|---|
| \`compareOutcomeStream\` over a generator, in process | ${(libraryMs / 1000).toFixed(2)} s | ${(libraryCpuMs / 1000).toFixed(2)} s (${((libraryCpuMs * 1000) / CASES).toFixed(0)} µs a case: two decisions and their comparison) | RSS ${mb(peakRss)}, heap ${mb(peakHeap)} (from ${mb(base.rss)} / ${mb(base.heapUsed)} before the run; sampled every ${SAMPLE_EVERY.toLocaleString('en-US')} cases) |
| \`support-rules diff --json\` over the same cases as NDJSON | ${(cliMs / 1000).toFixed(2)} s | ${(cliCpuMs / 1000).toFixed(2)} s (the file checked, then replayed; ${(output.count - 1).toLocaleString('en-US')} JSON lines written) | maxRSS ${mb(cliRss)} |

Memory stays bounded: one case is held at a time, an unchanged case keeps no explanation, and the
medians keep one 8-byte duration per case and deadline (the largest part of what grows with the
input: ${CASES.toLocaleString('en-US')} cases with three deadlines each is ${((CASES * 3 * 8) / 1e6).toFixed(1)} MB a side).

Reproduce: \`npx tsup && node bench/replay.bench.mjs\`.
Machine: ${cpus[0]?.model?.trim() ?? 'unknown'}, ${cpus.length} logical cores; Node.js ${process.version}; ${sourceVersion(root)}; ${new Date().toISOString()}; run took ${((performance.now() - runStart) / 1000).toFixed(0)} s.
${END_MARKER}
`;

writeSection(`${root}/docs/performance.md`, START_MARKER, END_MARKER, section);
console.log('wrote the replay section of docs/performance.md');
