import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_CODES } from '../../src/policy/index.js';

// Every lint code has its own section in docs/lint.md (what it means, an example, how to fix it),
// and the guides a policy author reads first link to it.
const root = resolve(__dirname, '../..');
const doc = readFileSync(resolve(root, 'docs/lint.md'), 'utf8');

describe('docs/lint.md', () => {
  it.each(LINT_CODES)('documents %s under a heading of its own, with a fix', (code) => {
    const section = doc.split(/^### /m).find((part) => part.startsWith(`\`${code}\``));
    expect(section, `no "### \`${code}\`" section in docs/lint.md`).toBeDefined();
    expect(section).toMatch(/\*\*Fix:\*\*/);
  });

  it('documents no code the lint does not have', () => {
    const headed = [...doc.matchAll(/^### `([A-Z_]+)`/gm)].map((m) => m[1]);
    expect(headed).toEqual([...LINT_CODES]);
  });

  it('is linked from the README and docs/policy.md', () => {
    expect(readFileSync(resolve(root, 'README.md'), 'utf8')).toContain('docs/lint.md');
    expect(readFileSync(resolve(root, 'docs/policy.md'), 'utf8')).toContain('lint.md');
  });
});
