// Rewrites package.json "exports" and "typesVersions" from modules.json. Run after adding a module.
import { readFileSync, writeFileSync } from 'node:fs';
import { exportsMap, typesVersionsMap } from './modules.mjs';

const file = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(file, 'utf8'));
pkg.exports = exportsMap();
// "typesVersions" sits right after "exports", its node10 twin.
const synced = {};
for (const [key, value] of Object.entries(pkg)) {
  if (key === 'typesVersions') continue;
  synced[key] = value;
  if (key === 'exports') synced.typesVersions = typesVersionsMap();
}
writeFileSync(file, `${JSON.stringify(synced, null, 2)}\n`);
console.log(`package.json exports: ${Object.keys(synced.exports).join(', ')}`);
console.log(`package.json typesVersions (node10): ${Object.keys(synced.typesVersions['*']).join(', ')}`);
