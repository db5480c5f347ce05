import { compileCondition, mismatches, type Condition, type Mismatch } from '../_lib/condition.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { messages } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { compileRequest, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar } from '../calendar/index.js';
import { SupportRulesError } from '../errors/index.js';
import { moneyIn } from '../money/index.js';
import { backOfficeClock, type Within } from '../sla/index.js';
import { checkCaseOrder, ESCALATION_CASE_FIELDS, type CaseFacts, type EscalationCase } from './case.js';
import { ESCALATION_FACTS, EscalationPolicySchema, escalationNamedValues, type EscalationPolicySpec } from './schema.js';

/**
 * An escalation policy failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class EscalationPolicyError extends SupportRulesError {
  static override readonly kind: string = 'EscalationPolicyError';
}

/**
 * A validated escalation policy. Create it once with {@link defineEscalationPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface EscalationPolicy {
  readonly id: string;
  readonly spec: Readonly<EscalationPolicySpec>;
  /** The values cases may give for each field. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<EscalationVocabulary>;
}

/**
 * The values an escalation policy knows for each case field: its `tiers` and `severities`, and
 * its categories (declared in `vocabulary.category`, else those its rules name, sorted).
 *
 * @remarks Since 0.2.0
 */
export interface EscalationVocabulary {
  readonly tier: readonly string[];
  readonly severity: readonly string[];
  readonly category: readonly string[];
}

type Rule = EscalationPolicySpec['rules'][number];
type Span = { readonly within: Within; readonly calendar: string };

interface CompiledRule {
  readonly rule: Rule;
  /** `category` and `inTier`, tested before the severity (the order reasons list failed fields in). */
  readonly head: Condition;
  /** The rank `severityAtLeast` needs, if the rule has one. */
  readonly severityRank: number | undefined;
  /** `amount` and the counts. */
  readonly body: Condition;
  readonly spans: readonly { readonly field: 'unresolvedFor' | 'inTierFor'; readonly span: Span }[];
}

interface Compiled {
  readonly spec: EscalationPolicySpec;
  readonly calendars: ReadonlyMap<string, Calendar>;
  readonly rank: ReadonlyMap<string, number>;
  readonly severityRank: ReadonlyMap<string, number>;
  readonly rules: readonly CompiledRule[];
  readonly check: RequestChecker;
}

const COMPILED = brand('escalation');

/**
 * Validates an escalation policy (tiers and severities listed once, every tier, severity, category
 * and calendar a rule names known, ids unique, amounts that fit the currency, no rule that can
 * never change a decision) and compiles its calendars, conditions and case check once.
 *
 * @throws {@link EscalationPolicyError} listing every problem: `DUPLICATE_VALUE`, `DUPLICATE_ID`,
 *   `UNKNOWN_IN_POLICY`, `UNKNOWN_CATEGORY`, `UNKNOWN_CALENDAR`, `UNKNOWN_CURRENCY`, `TOO_PRECISE`,
 *   `UNREACHABLE_RULE`, `OUT_OF_BOUNDS`, `INVALID_RANGE`, and shape codes.
 * @example
 * ```ts
 * const policy = defineEscalationPolicy({
 *   id: 'primos', currency: 'USD', calendars: { clock: { timeZone: 'America/New_York', alwaysOpen: true } },
 *   tiers: ['tier-1', 'tier-2', 'tier-3'],
 *   rules: [{ id: 'technical', tier: 'tier-2', when: { category: ['technical'] },
 *     reachWithin: { within: { hours: 2 }, calendar: 'clock' } }],
 * });
 * policy.id;                  //=> 'primos'
 * policy.vocabulary.category; //=> ['technical']
 * ```
 * @remarks Since 0.1.0
 */
export function defineEscalationPolicy(spec: EscalationPolicySpec): EscalationPolicy {
  const valid = parseFrozen(EscalationPolicySchema, spec, (issues) => new EscalationPolicyError(issues));
  const vocab: EscalationVocabulary = {
    tier: valid.tiers,
    severity: valid.severities ?? [],
    category: vocabularyOf(valid.vocabulary?.category, escalationNamedValues(valid), 'category'),
  };
  const severityRank = new Map(vocab.severity.map((s, i) => [s, i]));
  const compiled: Compiled = {
    spec: valid,
    calendars: new Map(Object.entries(valid.calendars).map(([name, calendar]) => [name, createCalendar(calendar)])),
    rank: new Map(valid.tiers.map((tier, i) => [tier, i])),
    severityRank,
    rules: valid.rules.map((rule) => {
      const when = rule.when ?? {};
      const spans: CompiledRule['spans'][number][] = [];
      if (when.unresolvedFor) spans.push({ field: 'unresolvedFor', span: when.unresolvedFor });
      if (when.inTierFor) spans.push({ field: 'inTierFor', span: when.inTierFor });
      return {
        rule,
        head: compileCondition({ category: when.category, inTier: when.inTier }, ESCALATION_FACTS),
        severityRank: when.severityAtLeast === undefined ? undefined : severityRank.get(when.severityAtLeast),
        body: compileCondition({ amount: when.amount, failedVisits: when.failedVisits, partsMissingDays: when.partsMissingDays, breachesInWindow: when.breachesInWindow }, ESCALATION_FACTS),
        spans,
      };
    }),
    check: compileRequest('an escalation case', ESCALATION_CASE_FIELDS, {
      vocabularies: { tier: vocabulary('tier', vocab.tier), severity: vocabulary('severity', vocab.severity), category: vocabulary('category', vocab.category) },
      money: (value, path) => moneyIn(value as string, valid.currency, path, { nonNegative: true }),
    }),
  };
  return seal(COMPILED, { id: valid.id, spec: valid, vocabulary: Object.freeze(vocab) }, compiled);
}

/**
 * Where a case belongs and what follows: the target tier, every rule that fired (with when), the
 * deadlines to reach and acknowledge the tier, the workflows to open, and the next instant at
 * which the decision could change.
 *
 * @remarks Since 0.1.0
 */
export interface EscalationDecision {
  readonly currentTier: string;
  readonly targetTier: string;
  readonly escalate: boolean;
  readonly fired: readonly { readonly rule: string; readonly tier: string; readonly firedAt: Date }[];
  readonly deadlines: { readonly reachBy: Date | null; readonly acknowledgeBy: Date | null };
  readonly workflows: readonly { readonly id: string; readonly rule: string; readonly dueBy: Date | null; readonly everyFrom: Date | null }[];
  /** When a time-based trigger that has not fired yet would fire; null if none is pending. */
  readonly nextCheckAt: Date | null;
  readonly reasons: readonly Reason[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const UNITS: Readonly<Record<string, string>> = { hours: 'hour', minutes: 'minute', seconds: 'second', milliseconds: 'millisecond', businessDays: 'business day', days: 'day' };
/** A span in words: "48 hours", "1 business day". */
const spanText = (within: Within) =>
  Object.entries(within)
    .map(([unit, n]) => `${String(n)} ${UNITS[unit] ?? unit}${n === 1 ? '' : 's'}`)
    .join(' ');

/**
 * Decides which tier a case belongs in. The case is checked first (every field against the
 * policy's vocabularies, instants in range and in order). Every rule is evaluated; the highest
 * tier among the rules that fired wins (a case never goes down); every trigger that fired is
 * listed with its facts, and every rule that did not fire says which field failed, what it
 * expected and what the case had. Time triggers ("unresolved for more than 48 hours", "in tier
 * for more than 1 business day") are measured on the policy's calendars and fire strictly after
 * the span.
 *
 * @throws {@link InvalidArgumentError} listing every problem of the case, each at the caller's
 *   field: `REQUIRED`, `UNKNOWN_KEY`, `INVALID_TYPE`, `UNKNOWN_IN_POLICY` (a tier or severity the
 *   policy lacks), `UNKNOWN_CATEGORY`, `INVALID_FACT` (a negative amount or count, `tierEnteredAt`
 *   outside [`createdAt`, `now`]), `NOW_BEFORE_CREATED`, `CURRENCY_MISMATCH`, `INVALID_AMOUNT`,
 *   `TOO_PRECISE`, `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`; and
 *   `RESULT_OUT_OF_RANGE` when a deadline would fall after 2199.
 * @example
 * ```ts
 * const decision = decideEscalation(policy, { category: 'technical',
 *   createdAt: new Date('2026-11-25T14:00:00Z'), now: new Date('2026-11-25T14:30:00Z') });
 * decision.targetTier;                       //=> 'tier-2'
 * decision.deadlines.reachBy?.toISOString(); //=> '2026-11-25T16:00:00.000Z'
 * decideEscalation(policy, { category: 'legal', createdAt: '2026-11-25T14:00:00Z', now: '2026-11-25T14:30:00Z' });
 * //=> throws InvalidArgumentError UNKNOWN_CATEGORY at ['category']
 * ```
 * @remarks Since 0.1.0
 */
export function decideEscalation(policy: EscalationPolicy, facts: EscalationCase): EscalationDecision {
  const c = unseal<Compiled>(COMPILED, policy, (issues) => new EscalationPolicyError(issues), {
    code: 'INVALID_ESCALATION_POLICY',
    path: [],
    message: messages.INVALID_ESCALATION_POLICY(),
  });
  const { spec, rank } = c;
  const f = c.check(facts) as unknown as CaseFacts;
  checkCaseOrder(f);
  const { createdAt, now } = f;
  const tierEnteredAt = f.tierEnteredAt ?? createdAt;
  const currentTier = f.currentTier ?? (spec.tiers[0] as string);
  const rankOf = (tier: string) => rank.get(tier) as number;
  // The facts conditions test: the case's own, and its current tier as `inTier`.
  const view = { category: f.category, inTier: currentTier, amount: f.amount, failedVisits: f.failedVisits, partsMissingDays: f.partsMissingDays, breachesInWindow: f.breachesInWindow };
  const caseSeverity = f.severity === undefined ? -1 : (c.severityRank.get(f.severity) as number);
  const after = (start: number, span: Span, id: string) =>
    backOfficeClock({ id, calendar: c.calendars.get(span.calendar) as Calendar, within: span.within, start }, start).deadline.getTime();

  const reasons: Reason[] = [];
  const fired: { rule: string; tier: string; firedAt: number; spec: Rule }[] = [];
  const pendings: { at: number; rule: Rule }[] = [];
  for (const { rule, head, severityRank, body, spans } of c.rules) {
    const failed: Mismatch[] = [...mismatches(head, view)];
    if (severityRank !== undefined && caseSeverity < severityRank) {
      failed.push({ field: 'severity', expected: `at least ${rule.when?.severityAtLeast as string}`, actual: f.severity ?? null });
    }
    failed.push(...mismatches(body, view));
    // Time triggers fire strictly after their span has passed.
    let firedAt = createdAt;
    let pending: number | undefined;
    const passed: [string, number][] = [];
    for (const { field, span } of spans) {
      const start = field === 'unresolvedFor' ? createdAt : tierEnteredAt;
      const at = after(start, span, `${rule.id}.${field}`);
      if (now > at) {
        firedAt = Math.max(firedAt, at);
        passed.push([field, at]);
      } else {
        const from = field === 'unresolvedFor' ? 'createdAt' : 'tierEnteredAt';
        failed.push({ field, expected: `after ${iso(at)} (more than ${spanText(span.within)} on calendar "${span.calendar}" from ${from})`, actual: iso(now) });
        pending = Math.max(pending ?? at + 1, at + 1);
      }
    }
    const first = failed[0];
    if (first) {
      if (pending !== undefined && failed.every((m) => m.field === 'unresolvedFor' || m.field === 'inTierFor')) pendings.push({ at: pending, rule });
      const fields = failed.map((m) => m.field);
      reasons.push({
        code: 'ESCALATION_RULE_NOT_FIRED',
        rule: rule.id,
        facts: { tier: rule.tier, fields, field: first.field, expected: first.expected, actual: first.actual },
        message: `${rule.id} has not fired: ${fields.join(', ')} not met (${first.field} is ${first.actual === null ? 'not given' : String(first.actual)}, needs ${first.expected}).`,
      });
      continue;
    }
    const triggers: Record<string, string | number> = {};
    if (f.category !== undefined && rule.when?.category !== undefined) triggers.category = f.category;
    if (severityRank !== undefined && f.severity !== undefined) triggers.severity = f.severity;
    if (f.amount !== undefined && rule.when?.amount !== undefined) triggers.amount = f.amount.amount;
    for (const field of ['failedVisits', 'partsMissingDays', 'breachesInWindow'] as const) {
      const value = f[field];
      if (value !== undefined && rule.when?.[field] !== undefined) triggers[field] = value;
    }
    for (const [field, at] of passed) triggers[field] = iso(at);
    fired.push({ rule: rule.id, tier: rule.tier, firedAt, spec: rule });
    reasons.push({ code: 'ESCALATION_RULE_FIRED', rule: rule.id, facts: { tier: rule.tier, firedAt: iso(firedAt), ...triggers }, message: `${rule.id} fired: the case belongs in ${rule.tier}.` });
  }

  let targetTier = currentTier;
  for (const x of fired) if (rankOf(x.tier) > rankOf(targetTier)) targetTier = x.tier;
  const winners = fired.filter((x) => x.tier === targetTier);
  const earliest = (values: (number | null)[]) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length > 0 ? new Date(Math.min(...present)) : null;
  };
  const deadlines = {
    reachBy: earliest(winners.map((x) => (x.spec.reachWithin ? after(x.firedAt, x.spec.reachWithin, `${x.rule}.reach`) : null))),
    acknowledgeBy: earliest(winners.map((x) => (x.spec.acknowledgeWithin ? after(x.firedAt, x.spec.acknowledgeWithin, `${x.rule}.ack`) : null))),
  };
  const workflows = fired.flatMap((x) =>
    (x.spec.workflows ?? []).map((w) => ({
      id: w.id,
      rule: x.rule,
      dueBy: w.within ? new Date(after(x.firedAt, w.within, w.id)) : null,
      everyFrom: w.every ? new Date(after(x.firedAt, w.every, w.id)) : null,
    })),
  );
  const escalate = rankOf(targetTier) > rankOf(currentTier);
  // The decision can next change when a pending time trigger would raise the tier or open a workflow.
  const changes = pendings.filter(({ rule }) => rankOf(rule.tier) > rankOf(targetTier) || (rule.workflows?.length ?? 0) > 0);
  const nextCheck = changes.length > 0 ? Math.min(...changes.map((p) => p.at)) : undefined;
  reasons.push({
    code: escalate ? 'ESCALATE' : 'STAY',
    rule: targetTier,
    facts: { currentTier, targetTier, fired: fired.map((x) => x.rule) },
    message: escalate ? `Escalate from ${currentTier} to ${targetTier} (highest tier among ${fired.length} fired rule(s)).` : `Stay in ${currentTier}.`,
  });
  return {
    currentTier,
    targetTier,
    escalate,
    fired: fired.map((x) => ({ rule: x.rule, tier: x.tier, firedAt: new Date(x.firedAt) })),
    deadlines,
    workflows,
    nextCheckAt: nextCheck === undefined ? null : new Date(nextCheck),
    reasons,
  };
}
