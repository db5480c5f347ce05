import { presetSpecs, presets, type PresetName } from '../../src/presets/index.js';

// The presets' vocabularies as markdown tables, rebuilt from the compiled presets: docs/presets.md
// holds them, and test/presets/vocabulary.test.ts keeps the two equal.

const NAMES: readonly PresetName[] = ['primos', 'pelpro', 'homepro', 'amare', 'trufit'];
const SECTIONS = ['sla', 'returns', 'warranty', 'compensation', 'escalation'] as const;
const FIXED = new Set(['returns.condition', 'returns.service', 'returns.evidence', 'warranty.segment', 'warranty.evidence']);

type Spec = Record<string, Record<string, unknown> | undefined>;

/** Where a vocabulary comes from: the library (fixed), the preset (declared), or its rules (derived). */
function sourceOf(spec: Spec, section: string, field: string): string {
  const s = spec[section] as Record<string, unknown>;
  const declared = (s.vocabulary as Record<string, unknown> | undefined)?.[field] !== undefined;
  if (FIXED.has(`${section}.${field}`)) return 'fixed';
  if (declared) return 'declared';
  if (section === 'sla' && field === 'tag') return 'free text';
  if (section === 'sla' && field === 'status') return s.statuses ? 'declared' : 'default';
  if ((section === 'returns' || section === 'warranty') && field === 'category') return 'declared (`categories`)';
  if (section === 'returns' && field === 'sizeClass') return ((s.fees as Spec).vocabulary as Record<string, unknown> | undefined)?.sizeClass ? 'declared (`fees.vocabulary`)' : 'derived';
  if (section === 'warranty' && field === 'plan') return 'declared (`plans`)';
  if (section === 'escalation' && (field === 'tier' || field === 'severity')) return `declared (\`${field === 'tier' ? 'tiers' : 'severities'}\`)`;
  return 'derived';
}

export function vocabularyTables(): string {
  return NAMES.map((name) => {
    const spec = presetSpecs[name] as unknown as Spec;
    const rows = SECTIONS.flatMap((section) => {
      const compiled = presets[name][section] as { vocabulary: Record<string, readonly string[] | null> } | null;
      if (!compiled) return [];
      return Object.entries(compiled.vocabulary).map(([field, values]) => {
        const shown = values === null ? 'any text' : values.length === 0 ? '(none)' : values.map((v) => `\`${v}\``).join(', ');
        return `| ${section} | \`${field}\` | ${shown} | ${sourceOf(spec, section, field)} |`;
      });
    });
    return [`#### ${name}`, '', '| section | field | values | source |', '| --- | --- | --- | --- |', ...rows].join('\n');
  }).join('\n\n');
}

