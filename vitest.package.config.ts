import { defineConfig } from 'vitest/config';

// Runs against the built dist/ only: `npm run build` first.
export default defineConfig({
  test: { include: ['test/package/**/*.test.ts'], testTimeout: 60_000 },
});
