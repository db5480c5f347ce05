import { matches, mismatches, type Mismatch } from '../_lib/condition.js';
import { formatInstant } from '../_lib/civil.js';
import { requiredInstant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import type { Instant } from '../calendar/index.js';
import { InvalidArgumentError, type Issue, type JsonPath } from '../errors/index.js';
import type { Condition } from '../_lib/condition.js';
import { evaluateClock, evaluateClockOver, noUpcoming, type ClockSpan, type SlaClock, type Upcoming } from './clock.js';
import { buildTimeline, spansOf, type Timeline } from './cycles.js';
import { epochsOf, targetSegments, type Epoch, type RuleEpoch, type TargetSegment } from './history.js';
import { compiledSla, type CompiledRule, type CompiledSla, type CompiledTarget, type SlaPolicy } from './policy.js';
import type { TicketAttributes, TicketFacts } from './request.js';
import { checkSameInstantChanges, inCanonicalOrder, timelineOf, type Ticket, type TimelineEvent } from './ticket.js';

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
  /**
   * The next instant at which a running clock will be over its target if nothing else happens
   * (no reply, no status change): the earliest such clock's `breachedAt`-to-be. Null when no
   * clock is running towards a breach (all stopped, paused or already over).
   *
   * @remarks Since 0.2.0
   */
  readonly nextBreachAt: Date | null;
  /**
   * The next instant at which any clock's status changes if nothing else happens (`ok` to
   * `at-risk`, or `at-risk` to `breached`): evaluated at any instant before it the statuses are
   * those of this report, at it one differs. Schedule one timer per ticket for it instead of
   * polling; reason `SLA_NEXT_CHANGE` names the clock. Null when no status will change by itself.
   *
   * @remarks Since 0.2.0
   */
  readonly nextChangeAt: Date | null;
  /** Why this rule and these targets. */
  readonly reasons: readonly Reason[];
}

const NOW: JsonPath = Object.freeze(['now']);

interface Verdict {
  readonly rule: CompiledRule;
  readonly failed: readonly Mismatch[];
}

/** The first rule whose `when` matches, and each rule's mismatches (reasons are built later). */
function decide(rules: readonly CompiledRule[], facts: TicketAttributes): { rule: CompiledRule | null; verdicts: Verdict[] } {
  let chosen: CompiledRule | null = null;
  const verdicts = rules.map((rule) => {
    const failed = mismatches(rule.when, facts);
    if (failed.length === 0 && !chosen) chosen = rule;
    return { rule, failed };
  });
  return { rule: chosen, verdicts };
}

/** The first rule whose `when` matches (the rule in force over an earlier stretch: no verdicts needed). */
function ruleFor(rules: readonly CompiledRule[], facts: TicketAttributes): CompiledRule | null {
  for (const rule of rules) if (matches(rule.when, facts)) return rule;
  return null;
}

function describeMismatches(failed: readonly Mismatch[]): string {
  // The first difference in words; the facts list every field (this runs for most rules on every ticket).
  const first = failed[0] as Mismatch;
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more field${failed.length > 2 ? 's' : ''})` : '';
  return `${first.field} is ${first.actual ?? 'unset'}, expected ${first.expected}${more}`;
}

/** The not-matched facts: every field that failed, and the first one in the shared shape. */
function mismatchFacts(failed: readonly Mismatch[]): { fields: string[]; field: string; expected: string; actual: string | number | boolean | null } {
  const first = failed[0] as Mismatch;
  return { fields: failed.map((f) => f.field), field: first.field, expected: first.expected, actual: first.actual };
}

function ruleReasons(verdicts: readonly Verdict[], chosen: CompiledRule | null): Reason[] {
  const reasons: Reason[] = verdicts.map(({ rule: { rule }, failed }): Reason => {
    if (failed.length > 0) {
      return { code: 'SLA_RULE_NOT_MATCHED', rule: rule.id, facts: mismatchFacts(failed), message: `Rule ${rule.id} does not apply: ${describeMismatches(failed)}.` };
    }
    if (rule !== chosen?.rule) {
      return { code: 'SLA_RULE_SHADOWED', rule: rule.id, facts: { winner: chosen?.rule.id ?? null }, message: `Rule ${rule.id} also matches, but ${chosen?.rule.id} comes first.` };
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
 * @param ticket - At least the attributes rules match on (`priority`, `channel`, `vip`, …);
 *   `events` may be empty or left out here. `changed` events given are applied (since 0.2.0):
 *   the rule is the one the ticket's attributes select after every change, as `evaluateSla`
 *   reports it as of the last event.
 * @returns The rule id (or null) and one reason per rule.
 * @throws {@link InvalidArgumentError} for a ticket the policy cannot read, every problem at the
 *   ticket's own path: `UNKNOWN_KEY`, `INVALID_TYPE`, `UNKNOWN_IN_POLICY` / `UNKNOWN_CATEGORY`
 *   (a value outside the policy's vocabulary, with a did-you-mean), and for any events given the
 *   codes of {@link evaluateSla}.
 * @example
 * ```ts
 * // With the policy of the defineSlaPolicy example:
 * selectSlaRule(sla, { channel: 'email', events: [] }).rule; //=> 'email'
 * selectSlaRule(sla, { channel: 'chat', events: [] }).rule;  //=> null (reason NO_SLA_RULE)
 * selectSlaRule(sla, { channel: 'Chat', events: [] });       // throws UNKNOWN_IN_POLICY at ['channel'], did you mean "chat"?
 * ```
 * @remarks Since 0.1.0
 */
export function selectSlaRule(policy: SlaPolicy, ticket: Ticket): SlaRuleDecision {
  const c = compiledSla(policy);
  const facts = c.checkAttributes(ticket);
  const changes = facts.events.filter((event) => event.change !== null);
  // The attributes after every change given (evaluateSla as of after the last event agrees).
  let attributes = facts.attributes;
  if (changes.length > 0) {
    const ordered = inCanonicalOrder(changes);
    checkSameInstantChanges(ordered, facts.events);
    attributes = (epochsOf(Number.NEGATIVE_INFINITY, facts.attributes, ordered).pop() as Epoch).attributes;
  }
  const { rule, verdicts } = decide(c.rules, attributes);
  return { rule: rule?.rule.id ?? null, reasons: ruleReasons(verdicts, rule) };
}


/**
 * Computes every SLA clock of a ticket as of `now`: which rule applies, then for each metric it
 * targets, each cycle's start, stop, pauses, deadline, elapsed and remaining business time and
 * status. Events after `now` are ignored (not yet known); events may come in any order.
 *
 * Metrics: `firstResponse` runs from creation to the first public agent reply;
 * `acknowledgement` also stops at a `metricFulfilled` event for it; `nextResponse` runs from each
 * customer reply after an answer to the next public agent reply, and from creation to the first
 * public agent reply when no `firstResponse` target of the rule applies to the ticket (reason
 * `SLA_NEXT_RESPONSE_FROM_CREATION`; since 0.2.0); `resolution` runs from creation
 * (or reopening) to a resolved status, and pauses in paused statuses; `periodicUpdate` restarts at
 * every update or public reply until resolution; any other metric runs from its `metricStarted`
 * event (or creation, unless the target says `startOn: 'metricStarted'`) to its `metricFulfilled`.
 * Resolving a ticket stops every clock.
 *
 * A `changed` event changes the ticket's attributes from its instant on (since 0.2.0): at each
 * instant the rule and targets in force are those the attributes then select; a running clock
 * takes the new target counted from its start, a verdict already reached stays, and the reasons
 * name the rule in force over each stretch (`SLA_RULE_IN_FORCE`) and each change of target.
 *
 * @param policy - From {@link defineSlaPolicy}.
 * @param ticket - Attributes and events, checked against the policy's vocabulary
 *   (`policy.vocabulary`): a status, metric, priority or channel the policy does not know is an
 *   error, not a ticket no clock applies to.
 * @param now - The instant the report is as of: a Date, epoch ms or an ISO 8601 string with an
 *   offset; not before the ticket's `created` event.
 * @returns A plain-data report with the rule decision and the clocks.
 * @throws {@link InvalidArgumentError} listing every problem with the ticket at its own path
 *   (`UNKNOWN_KEY`, `INVALID_TYPE`, `REQUIRED`, `INVALID_VALUE` for an unknown event type,
 *   `UNKNOWN_IN_POLICY` / `UNKNOWN_CATEGORY` with a did-you-mean, `INVALID_INSTANT`,
 *   `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`), then contradictory events
 *   (`EVENT_BEFORE_CREATED`, `MISSING_CREATED`, `DUPLICATE_CREATED`), a bad `now` (same instant
 *   codes at `['now']`) and `NOW_BEFORE_CREATED`.
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
  const { asOf, facts, created, known } = ticketAsOf(c, ticket, now);
  const epochs = epochsOf(created, facts.attributes, known);
  if (epochs.length > 1) return evaluateHistory(c, facts.attributes.id ?? null, epochs, created, known, asOf);
  // One stretch: the attributes as of creation, with any change made at the creation instant.
  const { attributes } = epochs[0] as Epoch;
  const { rule, verdicts } = decide(c.rules, attributes);
  const clocks: SlaClock[] = [];
  const reasons = ruleReasons(verdicts, rule);
  if (!rule) return reportOf(attributes.id ?? null, asOf, null, clocks, reasons, undefined);
  const upcoming = noUpcoming();
  const timeline = buildTimeline(created, known, c.paused, c.resolved);
  for (const { goal, fromCreation } of chosenTargets(rule, attributes, reasons)) {
    for (const span of spansOf(goal, timeline, reasons, fromCreation?.(attributes))) clocks.push(evaluateClock(goal, span, asOf, upcoming));
  }
  return reportOf(attributes.id ?? null, asOf, rule.rule.id, clocks, reasons, upcoming);
}

/**
 * The targets of a rule that apply to a ticket: per metric, the first whose `when` matches, on
 * the calendar the ticket picks. Says why each target considered before it does not apply, and
 * which calendar a choice picked.
 */
function chosenTargets(rule: CompiledRule, attributes: TicketAttributes, reasons: Reason[]): CompiledTarget[] {
  const chosen: CompiledTarget[] = [];
  for (const compiled of rule.targets) {
    const { target, when } = compiled;
    if (chosen.some((t) => t.target.metric === target.metric)) continue;
    if (!matches(when, attributes)) {
      reasons.push(targetNotMatched(target, when, attributes));
      continue;
    }
    if (!compiled.pick) {
      chosen.push(compiled);
      continue;
    }
    const picked = compiled.pick(attributes);
    chosen.push(picked.target);
    reasons.push(picked.reason);
  }
  return chosen;
}

/** The report, with the next scheduled changes and a reason naming the clock that changes next. */
function reportOf(ticket: string | null, asOf: number, rule: string | null, clocks: SlaClock[], reasons: Reason[], upcoming: Upcoming | undefined): SlaReport {
  const changing = upcoming?.changing;
  if (upcoming && changing) {
    reasons.push({
      code: 'SLA_NEXT_CHANGE',
      facts: { metric: changing.metric, cycle: changing.cycle, to: changing.to },
      message: `If nothing else happens, ${changing.metric} (cycle ${changing.cycle}) is the next clock to change: it turns ${changing.to} at nextChangeAt.`,
    });
  }
  return {
    ticket,
    asOf: new Date(asOf),
    rule,
    clocks,
    nextBreachAt: upcoming && upcoming.breach !== Number.POSITIVE_INFINITY ? new Date(upcoming.breach) : null,
    nextChangeAt: upcoming && changing ? new Date(upcoming.change) : null,
    reasons,
  };
}

function targetNotMatched(target: CompiledRule['targets'][number]['target'], when: Condition, attributes: TicketAttributes): Reason {
  const failed = mismatches(when, attributes);
  return {
    code: 'SLA_TARGET_NOT_MATCHED',
    rule: target.id,
    facts: { metric: target.metric, ...mismatchFacts(failed) },
    message: `Target ${target.id} (${target.metric}) does not apply: ${describeMismatches(failed)}.`,
  };
}

/** A ticket checked against its policy, as of `now`. */
export interface TicketAsOf {
  readonly asOf: number;
  readonly facts: TicketFacts;
  readonly created: number;
  /** Every event, in canonical order. */
  readonly events: readonly TimelineEvent[];
  /** The events up to `now` (those after it are not yet known). */
  readonly known: readonly TimelineEvent[];
}

/**
 * Checks a ticket and `now` against a compiled policy, every problem in one pass (the ticket's,
 * then `now`'s, then those `more` adds: a function's own options), and puts the events in
 * canonical order. Throws `NOW_BEFORE_CREATED` for `now` before the ticket's creation.
 */
export function ticketAsOf(c: CompiledSla, ticket: unknown, now: unknown, more?: (issues: Issue[]) => void): TicketAsOf {
  const issues: Issue[] = [];
  let asOf = Number.NaN;
  try {
    asOf = requiredInstant(now, NOW);
  } catch (error) {
    issues.push(...(error as InvalidArgumentError).issues);
  }
  more?.(issues);
  let facts: TicketFacts;
  try {
    facts = c.check(ticket);
  } catch (error) {
    if (issues.length > 0 && error instanceof InvalidArgumentError) throw new InvalidArgumentError([...error.issues, ...issues], error.details as Record<string, unknown>);
    throw error;
  }
  if (issues.length > 0) throw new InvalidArgumentError(issues);
  const { created, events } = timelineOf(facts.events);
  if (asOf < created) {
    const [nowIso, createdIso] = [new Date(asOf).toISOString(), new Date(created).toISOString()];
    throw new InvalidArgumentError([{ code: 'NOW_BEFORE_CREATED', path: NOW, message: messages.NOW_BEFORE_CREATED(nowIso, createdIso) }], { now: nowIso, created: createdIso });
  }
  // Events are sorted: only filter when some lie after `now` (not yet known).
  const known = (events[events.length - 1] as TimelineEvent).at <= asOf ? events : events.filter((event) => event.at <= asOf);
  return { asOf, facts, created, events, known };
}

/**
 * A ticket whose attributes changed: at each instant the rule and targets in force are those the
 * attributes then select. Each clock is measured under the targets in force while it ran (see
 * evaluateClockOver); a clock stopped at the instant of a change is judged by the target before
 * it. A clock whose target is withdrawn while it runs is no longer measured: it is reported only
 * if it was already over (a breach is a fact), stopped at the withdrawal.
 */
function evaluateHistory(c: CompiledSla, id: string | null, epochs: readonly Epoch[], created: number, known: readonly TimelineEvent[], asOf: number): SlaReport {
  const current = (epochs[epochs.length - 1] as Epoch).attributes;
  const { rule, verdicts } = decide(c.rules, current);
  const reasons = ruleReasons(verdicts, rule);
  const clocks: SlaClock[] = [];
  const upcoming = noUpcoming();
  const inForce: RuleEpoch[] = epochs.map((epoch) => ({ ...epoch, rule: epoch === epochs[epochs.length - 1] ? rule : ruleFor(c.rules, epoch.attributes) }));
  // Each boundary formatted once: one stretch's end is the next one's start.
  let from = formatInstant((inForce[0] as RuleEpoch).from);
  for (const epoch of inForce) {
    const to = Number.isFinite(epoch.to) ? formatInstant(epoch.to) : null;
    reasons.push({
      code: 'SLA_RULE_IN_FORCE',
      ...(epoch.rule ? { rule: epoch.rule.rule.id } : {}),
      facts: { rule: epoch.rule?.rule.id ?? null, from, to },
      message: `From ${from}${to ? ` to ${to}` : ''}, ${epoch.rule ? `rule ${epoch.rule.rule.id} applied` : 'no rule applied'}.`,
    });
    if (to !== null) from = to;
  }
  // Why the current rule's targets apply or not (the clocks follow the history below).
  if (rule) chosenTargets(rule, current, reasons);
  // Metrics in target order: the current rule's first, then those only earlier rules measured.
  const metrics: string[] = [];
  for (let i = inForce.length - 1; i >= 0; i--) for (const metric of (inForce[i] as RuleEpoch).rule?.metrics ?? []) if (!metrics.includes(metric)) metrics.push(metric);
  if (metrics.length === 0) return reportOf(id, asOf, rule?.rule.id ?? null, clocks, reasons, upcoming);
  const timeline = buildTimeline(created, known, c.paused, c.resolved);
  for (const metric of metrics) {
    const segments = targetSegments(inForce, metric);
    const spans = spansAcross(segments, timeline, (epochs[0] as Epoch).attributes, reasons);
    for (const span of spans) {
      const clock = clockAcross(segments, span, asOf, reasons, upcoming);
      if (clock) clocks.push(clock);
    }
  }
  return reportOf(id, asOf, rule?.rule.id ?? null, clocks, reasons, upcoming);
}

const endOf = (span: ClockSpan) => span.stop ?? Number.POSITIVE_INFINITY;
/** Whether `later` starts while `kept` runs (every kept span started before a later target's stretch). */
const startsWhileRunning = (kept: ClockSpan, later: ClockSpan) => later.start < endOf(kept);

/**
 * A metric's clocks over a ticket's history. A clock is cut (its pause statuses, its reopen mode,
 * whether a next response runs from the opening message) by the target in force when it started,
 * or, started while no target was, by the next target to come into force; later changes only
 * change what it is measured against. So a change never re-cuts a clock that already ran, and a
 * verdict reached stays. A `resume` target that comes into force after another target resumes
 * nothing measured under that one: reopenings from then on start new cycles. Cycles are numbered
 * in order of their start. Reasons of a target (a resumed clock, cycles not measured, the
 * opening message) are given when it cut at least one clock.
 */
function spansAcross(segments: readonly TargetSegment[], timeline: Timeline, opening: TicketAttributes, reasons: Reason[]): ClockSpan[] {
  const kept: ClockSpan[] = [];
  let from = Number.NEGATIVE_INFINITY;
  let earlier = false;
  for (const { to, target } of segments) {
    if (!target) continue;
    const goal = earlier && target.goal.reopen === 'resume' ? { ...target.goal, reopen: 'new-cycle' as const } : target.goal;
    const own: Reason[] = [];
    const mine = spansOf(goal, timeline, own, target.fromCreation?.(opening)).filter((span) => span.start >= from && span.start < to && !kept.some((k) => startsWhileRunning(k, span)));
    if (mine.length > 0) {
      kept.push(...mine);
      reasons.push(...own);
    }
    from = to;
    earlier = true;
  }
  // Already in order of start: the segments follow each other in time, each keeps the spans that
  // start in its own stretch, and spansOf gives those in order.
  return kept.map((span, i) => (span.cycle === i + 1 ? span : { ...span, cycle: i + 1 }));
}

/** One span measured under the targets in force while it ran, or undefined when none was. */
function clockAcross(segments: readonly TargetSegment[], span: ClockSpan, asOf: number, reasons: Reason[], upcoming: Upcoming): SlaClock | undefined {
  // A change at the instant a clock stops applies after the stop; a change at `now` applies now.
  const end = span.stop ?? asOf;
  // The segment in force at the start always counts, even for a clock stopped the instant it began.
  const overlapping = segments.filter((s) => s.to > span.start && (s.from <= span.start || (span.stop === null ? s.from <= end : s.from < end)));
  const measured = overlapping.filter((s): s is TargetSegment & { target: CompiledTarget } => s.target !== undefined);
  const first = measured[0];
  if (!first) return undefined;
  const last = overlapping[overlapping.length - 1] as TargetSegment;
  const parts = measured.map((s) => ({ from: s.from, to: s.to, goal: s.target.goal }));
  if (last.target === undefined) {
    // Withdrawn while running: kept only if it was already over.
    const withdrawn: ClockSpan = { ...span, stop: last.from, stoppedBy: 'withdrawn' };
    const clock = evaluateClockOver(parts, withdrawn, asOf);
    const target = (measured[measured.length - 1] as TargetSegment & { target: CompiledTarget }).target.target;
    if (clock.status === 'missed') return clock;
    const at = formatInstant(last.from);
    reasons.push({
      code: 'SLA_TARGET_WITHDRAWN',
      rule: target.id,
      facts: { metric: target.metric, cycle: span.cycle, at },
      message: `${target.metric} (cycle ${span.cycle}) is no longer measured from ${at}: no target applies to the ticket any more, and it was within ${target.id} until then.`,
    });
    return undefined;
  }
  if (measured.length === 1 && first.from <= span.start) return evaluateClock(first.target.goal, span, asOf, upcoming);
  return evaluateClockOver(parts, span, asOf, upcoming);
}
