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
console.log(`\n${scripts.length} example${scripts.length === 1 ? '' : 's'} ran.`);
