// Runs every example script in this folder, one after another, and fails if any fails.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
const scripts = readdirSync(folder)
  .filter((name) => name.endsWith('.mjs') && name !== 'run-all.mjs')
  .sort();

for (const script of scripts) {
  console.log(`\n=== examples/${script} ===\n`);
  execFileSync(process.execPath, [script], { cwd: folder, stdio: 'inherit' });
}
// A policy author's checks: the PelPro policy file, and every preset against its case file.
const checks = [['pelpro.policy.json', 'pelpro.cases.json'], ...['primos', 'pelpro', 'homepro', 'amare', 'trufit'].map((name) => [`preset:${name}`, `${name}.cases.json`])];
for (const [policy, cases] of checks) {
  console.log(`\n=== support-rules check ${policy} ${cases} ===\n`);
  execFileSync(process.execPath, ['../dist/cli.js', 'check', policy, cases], { cwd: folder, stdio: 'inherit' });
}
console.log(`\n${scripts.length} example${scripts.length === 1 ? '' : 's'} ran, and the case files of the PelPro policy and of ${checks.length - 1} presets passed.`);
