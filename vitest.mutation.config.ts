import { defineConfig } from 'vitest/config';

// The tests of the module under mutation only (scripts/mutation/run.mjs sets MUTATION_MODULE).
const module = process.env.MUTATION_MODULE ?? '*';

export default defineConfig({
  test: {
    include: [`test/${module}/**/*.test.ts`],
    env: { TZ: 'America/New_York' },
    testTimeout: 60_000,
  },
});
