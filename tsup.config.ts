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
});
