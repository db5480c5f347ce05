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
  // zod/mini is bundled, tree-shaken, into the chunks: Node then loads one file for
  // `support-rules/calendar` instead of zod's ~100 modules (its ESM graph, every locale included,
  // costs about 50 ms at import). zod stays a dependency for the types the declarations name (the
  // exported schemas are zod/mini schemas). docs/performance.md ("Cold start") measures it.
  noExternal: ['zod'],
});
