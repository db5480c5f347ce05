// A ticket's history of attribute changes: the stretches of its life with one set of attributes,
// and, per metric, which target was in force over which stretch.

import { matches } from '../_lib/condition.js';
import { pickTarget, type CompiledRule, type CompiledTarget } from './policy.js';
import type { TicketAttributes } from './request.js';
import type { TimelineEvent } from './ticket.js';

/** A stretch [from, to) of a ticket's life with one set of attributes (`to` Infinity for the last). */
export interface Epoch {
  readonly from: number;
  readonly to: number;
  readonly attributes: TicketAttributes;
}

/** A stretch [from, to) with the rule the attributes then select. */
export interface RuleEpoch extends Epoch {
  readonly rule: CompiledRule | null;
}

/** Over [from, to), the target of one metric in force (undefined: none). */
export interface TargetSegment {
  readonly from: number;
  readonly to: number;
  readonly target: CompiledTarget | undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The attributes after a change; the same object when the change changes nothing. */
function applyChange(attributes: TicketAttributes, change: NonNullable<TimelineEvent['change']>): TicketAttributes {
  let next: Record<string, unknown> | undefined;
  const edit = () => (next ??= { ...attributes });
  for (const [field, value] of Object.entries(change.set)) {
    if (!sameValue((attributes as Record<string, unknown>)[field], value)) edit()[field] = value;
  }
  for (const field of change.unset) if ((attributes as Record<string, unknown>)[field] !== undefined) delete edit()[field];
  return (next as TicketAttributes | undefined) ?? attributes;
}

/**
 * The stretches of a ticket's life with one set of attributes, from its creation: its own
 * attributes until the first `changed` event that changes something, and so on. A change that
 * changes nothing starts no new stretch; of several changes at one instant, the last (in the
 * timeline's canonical order) is what holds from then on.
 */
export function epochsOf(created: number, attributes: TicketAttributes, events: readonly TimelineEvent[]): Epoch[] {
  const out: Epoch[] = [];
  let current = attributes;
  let from = created;
  for (const event of events) {
    if (event.change === null) continue;
    const next = applyChange(current, event.change);
    if (next === current) continue;
    if (event.at > from) out.push({ from, to: event.at, attributes: current });
    current = next;
    from = event.at;
  }
  out.push({ from, to: Number.POSITIVE_INFINITY, attributes: current });
  return out;
}

/** The first target of the rule for a metric whose `when` the attributes match. */
export function targetFor(rule: CompiledRule | null, metric: string, attributes: TicketAttributes): CompiledTarget | undefined {
  if (!rule) return undefined;
  for (const target of rule.targets) if (target.target.metric === metric && matches(target.when, attributes)) return pickTarget(target, attributes);
  return undefined;
}

/** Per metric, the targets in force over the ticket's life, consecutive equal ones merged. */
export function targetSegments(epochs: readonly RuleEpoch[], metric: string): TargetSegment[] {
  const out: TargetSegment[] = [];
  for (const epoch of epochs) {
    const target = targetFor(epoch.rule, metric, epoch.attributes);
    const last = out[out.length - 1];
    if (last && last.target === target) out[out.length - 1] = { from: last.from, to: epoch.to, target };
    else out.push({ from: epoch.from, to: epoch.to, target });
  }
  return out;
}
