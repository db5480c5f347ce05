// The bundle-size check of issue 16: each scenario of scripts/size.mjs (esbuild, minified,
// browser, gzip -9 over the built dist/) stays within its limit, the goal where it is met, else the
// size reached, so that no change grows a bundle unnoticed. docs/performance.md has the figures.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without declarations
import { measureAll } from '../../scripts/size.mjs';

interface Result {
  name: string;
  what: string;
  gzip: number;
  goal: number;
  limit: number;
}

describe('bundle sizes (gzipped)', async () => {
  const results = (await measureAll()) as Result[];
  for (const result of results) {
    it(`${result.name} (${result.what}) is within ${(result.limit / 1024).toFixed(0)} KB`, () => {
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      expect(result.gzip, `${result.name} bundle is ${kb(result.gzip)} gzipped; its limit is ${kb(result.limit)} (goal ${kb(result.goal)})`).toBeLessThanOrEqual(result.limit);
      expect(result.limit).toBeLessThanOrEqual(Math.max(result.goal, Math.ceil(result.gzip / 1024 + 1) * 1024));
    });
  }

  it('dist carries zod/mini, tree-shaken, and never classic zod or its locales', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const code = readdirSync(dist).filter((file) => /\.(c?js)$/.test(file)).map((file) => readFileSync(new URL(file, dist), 'utf8')).join('\n');
    expect(code).toContain('node_modules/zod/v4/mini/');
    expect(code.match(/node_modules\/zod\/v4\/(classic|locales)\/[\w./-]+/g) ?? []).toEqual([]);
    expect(code).not.toMatch(/from ["']zod|require\(["']zod/);
  });
});
