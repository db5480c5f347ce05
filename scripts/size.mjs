// Bundle sizes as a browser app sees them: each scenario is an entry that imports a few named
// functions from the built package (dist/), bundled by esbuild (ESM, minified, browser, tree
// shaking on), then gzipped. `node scripts/size.mjs [--json]` prints them; test/package/size.test.ts
// holds them to the budgets below, and bench/size.bench.mjs writes them to docs/performance.md.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** The scenarios and their gzipped budgets in bytes (issue 16). */
export const scenarios = [
  { name: 'calendar', what: 'createCalendar + addBusinessTime', source: `export { createCalendar, addBusinessTime } from '${dist}calendar.js';`, budget: 12 * 1024 },
  { name: 'sla', what: 'defineSlaPolicy + evaluateSla', source: `export { defineSlaPolicy, evaluateSla } from '${dist}sla.js';`, budget: 25 * 1024 },
  { name: 'whole', what: 'every export of the package root', source: `export * from '${dist}index.js';`, budget: 60 * 1024 },
];

/** Bundles one scenario; returns its minified and gzipped byte counts and the bytes per package. */
export async function measure(scenario) {
  const result = await build({
    stdin: { contents: scenario.source, resolveDir: dist, loader: 'js' },
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
  return { name: scenario.name, what: scenario.what, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, budget: scenario.budget, byPackage };
}

export async function measureAll() {
  const out = [];
  for (const scenario of scenarios) out.push(await measure(scenario));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await measureAll();
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else for (const r of results) console.log(`${r.name.padEnd(9)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${(r.gzip / 1024).toFixed(1).padStart(6)} KB gz  (budget ${(r.budget / 1024).toFixed(0)} KB)  ${JSON.stringify(Object.fromEntries(Object.entries(r.byPackage).map(([k, v]) => [k, +(v / 1024).toFixed(1)])))}`);
}
