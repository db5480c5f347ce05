import type { Condition } from './schema.js';
import type { Ticket } from './ticket.js';

/** A condition field that did not match, for reasons. */
export interface Mismatch {
  readonly field: string;
  readonly expected: readonly string[];
  readonly actual: string | null;
}

const LIST_FIELDS = ['priority', 'channel', 'tier', 'category', 'queue'] as const;

const asList = (value: string | readonly string[]): readonly string[] => (typeof value === 'string' ? [value] : value);

/** Every field of the condition the ticket fails; empty when it matches. */
const NONE: readonly Mismatch[] = Object.freeze([]);

export function mismatches(condition: Condition | undefined, ticket: Ticket): readonly Mismatch[] {
  if (!condition) return NONE;
  // Allocated only when something fails: this runs for every rule on every ticket.
  let out: Mismatch[] | undefined;
  const push = (mismatch: Mismatch) => (out ??= []).push(mismatch);
  for (const field of LIST_FIELDS) {
    const wanted = condition[field];
    if (wanted === undefined) continue;
    const actual = ticket[field];
    const list = asList(wanted);
    if (actual === undefined || !list.includes(actual)) push({ field, expected: list, actual: actual ?? null });
  }
  if (condition.vip !== undefined && (ticket.vip ?? false) !== condition.vip) {
    push({ field: 'vip', expected: [String(condition.vip)], actual: String(ticket.vip ?? false) });
  }
  const tags = ticket.tags ?? [];
  if (condition.tagsAny && !condition.tagsAny.some((tag) => tags.includes(tag))) {
    push({ field: 'tagsAny', expected: condition.tagsAny, actual: tags.join(',') || null });
  }
  if (condition.tagsAll && !condition.tagsAll.every((tag) => tags.includes(tag))) {
    push({ field: 'tagsAll', expected: condition.tagsAll, actual: tags.join(',') || null });
  }
  return out ?? NONE;
}
