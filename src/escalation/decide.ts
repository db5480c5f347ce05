import { brand, seal, unseal } from '../_lib/compiled.js';
import { optionalInstant, requiredInstant } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import { compare, money, moneyIn, type Money } from '../money/index.js';
import { backOfficeClock, type Within } from '../sla/index.js';
import { EscalationPolicySchema, type EscalationPolicySpec } from './schema.js';

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
}

interface Compiled {
  readonly spec: EscalationPolicySpec;
  readonly calendars: ReadonlyMap<string, Calendar>;
}

const COMPILED = brand('escalation');

/**
 * Validates an escalation policy (tiers, severities and calendars referenced exist) and compiles
 * its calendars once.
 *
 * @throws {@link EscalationPolicyError} listing every problem.
 * @example
 * ```ts
 * const policy = defineEscalationPolicy({
 *   id: 'primos', currency: 'USD', calendars: { clock: { timeZone: 'America/New_York', alwaysOpen: true } },
 *   tiers: ['tier-1', 'tier-2', 'tier-3'],
 *   rules: [{ id: 'technical', tier: 'tier-2', when: { category: ['technical'] },
 *     reachWithin: { within: { hours: 2 }, calendar: 'clock' } }],
 * });
 * policy.id; //=> 'primos'
 * ```
 * @remarks Since 0.1.0
 */
export function defineEscalationPolicy(spec: EscalationPolicySpec): EscalationPolicy {
  const valid = parseFrozen(EscalationPolicySchema, spec, (issues) => new EscalationPolicyError(issues));
  const calendars = new Map(Object.entries(valid.calendars).map(([name, calendar]) => [name, createCalendar(calendar)]));
  return seal(COMPILED, { id: valid.id, spec: valid }, { spec: valid, calendars } satisfies Compiled);
}

/**
 * The facts of a case, as of `now`.
 *
 * @remarks Since 0.1.0
 */
export interface EscalationCase {
  readonly createdAt: Instant;
  readonly now: Instant;
  /** @defaultValue the policy's first tier */
  readonly currentTier?: string;
  /** @defaultValue `createdAt` */
  readonly tierEnteredAt?: Instant;
  readonly category?: string;
  readonly severity?: string;
  /** Refund or compensation at stake, in the policy's currency. */
  readonly amount?: Money | string;
  readonly failedVisits?: number;
  readonly partsMissingDays?: number;
  /** SLA breaches of the queue in the policy's rolling window (see `breachesByGroup`). */
  readonly breachesInWindow?: number;
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


/**
 * Decides which tier a case belongs in. Every rule is evaluated; the highest tier among the rules
 * that fired wins (a case never goes down); every trigger that fired is listed with its facts.
 * Time triggers ("unresolved for more than 48 hours", "in tier for more than 1 business day") are
 * measured on the policy's calendars and fire strictly after the span.
 *
 * @throws {@link InvalidArgumentError} `UNKNOWN_IN_POLICY` (a tier or severity the policy lacks),
 *   `CURRENCY_MISMATCH`, bad instants.
 * @example
 * ```ts
 * const decision = decideEscalation(policy, { category: 'technical',
 *   createdAt: new Date('2026-11-25T14:00:00Z'), now: new Date('2026-11-25T14:30:00Z') });
 * decision.targetTier;                       //=> 'tier-2'
 * decision.deadlines.reachBy?.toISOString(); //=> '2026-11-25T16:00:00.000Z'
 * ```
 * @remarks Since 0.1.0
 */
export function decideEscalation(policy: EscalationPolicy, facts: EscalationCase): EscalationDecision {
  const c = unseal<Compiled>(COMPILED, policy, (issues) => new EscalationPolicyError(issues), {
    code: 'INVALID_ESCALATION_POLICY',
    path: [],
    message: messages.INVALID_ESCALATION_POLICY(),
  });
  const { spec } = c;
  const createdAt = requiredInstant(facts.createdAt, 'createdAt');
  const now = requiredInstant(facts.now, 'now');
  const tierEnteredAt = optionalInstant(facts.tierEnteredAt, 'tierEnteredAt') ?? createdAt;
  const currentTier = facts.currentTier ?? (spec.tiers[0] as string);
  const rank = (tier: string) => spec.tiers.indexOf(tier);
  if (rank(currentTier) < 0) throw new InvalidArgumentError([{ code: 'UNKNOWN_IN_POLICY', path: ['currentTier'], message: messages.UNKNOWN_IN_POLICY('tier', currentTier, spec.tiers) }]);
  const severities = spec.severities ?? [];
  if (facts.severity !== undefined && !severities.includes(facts.severity)) {
    throw new InvalidArgumentError([{ code: 'UNKNOWN_IN_POLICY', path: ['severity'], message: messages.UNKNOWN_IN_POLICY('severity', facts.severity, severities) }]);
  }
  const amount = facts.amount === undefined ? undefined : moneyIn(facts.amount, spec.currency, 'amount');
  const after = (start: number, span: { within: Within; calendar: string }, id: string) =>
    backOfficeClock({ id, calendar: c.calendars.get(span.calendar) as Calendar, within: span.within, start }, start).deadline.getTime();

  const reasons: Reason[] = [];
  const fired: { rule: string; tier: string; firedAt: number; spec: EscalationPolicySpec['rules'][number] }[] = [];
  const pendings: { at: number; rule: EscalationPolicySpec['rules'][number] }[] = [];
  for (const rule of spec.rules) {
    const when = rule.when ?? {};
    const failed: string[] = [];
    const triggers: Record<string, string | number | boolean> = {};
    if (when.category && (facts.category === undefined || !when.category.includes(facts.category))) failed.push('category');
    else if (when.category) triggers.category = facts.category as string;
    if (when.inTier && !when.inTier.includes(currentTier)) failed.push('inTier');
    if (when.severityAtLeast) {
      if (facts.severity === undefined || severities.indexOf(facts.severity) < severities.indexOf(when.severityAtLeast)) failed.push('severity');
      else triggers.severity = facts.severity;
    }
    if (when.amount) {
      const hit = amount !== undefined && (when.amount.gt === undefined || compare(amount, money(when.amount.gt, spec.currency)) > 0) && (when.amount.gte === undefined || compare(amount, money(when.amount.gte, spec.currency)) >= 0);
      if (!hit) failed.push('amount');
      else triggers.amount = (amount as Money).amount;
    }
    const counts = [
      ['failedVisits', when.failedVisits?.gte, (n: number, limit: number) => n >= limit],
      ['partsMissingDays', when.partsMissingDays?.gt, (n: number, limit: number) => n > limit],
      ['breachesInWindow', when.breachesInWindow?.gt, (n: number, limit: number) => n > limit],
    ] as const;
    for (const [field, limit, holds] of counts) {
      if (limit === undefined) continue;
      const value = facts[field];
      if (value === undefined || !holds(value, limit)) failed.push(field);
      else triggers[field] = value;
    }
    // Time triggers fire strictly after their span has passed.
    let firedAt = createdAt;
    let pending: number | undefined;
    for (const [field, start, span] of [
      ['unresolvedFor', createdAt, when.unresolvedFor],
      ['inTierFor', tierEnteredAt, when.inTierFor],
    ] as const) {
      if (!span) continue;
      const at = after(start, span, `${rule.id}.${field}`);
      if (now > at) {
        firedAt = Math.max(firedAt, at);
        triggers[field] = new Date(at).toISOString();
      } else {
        failed.push(field);
        pending = Math.max(pending ?? at + 1, at + 1);
      }
    }
    const timeOnly = failed.every((field) => field === 'unresolvedFor' || field === 'inTierFor');
    if (failed.length > 0) {
      if (timeOnly && pending !== undefined) pendings.push({ at: pending, rule });
      reasons.push({ code: 'ESCALATION_RULE_NOT_FIRED', rule: rule.id, facts: { tier: rule.tier, fields: failed }, message: `${rule.id} has not fired: ${failed.join(', ')} not met.` });
      continue;
    }
    fired.push({ rule: rule.id, tier: rule.tier, firedAt, spec: rule });
    reasons.push({ code: 'ESCALATION_RULE_FIRED', rule: rule.id, facts: { tier: rule.tier, firedAt: new Date(firedAt).toISOString(), ...triggers }, message: `${rule.id} fired: the case belongs in ${rule.tier}.` });
  }

  let targetTier = currentTier;
  for (const f of fired) if (rank(f.tier) > rank(targetTier)) targetTier = f.tier;
  const winners = fired.filter((f) => f.tier === targetTier);
  const earliest = (values: (number | null)[]) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length > 0 ? new Date(Math.min(...present)) : null;
  };
  const deadlines = {
    reachBy: earliest(winners.map((f) => (f.spec.reachWithin ? after(f.firedAt, f.spec.reachWithin, `${f.rule}.reach`) : null))),
    acknowledgeBy: earliest(winners.map((f) => (f.spec.acknowledgeWithin ? after(f.firedAt, f.spec.acknowledgeWithin, `${f.rule}.ack`) : null))),
  };
  const workflows = fired.flatMap((f) =>
    (f.spec.workflows ?? []).map((w) => ({
      id: w.id,
      rule: f.rule,
      dueBy: w.within ? new Date(after(f.firedAt, w.within, w.id)) : null,
      everyFrom: w.every ? new Date(after(f.firedAt, w.every, w.id)) : null,
    })),
  );
  const escalate = rank(targetTier) > rank(currentTier);
  // The decision can next change when a pending time trigger would raise the tier or open a workflow.
  const changes = pendings.filter(({ rule }) => rank(rule.tier) > rank(targetTier) || (rule.workflows?.length ?? 0) > 0);
  const nextCheck = changes.length > 0 ? Math.min(...changes.map((p) => p.at)) : undefined;
  reasons.push({
    code: escalate ? 'ESCALATE' : 'STAY',
    rule: targetTier,
    facts: { currentTier, targetTier, fired: fired.map((f) => f.rule) },
    message: escalate ? `Escalate from ${currentTier} to ${targetTier} (highest tier among ${fired.length} fired rule(s)).` : `Stay in ${currentTier}.`,
  });
  return {
    currentTier,
    targetTier,
    escalate,
    fired: fired.map((f) => ({ rule: f.rule, tier: f.tier, firedAt: new Date(f.firedAt) })),
    deadlines,
    workflows,
    nextCheckAt: nextCheck === undefined ? null : new Date(nextCheck),
    reasons,
  };
}
