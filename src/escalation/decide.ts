import { formatInstant as iso } from '../_lib/civil.js';
import { mismatches, type Mismatch } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import { spanText } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { APPROVAL_LEVELS, approvalFor, type ApprovalDecision } from '../compensation/index.js';
import { breachChanges, breachesOf, breachFacts, breachText, countBreaches, countRises, runStart, type BreachCount, type Breaches, type Window } from './breaches.js';
import { checkCase, checkCaseOrder, type EscalationCase } from './case.js';
import { slaFact } from './compile.js';
import { compiledOf, type EscalationPolicy } from './define.js';
import { effects, firedAt, nextCheck, type Contender } from './next-check.js';
import { deadlinesOn, type Origin } from './timing.js';
import { deadlineWords, openWorkflows, type EscalationWorkflow } from './workflows.js';

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
  /**
   * Every rule that fired and when: the latest of `createdAt`, the instants its time triggers
   * passed and (since 0.2.0) the start of the current run of a count taken from `breaches`.
   */
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
 * `breaches` in `(now - window, now]`, and a rule on that count fires (since 0.2.0) where the
 * count's current run began: at the breach that made it hold, never before `createdAt`. Other
 * facts have no instant of their own: their rules fire at `createdAt`. `slaStatus` tests read the
 * case's SLA state by metric.
 *
 * @throws {@link InvalidArgumentError} listing every problem of the case, each at the caller's
 *   field: `REQUIRED`, `UNKNOWN_KEY`, `INVALID_TYPE`, `UNKNOWN_IN_POLICY` (a tier or severity the
 *   policy lacks), `UNKNOWN_CATEGORY`, `INVALID_FACT` (a negative amount or count, `tierEnteredAt`
 *   outside [`createdAt`, `now`]), `NOW_BEFORE_CREATED`, `CURRENCY_MISMATCH`, `INVALID_AMOUNT`,
 *   `TOO_PRECISE`, `INVALID_INSTANT`, `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`;
 *   `UNKNOWN_IN_POLICY` also for a metric or status in `slaStatus` the policy does not know (at
 *   `['slaStatus', metric]`) and for `breaches` when the policy has no `breachWindow`;
 *   `CONFLICTING_FIELDS` for `breaches` with `breachesInWindow`; and `RESULT_OUT_OF_RANGE` when a
 *   deadline of a fired rule would fall on or after 2200-01-01, at the case's field it counts from
 *   (since 0.2.0: `createdAt`, `tierEnteredAt` or `['breaches', i]`; a time trigger that would
 *   pass only after 2200 is no error, its rule has not fired). (A rule that opens a workflow for
 *   each breach and fires on a count the case gave opens it once, undated, with a
 *   `WORKFLOW_NEEDS_BREACHES` reason.)
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
  const c = compiledOf(policy);
  const { spec, rank } = c;
  const f = checkCase(c.check, facts, c.vocabulary.metric, spec.vocabulary?.metric !== undefined);
  checkCaseOrder(f, c.breachWindow?.window.days);
  const { createdAt, now } = f;
  const tierEnteredAt = f.tierEnteredAt ?? createdAt;
  const currentTier = f.currentTier ?? (spec.tiers[0] as string);
  const rankOf = (tier: string) => rank.get(tier) as number;
  // Breach instants, counted in the policy's window as of now (checkCaseOrder ensured the window).
  let counting: { readonly all: Breaches; readonly counted: BreachCount; readonly window: Window } | undefined;
  if (f.breaches !== undefined && c.breachWindow) {
    const all = breachesOf(f.breaches, c.breachWindow.ms);
    counting = { all, counted: countBreaches(all.sorted, now, all.windowMs), window: c.breachWindow.window };
  }
  const breaches = counting?.all;
  // The facts conditions test: the case's own, its current tier as `inTier`, the count, and the
  // SLA status of each metric as `slaStatus.<metric>`.
  const view: Record<string, unknown> = {
    category: f.category,
    inTier: currentTier,
    amount: f.amount,
    failedVisits: f.failedVisits,
    partsMissingDays: f.partsMissingDays,
    breachesInWindow: counting ? counting.counted.count : f.breachesInWindow,
  };
  if (f.slaStatus) for (const [metric, status] of Object.entries(f.slaStatus)) view[slaFact(metric)] = status;
  const caseSeverity = f.severity === undefined ? -1 : (c.severityRank.get(f.severity) as number);
  // A zero deadline span is "immediately": the instant the rule fired, whatever the calendar.
  const { after, trigger } = deadlinesOn(c.calendars);
  // What each time trigger counts from, and the caller's field that gives it.
  const created: Origin = { at: createdAt, from: ['createdAt'] };
  const triggerStart: Readonly<Record<'unresolvedFor' | 'inTierFor', Origin>> = {
    unresolvedFor: created,
    inTierFor: f.tierEnteredAt === undefined ? created : { at: tierEnteredAt, from: ['tierEnteredAt'] },
  };
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
    const varying = breach.tests.length > 0 ? counting : undefined;
    const fixedHold = failed.length === (varying ? byCount.length : 0);
    // Time triggers fire strictly after their span has passed; one past the supported range never.
    let base = created;
    const thresholds: number[] = [];
    const passed: [string, number][] = [];
    for (const { field, span } of spans) {
      const start = triggerStart[field];
      const at = trigger(start.at, span);
      thresholds.push(at);
      if (at > base.at) base = { at, from: start.from };
      if (now > at) passed.push([field, at]);
      else {
        const from = field === 'unresolvedFor' ? 'createdAt' : 'tierEnteredAt';
        const expected = Number.isFinite(at)
          ? `after ${iso(at)} (more than ${spanText(span.within)} on calendar "${span.calendar}" from ${from})`
          : messages.ESCALATION_TRIGGER_PAST_RANGE(spanText(span.within), span.calendar, from);
        failed.push({ field, expected, actual: iso(now) });
      }
    }
    // A rule on a count taken from breach instants fires where the count's current run started.
    const rises = varying && fixedHold ? countRises(breach, varying.all) : undefined;
    const contender: Contender = { rule, base, after: thresholds, breach: varying ? breach : undefined, rises };
    if (fixedHold) contenders.push(contender);
    const windowFacts = varying ? breachFacts(varying.counted, varying.window) : undefined;
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
    const since = rises ? runStart(rises, now) : undefined;
    if (varying) {
      because.push(breachText(varying.counted, varying.window));
      if (since) because.push(`the count has held since ${iso(since.at)}`);
    }
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
      facts: {
        tier: rule.tier,
        firedAt: iso(firedAt(contender, now).at),
        ...triggers,
        ...deadlines.facts,
        ...windowFacts,
        ...(windowFacts ? { countHoldsSince: since ? iso(since.at) : null } : {}),
        ...ladderFacts,
      },
      message: `${rule.id} fired: the case belongs in ${rule.tier}${because.length > 0 ? ` (${because.join('; ')})` : ''}${deadlines.words.length > 0 ? `; ${deadlines.words.join(', ')}` : ''}.`,
    });
  }

  const effectOf = effects(currentTier, rankOf, after, breaches);
  const effect = effectOf(fired, now, true);
  const { targetTier } = effect;
  const workflows = openWorkflows(fired, now, after, counting, reasons);
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
    fired: fired.map((x) => ({ rule: x.rule.id, tier: x.rule.tier, firedAt: new Date(firedAt(x, now).at) })),
    deadlines: { reachBy: effect.reachBy === null ? null : new Date(effect.reachBy), acknowledgeBy: effect.acknowledgeBy === null ? null : new Date(effect.acknowledgeBy) },
    workflows,
    nextCheckAt: next ? new Date(next.at) : null,
    reasons,
  };
}
