// Derives every module-shaped piece of configuration from modules.json, so the tsup entries,
// the package.json "exports" and "typesVersions" maps and typedoc's entry points cannot drift apart.
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

/** The JSON Schemas scripts/write-schema.mjs writes into dist/, each exported at the package root. */
export const schemaFiles = ['policy.schema.json', 'policy-history.schema.json', 'cases.schema.json'];

/** The package.json "exports" map: `.` plus `./<module>` for each module, and the JSON Schemas. */
export function exportsMap() {
  const map = { '.': conditions('index') };
  for (const name of moduleNames()) map[`./${name}`] = conditions(name);
  for (const file of schemaFiles) map[`./${file}`] = `./dist/${file}`;
  map['./package.json'] = './package.json';
  return map;
}

/**
 * The package.json "typesVersions" map, for TypeScript's `moduleResolution: node` (node10), which
 * ignores "exports" and would look for `support-rules/calendar` at the package root. Each subpath
 * points at the CommonJS declarations, as "types" does for the root: node10 stands for a CommonJS
 * Node. node16, nodenext and bundler never read it, because the package has "exports".
 */
export function typesVersionsMap() {
  const paths = {};
  for (const name of moduleNames()) paths[name] = [`./dist/${name}.d.cts`];
  for (const file of schemaFiles) paths[file] = [`./dist/${file}`];
  return { '*': paths };
}

/** typedoc entry points. */
export function typedocEntryPoints() {
  return ['src/index.ts', ...moduleNames().map((name) => `src/${name}/index.ts`)];
}
