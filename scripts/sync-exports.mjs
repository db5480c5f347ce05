// Rewrites package.json "exports" from modules.json. Run after adding a module.
import { readFileSync, writeFileSync } from 'node:fs';
import { exportsMap } from './modules.mjs';

const file = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));
pkg.exports = exportsMap();
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`package.json exports: ${Object.keys(pkg.exports).join(', ')}`);
