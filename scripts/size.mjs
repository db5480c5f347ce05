// Bundle sizes as a browser app sees them: each scenario is an entry that imports a few named
// functions from the built package (dist/), bundled by esbuild (ESM, minified, browser, tree
// shaking on), then gzipped (level 9). `node scripts/size.mjs [--json]` prints them;
// test/package/size.test.ts holds each to its `limit`, and bench/size.bench.mjs writes them to
// docs/performance.md beside the goals and the sizes before zod/mini.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const KB = 1024;

/**
 * The scenarios, gzipped bytes. `goal` is issue 16's; `limit` is what npm test enforces: the goal
 * where it is met, else the size reached rounded up to the next KB, so that no change grows a
 * bundle unnoticed. `before` is the size measured the same way before zod/mini (2026-11-26).
 */
export const scenarios = [
  { name: 'calendar', what: 'createCalendar + addBusinessTime', source: `export { createCalendar, addBusinessTime } from '${dist}calendar.js';`, goal: 12 * KB, limit: 16 * KB, before: 108.4 * KB },
  { name: 'sla', what: 'defineSlaPolicy + evaluateSla', source: `export { defineSlaPolicy, evaluateSla } from '${dist}sla.js';`, goal: 25 * KB, limit: 38 * KB, before: 125.5 * KB },
  { name: 'whole', what: 'every export of the package root', source: `export * from '${dist}index.js';`, goal: 60 * KB, limit: 131 * KB, before: 200.4 * KB },
];

/** A peer measured the same way, for scale: dayjs with its timezone plugin and dayjs-business-time. */
export const peer = {
  name: 'dayjs peer',
  what: 'dayjs + utc + timezone + dayjs-business-time',
  source: `import dayjs from 'dayjs'; import utc from 'dayjs/plugin/utc.js'; import timezone from 'dayjs/plugin/timezone.js'; import businessTime from 'dayjs-business-time'; dayjs.extend(utc); dayjs.extend(timezone); dayjs.extend(businessTime); export default dayjs;`,
};

/** Bundles one scenario; returns its minified and gzipped byte counts and the bytes per package. */
export async function measure(scenario) {
  const result = await build({
    stdin: { contents: scenario.source, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const byPackage = {};
  for (const [file, input] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = match ? match[1] : 'support-rules';
    byPackage[key] = (byPackage[key] ?? 0) + input.bytesInOutput;
  }
  return { ...scenario, source: undefined, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, byPackage };
}

export async function measureAll() {
  const out = [];
  for (const scenario of scenarios) out.push(await measure(scenario));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await measureAll();
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    const kb = (n) => `${(n / KB).toFixed(1)} KB`;
    for (const r of [...results, await measure(peer)]) {
      const against = r.goal === undefined ? '' : `  goal ${kb(r.goal)}, limit ${kb(r.limit)}`;
      console.log(`${r.name.padEnd(10)} ${kb(r.bytes).padStart(9)}  ${kb(r.gzip).padStart(8)} gz${against}  ${JSON.stringify(Object.fromEntries(Object.entries(r.byPackage).map(([k, v]) => [k, +(v / KB).toFixed(1)])))}`);
    }
  }
}
