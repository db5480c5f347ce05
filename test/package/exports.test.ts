import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with tsup and typedoc
import { exportsMap, moduleNames, typesVersionsMap } from '../../scripts/modules.mjs';

const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

describe('package.json', () => {
  it('has the exports map generated from modules.json (run npm run sync:exports)', () => {
    expect(pkg.exports).toEqual(exportsMap());
  });

  it('has the node10 typesVersions map generated from modules.json (run npm run sync:exports)', () => {
    expect(pkg.typesVersions).toEqual(typesVersionsMap());
  });

  it('gives node10 every subpath "exports" has, at the CommonJS types "exports" names', () => {
    const node10 = pkg.typesVersions['*'] as Record<string, string[]>;
    const subpaths = Object.keys(pkg.exports).filter((key) => key !== '.' && key !== './package.json');
    expect(Object.keys(node10).map((key) => `./${key}`)).toEqual(subpaths);
    for (const subpath of subpaths) {
      const target = pkg.exports[subpath];
      expect(node10[subpath.slice(2)]).toEqual([typeof target === 'string' ? target : target.require.types]);
    }
    // The root, which node10 finds through "types", gets the same CommonJS declarations.
    expect(pkg.types).toBe(pkg.exports['.'].require.types);
  });

  it('re-exports every module from the root barrel', () => {
    const barrel = readFileSync(resolve(root, 'src/index.ts'), 'utf8');
    for (const name of moduleNames() as string[]) expect(barrel).toContain(`from './${name}/index.js'`);
  });

  it('ships only runtime dependencies from the allowed list', () => {
    const allowed = ['date-fns', 'date-fns-tz', 'decimal.js', 'zod'];
    for (const dep of Object.keys(pkg.dependencies ?? {})) expect(allowed).toContain(dep);
  });
});
