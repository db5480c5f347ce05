import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/errors/index.js';

// Every module's guide has an "Errors" section that lists every code the module's own code can
// throw, so a policy author can look up any code they meet.
const root = resolve(__dirname, '../..');
const MODULES = ['calendar', 'sla', 'money', 'fees', 'returns', 'warranty', 'compensation', 'escalation', 'policy', 'kpi', 'staffing'];
const known = new Set<string>(ISSUE_CODES);

function sourceOf(module: string): string {
  const dir = join(root, 'src', module);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}

describe('every module documents its error codes', () => {
  it.each(MODULES)('docs/%s.md has an Errors section naming every code its module throws', (module) => {
    const doc = readFileSync(join(root, 'docs', `${module}.md`), 'utf8');
    expect(doc).toMatch(/^#+ .*Errors/m);
    const thrown = [...new Set([...sourceOf(module).matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1] as string))].filter((code) => known.has(code));
    const missing = thrown.filter((code) => !doc.includes(`\`${code}\``));
    expect(missing, `codes thrown in src/${module} but not in docs/${module}.md`).toEqual([]);
  });

  it('docs/versions.md names every code the policy history and decideInForce throw', () => {
    const doc = readFileSync(join(root, 'docs', 'versions.md'), 'utf8');
    const files = ['history.ts', 'history-schema.ts', 'decision-instant.ts', 'decide-in-force.ts'].map((file) => readFileSync(join(root, 'src', 'policy', file), 'utf8')).join('\n');
    const thrown = [...new Set([...files.matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1] as string))].filter((code) => known.has(code));
    expect(thrown.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });

  it('the shared guide names every code the shared request check throws', () => {
    const doc = readFileSync(join(root, 'docs', 'conditions.md'), 'utf8');
    const lib = ['request.ts', 'instant.ts', 'condition.ts', 'vocabulary.ts'].map((file) => readFileSync(join(root, 'src', '_lib', file), 'utf8')).join('\n');
    const thrown = [...new Set([...lib.matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1] as string))].filter((code) => known.has(code));
    expect(thrown.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
