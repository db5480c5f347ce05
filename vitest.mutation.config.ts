import { defineConfig } from 'vitest/config';

// The tests of the module under mutation only (scripts/mutation/run.mjs sets MUTATION_MODULE).
const module = process.env.MUTATION_MODULE ?? '*';

export default defineConfig({
  test: {
    include: [`test/${module}/**/*.test.ts`],
    // Property tests run 50 cases instead of 160-200: a surviving mutant runs every test that
    // covers it, and the SLA and calendar suites would otherwise take hours per module.
    env: { TZ: 'America/New_York', SLA_FC_RUNS: '50', CALENDAR_FC_RUNS: '50' },
    testTimeout: 60_000,
  },
});
