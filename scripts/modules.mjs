// Derives every module-shaped piece of configuration from modules.json, so the tsup entries,
// the package.json "exports" map and typedoc's entry points cannot drift apart.
import { readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** @returns {string[]} module names, e.g. ['errors', 'calendar'] */
export function moduleNames() {
  return JSON.parse(readFileSync(new URL('modules.json', root), 'utf8')).modules;
}

/** tsup entry map: `index` for the root barrel plus one entry per module. */
export function tsupEntries() {
  const entries = { index: 'src/index.ts' };
  for (const name of moduleNames()) entries[name] = `src/${name}/index.ts`;
  return entries;
}

function conditions(file) {
  return {
    import: { types: `./dist/${file}.d.ts`, default: `./dist/${file}.js` },
    require: { types: `./dist/${file}.d.cts`, default: `./dist/${file}.cjs` },
  };
}

/** The package.json "exports" map: `.` plus `./<module>` for each module, and the JSON Schemas. */
export function exportsMap() {
  const map = { '.': conditions('index') };
  for (const name of moduleNames()) map[`./${name}`] = conditions(name);
  map['./policy.schema.json'] = './dist/policy.schema.json';
  map['./policy-history.schema.json'] = './dist/policy-history.schema.json';
  map['./cases.schema.json'] = './dist/cases.schema.json';
  map['./package.json'] = './package.json';
  return map;
}

/** typedoc entry points. */
export function typedocEntryPoints() {
  return ['src/index.ts', ...moduleNames().map((name) => `src/${name}/index.ts`)];
}
