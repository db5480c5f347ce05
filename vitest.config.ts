import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/package/**'],
    // A fixed non-UTC zone with DST, so machine-local time can never leak into results.
    // The calendar suites additionally run under a second zone (see test/calendar/tz-independence.test.ts).
    env: { TZ: process.env.TZ ?? 'America/New_York' },
    testTimeout: 60_000,
  },
});
