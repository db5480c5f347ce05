// The lint of a rule table: rules shadowed by the earlier rules together, rules that overlap an
// earlier one and decide differently there, and values of a ranged field (an order value, a delay)
// that no rule of a tiered table covers. Which tables exist, and how each section matches its
// rules, is lint-sections.ts's business; this file only asks the questions.

import { formatIsoDate } from '../_lib/civil.js';
import type { Condition } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import type { JsonPath } from '../errors/index.js';
import { ABSENT, intersect, intervalsOf, intervalsRegion, isEmpty, meets, regionOf, uncovered, within, type Domains, type FieldDomain, type Interval, type Region } from './lint-regions.js';
import type { LintFinding } from './lint.js';

/** One rule of a table: where it is, what it matches, and what it decides (as comparable text). */
export interface TableRule {
  readonly id: string;
  readonly path: JsonPath;
  readonly condition: Condition;
  readonly decides: string;
}

/** A ranged field whose uncovered values are a gap in a tiered table. */
export interface GapField {
  readonly field: string;
  /** "order values", "delays" */
  readonly noun: string;
  /** "USD", "business days" */
  readonly unit: string;
  /** Where a rule writes the range, from the rule (default `when.<field>`). */
  readonly at?: readonly (string | number)[];
}

/** A rule table and how its section reads it. */
export interface Table {
  /** "restocking fee", "late-delivery compensation", "SLA" */
  readonly what: string;
  readonly rules: readonly TableRule[];
  readonly domains: Domains;
  /** The first matching rule decides: later rules can be shadowed, and overlaps matter. */
  readonly firstMatch: boolean;
  readonly gaps: readonly GapField[];
  /** The field names requests use, for the region's words ("channel", "order value"). */
  readonly names?: Readonly<Record<string, string>>;
}

/** A rule's outcome as comparable text: the rule without what only names or places it. */
export function decidesText(rule: object, omit: readonly string[] = ['id', 'description', 'when']): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id' && key !== 'description')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  return JSON.stringify(strip(Object.fromEntries(Object.entries(rule).filter(([key]) => !omit.includes(key)))));
}

/** An amount in minor units, as the currency writes it. */
function amountText(minor: number, scale: number): string {
  return (minor / 10 ** scale).toFixed(scale);
}

/** A bound on the field's scale, as a policy writes it: an amount, a local date, a number. */
function boundText(n: number, domain: FieldDomain | undefined): string {
  if (domain?.kind === 'range' && domain.dates) return formatIsoDate(n);
  const scale = domain?.kind === 'range' ? domain.scale : undefined;
  return scale === undefined ? String(n) : amountText(n, scale);
}

/** An interval in words, on the field's scale: "50.00–74.99 USD", "more than 3 and less than 5 days". */
export function intervalText(i: Interval, domain: FieldDomain | undefined, unit: string): string {
  const integer = domain?.kind === 'range' && domain.integer;
  const show = (n: number) => boundText(n, domain);
  if (domain?.kind === 'range' && domain.dates && !(Number.isFinite(i.lo) && i.lo > domain.min && Number.isFinite(i.hi))) {
    return Number.isFinite(i.hi) ? `through ${show(i.hi)}` : `from ${show(i.lo)} on`;
  }
  if (integer && Number.isFinite(i.hi) && i.lo === i.hi) return `${show(i.lo)} ${unit}`;
  if (integer && Number.isFinite(i.lo) && Number.isFinite(i.hi)) return `${show(i.lo)}–${show(i.hi)} ${unit}`;
  const low = Number.isFinite(i.lo) ? `${i.loIn ? 'from' : 'above'} ${show(i.lo)}` : '';
  const high = Number.isFinite(i.hi) ? `${i.hiIn ? 'up to and including' : 'below'} ${show(i.hi)}` : '';
  if (!Number.isFinite(i.hi)) return `${integer ? `${show(i.lo)} ${unit} or more` : `${low} ${unit} on`}`;
  return `${[low, high].filter(Boolean).join(' and ')} ${unit}`;
}

/** A region in words, field by field ("channel chat; order value 50.00–74.99 USD"). */
export function regionText(region: Region, table: Pick<Table, 'domains' | 'names' | 'gaps'>): string {
  const parts = Object.entries(region).map(([field, f]) => {
    const name = table.names?.[field] ?? field;
    if (f.kind === 'values') {
      const values = [...f.values].filter((v) => v !== ABSENT);
      if (values.length === 0) return `${name} left out`;
      return `${name} ${values.join(' or ')}${f.values.has(ABSENT) ? ` (or left out)` : ''}`;
    }
    if (f.kind === 'intervals') {
      const unit = table.gaps.find((g) => g.field === field)?.unit ?? '';
      const shown = f.intervals.map((i) => intervalText(i, table.domains[field], unit).trim());
      return shown.length === 0 ? `${name} left out` : `${name} ${shown.join(' or ')}${f.absent ? ' (or left out)' : ''}`;
    }
    return `${name} ${f.test ?? 'any'}`;
  });
  return parts.length === 0 ? 'every request' : parts.join('; ');
}

/**
 * The region as plain data for `facts`: a term field's values (null: left out), a ranged field's
 * intervals with inclusive ends (amounts as the currency writes them; null: unbounded) and whether
 * it may be left out, a list fact's test in words.
 */
function regionFacts(region: Region, domains: Domains): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(region).map(([field, f]) => {
      if (f.kind === 'values') return [field, [...f.values].map((v) => (v === ABSENT ? null : v))];
      if (f.kind === 'intervals') {
        const end = (i: Interval, which: 'lo' | 'hi') => (Number.isFinite(i[which]) ? intervalEnd(i, which, domains[field]) : null);
        return [field, { intervals: f.intervals.map((i) => ({ from: end(i, 'lo'), to: end(i, 'hi') })), absent: f.absent }];
      }
      return [field, f.test];
    }),
  );
}

/** Every finding of one table. */
export function lintTable(table: Table, prefix: JsonPath): LintFinding[] {
  const regions = table.rules.map((rule) => regionOf(rule.condition, table.domains));
  const findings: LintFinding[] = [];
  const shadowed = new Set<number>();
  if (table.firstMatch) {
    table.rules.forEach((rule, j) => {
      const rest = uncovered(regions[j] as Region, regions.slice(0, j), table.domains);
      if (rest?.length !== 0 || j === 0) return;
      shadowed.add(j);
      const by = table.rules.slice(0, j).filter((_, i) => meets(regions[i] as Region, regions[j] as Region) && !isEmpty(intersect(regions[i] as Region, regions[j] as Region, table.domains).value)).map((r) => r.id);
      findings.push({ code: 'SHADOWED_RULE', path: [...prefix, ...rule.path], message: messages.LINT_SHADOWED_RULE(rule.id, by, table.what), facts: { rule: rule.id, coveredBy: by } });
    });
    findings.push(...overlaps(table, regions, shadowed, prefix));
  }
  findings.push(...gaps(table, regions, prefix));
  return findings;
}

/**
 * Whether two rules pick partly overlapping values of a field both test (order values 0–100
 * against 50–200, channels email or chat against chat or phone). Rules over different fields
 * (priority sev1 first, then channel phone) overlap by design in a first-match table: the earlier
 * rule is the more important one, and that is how the table says so.
 */
function splitOnOneField(a: Region, b: Region, table: Table): boolean {
  return Object.keys(a).some((field) => {
    if (!b[field]) return false;
    const [x, y] = [{ [field]: a[field] } as Region, { [field]: b[field] } as Region];
    return !within(x, y, table.domains) && !within(y, x, table.domains);
  });
}

/**
 * Overlaps that order silently decides: an earlier rule and a later one share requests, neither
 * lies within the other (an exception written before its general rule is the usual pattern, and a
 * later rule within an earlier one is shadowed), they pick partly overlapping values of a field
 * both test, and they decide differently. The region reported
 * is where the earlier rule wins over the later one: their common requests no rule before both
 * takes first.
 */
function overlaps(table: Table, regions: readonly Region[], shadowed: ReadonlySet<number>, prefix: JsonPath): LintFinding[] {
  const findings: LintFinding[] = [];
  table.rules.forEach((later, j) => {
    if (shadowed.has(j)) return;
    for (let i = 0; i < j; i++) {
      const earlier = table.rules[i] as TableRule;
      const [a, b] = [regions[i] as Region, regions[j] as Region];
      if (earlier.decides === later.decides || shadowed.has(i) || !meets(a, b)) continue;
      const shared = intersect(a, b, table.domains);
      // A field split between them also means neither rule lies within the other.
      if (!shared.exact || isEmpty(shared.value) || !splitOnOneField(a, b, table)) continue;
      const won = uncovered(shared.value, regions.slice(0, i), table.domains);
      if (!won || won.length === 0) continue;
      const region = won.map((piece) => regionText(piece, table)).join(' | ');
      findings.push({
        code: 'OVERLAPPING_RULES',
        path: [...prefix, ...later.path],
        message: messages.LINT_OVERLAPPING_RULES(later.id, earlier.id, region, table.what),
        facts: { rule: later.id, earlier: earlier.id, region: won.map((piece) => regionFacts(piece, table.domains)) },
      });
    }
  });
  return findings;
}

/**
 * Gaps in a tiered table: rules alike but for their range over one field (order value tiers of a
 * handling fee), whose ranges leave a hole between them that no rule of the table covers.
 */
function gaps(table: Table, regions: readonly Region[], prefix: JsonPath): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const gap of table.gaps) {
    const domain = table.domains[gap.field];
    const groups = new Map<string, number[]>();
    table.rules.forEach((rule, r) => {
      if (!rule.condition.tests.some((t) => t.field === gap.field && t.kind === 'range')) return;
      const rest = JSON.stringify(rule.condition.tests.filter((t) => t.field !== gap.field).map((t) => [t.field, t.kind, t.expected]));
      groups.set(rest, [...(groups.get(rest) ?? []), r]);
    });
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      const spans = members.flatMap((r) => intervalsOf(regions[r] as Region, gap.field, table.domains).map((interval) => ({ r, interval })));
      spans.sort((x, y) => x.interval.lo - y.interval.lo);
      // The holes between the ranges of the group, each checked against every rule of the table.
      for (let k = 1; k < spans.length; k++) {
        const before = spans.slice(0, k).reduce((top, s) => (s.interval.hi > top.interval.hi || (s.interval.hi === top.interval.hi && s.interval.hiIn) ? s : top));
        const after = spans[k] as (typeof spans)[number];
        const hole: Interval = { lo: before.interval.hi, loIn: !before.interval.hiIn, hi: after.interval.lo, hiIn: !after.interval.loIn };
        const base = regions[after.r] as Region;
        const candidate: Region = { ...base, [gap.field]: intervalsRegion([hole], domain) };
        const left = uncovered(candidate, regions, table.domains)?.flatMap((piece) => intervalsOf(piece, gap.field, table.domains));
        if (!left || left.length === 0) continue;
        const { field, noun, unit } = gap;
        const rule = table.rules[after.r] as TableRule;
        const text = left.map((i) => intervalText(i, domain, unit).trim());
        findings.push({
          code: 'TABLE_GAP',
          path: [...prefix, ...rule.path, ...(gap.at ?? ['when', field])],
          message: messages.LINT_TABLE_GAP(noun, text, table.what, (table.rules[before.r] as TableRule).id, rule.id),
          facts: { field, from: intervalEnd(left[0] as Interval, 'lo', domain), to: intervalEnd(left[left.length - 1] as Interval, 'hi', domain), unit, between: [(table.rules[before.r] as TableRule).id, rule.id] },
        });
      }
    }
  }
  return findings;
}

/** An interval's end as data: an amount text on a money scale, else the number. */
function intervalEnd(i: Interval, end: 'lo' | 'hi', domain: FieldDomain | undefined): { value: number | string; inclusive: boolean } {
  const value = i[end];
  const plain = domain?.kind !== 'range' || (domain.scale === undefined && !domain.dates);
  return { value: plain ? value : boundText(value, domain), inclusive: end === 'lo' ? i.loIn : i.hiIn };
}
