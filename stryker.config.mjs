// StrykerJS for one module at a time: `npm run mutation -- returns` (scripts/mutation/run.mjs sets
// MUTATION_MODULE). The module's source is mutated and only its own tests run (docs/testing.md).
const module = process.env.MUTATION_MODULE;
if (!module) throw new Error('Run it with `npm run mutation -- <module>` (MUTATION_MODULE is not set).');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  plugins: ['@stryker-mutator/vitest-runner', './scripts/mutation/plugins.mjs'],
  testRunner: 'vitest-load-aware',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [`src/${module}/**/*.ts`],
  ignorers: ['message-text'],
  concurrency: 2,
  coverageAnalysis: 'perTest',
  // A mutant that loops (a search that never ends) counts as detected once it takes this much
  // longer than the tests normally do.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${module}.json` },
  htmlReporter: { fileName: `reports/mutation/${module}.html` },
  // Incremental: a later run re-tests only the mutants whose code or covering tests changed,
  // reusing the rest from this file (delete it, or pass --force, for a full run).
  incremental: true,
  incrementalFile: `reports/mutation/${module}.incremental.json`,
  tempDirName: `.stryker-tmp/${module}`,
  // Not copied to the sandbox: other modules' runs (two may run at once), reports, built files.
  ignorePatterns: ['/.stryker-tmp', '/reports', '/dist', '/docs/api', '/coverage'],
  cleanTempDir: true,
  ignoreStatic: true,
};
