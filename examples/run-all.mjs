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
// A policy author's check: the PelPro policy file against its example cases, through the CLI.
console.log('\n=== support-rules check examples/pelpro.policy.json examples/pelpro.cases.json ===\n');
execFileSync(process.execPath, ['../dist/cli.js', 'check', 'pelpro.policy.json', 'pelpro.cases.json'], { cwd: folder, stdio: 'inherit' });
console.log(`\n${scripts.length} example${scripts.length === 1 ? '' : 's'} ran, and the PelPro cases passed.`);
