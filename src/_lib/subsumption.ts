// Subsumption: whether every request one condition matches is also matched by another, so that a
// later rule of a first-match table can never apply. Sound, not complete: "true" is a proof;
// "false" may only mean the shapes are not compared (e.g. integer-only reasoning).

import type * as z from 'zod/mini';
import { compareValues, type Bound, type Condition, type TestKind } from './condition.js';
import * as messages from './messages.js';
import { addIssue } from './zod-issues.js';

/** Whether every request `narrow` matches, `broad` matches too. */
export function subsumes(broad: Condition, narrow: Condition): boolean {
  return broad.tests.every((b) => narrow.tests.some((n) => n.field === b.field && testSubsumes(b, n)));
}

function subset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const v of a) if (!b.has(v)) return false;
  return true;
}

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const v of a) if (b.has(v)) return false;
  return true;
}

/** Whether every value test `n` accepts, `b` accepts too. */
function testSubsumes(b: TestKind, n: TestKind): boolean {
  if (b.kind === 'present') {
    // A value must be there for anyOf / allOf / range to hold.
    if (b.present) return n.kind === 'anyOf' || n.kind === 'allOf' || n.kind === 'range' || (n.kind === 'present' && n.present);
    return n.kind === 'present' && !n.present;
  }
  if (b.kind === 'equals') return n.kind === 'equals' && n.value === b.value;
  if (b.kind === 'range') {
    if (n.kind !== 'range') return false;
    return lowWithin(b.low, n.low) && highWithin(b.high, n.high);
  }
  if (n.kind !== 'anyOf' && n.kind !== 'noneOf' && n.kind !== 'allOf' && !(n.kind === 'present' && !n.present)) return false;
  if (b.kind === 'anyOf') {
    if (n.kind === 'anyOf') return subset(n.set, b.set);
    if (n.kind === 'allOf') return !disjoint(n.set, b.set);
    return false;
  }
  if (b.kind === 'noneOf') {
    if (n.kind === 'present') return true; // absent holds none of anything
    if (n.kind === 'noneOf') return subset(b.set, n.set);
    if (n.kind === 'anyOf' && !n.many) return disjoint(n.set, b.set);
    return false;
  }
  // b is allOf (lists): n must force every value of b.
  return n.kind === 'allOf' && subset(b.set, n.set);
}

/** Whether a lower bound `n` is at least as tight as `b` (undefined = unbounded). */
function lowWithin(b: Bound | undefined, n: Bound | undefined): boolean {
  if (!b) return true;
  if (!n) return false;
  const order = compareValues(n.value, b.value);
  return order > 0 || (order === 0 && (b.inclusive || !n.inclusive));
}

function highWithin(b: Bound | undefined, n: Bound | undefined): boolean {
  if (!b) return true;
  if (!n) return false;
  const order = compareValues(n.value, b.value);
  return order < 0 || (order === 0 && (b.inclusive || !n.inclusive));
}

/**
 * Adds UNREACHABLE_RULE (or `code`) for every rule of a first-match table that an earlier rule
 * subsumes: whenever it would match, the earlier one matches first.
 */
export function checkReachable(
  ctx: z.core.$RefinementCtx,
  rules: readonly { readonly id: string; readonly condition: Condition; readonly path: readonly (string | number)[] }[],
  code: 'UNREACHABLE_RULE' | 'UNREACHABLE_TARGET' = 'UNREACHABLE_RULE',
): void {
  rules.forEach((rule, i) => {
    const earlier = rules.slice(0, i).find((other) => subsumes(other.condition, rule.condition));
    if (earlier) addIssue(ctx, code, messages.UNREACHABLE_RULE(rule.id, earlier.id), [...rule.path]);
  });
}
