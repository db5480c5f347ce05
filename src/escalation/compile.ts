// An escalation policy compiled once: its calendars, each rule's conditions split by how they
// behave over time, the SLA metrics cases may name, and the case check.

import { compileCondition, type Condition, type FactType } from '../_lib/condition.js';
import { compileRequest, type Field, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { createCalendar, type Calendar } from '../calendar/index.js';
import { APPROVAL_LEVELS, defineApprovalLadder, type ApprovalLadder, type ApprovalLevel } from '../compensation/index.js';
import { money, moneyIn } from '../money/index.js';
import { CLOCK_STATUSES, type Within } from '../sla/index.js';
import { windowMsOf, type Window } from './breaches.js';
import { ESCALATION_CASE_FIELDS } from './case.js';
import { ESCALATION_FACTS, escalationNamedValues, slaMetricsNamed, slaMetricVocabulary } from './condition.js';
import type { EscalationPolicySpec } from './schema.js';

export type Rule = EscalationPolicySpec['rules'][number];
export type Span = { readonly within: Within; readonly calendar: string };

export interface CompiledRule {
  readonly rule: Rule;
  /** `category` and `inTier`, tested before the severity (the order reasons list failed fields in). */
  readonly head: Condition;
  /** The rank `severityAtLeast` needs, if the rule has one. */
  readonly severityRank: number | undefined;
  /** What `approvalAtLeast` needs: the level, its rank in APPROVAL_LEVELS, and the amounts that hold in words. */
  readonly approval: { readonly level: ApprovalLevel; readonly rank: number; readonly expected: string } | undefined;
  /** `amount`, `failedVisits` and `partsMissingDays`. */
  readonly body: Condition;
  /** `breachesInWindow`: apart, because a count taken from breach instants changes with time. */
  readonly breach: Condition;
  /** `slaStatus`, one test per metric on the fact `slaStatus.<metric>`. */
  readonly sla: Condition;
  /** The metrics `slaStatus` tests. */
  readonly slaMetrics: readonly string[];
  readonly spans: readonly { readonly field: 'unresolvedFor' | 'inTierFor'; readonly span: Span }[];
}

/** The values an escalation policy knows for each case field. */
export interface Vocabularies {
  readonly tier: readonly string[];
  readonly severity: readonly string[];
  readonly category: readonly string[];
  readonly metric: readonly string[];
}

export interface Compiled {
  readonly spec: EscalationPolicySpec;
  readonly vocabulary: Vocabularies;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly rank: ReadonlyMap<string, number>;
  readonly severityRank: ReadonlyMap<string, number>;
  readonly rules: readonly CompiledRule[];
  readonly check: RequestChecker;
  /** The window breaches are counted in, and its length; undefined without a `breachWindow`. */
  readonly breachWindow: { readonly window: Window; readonly ms: number } | undefined;
  /** The approval ladder `approvalAtLeast` walks, if the policy has one. */
  readonly ladder: ApprovalLadder | null;
}

/** The fact a rule's `slaStatus` test of one metric reads. */
export const slaFact = (metric: string): string => `slaStatus.${metric}`;

/** Compiles a policy that the schema has accepted. */
export function compileEscalation(valid: EscalationPolicySpec): Compiled {
  const vocab: Vocabularies = {
    tier: valid.tiers,
    severity: valid.severities ?? [],
    category: vocabularyOf(valid.vocabulary?.category, escalationNamedValues(valid), 'category'),
    metric: slaMetricVocabulary(valid.vocabulary?.metric, slaMetricsNamed(valid).map((n) => n.metric)),
  };
  const severityRank = new Map(vocab.severity.map((s, i) => [s, i]));
  // One term field per metric the policy knows; the statuses are the five clock statuses.
  const slaStatusField: Field = { type: 'object', what: 'the SLA status by metric', fields: Object.fromEntries(vocab.metric.map((metric) => [metric, { type: 'term', vocabulary: 'slaStatus' } as const])) };
  const ladder = valid.approval ? defineApprovalLadder({ currency: valid.currency, steps: valid.approval }) : null;
  return {
    spec: valid,
    vocabulary: vocab,
    calendars: new Map(Object.entries(valid.calendars).map(([name, calendar]) => [name, createCalendar(calendar)])),
    rank: new Map(valid.tiers.map((tier, i) => [tier, i])),
    severityRank,
    rules: valid.rules.map((rule) => compileRule(rule, severityRank, ladder)),
    check: compileRequest(
      'an escalation case',
      { ...ESCALATION_CASE_FIELDS, slaStatus: slaStatusField },
      {
        vocabularies: {
          tier: vocabulary('tier', vocab.tier),
          severity: vocabulary('severity', vocab.severity),
          category: vocabulary('category', vocab.category),
          slaStatus: vocabulary('SLA status', CLOCK_STATUSES),
        },
        money: (value, path) => moneyIn(value as string, valid.currency, path, { nonNegative: true }),
      },
    ),
    breachWindow: valid.breachWindow ? { window: valid.breachWindow, ms: windowMsOf(valid.breachWindow) } : undefined,
    ladder,
  };
}

/**
 * The amounts that need at least `level` on the ladder, in words: above the limit of the highest
 * step below it that applies to an amount without a kind (`> 1000.00`, or `>= 50.00` past a
 * `<` limit), or any amount when no such step is below it.
 */
function approvalExpected(level: ApprovalLevel, ladder: ApprovalLadder): string {
  const rank = APPROVAL_LEVELS.indexOf(level);
  const below = ladder.steps.filter((step) => step.kinds === undefined && APPROVAL_LEVELS.indexOf(step.level) < rank).at(-1);
  if (below?.limit === undefined) return `any amount (${level} approval or higher)`;
  return `${below.comparison === '<' ? '>=' : '>'} ${money(below.limit, ladder.currency).amount} (${level} approval or higher)`;
}

function compileRule(rule: Rule, severityRank: ReadonlyMap<string, number>, ladder: ApprovalLadder | null): CompiledRule {
  const when = rule.when ?? {};
  const spans: CompiledRule['spans'][number][] = [];
  if (when.unresolvedFor) spans.push({ field: 'unresolvedFor', span: when.unresolvedFor });
  if (when.inTierFor) spans.push({ field: 'inTierFor', span: when.inTierFor });
  const slaTests = Object.entries(when.slaStatus ?? {});
  const slaMetrics = slaTests.map(([metric]) => metric);
  const slaTypes: Record<string, FactType> = {};
  const slaWhen: Record<string, unknown> = {};
  for (const [metric, test] of slaTests) {
    slaTypes[slaFact(metric)] = 'term';
    slaWhen[slaFact(metric)] = test;
  }
  return {
    rule,
    head: compileCondition({ category: when.category, inTier: when.inTier }, ESCALATION_FACTS),
    severityRank: when.severityAtLeast === undefined ? undefined : severityRank.get(when.severityAtLeast),
    // Definition ensures a rule with `approvalAtLeast` has a ladder naming its level.
    approval:
      when.approvalAtLeast === undefined || ladder === null
        ? undefined
        : { level: when.approvalAtLeast, rank: APPROVAL_LEVELS.indexOf(when.approvalAtLeast), expected: approvalExpected(when.approvalAtLeast, ladder) },
    body: compileCondition({ amount: when.amount, failedVisits: when.failedVisits, partsMissingDays: when.partsMissingDays }, ESCALATION_FACTS),
    breach: compileCondition({ breachesInWindow: when.breachesInWindow }, ESCALATION_FACTS),
    sla: compileCondition(slaWhen, slaTypes),
    slaMetrics,
    spans,
  };
}
