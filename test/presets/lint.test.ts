import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../src/policy/index.js';
import { presets, type PresetName } from '../../src/presets/index.js';

// The five presets lint clean. Every finding the lint ever raised on them was examined
// (docs/lint.md, "The presets"): overlaps of SLA rules over different fields are the tables'
// intended precedence, so the lint does not report them; the rest were none.
const PINNED: Readonly<Record<PresetName, readonly string[]>> = { primos: [], pelpro: [], homepro: [], amare: [], trufit: [] };

describe('the presets under lint', () => {
  it.each(Object.keys(PINNED) as PresetName[])('%s has exactly its pinned findings', (name) => {
    expect(lintPolicy(presets[name]).map((f) => `${f.code} ${f.path.join('.')}`)).toEqual(PINNED[name]);
  });
});
