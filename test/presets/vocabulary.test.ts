import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vocabularyTables } from './vocabulary-tables.js';

// docs/presets.md lists every preset's vocabularies (the values each request field may take); this
// keeps the list true. After changing a preset, paste the output of
// `npx tsx -e "import('./test/presets/vocabulary-tables.ts').then((m) => console.log(m.vocabularyTables()))"`.
describe('the presets\' vocabularies in docs/presets.md', () => {
  it('are the vocabularies the compiled presets have', () => {
    const doc = readFileSync(resolve(__dirname, '../../docs/presets.md'), 'utf8');
    const start = doc.indexOf('<!-- vocabularies:start -->');
    const end = doc.indexOf('<!-- vocabularies:end -->');
    expect(start, 'docs/presets.md has vocabularies markers').toBeGreaterThan(-1);
    expect(doc.slice(start + '<!-- vocabularies:start -->'.length, end).trim()).toBe(vocabularyTables());
  });
});
