// Cold start: what a short-lived process (a serverless function computing one deadline) pays before
// its first answer. Each measurement is a fresh `node` process (10 per scenario after 2 discarded
// warm-ups, the scenarios interleaved round by round so that a burst of load on the machine hits all
// of them alike), timing with performance.now() inside the child:
//
// - the dynamic import of `support-rules/calendar` (and, for context, `support-rules/sla`, the
//   package root, an empty module, and Intl's own start-up: the first Intl.DateTimeFormat in a bare
//   process, which any Intl-based zone library pays once);
// - the first createCalendar in a zone, then the first addBusinessTime (12 business hours from a
//   Friday afternoon, so the add crosses a weekend), as the first calendar of the process and as a
//   new zone in a process that already made one.
//
// The child is a script in a temporary directory whose node_modules/support-rules is a symlink to
// the package, so `import('support-rules/calendar')` resolves through the package's `exports` map to
// the built dist/ exactly as a user's import does. It writes its section of docs/performance.md
// between the cold-start markers (replaced if present, else appended), so it runs after
// bench/calendar.bench.mjs, which rewrites the whole file.
//
//   npx tsup && node bench/cold-start.bench.mjs
//   COLD_START_BASELINE=/path/to/an/earlier/built/checkout node bench/cold-start.bench.mjs
//
// COLD_START_RUNS=n changes the number of processes per scenario; COLD_START_LABEL and
// COLD_START_BASELINE_LABEL describe the builds in the report when they are not git checkouts.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTime, mdEscape, sourceVersion, writeSection } from './lib/format.mjs';

const START_MARKER = '<!-- cold-start-bench:start -->';
const END_MARKER = '<!-- cold-start-bench:end -->';
export const RUNS = Number(process.env.COLD_START_RUNS ?? 10);
export const WARMUPS = 2;
export const ZONES = ['America/Chicago', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata'];
/** The goals of issue 16 and the figures it started from. */
export const GOAL_IMPORT_MS = 15;
export const GOAL_FIRST_CALENDAR_MS = 5;
const BEFORE = {
  import: '80–100 ms in the issue; 160–213 ms measured on this machine before the change (the "Before" column, when given, is this run\'s)',
  firstCalendar: '10–60 ms (issue)',
};
/** Mon–Fri 09:00–17:00 with two holidays; the add starts on a Friday afternoon (UTC). */
export const START = '2026-11-27T15:00:00.000Z';
export const ADD_HOURS = 12;
const WEEKDAY_HOURS = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] };
export const calendarSpec = (timeZone) => ({ timeZone, hours: WEEKDAY_HOURS, holidays: ['2026-12-25', '2027-01-01'] });

// The child: one scenario, timings (ms) and the deadlines it computed as JSON on stdout. Kept free of
// imports so nothing but the scenario itself is loaded before the clock starts.
const CHILD = `
const [scenario, arg = ''] = process.argv.slice(2);
const spec = ${calendarSpec.toString()};
const WEEKDAY_HOURS = ${JSON.stringify(WEEKDAY_HOURS)};
const out = { timings: {}, results: {} };
const since = (t) => performance.now() - t;
let t = performance.now();
if (scenario === 'empty') {
  await import('./empty.mjs');
  out.timings.import = since(t);
} else if (scenario === 'intl') {
  new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', timeZoneName: 'longOffset', hour: 'numeric' }).format(0);
  out.timings.intl = since(t);
} else if (scenario === 'import') {
  await import(arg);
  out.timings.import = since(t);
  // Whether the import already paid Intl's start-up: then this is cheap.
  t = performance.now();
  new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', timeZoneName: 'longOffset', hour: 'numeric' }).format(0);
  out.timings.intlAfter = since(t);
} else {
  const calendar = await import('support-rules/calendar');
  out.timings.import = since(t);
  // 'first': the zones in order, the first one the process's first calendar; 'new-zone': a UTC
  // calendar first (not reported), so that every listed zone is new in a process already warm.
  const zones = scenario === 'new-zone' ? ['UTC', ...arg.split(',')] : arg.split(',');
  for (const zone of zones) {
    if (scenario === 'parts') {
      // The spec's validation on its own first: what is left for createCalendar is compilation.
      t = performance.now();
      calendar.parseCalendarSpec(spec(zone));
      out.timings['validate ' + zone] = since(t);
    }
    t = performance.now();
    const cal = calendar.createCalendar(spec(zone));
    const created = since(t);
    t = performance.now();
    const deadline = calendar.addBusinessTime(cal, ${JSON.stringify(START)}, { hours: ${ADD_HOURS} });
    const added = since(t);
    if (scenario === 'new-zone' && zone === 'UTC') continue;
    out.timings['create ' + zone] = created;
    out.timings['add ' + zone] = added;
    out.results[zone] = deadline.toISOString();
  }
}
process.stdout.write(JSON.stringify(out));
`;

/** The scenarios, each run in its own fresh processes: [id, label, argument]. */
export const SCENARIOS = [
  ['empty', 'Node.js itself: `import()` of an empty module', ''],
  ['intl', "Intl's own start-up: the first `Intl.DateTimeFormat` in a bare process", ''],
  ['import', "`import('support-rules/calendar')`", 'support-rules/calendar'],
  ['import', "`import('support-rules/sla')`", 'support-rules/sla'],
  ['import', "`import('support-rules')` (everything)", 'support-rules'],
  ...ZONES.map((zone) => ['first', `first calendar of the process: ${zone}`, zone]),
  ['new-zone', 'a new zone in a process that already has a calendar', ZONES.join(',')],
  ['parts', 'first calendar of the process, its validation timed apart', ZONES[1]],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median, min and max of each timing over the runs. */
export function summarise(samples) {
  const keys = Object.keys(samples[0] ?? {});
  return Object.fromEntries(
    keys.map((key) => {
      const values = samples.map((sample) => sample[key]);
      return [key, { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length }];
    }),
  );
}

/**
 * Runs every scenario in fresh `node` processes against each built package in `packageDirs` (rounds
 * interleaved across packages and scenarios) and returns, per package and scenario, the summarised
 * timings (ms) and the deadlines the children computed (a child that disagrees with an earlier one
 * makes this throw).
 */
export function measureColdStart({ packageDirs, runs = RUNS, warmups = WARMUPS, scenarios = SCENARIOS, log = () => {} }) {
  const dirs = packageDirs.map((packageDir) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-rules-cold-'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(path.resolve(packageDir), path.join(dir, 'node_modules', 'support-rules'), 'dir');
    fs.writeFileSync(path.join(dir, 'empty.mjs'), '');
    fs.writeFileSync(path.join(dir, 'child.mjs'), CHILD);
    return dir;
  });
  try {
    const samples = dirs.map(() => scenarios.map(() => []));
    const results = dirs.map(() => scenarios.map(() => undefined));
    for (let round = 0; round < warmups + runs; round++) {
      dirs.forEach((dir, d) => {
        scenarios.forEach(([id, label, arg], i) => {
          const text = execFileSync(process.execPath, ['child.mjs', id, arg], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
          const out = JSON.parse(text);
          const seen = JSON.stringify(out.results);
          if (results[d][i] !== undefined && results[d][i] !== seen) throw new Error(`${packageDirs[d]}: ${label}: deadlines differ between runs: ${results[d][i]} vs ${seen}`);
          results[d][i] = seen;
          if (round >= warmups) samples[d][i].push(out.timings);
        });
      });
      log(`round ${round + 1}/${warmups + runs}${round < warmups ? ' (warm-up, discarded)' : ''}`);
    }
    return dirs.map((_, d) => scenarios.map(([id, label, arg], i) => ({ id, label, arg, timings: summarise(samples[d][i]), results: JSON.parse(results[d][i]) })));
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The report (only when run as a script).

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) await main();

async function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const baselineDir = process.env.COLD_START_BASELINE;
  const runStart = performance.now();
  const log = (...args) => console.log(...args);
  if (!fs.existsSync(path.join(root, 'dist', 'calendar.js'))) throw new Error('dist/ is missing: run `npx tsup` first');

  // The deadlines the children must compute, from this process (not timed).
  const { addBusinessTime, createCalendar } = await import(pathToFileURL(path.join(root, 'dist', 'calendar.js')).href);
  const expected = Object.fromEntries(ZONES.map((zone) => [zone, addBusinessTime(createCalendar(calendarSpec(zone)), START, { hours: ADD_HOURS }).toISOString()]));

  log(`cold start: ${RUNS} fresh processes per scenario (+${WARMUPS} warm-ups), ${SCENARIOS.length} scenarios`);
  if (baselineDir) log(`baseline (measured alongside): ${baselineDir}`);
  const [current, baseline] = measureColdStart({ packageDirs: baselineDir ? [root, baselineDir] : [root], log });
  for (const scenario of [...current, ...(baseline ?? [])]) {
    for (const [zone, deadline] of Object.entries(scenario.results)) {
      if (deadline !== expected[zone]) throw new Error(`${scenario.label}: ${zone} deadline ${deadline}, expected ${expected[zone]}`);
    }
  }

  const find = (list, label) => list?.find((s) => s.label === label);
  const cell = (t) => (t ? `${formatTime(t.median)} (${formatTime(t.min)}–${formatTime(t.max)})` : '—');
  const imports = current.filter((s) => s.id === 'empty' || s.id === 'intl' || s.id === 'import');
  const importRows = imports.map((s) => {
    const t = s.timings.import ?? s.timings.intl;
    const before = find(baseline, s.label);
    const beforeCell = before ? cell(before.timings.import ?? before.timings.intl) : s.arg === 'support-rules/calendar' ? BEFORE.import : '—';
    return `| ${s.label} | ${cell(t)} | ${s.timings.intlAfter ? formatTime(s.timings.intlAfter.median) : '—'} | ${beforeCell} |`;
  });

  const firstRows = [];
  const newRows = [];
  const sums = { first: [], 'new-zone': [] };
  for (const s of current.filter((x) => x.id === 'first' || x.id === 'new-zone')) {
    const before = find(baseline, s.label);
    const zones = s.id === 'first' ? [s.arg] : ZONES;
    for (const zone of zones) {
      const create = s.timings[`create ${zone}`];
      const add = s.timings[`add ${zone}`];
      const together = create.median + add.median;
      sums[s.id].push({ zone, together });
      const b = before && before.timings[`create ${zone}`].median + before.timings[`add ${zone}`].median;
      const row = `| ${zone} | ${cell(create)} | ${cell(add)} | **${formatTime(together)}** | ${b ? formatTime(b) : BEFORE.firstCalendar} | ${s.results[zone]} |`;
      (s.id === 'first' ? firstRows : newRows).push(row);
    }
  }
  const parts = current.find((s) => s.id === 'parts');
  const partsZone = parts.arg;
  const calendarImport = current.find((s) => s.arg === 'support-rules/calendar').timings;
  const importCal = calendarImport.import.median;
  const intl = current.find((s) => s.id === 'intl').timings.intl.median;
  // An Intl.DateTimeFormat right after the import costing less than half a bare one: the import started Intl.
  const importStartsIntl = calendarImport.intlAfter.median < intl / 2;
  const intlNote = importStartsIntl
    ? 'the import has already started Intl'
    : `plus Intl's start-up, which the import leaves to the zone-name check: ${formatTime(intl)} in a bare process`;
  const partsLine = `Where the first calendar's time goes (${partsZone}, the spec validated on its own first, in other fresh processes): validating it ${formatTime(parts.timings[`validate ${partsZone}`].median)} (the schema's first run, ${intlNote}), then \`createCalendar\` ${formatTime(parts.timings[`create ${partsZone}`].median)} (validating again, now warm, and compiling), then the first add ${formatTime(parts.timings[`add ${partsZone}`].median)} (loading the zone's offsets, the calendar code's first run).`;
  const worstNew = Math.max(...sums['new-zone'].map((x) => x.together));
  const worstFirst = Math.max(...sums.first.map((x) => x.together));
  const verdict = (ok) => (ok ? '**met**' : '**not met**');
  const goals = [
    `- \`import('support-rules/calendar')\`: ${formatTime(importCal)} median (goal ≤ ${GOAL_IMPORT_MS} ms): ${verdict(importCal <= GOAL_IMPORT_MS)}.`,
    `- First \`createCalendar\` + first \`addBusinessTime\` in a new zone: at most ${formatTime(worstNew)} (median, worst of the ${ZONES.length} zones) in a process that already has a calendar (goal ≤ ${GOAL_FIRST_CALENDAR_MS} ms): ${verdict(worstNew <= GOAL_FIRST_CALENDAR_MS)}; at most ${formatTime(worstFirst)} as the process's first calendar: ${verdict(worstFirst <= GOAL_FIRST_CALENDAR_MS)}. The first calendar ${importStartsIntl ? 'pays' : `also pays Intl's start-up (${formatTime(intl)} in a bare process, which no Intl-based zone code avoids) and`} the first run of the spec's validation and of the calendar code (not yet compiled by V8).`,
  ];

  const cpus = os.cpus();
  const describe = (dir, label) => label ?? sourceVersion(dir);
  const baselineNote = baselineDir ? ` "Before" is the build in \`${mdEscape(baselineDir)}\` (${describe(baselineDir, process.env.COLD_START_BASELINE_LABEL)}), measured in the same run, rounds alternating with this build's.` : '';
  const section = `${START_MARKER}
## Cold start

_Generated by \`bench/cold-start.bench.mjs\` — do not edit by hand; each run replaces this section._

What a short-lived process (a serverless function computing one deadline) pays before its first
answer. Every figure is the median of ${RUNS} fresh \`node\` processes (after ${WARMUPS} discarded warm-ups; min–max in
brackets), timed with \`performance.now()\` inside the process. The imports go through the package's
\`exports\` map as a user's do: the child script sits in a temporary directory whose
\`node_modules/support-rules\` is a symlink to this package, so \`import('support-rules/calendar')\` loads
the built \`dist/calendar.js\`. The third column times an \`Intl.DateTimeFormat\` made right after the import:
when it is cheap, the import already paid Intl's start-up.${baselineNote}

| What | This build: median (min–max) | Then a first \`Intl.DateTimeFormat\` | Before |
|---|---|---|---|
${importRows.join('\n')}

The calendar is Mon–Fri 09:00–17:00 with two holidays; the add is ${ADD_HOURS} business hours from
Friday ${START.slice(0, 16).replace('T', ' ')} UTC, so it crosses a weekend in every zone (the path that builds a 64-week block, the
longest a first add takes). Columns: \`createCalendar\` (validation and compilation), the first
\`addBusinessTime\` (which loads the zone's offsets: about two months around the instant at first, grown on
demand), both together, and the deadline (every process must compute the same one, checked).

First calendar of a fresh process (after the import):

| Zone | createCalendar | first addBusinessTime | Together | Before | Deadline |
|---|---|---|---|---|---|
${firstRows.join('\n')}

A new zone in a process that already made a calendar (one in UTC first), each zone new in turn:

| Zone | createCalendar | first addBusinessTime | Together | Before | Deadline |
|---|---|---|---|---|---|
${newRows.join('\n')}

${partsLine}

${goals.join('\n')}

Before issue 16 (its figures): the import took ${BEFORE.import}; the first \`createCalendar\` and first add in a zone
another ${BEFORE.firstCalendar}, while the zone table was built (a year either side of the first instant, at about 6 µs an Intl call).
A process's first calendar can take longer than before although everything in it is cheaper: the earlier build's
import loaded date-fns-tz, which paid Intl's start-up inside the import (its 200-odd ms), so its first calendar did
not; now the import leaves Intl alone and the first calendar's zone-name check pays it (the third column of the
first table shows what a first \`Intl.DateTimeFormat\` costs after each import).

Reproduce: \`npx tsup && node bench/cold-start.bench.mjs\` (part of \`npm run bench\`); to compare with an earlier
build, \`COLD_START_BASELINE=<built checkout> node bench/cold-start.bench.mjs\`.
Machine: ${cpus[0]?.model?.trim() ?? 'unknown'}, ${cpus.length} logical cores, load average ${os.loadavg()[0].toFixed(1)} at the end; Node.js ${process.version} (ICU ${process.versions.icu}, tz ${process.versions.tz}); ${describe(root, process.env.COLD_START_LABEL)}; ${new Date().toISOString()}; run took ${((performance.now() - runStart) / 1000).toFixed(0)} s.
${END_MARKER}
`;

  writeSection(`${root}/docs/performance.md`, START_MARKER, END_MARKER, section);
  log('');
  log(importRows.join('\n'));
  log(firstRows.join('\n'));
  log(newRows.join('\n'));
  log(partsLine);
  log(goals.join('\n'));
  log('wrote the cold-start section of docs/performance.md');
}
