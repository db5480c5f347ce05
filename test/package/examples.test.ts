import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's first command runs these; they must keep working against the built package.
describe('examples', () => {
  it('run end to end and print the worked PelPro deadlines', () => {
    const out = execFileSync(process.execPath, [resolve(__dirname, '../../examples/run-all.mjs')], { encoding: 'utf8' });
    expect(out).toContain("'Mon, Nov 23, 10:30 CST'");
    expect(out).toContain("'Mon, Dec 28, 08:30 CST'");
    expect(out).toContain('53.5 h');
    expect(out).toMatch(/\d+ examples? ran\./);
  });
});
