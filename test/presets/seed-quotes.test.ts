import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetSpecs, type PresetName } from '../../src/presets/index.js';

// docs/presets.md is the presets' contract with their seeds: every rule of every preset is listed
// by id, every quotation is the seed's own words, and every row either quotes its seed or names
// its assumption. This keeps the document true as the presets change.

const root = resolve(__dirname, '../..');
const doc = readFileSync(resolve(root, 'docs/presets.md'), 'utf8');
// The five seed playbooks, copied verbatim from the team's shared folder (shared/seeds/).
const seedsDir = resolve(__dirname, 'seeds');
const seedFiles: Readonly<Record<PresetName, string>> = { primos: '000', pelpro: '001', homepro: '002', amare: '003', trufit: '004' };
const headings: Readonly<Record<PresetName, string>> = { primos: 'Primos', pelpro: 'PelPro', homepro: 'HomePro', amare: 'Amare', trufit: 'Tru Fit' };

/** Curly quotes, dashes and spacing as plain text, so a quotation matches however it is typed. */
const plain = (text: string) =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** The rows of a preset's table in docs/presets.md: cells of each `|`-row after the header. */
function rowsOf(name: PresetName): string[][] {
  const start = doc.indexOf(`\n## ${headings[name]}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| ---') && !line.startsWith('| rule |'))
    .map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
}

/** Every id a preset's rules carry (SLA rules and targets, windows, fee rules, terms, …). */
function idsOf(name: PresetName): string[] {
  const ids: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, depth + 1));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // Section ids (`primos-sla`, `primos-fees`) name the section, not a rule.
      if (typeof record.id === 'string' && depth > 2 && !('rules' in record && 'currency' in record && !('tiers' in record))) ids.push(record.id);
      for (const item of Object.values(record)) walk(item, depth + 1);
    }
  };
  walk(presetSpecs[name], 0);
  return [...new Set(ids)];
}

describe.each(Object.keys(seedFiles) as PresetName[])('docs/presets.md for %s', (name) => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(seedFiles[name])) as string;
  const seed = plain(readFileSync(resolve(seedsDir, file), 'utf8'));
  const rows = rowsOf(name);

  it('has a table of rules', () => {
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row, row.join(' | ')).toHaveLength(5);
  });

  it('lists every rule of the preset by id', () => {
    const listed = new Set(rows.flatMap((row) => [...(row[1] as string).matchAll(/`([^`]+)`/g)].map((m) => m[1])));
    expect(idsOf(name).filter((id) => !listed.has(id))).toEqual([]);
  });

  it('lists no rule the preset does not have', () => {
    const spec = presetSpecs[name] as unknown as Record<string, { calendars?: Record<string, unknown> } | undefined>;
    // Calendar names: the policy's top-level calendars, and any a section declares on its own.
    const known = new Set([...idsOf(name), ...Object.keys(presetSpecs[name].calendars ?? {}), ...Object.keys(spec.sla?.calendars ?? {}), ...Object.keys(spec.escalation?.calendars ?? {})]);
    // A field in parentheses (`(approval)`) is a setting, not a rule id.
    const listed = rows.flatMap((row) => [...(row[1] as string).replace(/\([^)]*\)/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string));
    expect(listed.filter((id) => !known.has(id))).toEqual([]);
  });

  it('quotes the seed verbatim, and names an assumption where the seed says nothing', () => {
    for (const row of rows) {
      const [, , , quotes = '', assumption = ''] = row;
      const quoted = [...quotes.matchAll(/"([^"]+)"/g)].flatMap((m) => (m[1] as string).split('…')).map(plain).filter((q) => q.length > 0);
      if (quoted.length === 0) expect(assumption, `${row[0]}: no seed quotation, so an assumption`).toMatch(/\*\*/);
      for (const q of quoted) expect(seed.includes(q), `${row[0]}: "${q}" is in seed ${seedFiles[name]}`).toBe(true);
    }
  });
});
