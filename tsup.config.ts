import { defineConfig } from 'tsup';
// @ts-expect-error -- plain ESM helper shared with typedoc and the exports sync script
import { tsupEntries } from './scripts/modules.mjs';

export default defineConfig({
  // The modules plus the CLI behind the package's `bin`.
  entry: { ...(tsupEntries() as Record<string, string>), cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // One shared chunk per piece of code, so `instanceof SupportRulesError` holds across subpaths.
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // zod/mini and date-fns-tz are bundled, tree-shaken, into the chunks: Node then loads one file
  // for `support-rules/calendar` instead of zod's and date-fns's ~300 modules (their ESM graphs,
  // zod's locales included, cost 50-150 ms at import). zod stays a dependency for the types the
  // declarations name (the exported schemas are zod/mini schemas); date-fns-tz is a dev
  // dependency, the test oracle of src/_lib/zone.ts. docs/performance.md ("Cold start") measures it.
  noExternal: ['zod', 'date-fns', 'date-fns-tz'],
});
