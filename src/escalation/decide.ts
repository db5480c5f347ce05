import { formatInstant as iso } from '../_lib/civil.js';
import { mismatches, type Mismatch } from '../_lib/condition.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import { messages, spanText } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import type { Calendar } from '../calendar/index.js';
import { APPROVAL_LEVELS, approvalFor, type ApprovalDecision, type ApprovalLadder } from '../compensation/index.js';
import { SupportRulesError } from '../errors/index.js';
import { backOfficeClock } from '../sla/index.js';
import { breachChanges, breachFacts, breachText, countBreaches, type BreachCount } from './breaches.js';
import { checkCase, checkCaseOrder, type EscalationCase } from './case.js';
import { compileEscalation, slaFact, type Compiled, type Span } from './compile.js';
import { effects, nextCheck, type Breaches, type Contender } from './next-check.js';
import { EscalationPolicySchema, type EscalationPolicySpec } from './schema.js';
import { isImmediate } from './span.js';
import { deadlineWords, openWorkflows, type EscalationWorkflow } from './workflows.js';

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
  /**
   * The approval ladder `approvalAtLeast` walks (the policy's `approval`; in a SupportPolicy
   * without one, the compensation section's), or null; pass it to `approvalFor`.
   *
   * @remarks Since 0.2.0
   */
  readonly approval: ApprovalLadder | null;
}

/**
 * The values an escalation policy knows for each case field: its `tiers` and `severities`, its
 * categories (declared in `vocabulary.category`, else those its rules name, sorted), and the SLA
 * metrics a case's `slaStatus` may name (declared in `vocabulary.metric`, else the SLA built-in
 * metrics and those the rules name, sorted).
 *
 * @remarks Since 0.2.0
 */
export interface EscalationVocabulary {
  readonly tier: readonly string[];
  readonly severity: readonly string[];
  readonly category: readonly string[];
  /** The SLA metrics `slaStatus` may name. */
  readonly metric: readonly string[];
}

const COMPILED = brand('escalation');

/**
 * Validates an escalation policy (tiers and severities listed once, every tier, severity, category
 * and calendar a rule names known, ids unique, amounts that fit the currency, no rule that can
 * never change a decision) and compiles its calendars, conditions and case check once.
 *
 * @throws {@link EscalationPolicyError} listing every problem: `DUPLICATE_VALUE`, `DUPLICATE_ID`,
 *   `UNKNOWN_IN_POLICY`, `UNKNOWN_CATEGORY`, `UNKNOWN_CALENDAR`, `UNKNOWN_CURRENCY`, `TOO_PRECISE`,
 *   `UNREACHABLE_RULE`, `OUT_OF_BOUNDS`, `INVALID_RANGE`, `EMPTY` (an empty `slaStatus`), and
 *   shape codes; since 0.2.0 `UNKNOWN_IN_POLICY` for an `approvalAtLeast` with no ladder or a level
 *   not on it, `LADDER_ORDER` for an `approval` ladder that does not rise, `INVALID_VALUE` for
 *   `each: "breach"` on a rule that does not count breaches, `INVALID_WITHIN` for a deadline span
 *   under a millisecond that is not zero (zero is "immediately"); `UNKNOWN_IN_POLICY` also for an
 *   SLA status outside the five clock statuses (`rules.N.when.slaStatus.<metric>`) and a metric
 *   outside a declared `vocabulary.metric`.
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
  const compiled = compileEscalation(valid);
  const vocab: EscalationVocabulary = { ...compiled.vocabulary };
  return seal(COMPILED, { id: valid.id, spec: valid, vocabulary: Object.freeze(vocab), approval: compiled.ladder }, compiled);
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
  /**
   * The workflows to open: each fired rule's, due `within` after it fired (`dueBy`; the instant it
   * fired for a zero span) or recurring `every` span (`everyFrom`). A workflow opened per breach
   * (`each: "breach"`, since 0.2.0) is listed once per breach counted in the window, due from its
   * own breach (`breachAt`); `breachAt` is null for the others.
   */
  readonly workflows: readonly EscalationWorkflow[];
  /**
   * The first instant after `now` at which deciding the same case again would give another target
   * tier, deadline or set of workflows — a time trigger passing, or (since 0.2.0) the count of
   * `breaches` in the window rising or falling across a rule's threshold; null if none. SLA
   * statuses are facts as of `now`: re-decide when they change (the SLA report's `nextChangeAt`).
   */
  readonly nextCheckAt: Date | null;
  readonly reasons: readonly Reason[];
}


/**
 * Decides which tier a case belongs in. The case is checked first (every field against the
 * policy's vocabularies, instants in range and in order). Every rule is evaluated; the highest
 * tier among the rules that fired wins (a case never goes down); every trigger that fired is
 * listed with its facts, and every rule that did not fire says which field failed, what it
 * expected and what the case had. Time triggers ("unresolved for more than 48 hours", "in tier
 * for more than 1 business day") are measured on the policy's calendars and fire strictly after
 * the span. With the policy's `breachWindow`, `breachesInWindow` is counted from the case's
 * `breaches` in `(now - window, now]`; `slaStatus` tests read the case's SLA state by metric.
 *
 * @throws {@link InvalidArgumentError} listing every problem of the case, each at the caller's
 *   field: `REQUIRED`, `UNKNOWN_KEY`, `INVALID_TYPE`, `UNKNOWN_IN_POLICY` (a tier or severity the
 *   policy lacks), `UNKNOWN_CATEGORY`, `INVALID_FACT` (a negative amount or count, `tierEnteredAt`
 *   outside [`createdAt`, `now`]), `NOW_BEFORE_CREATED`, `CURRENCY_MISMATCH`, `INVALID_AMOUNT`,
 *   `TOO_PRECISE`, `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`;
 *   `UNKNOWN_IN_POLICY` also for a metric or status in `slaStatus` the policy does not know (at
 *   `['slaStatus', metric]`) and for `breaches` when the policy has no `breachWindow`;
 *   `CONFLICTING_FIELDS` for `breaches` with `breachesInWindow`; and `RESULT_OUT_OF_RANGE` when a
 *   deadline would fall after 2199. (A rule that opens a workflow for each breach and fires on a
 *   count the case gave opens it once, undated, with a `WORKFLOW_NEEDS_BREACHES` reason.)
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
  const f = checkCase(c.check, facts, c.vocabulary.metric, spec.vocabulary?.metric !== undefined);
  checkCaseOrder(f, c.breachWindow?.window.days);
  const { createdAt, now } = f;
  const tierEnteredAt = f.tierEnteredAt ?? createdAt;
  const currentTier = f.currentTier ?? (spec.tiers[0] as string);
  const rankOf = (tier: string) => rank.get(tier) as number;
  // Breach instants, counted in the policy's window as of now (checkCaseOrder ensured the window).
  let breaches: Breaches | undefined;
  let counted: BreachCount | undefined;
  if (f.breaches !== undefined && c.breachWindow) {
    breaches = { sorted: [...f.breaches].sort((a, b) => a - b), windowMs: c.breachWindow.ms };
    counted = countBreaches(breaches.sorted, now, breaches.windowMs);
  }
  // The facts conditions test: the case's own, its current tier as `inTier`, the count, and the
  // SLA status of each metric as `slaStatus.<metric>`.
  const view: Record<string, unknown> = {
    category: f.category,
    inTier: currentTier,
    amount: f.amount,
    failedVisits: f.failedVisits,
    partsMissingDays: f.partsMissingDays,
    breachesInWindow: counted ? counted.count : f.breachesInWindow,
  };
  if (f.slaStatus) for (const [metric, status] of Object.entries(f.slaStatus)) view[slaFact(metric)] = status;
  const caseSeverity = f.severity === undefined ? -1 : (c.severityRank.get(f.severity) as number);
  // A zero deadline span is "immediately": the instant the rule fired, whatever the calendar.
  const after = (start: number, span: Span, id: string) =>
    isImmediate(span.within) ? start : backOfficeClock({ id, calendar: c.calendars.get(span.calendar) as Calendar, within: span.within, start }, start).deadline.getTime();
  // The ladder step the case's amount needs, walked once for every rule with `approvalAtLeast`.
  let approval: ApprovalDecision | undefined;
  if (f.amount !== undefined && c.ladder !== null && c.rules.some((rule) => rule.approval !== undefined)) approval = approvalFor(c.ladder, { amount: f.amount });

  const reasons: Reason[] = [];
  const fired: Contender[] = [];
  // Rules whose facts that cannot change with time all hold: they fire, or may fire later.
  const contenders: Contender[] = [];
  for (const { rule, head, severityRank, approval: needs, body, breach, sla, slaMetrics, spans } of c.rules) {
    const failed: Mismatch[] = [...mismatches(head, view)];
    if (severityRank !== undefined && caseSeverity < severityRank) {
      failed.push({ field: 'severity', expected: `at least ${rule.when?.severityAtLeast as string}`, actual: f.severity ?? null });
    }
    // approvalAtLeast tests the amount through the ladder; its facts cite the step the amount needs.
    const ladderFacts = needs && approval ? { approvalLevel: approval.level, approvalLimit: approval.limit?.amount ?? null, approvalComparison: approval.comparison } : undefined;
    if (needs && !(approval && APPROVAL_LEVELS.indexOf(approval.level) >= needs.rank)) {
      failed.push({ field: 'amount', expected: needs.expected, actual: f.amount?.amount ?? null });
    }
    failed.push(...mismatches(body, view));
    const byCount = mismatches(breach, view);
    const bySla = mismatches(sla, view);
    failed.push(...byCount, ...bySla);
    // A count the caller gave is a fact like any other; one counted from breach instants changes
    // with time, as time triggers do. The rest never change while the case's facts stay the same.
    const countVaries = counted !== undefined && breach.tests.length > 0;
    const fixedHold = failed.length === (countVaries ? byCount.length : 0);
    // Time triggers fire strictly after their span has passed.
    let firedAt = createdAt;
    const thresholds: number[] = [];
    const passed: [string, number][] = [];
    for (const { field, span } of spans) {
      const start = field === 'unresolvedFor' ? createdAt : tierEnteredAt;
      const at = after(start, span, `${rule.id}.${field}`);
      thresholds.push(at);
      firedAt = Math.max(firedAt, at);
      if (now > at) passed.push([field, at]);
      else {
        const from = field === 'unresolvedFor' ? 'createdAt' : 'tierEnteredAt';
        failed.push({ field, expected: `after ${iso(at)} (more than ${spanText(span.within)} on calendar "${span.calendar}" from ${from})`, actual: iso(now) });
      }
    }
    const contender: Contender = { rule, firedAt, after: thresholds, breach: countVaries ? breach : undefined };
    if (fixedHold) contenders.push(contender);
    const windowFacts = countVaries && counted && c.breachWindow ? breachFacts(counted, c.breachWindow.window) : undefined;
    const first = failed[0];
    if (first) {
      const fields = failed.map((m) => m.field);
      reasons.push({
        code: 'ESCALATION_RULE_NOT_FIRED',
        rule: rule.id,
        facts: { tier: rule.tier, fields, field: first.field, expected: first.expected, actual: first.actual, ...windowFacts, ...ladderFacts },
        message: `${rule.id} has not fired: ${fields.join(', ')} not met (${first.field} is ${first.actual === null ? 'not given' : String(first.actual)}, needs ${first.expected}).`,
      });
      continue;
    }
    const triggers: Record<string, string | number> = {};
    const because: string[] = [];
    if (f.category !== undefined && rule.when?.category !== undefined) triggers.category = f.category;
    if (severityRank !== undefined && f.severity !== undefined) triggers.severity = f.severity;
    if (f.amount !== undefined && (rule.when?.amount !== undefined || needs !== undefined)) triggers.amount = f.amount.amount;
    if (needs && approval) because.push(`${approval.amount.amount} ${spec.currency} needs ${approval.level} approval`);
    for (const field of ['failedVisits', 'partsMissingDays', 'breachesInWindow'] as const) {
      const value = view[field] as number | undefined;
      if (value !== undefined && rule.when?.[field] !== undefined) triggers[field] = value;
    }
    if (windowFacts && counted && c.breachWindow) because.push(breachText(counted, c.breachWindow.window));
    for (const metric of slaMetrics) {
      const status = f.slaStatus?.[metric];
      if (status === undefined) continue;
      triggers[slaFact(metric)] = status;
      because.push(`${metric} is ${status}`);
    }
    for (const [field, at] of passed) triggers[field] = iso(at);
    const deadlines = deadlineWords(rule);
    fired.push(contender);
    reasons.push({
      code: 'ESCALATION_RULE_FIRED',
      rule: rule.id,
      facts: { tier: rule.tier, firedAt: iso(firedAt), ...triggers, ...deadlines.facts, ...windowFacts, ...ladderFacts },
      message: `${rule.id} fired: the case belongs in ${rule.tier}${because.length > 0 ? ` (${because.join('; ')})` : ''}${deadlines.words.length > 0 ? `; ${deadlines.words.join(', ')}` : ''}.`,
    });
  }

  const effectOf = effects(currentTier, rankOf, after, breaches);
  const effect = effectOf(fired, now, true);
  const { targetTier } = effect;
  const workflows = openWorkflows(fired, after, counted, reasons);
  const escalate = rankOf(targetTier) > rankOf(currentTier);
  const changes = breaches && contenders.some((x) => x.breach) ? breachChanges(breaches.sorted, now, breaches.windowMs) : [];
  const next = nextCheck(contenders, now, breaches, changes, { fired, effect }, effectOf);
  const nextText = next
    ? ` Decide again at ${iso(next.at)}, when ${[...next.starting.map((id) => `${id} fires`), ...next.stopping.map((id) => `${id} stops firing`)].join(' and ')}.`
    : '';
  reasons.push({
    code: escalate ? 'ESCALATE' : 'STAY',
    rule: targetTier,
    facts: {
      currentTier,
      targetTier,
      fired: fired.map((x) => x.rule.id),
      nextCheckAt: next ? iso(next.at) : null,
      nextCheckStarting: next?.starting ?? [],
      nextCheckStopping: next?.stopping ?? [],
    },
    message: `${escalate ? `Escalate from ${currentTier} to ${targetTier} (highest tier among ${fired.length} fired rule(s)).` : `Stay in ${currentTier}.`}${nextText}`,
  });
  return {
    currentTier,
    targetTier,
    escalate,
    fired: fired.map((x) => ({ rule: x.rule.id, tier: x.rule.tier, firedAt: new Date(x.firedAt) })),
    deadlines: { reachBy: effect.reachBy === null ? null : new Date(effect.reachBy), acknowledgeBy: effect.acknowledgeBy === null ? null : new Date(effect.acknowledgeBy) },
    workflows,
    nextCheckAt: next ? new Date(next.at) : null,
    reasons,
  };
}
