// When to decide again. A decision is a function of the case and `now`; with the case's facts held
// fixed, only two things change with time: a time trigger passes ("unresolved for more than 48
// hours"), and the count of breaches in the rolling window rises (a breach instant after `now` is
// reached) or falls (a counted breach leaves the window). `nextCheckAt` is the first such instant at
// which the decision's effect would differ: its target tier, its reach or acknowledge deadline, or
// the workflows it opens (for a workflow opened per breach, the breaches it is opened for).
// Instants at which only a reason would change are skipped.

import { MAX_INSTANT_MS } from '../_lib/civil.js';
import { matches, type Condition } from '../_lib/condition.js';
import { upperBound } from '../_lib/sorted.js';
import { countAt, type Breaches, type Rises } from './breaches.js';
import type { Rule } from './compile.js';
import { deadlineWhat, firedAtOf, type DeadlineAfter, type Origin } from './timing.js';

/** A rule whose every fact that cannot change with time holds: it fires once its time has come. */
export interface Contender {
  readonly rule: Rule;
  /**
   * The earliest it fires by its time triggers: the latest of the creation and the instants they
   * pass (Infinity for one past the supported range), with the caller's field that sets it.
   */
  readonly base: Origin;
  /** Its time triggers hold strictly after these instants. */
  readonly after: readonly number[];
  /** Its `breachesInWindow` test, when the count is taken from breach instants (and so changes). */
  readonly breach: Condition | undefined;
  /** Where the runs of that test start; undefined when the count does not change with time. */
  readonly rises: Rises | undefined;
}

/** When a contender that fires at `t` fired (see {@link firedAtOf}). */
export const firedAt = (x: Contender, t: number): Origin => firedAtOf(x.base, x.rises, t);

/** The part of a decision that acting on it depends on. */
export interface Effect {
  readonly targetTier: string;
  readonly reachBy: number | null;
  readonly acknowledgeBy: number | null;
  /**
   * The fired rules that open workflows, in rule order: `rule:firedAt` for one with a workflow due
   * from when it fired; a rule that opens workflows per breach also with the breaches counted at
   * the instant, `rule@b1,b2`, since each breach has its own workflow.
   */
  readonly workflows: readonly string[];
}

/**
 * How to turn a set of fired rules into an effect as of an instant (`strict`: a deadline out of
 * range throws).
 */
export type EffectOf = (fired: readonly Contender[], at: number, strict?: boolean) => Effect;

/** Whether a rule opens a workflow per breach. */
export const perBreach = (rule: Rule): boolean => rule.workflows?.some((w) => w.each === 'breach') ?? false;

/** The sorted breaches in `(t - windowMs, t]`. */
export function breachesAt(breaches: Breaches, t: number): readonly number[] {
  return breaches.sorted.slice(upperBound(breaches.sorted, t - breaches.windowMs), upperBound(breaches.sorted, t));
}

type Deadline = 'reachWithin' | 'acknowledgeWithin';

/**
 * The effect of a set of fired rules, as a decision states it: the highest tier among them (never
 * below `currentTier`), the earliest reach and acknowledge deadlines of the rules of that tier, and
 * the rules that open workflows. Each rule's deadlines are computed once. A deadline out of range
 * refuses the decision now (`strict`); in a later decision the next check considers it only makes
 * that decision different (it would be refused), so it counts as NaN, unequal to anything.
 */
export function effects(currentTier: string, rankOf: (tier: string) => number, after: DeadlineAfter, breaches: Breaches | undefined): EffectOf {
  const known = new Map<string, number | null>();
  const deadlineOf = (x: Contender, kind: Deadline, t: number, strict: boolean): number | null => {
    const fired = firedAt(x, t);
    const key = `${kind}:${x.rule.id}:${fired.at}`;
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    const span = x.rule[kind];
    let value: number | null;
    try {
      value = span ? after(fired.at, span, deadlineWhat(x.rule, kind, span), fired.from) : null;
    } catch (error) {
      if (strict) throw error;
      return Number.NaN;
    }
    known.set(key, value);
    return value;
  };
  // A workflow due from when its rule fired changes with that instant; one per breach with the breaches.
  const workflowKey = (x: Contender, at: number) => {
    const key = x.rule.workflows?.some((w) => w.each !== 'breach') ? `${x.rule.id}:${firedAt(x, at).at}` : x.rule.id;
    return perBreach(x.rule) && breaches ? `${key}@${breachesAt(breaches, at).join(',')}` : key;
  };
  return (set, at, strict = false) => {
    let targetTier = currentTier;
    for (const x of set) if (rankOf(x.rule.tier) > rankOf(targetTier)) targetTier = x.rule.tier;
    const earliest = (kind: Deadline) => {
      let best: number | null = null;
      for (const x of set) {
        if (x.rule.tier !== targetTier) continue;
        const due = deadlineOf(x, kind, at, strict);
        if (due === null) continue;
        if (Number.isNaN(due)) return Number.NaN;
        if (best === null || due < best) best = due;
      }
      return best;
    };
    return {
      targetTier,
      reachBy: earliest('reachWithin'),
      acknowledgeBy: earliest('acknowledgeWithin'),
      workflows: set.filter((x) => (x.rule.workflows?.length ?? 0) > 0).map((x) => workflowKey(x, at)),
    };
  };
}

/** Whether a contender fires at `t`. */
export function firesAt(x: Contender, t: number, breaches: Breaches | undefined): boolean {
  for (const at of x.after) if (!(t > at)) return false;
  if (x.breach && breaches) return matches(x.breach, { breachesInWindow: countAt(breaches.sorted, t, breaches.windowMs) });
  return true;
}

const same = (a: Effect, b: Effect) =>
  a.targetTier === b.targetTier &&
  a.reachBy === b.reachBy &&
  a.acknowledgeBy === b.acknowledgeBy &&
  a.workflows.length === b.workflows.length &&
  a.workflows.every((key, i) => key === b.workflows[i]);

/**
 * The first instant after `now` at which the effect of deciding the same case would differ from
 * `current`, with the rules that start or stop firing then; undefined when none.
 */
export function nextCheck(
  contenders: readonly Contender[],
  now: number,
  breaches: Breaches | undefined,
  breachChanges: readonly number[],
  current: { readonly fired: readonly Contender[]; readonly effect: Effect },
  effectOf: EffectOf,
): { readonly at: number; readonly starting: readonly string[]; readonly stopping: readonly string[] } | undefined {
  const instants = new Set<number>(breachChanges);
  // A trigger past the supported range (Infinity) never passes.
  for (const x of contenders) for (const at of x.after) if (at >= now && Number.isFinite(at)) instants.add(at + 1);
  const firedNow = new Set(current.fired);
  for (const t of [...instants].sort((a, b) => a - b)) {
    // No decision can be taken as of an instant past the supported range.
    if (t >= MAX_INSTANT_MS) break;
    const fired = contenders.filter((x) => firesAt(x, t, breaches));
    // The same rules firing since the same instants give the same effect, unless one opens a
    // workflow per breach: a breach entering or leaving the window adds or withdraws its workflow.
    const unchanged = fired.length === firedNow.size && fired.every((x) => firedNow.has(x) && firedAt(x, t).at === firedAt(x, now).at);
    if (unchanged && !fired.some((x) => perBreach(x.rule))) continue;
    if (same(effectOf(fired, t), current.effect)) continue;
    const firing = new Set(fired);
    return {
      at: t,
      starting: fired.filter((x) => !firedNow.has(x)).map((x) => x.rule.id),
      stopping: current.fired.filter((x) => !firing.has(x)).map((x) => x.rule.id),
    };
  }
  return undefined;
}
