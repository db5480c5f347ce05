// `npm run mutation [-- module …]`: StrykerJS on each decision module against its own tests
// (docs/testing.md). Without arguments it runs the eight decision modules one after another and
// prints a table of scores; reports go to reports/mutation/<module>.{json,html}. Runs are
// incremental (only mutants whose code or tests changed are tested again); `--force` tests all.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const MODULES = ['money', 'returns', 'fees', 'warranty', 'compensation', 'escalation', 'calendar', 'sla'];
const root = fileURLToPath(new URL('../..', import.meta.url));
const flags = process.argv.slice(2).filter((arg) => arg === '--force');
const asked = process.argv.slice(2).filter((arg) => arg !== '--force');
const unknown = asked.filter((m) => !MODULES.includes(m));
if (unknown.length > 0) {
  console.error(`unknown module ${unknown.join(', ')}: one of ${MODULES.join(', ')}`);
  process.exit(2);
}
const modules = asked.length > 0 ? asked : MODULES;
const rows = [];
for (const module of modules) {
  const start = Date.now();
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url)), 'run', 'stryker.config.mjs', ...flags], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: 'America/New_York', MUTATION_MODULE: module },
  });
  const report = JSON.parse(fs.readFileSync(`${root}reports/mutation/${module}.json`, 'utf8'));
  const counts = {};
  for (const file of Object.values(report.files)) for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  rows.push({ module, mutants: valid, killed: counts.Killed ?? 0, timeout: counts.Timeout ?? 0, survived: counts.Survived ?? 0, 'no coverage': counts.NoCoverage ?? 0, ignored: counts.Ignored ?? 0, score: `${((100 * detected) / valid).toFixed(1)} %`, minutes: ((Date.now() - start) / 60_000).toFixed(1) });
}
console.table(rows);
