import { messages } from '../_lib/messages.js';
import type { Instant } from '../calendar/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import { evaluateClock, type ClockTarget, type SlaClock } from './clock.js';
import { buildTimeline, spansOf } from './cycles.js';
import { mismatches, type Mismatch } from './match.js';
import { compiledSla, type SlaPolicy } from './policy.js';
import type { Reason } from '../_lib/reason.js';
import type { SlaRule } from './schema.js';
import { timelineOf, type Ticket } from './ticket.js';

/**
 * Which SLA rule applies to a ticket, and why.
 *
 * @remarks Since 0.1.0
 */
export interface SlaRuleDecision {
  /** Id of the first rule whose `when` matches, or null when none does. */
  readonly rule: string | null;
  /** One reason per rule considered, in order: matched, not matched (with the fields), or shadowed. */
  readonly reasons: readonly Reason[];
}

/**
 * The SLA picture of one ticket as of `now`.
 *
 * @remarks Since 0.1.0
 */
export interface SlaReport {
  readonly ticket: string | null;
  readonly asOf: Date;
  readonly rule: string | null;
  /** Every clock of every metric the rule targets, cycle by cycle, in target order. */
  readonly clocks: readonly SlaClock[];
  /** Why this rule and these targets. */
  readonly reasons: readonly Reason[];
}

interface Verdict {
  readonly rule: SlaRule;
  readonly failed: readonly Mismatch[];
}

/** The first rule whose `when` matches, and each rule's mismatches (reasons are built later). */
function decide(rules: readonly SlaRule[], ticket: Ticket): { rule: SlaRule | null; verdicts: Verdict[] } {
  let chosen: SlaRule | null = null;
  const verdicts = rules.map((rule) => {
    const failed = mismatches(rule.when, ticket);
    if (failed.length === 0 && !chosen) chosen = rule;
    return { rule, failed };
  });
  return { rule: chosen, verdicts };
}

function describeMismatches(failed: readonly Mismatch[]): string {
  // The first difference in words; the facts list every field (this runs for most rules on every ticket).
  const first = failed[0] as Mismatch;
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more field${failed.length > 2 ? 's' : ''})` : '';
  return `${first.field} is ${first.actual ?? 'unset'}, not ${first.expected.length === 1 ? first.expected[0] : first.expected.join(' or ')}${more}`;
}

function ruleReasons(verdicts: readonly Verdict[], chosen: SlaRule | null): Reason[] {
  const reasons: Reason[] = verdicts.map(({ rule, failed }): Reason => {
    const first = failed[0];
    if (first) {
      return {
        code: 'SLA_RULE_NOT_MATCHED',
        rule: rule.id,
        facts: { fields: failed.map((f) => f.field), field: first.field, expected: first.expected, actual: first.actual },
        message: `Rule ${rule.id} does not apply: ${describeMismatches(failed)}.`,
      };
    }
    if (rule !== chosen) {
      return { code: 'SLA_RULE_SHADOWED', rule: rule.id, facts: { winner: chosen?.id ?? null }, message: `Rule ${rule.id} also matches, but ${chosen?.id} comes first.` };
    }
    return { code: 'SLA_RULE_MATCHED', rule: rule.id, facts: { fields: Object.keys(rule.when ?? {}) }, message: `Rule ${rule.id} applies (first match).` };
  });
  if (!chosen) reasons.push({ code: 'NO_SLA_RULE', facts: { considered: verdicts.length }, message: 'No SLA rule matches this ticket, so no SLA clocks run.' });
  return reasons;
}

/**
 * Decides which SLA rule of a policy applies to a ticket: the first whose `when` matches. Every
 * rule is considered and explained.
 *
 * @param policy - From {@link defineSlaPolicy}.
 * @param ticket - At least the attributes rules match on (`priority`, `channel`, `vip`, …).
 * @returns The rule id (or null) and one reason per rule.
 * @example
 * ```ts
 * // With the policy of the defineSlaPolicy example:
 * selectSlaRule(sla, { channel: 'email', events: [] }).rule; //=> 'email'
 * selectSlaRule(sla, { channel: 'chat', events: [] }).rule;  //=> null (reason NO_SLA_RULE)
 * ```
 * @remarks Since 0.1.0
 */
export function selectSlaRule(policy: SlaPolicy, ticket: Ticket): SlaRuleDecision {
  const { rule, verdicts } = decide(compiledSla(policy).rules, ticket);
  return { rule: rule?.id ?? null, reasons: ruleReasons(verdicts, rule) };
}


/**
 * Computes every SLA clock of a ticket as of `now`: which rule applies, then for each metric it
 * targets, each cycle's start, stop, pauses, deadline, elapsed and remaining business time and
 * status. Events after `now` are ignored (not yet known); events may come in any order.
 *
 * Metrics: `firstResponse` runs from creation to the first public agent reply;
 * `acknowledgement` also stops at a `metricFulfilled` event for it; `nextResponse` runs from each
 * customer reply after an answer to the next public agent reply; `resolution` runs from creation
 * (or reopening) to a resolved status, and pauses in paused statuses; `periodicUpdate` restarts at
 * every update or public reply until resolution; any other metric runs from its `metricStarted`
 * event (or creation, unless the target says `startOn: 'metricStarted'`) to its `metricFulfilled`.
 * Resolving a ticket stops every clock.
 *
 * @param policy - From {@link defineSlaPolicy}.
 * @param ticket - Attributes and events.
 * @param now - The instant the report is as of.
 * @returns A plain-data report with the rule decision and the clocks.
 * @throws {@link InvalidArgumentError} for contradictory or malformed events (`EVENT_BEFORE_CREATED`,
 *   `MISSING_CREATED`, `DUPLICATE_CREATED`, `INVALID_EVENT`) or a bad `now`.
 * @example
 * ```ts
 * const report = evaluateSla(sla, {
 *   channel: 'email',
 *   events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }],
 * }, new Date('2026-11-23T09:00:00-06:00'));
 * // With the email rule of the defineSlaPolicy example (acknowledge within 4 business hours,
 * // Mon-Fri 07:00-19:00 Chicago): 0.5 h on Friday and 2 h on Monday are used.
 * report.clocks[0]?.deadline.toISOString(); //=> '2026-11-23T16:30:00.000Z' (Mon 10:30 CST)
 * report.clocks[0]?.status;                 //=> 'ok' (2.5 of 4 business hours used)
 * ```
 * @remarks Since 0.1.0
 */
export function evaluateSla(policy: SlaPolicy, ticket: Ticket, now: Instant): SlaReport {
  const c = compiledSla(policy);
  const asOf = now instanceof Date ? now.getTime() : now;
  if (typeof asOf !== 'number' || !Number.isFinite(asOf)) {
    throw new InvalidArgumentError([{ code: 'INVALID_INSTANT', path: ['now'], message: messages.INVALID_INSTANT(now) }]);
  }
  const { created, events } = timelineOf(ticket);
  const { rule, verdicts } = decide(c.rules, ticket);
  const clocks: SlaClock[] = [];
  const reasons = ruleReasons(verdicts, rule);
  const report: SlaReport = { ticket: ticket.id ?? null, asOf: new Date(asOf), rule: rule?.id ?? null, clocks, reasons };
  if (rule && created > asOf) {
    reasons.push({ code: 'TICKET_NOT_CREATED_YET', facts: { createdMs: created }, message: 'The ticket is created after the report instant; no clock has started.' });
  }
  if (!rule || created > asOf) return report;
  // Events are sorted: only filter when some lie after `now`.
  const known = (events[events.length - 1] as (typeof events)[number]).at <= asOf ? events : events.filter((event) => event.at <= asOf);
  const timeline = buildTimeline(created, known, c.paused, c.resolved);
  const chosen = new Set<string>();
  for (const target of rule.targets) {
    if (chosen.has(target.metric)) continue;
    const failed = mismatches(target.when, ticket);
    if (failed.length > 0) {
      reasons.push({
        code: 'SLA_TARGET_NOT_MATCHED',
        rule: target.id,
        facts: { metric: target.metric, fields: failed.map((f) => f.field) },
        message: `Target ${target.id} (${target.metric}) does not apply: ${describeMismatches(failed)}.`,
      });
      continue;
    }
    chosen.add(target.metric);
    const goal = c.goals.get(target.id) as ClockTarget;
    for (const span of spansOf(target.metric, timeline, goal.pausable, goal.startOnEvent)) clocks.push(evaluateClock(goal, span, asOf));
  }
  return report;
}
