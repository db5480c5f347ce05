import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINT_CODES, lintPolicy, safeDefinePolicy } from '../../src/policy/index.js';
import { presetSpecs, type PresetName } from '../../src/presets/index.js';
import { DESK } from './lint-fixtures.js';

// The laws of the lint (docs/lint.md), over the five presets with random edits and over random
// tiered tables against a reference that scans every cent.

type Json = Record<string, unknown>;
type Path = (string | number)[];
const PRESETS = Object.keys(presetSpecs) as PresetName[];
const clone = (name: PresetName) => structuredClone(presetSpecs[name]) as unknown as Json;

/** The node at `path`, or undefined when a step is missing. */
function at(doc: unknown, path: readonly (string | number)[]): unknown {
  let node = doc;
  for (const step of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** Every first-match table of a document: the path of its list of rules, and the rules. */
function firstMatchTables(doc: Json): { path: Path; rules: Json[] }[] {
  const tables: { path: Path; rules: Json[] }[] = [];
  const list = (path: Path) => {
    const rules = at(doc, path);
    if (Array.isArray(rules) && rules.length > 0) tables.push({ path, rules: rules as Json[] });
  };
  list(['sla', 'rules']);
  ((at(doc, ['sla', 'rules']) as Json[] | undefined) ?? []).forEach((_, r) => list(['sla', 'rules', r, 'targets']));
  list(['returns', 'windows']);
  list(['returns', 'fees', 'rules']);
  list(['warranty', 'terms']);
  list(['warranty', 'remedies']);
  list(['compensation', 'rules']);
  return tables;
}

/** A copy of a rule that matches no more than it: a further fact required (or the same rule). */
function narrowed(path: Path, rule: Json, doc: Json): Json {
  const when = (rule.when ?? {}) as Json;
  const section = path[0];
  if (section === 'sla') return when.vip === undefined ? { ...rule, when: { ...when, vip: true } } : rule;
  if (section === 'warranty') return rule.category === undefined ? { ...rule, category: ((at(doc, ['warranty', 'categories']) as string[]) ?? [])[0] } : rule;
  if (section === 'compensation') return when.verified === undefined ? { ...rule, when: { ...when, verified: true } } : rule;
  if (path[1] === 'windows') {
    const categories = (at(doc, ['returns', 'categories']) as string[]) ?? [];
    const own = rule.category === undefined ? categories : ([] as string[]).concat(rule.category as string | string[]);
    return { ...rule, category: [own[0]] };
  }
  const free = ['sameDay', 'expedited', 'repairPerformed', 'warranty'].find((fact) => when[fact] === undefined);
  return free ? { ...rule, when: { ...when, [free]: true } } : rule;
}

describe('laws', () => {
  it('law: a copy of a rule (or a narrowed copy) right after it is reported at its path, as shadowed or, when one rule covers it, unreachable', () => {
    const cases = fc
      .record({ name: fc.constantFrom(...PRESETS), table: fc.nat(), rule: fc.nat(), narrow: fc.boolean() })
      .map(({ name, table, rule, narrow }) => {
        const doc = clone(name);
        const tables = firstMatchTables(doc);
        const chosen = tables[table % tables.length] as { path: Path; rules: Json[] };
        const index = rule % chosen.rules.length;
        const original = chosen.rules[index] as Json;
        const copy = { ...(narrow ? narrowed(chosen.path, original, doc) : original), id: `${String(original.id)}-copy` };
        chosen.rules.splice(index + 1, 0, copy);
        return { doc, path: [...chosen.path, index + 1].join('.') };
      });
    fc.assert(
      fc.property(cases, ({ doc, path }) => {
        const result = safeDefinePolicy(doc);
        if (!result.success) {
          expect(result.error.issues.map((issue) => [issue.code, issue.path.join('.')])).toContainEqual([expect.stringMatching(/^UNREACHABLE_(RULE|TARGET)$/), path]);
          return;
        }
        expect(lintPolicy(result.data).map((f) => [f.code, f.path.join('.')])).toContainEqual(['SHADOWED_RULE', path]);
      }),
      { numRuns: 150 },
    );
  });

  it('law: a rule inside the range the earlier tiers cover together is shadowed, though no single tier covers it', () => {
    let byLint = 0;
    const tiers = fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }).map((cuts) => [...cuts].sort((a, b) => a - b));
    fc.assert(
      fc.property(tiers, fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 6000 }), (cuts, x, y) => {
        const cents = (n: number) => (n / 100).toFixed(2);
        const bounds = [undefined, ...cuts, undefined];
        const rules = bounds.slice(0, -1).map((low, i) => {
          const high = bounds[i + 1];
          const orderValue = { ...(low !== undefined ? { gte: cents(low) } : {}), ...(high !== undefined ? { lt: cents(high) } : {}) };
          return { id: `tier-${i}`, incident: 'late-delivery', when: { orderValue }, choose: [{ type: 'credit', amount: cents(100 + i) }] };
        });
        const late = { id: 'late', incident: 'late-delivery', when: { orderValue: { gte: cents(Math.min(x, y)), lte: cents(Math.max(x, y)) } }, choose: [{ type: 'credit', amount: '99.00' }] };
        const doc = { id: 'acme', version: '1.0', calendars: { desk: DESK }, compensation: { id: 'c', currency: 'USD', calendar: 'desk', approval: [{ level: 'agent' }], rules: [...rules, late] } };
        const path = `compensation.rules.${rules.length}`;
        const result = safeDefinePolicy(doc);
        if (!result.success) {
          expect(result.error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['UNREACHABLE_RULE', path]]);
          return;
        }
        byLint++;
        expect(lintPolicy(result.data).filter((f) => f.code === 'SHADOWED_RULE').map((f) => f.path.join('.'))).toEqual([path]);
      }),
      { numRuns: 200 },
    );
    // Most cases straddle a cut, where only the lint sees the shadow.
    expect(byLint).toBeGreaterThan(50);
  });

  it('law: the gaps of a tiered table are exactly the cents a scan finds no rule for, between the lowest and highest tier', () => {
    const ranges = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 80 })).map(([lo, length]) => [lo, lo + length] as const),
      { minLength: 2, maxLength: 5 },
    );
    fc.assert(
      fc.property(ranges, (spans) => {
        const cents = (n: number) => (n / 100).toFixed(2);
        const rules = spans.map(([lo, hi], i) => ({ id: `r${i}`, incident: 'late-delivery', when: { orderValue: { gte: cents(lo), lt: cents(hi) } }, choose: [{ type: 'credit', amount: cents(100 + i) }] }));
        const doc = { id: 'acme', version: '1.0', calendars: { desk: DESK }, compensation: { id: 'c', currency: 'USD', calendar: 'desk', approval: [{ level: 'agent' }], rules } };
        const result = safeDefinePolicy(doc);
        fc.pre(result.success);
        if (!result.success) return;
        const reported = new Set<number>();
        for (const f of lintPolicy(result.data).filter((finding) => finding.code === 'TABLE_GAP')) {
          const { from, to } = f.facts as { from: { value: string }; to: { value: string } };
          for (let c = Math.round(Number(from.value) * 100); c <= Math.round(Number(to.value) * 100); c++) reported.add(c);
        }
        const low = Math.min(...spans.map(([lo]) => lo));
        const high = Math.max(...spans.map(([, hi]) => hi));
        const scanned = new Set<number>();
        for (let c = low; c < high; c++) if (!spans.some(([lo, hi]) => lo <= c && c < hi)) scanned.add(c);
        expect([...reported].sort((a, b) => a - b)).toEqual([...scanned].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  /** Random edits an author might make to a preset: dates, holidays, hours, spans, new tiers. */
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('dates' as const), from: fc.integer({ min: 20_000, max: 21_000 }), length: fc.integer({ min: 1, max: 800 }) }),
    fc.record({ kind: fc.constant('holiday' as const), day: fc.integer({ min: 20_000, max: 21_000 }), calendar: fc.nat() }),
    fc.record({ kind: fc.constant('hours' as const), calendar: fc.nat(), day: fc.constantFrom('mon', 'tue', 'sat', 'sun'), open: fc.integer({ min: 0, max: 1438 }), minutes: fc.integer({ min: 1, max: 600 }) }),
    fc.record({ kind: fc.constant('within' as const), rule: fc.nat(), target: fc.nat(), within: fc.oneof(fc.record({ hours: fc.integer({ min: 1, max: 200 }) }), fc.record({ businessDays: fc.integer({ min: 1, max: 10 }) }), fc.record({ days: fc.integer({ min: 1, max: 10 }) })) }),
    fc.record({ kind: fc.constant('fee' as const), lo: fc.integer({ min: 0, max: 20_000 }), length: fc.integer({ min: 1, max: 20_000 }), flat: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({ kind: fc.constant('compensation' as const), lo: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('drop' as const), table: fc.nat(), rule: fc.nat() }),
  );
  const time = (minute: number) => `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const date = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

  function applyEdit(doc: Json, e: typeof edit extends fc.Arbitrary<infer T> ? T : never): void {
    const calendars = Object.values((doc.calendars ?? {}) as Record<string, Json>);
    if (e.kind === 'dates') Object.assign(doc, { effectiveFrom: date(e.from), effectiveTo: date(e.from + e.length) });
    else if (e.kind === 'holiday' && calendars.length > 0) {
      const calendar = calendars[e.calendar % calendars.length] as Json;
      calendar.holidays = [...new Set([...((calendar.holidays as string[]) ?? []), date(e.day)])];
    } else if (e.kind === 'hours' && calendars.length > 0) {
      const calendar = calendars[e.calendar % calendars.length] as Json;
      if (!calendar.alwaysOpen) calendar.hours = { ...(calendar.hours as Json), [e.day]: [`${time(e.open)}-${time(e.open + e.minutes)}`] };
    } else if (e.kind === 'within') {
      const rules = (at(doc, ['sla', 'rules']) as Json[]) ?? [];
      const rule = rules[e.rule % Math.max(1, rules.length)];
      const targets = (rule?.targets as Json[]) ?? [];
      const target = targets[e.target % Math.max(1, targets.length)];
      if (target) target.within = e.within;
    } else if (e.kind === 'fee') {
      const fees = at(doc, ['returns', 'fees']) as Json | undefined;
      if (fees) fees.rules = [...(fees.rules as Json[]), { id: `handling-${e.lo}`, kind: 'handling', flat: (e.flat / 100).toFixed(2), when: { orderValue: { gte: (e.lo / 100).toFixed(2), lt: ((e.lo + e.length) / 100).toFixed(2) } } }];
    } else if (e.kind === 'compensation') {
      const compensation = doc.compensation as Json | undefined;
      if (compensation) compensation.rules = [...(compensation.rules as Json[]), { id: `delay-${e.lo}`, incident: 'late-delivery', when: { delayBusinessDays: { gte: e.lo, lt: e.lo + e.length } }, choose: [{ type: 'refund' }] }];
    } else if (e.kind === 'drop') {
      const tables = firstMatchTables(doc);
      const table = tables[e.table % tables.length];
      if (table && table.rules.length > 1) table.rules.splice(e.rule % table.rules.length, 1);
    }
  }

  it('law: lint never throws on a valid policy, and every finding has a known code, a message and a path to a node of the document', () => {
    let linted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS), fc.array(edit, { minLength: 1, maxLength: 4 }), (name, edits) => {
        const doc = clone(name);
        for (const e of edits) applyEdit(doc, e);
        const result = safeDefinePolicy(doc);
        if (!result.success) return;
        linted++;
        for (const finding of lintPolicy(result.data)) {
          expect(LINT_CODES).toContain(finding.code);
          expect(finding.message.length).toBeGreaterThan(20);
          expect(at(doc, finding.path), `${finding.code} at ${finding.path.join('.')}`).not.toBeUndefined();
          expect(JSON.parse(JSON.stringify(finding))).toEqual(finding);
        }
      }),
      { numRuns: 150 },
    );
    expect(linted).toBeGreaterThan(50);
  });
});
