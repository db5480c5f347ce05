// The rule tables of a policy, read the way each section matches its rules:
//
//   sla.rules                  first match                 (shadowed, overlapping)
//   sla.rules.N.targets        first match per metric, within the rule's tickets
//   returns.windows            first match by category
//   returns.fees.rules         per fee kind, by the schedule's hitPolicy: `first` (the default) can
//                              shadow and overlap; `first` and `max` tables tiered by a range
//                              (order value, weight, days) can leave gaps; `collect` adds every
//                              matching fee, so neither applies
//   warranty.terms             first match (shadowed, overlapping, gaps in ship dates)
//   warranty.remedies          first match (shadowed, overlapping)
//   compensation.rules         first match per incident type (shadowed, overlapping, gaps in order
//                              value and delay)
//
// Escalation rules all fire (the highest tier wins; validity already refuses a rule that can never
// change a decision), and evidence and non-returnable rules all apply: no order to get wrong.

import { parseIsoDate } from '../_lib/civil.js';
import { compileCondition, compileTest, type Condition, type FactType } from '../_lib/condition.js';
import type { JsonPath } from '../errors/index.js';
import { COMPENSATION_FACTS } from '../compensation/index.js';
import { FEE_FACTS, PRODUCT_CONDITIONS } from '../fees/index.js';
import { minorUnits } from '../money/index.js';
import { SLA_FACTS } from '../sla/index.js';
import type { SupportPolicy } from './define.js';
import type { Domains, FieldDomain } from './lint-regions.js';
import { decidesText, lintTable, type GapField, type Table } from './lint-tables.js';
import type { LintFinding } from './lint.js';

const BOOLEAN: FieldDomain = { kind: 'values', values: ['true', 'false'], optional: false };
const terms = (values: readonly string[], optional = true): FieldDomain => ({ kind: 'values', values, optional });
const money = (currency: string): FieldDomain => ({ kind: 'range', min: 0, integer: true, optional: true, scale: minorUnits(currency) });
const number = (integer: boolean): FieldDomain => ({ kind: 'range', min: 0, integer, optional: true });

/** The domains of a condition's facts: vocabularies for terms, the given ones for the rest. */
function domainsOf(facts: Readonly<Record<string, FactType>>, vocabulary: Readonly<Record<string, readonly string[] | null | undefined>>, ranges: Readonly<Record<string, FieldDomain>> = {}): Domains {
  const out: Record<string, FieldDomain> = {};
  for (const [field, type] of Object.entries(facts)) {
    const values = vocabulary[field];
    if (ranges[field]) out[field] = ranges[field];
    else if (type === 'boolean') out[field] = BOOLEAN;
    else if (type === 'term' && values) out[field] = terms(values);
    else out[field] = { kind: 'opaque' };
  }
  return out;
}

function feeTables(policy: SupportPolicy): Table[] {
  const returns = policy.returns;
  if (!returns) return [];
  const schedule = returns.spec.fees;
  const { vocabulary } = returns;
  const domains = domainsOf(FEE_FACTS, { ...vocabulary, condition: PRODUCT_CONDITIONS }, {
    orderValue: money(schedule.currency),
    daysSinceDelivery: number(false),
    weightKg: number(false),
  });
  const gaps: GapField[] = [
    { field: 'orderValue', noun: 'Order values', unit: schedule.currency },
    { field: 'weightKg', noun: 'Weights', unit: 'kg' },
    { field: 'daysSinceDelivery', noun: 'Days since delivery', unit: 'days' },
  ];
  const kinds = [...new Set(schedule.rules.map((rule) => rule.kind))];
  return kinds.flatMap((kind): Table[] => {
    const hit = schedule.hitPolicy !== undefined && Object.hasOwn(schedule.hitPolicy, kind) ? schedule.hitPolicy[kind] : 'first';
    if (hit === 'collect') return [];
    const rules = schedule.rules.flatMap((rule, r) =>
      rule.kind === kind ? [{ id: rule.id, path: ['returns', 'fees', 'rules', r], condition: compileCondition(rule.when, FEE_FACTS), decides: decidesText(rule) }] : [],
    );
    return [{ what: `${kind} fee`, rules, domains, firstMatch: hit === 'first', gaps, names: FEE_NAMES }];
  });
}

const FEE_NAMES = { orderValue: 'order value', daysSinceDelivery: 'days since delivery', weightKg: 'weight', sizeClass: 'size class' } as const;

function compensationTables(policy: SupportPolicy): Table[] {
  const compensation = policy.compensation;
  if (!compensation) return [];
  const { spec } = compensation;
  const domains = domainsOf(COMPENSATION_FACTS, compensation.vocabulary, { orderValue: money(spec.currency), delayBusinessDays: number(true) });
  const gaps: GapField[] = [
    { field: 'orderValue', noun: 'Order values', unit: spec.currency },
    { field: 'delayBusinessDays', noun: 'Delays of', unit: 'business days' },
  ];
  const incidents = [...new Set(spec.rules.map((rule) => rule.incident))];
  return incidents.map((incident) => ({
    what: `${incident} compensation`,
    rules: spec.rules.flatMap((rule, r) =>
      rule.incident === incident ? [{ id: rule.id, path: ['compensation', 'rules', r], condition: compileCondition(rule.when, COMPENSATION_FACTS), decides: decidesText(rule, ['id', 'when', 'incident']) }] : [],
    ),
    domains,
    firstMatch: true,
    gaps,
    names: { orderValue: 'order value', delayBusinessDays: 'delay' },
  }));
}

function returnWindowTable(policy: SupportPolicy): Table[] {
  const returns = policy.returns;
  if (!returns) return [];
  // A return request must name its category, so the windows range over the categories alone.
  const domains: Domains = { category: terms(returns.vocabulary.category, false) };
  const rules = returns.spec.windows.map((window, w) => ({
    id: window.id,
    path: ['returns', 'windows', w],
    condition: compileCondition({ category: window.category }, { category: 'term' }),
    decides: decidesText(window, ['id', 'category']),
  }));
  return [{ what: 'return window', rules, domains, firstMatch: true, gaps: [] }];
}

/** The facts a warranty term tests: its terms, and its ship dates as a range of local day numbers. */
const TERM_FACTS = { category: 'term', segment: 'term', part: 'term', modelLine: 'term', shippedDay: 'number' } as const;
const REMEDY_FACTS = { category: 'term', segment: 'term', inStock: 'boolean' } as const;

function warrantyTables(policy: SupportPolicy): Table[] {
  const warranty = policy.warranty;
  if (!warranty) return [];
  const { spec, vocabulary } = warranty;
  // A claim must name its category; the ship date is a day number, absent without a shippedAt.
  const domains = domainsOf(TERM_FACTS, vocabulary, {
    category: terms(vocabulary.category, false),
    shippedDay: { kind: 'range', min: parseIsoDate('1900-01-01') as number, integer: true, optional: true, dates: true },
  });
  const day = (date: string | undefined) => (date === undefined ? undefined : parseIsoDate(date));
  const terms_ = spec.terms.map((term, t) => {
    const [from, before] = [day(term.shippedFrom), day(term.shippedBefore)];
    const shippedDay = from === undefined && before === undefined ? undefined : { ...(from !== undefined ? { gte: from } : {}), ...(before !== undefined ? { lt: before } : {}) };
    const when = { category: term.category, segment: term.segment, part: term.part, modelLine: term.modelLine, shippedDay };
    return { id: term.id, path: ['warranty', 'terms', t], condition: compileCondition(when, TERM_FACTS), decides: decidesText(term, ['id', 'category', 'segment', 'part', 'modelLine', 'shippedFrom', 'shippedBefore']) };
  });
  const remedies = (spec.remedies ?? []).map((remedy, r) => ({
    id: remedy.id,
    path: ['warranty', 'remedies', r],
    condition: compileCondition({ category: remedy.category, segment: remedy.segment, inStock: remedy.inStock }, REMEDY_FACTS),
    decides: decidesText(remedy, ['id', 'category', 'segment', 'inStock']),
  }));
  return [
    { what: 'warranty term', rules: terms_, domains, firstMatch: true, gaps: [{ field: 'shippedDay', noun: 'Units shipped', unit: '', at: ['shippedFrom'] }], names: { shippedDay: 'shipped' } },
    { what: 'warranty remedy', rules: remedies, domains: domainsOf(REMEDY_FACTS, vocabulary, { category: terms(vocabulary.category, false) }), firstMatch: true, gaps: [] },
  ];
}

/** An SLA `when` in the shared condition form: `tagsAny` / `tagsAll` are list tests on `tags`. */
function slaCondition(when: Readonly<Record<string, unknown>> | undefined): Condition {
  const { tagsAny, tagsAll, ...rest } = (when ?? {}) as { tagsAny?: string[]; tagsAll?: string[] };
  const tags = [...(tagsAny ? [compileTest('tags', 'terms', tagsAny)] : []), ...(tagsAll ? [compileTest('tags', 'terms', { all: tagsAll })] : [])];
  return { tests: [...compileCondition(rest, SLA_FACTS).tests, ...tags] };
}

function slaTables(policy: SupportPolicy): Table[] {
  const sla = policy.sla;
  if (!sla) return [];
  const domains = domainsOf(SLA_FACTS, { ...sla.vocabulary, tags: null });
  const { rules } = sla.spec;
  const tables: Table[] = [
    {
      what: 'SLA',
      rules: rules.map((rule, r) => ({ id: rule.id, path: ['sla', 'rules', r], condition: slaCondition(rule.when), decides: decidesText(rule) })),
      domains,
      firstMatch: true,
      gaps: [],
    },
  ];
  rules.forEach((rule, r) => {
    const ruleTests = slaCondition(rule.when).tests;
    for (const metric of new Set(rule.targets.map((target) => target.metric))) {
      const targets = rule.targets.flatMap((target, t) =>
        target.metric === metric
          ? [{ id: target.id, path: ['sla', 'rules', r, 'targets', t], condition: { tests: [...ruleTests, ...slaCondition(target.when).tests] }, decides: decidesText(target, ['id', 'when', 'metric']) }]
          : [],
      );
      if (targets.length > 1) tables.push({ what: `${metric} target of SLA rule "${rule.id}"`, rules: targets, domains, firstMatch: true, gaps: [] });
    }
  });
  return tables;
}

/** The findings of every rule table of a policy. */
export function lintSections(policy: SupportPolicy, prefix: JsonPath): LintFinding[] {
  return [...slaTables(policy), ...returnWindowTable(policy), ...feeTables(policy), ...warrantyTables(policy), ...compensationTables(policy)].flatMap((table) => lintTable(table, prefix));
}

/** The SLA domains and condition form, for the target lint (which rules' targets can meet). */
export function slaRegionInputs(policy: SupportPolicy): { readonly domains: Domains; readonly condition: typeof slaCondition } | undefined {
  return policy.sla ? { domains: domainsOf(SLA_FACTS, { ...policy.sla.vocabulary, tags: null }), condition: slaCondition } : undefined;
}
