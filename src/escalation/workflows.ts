// What a fired rule opens and by when: its workflows (one per breach for `each: "breach"`), and
// its deadlines in words for the reasons, where "immediately" (a zero span) is not "no deadline".

import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import type { BreachCount, Breaches } from './breaches.js';
import type { Rule } from './compile.js';
import { firedAt, type Contender } from './next-check.js';
import { deadlineText, isImmediate } from './span.js';
import type { DeadlineAfter } from './timing.js';

/**
 * A workflow an escalation decision opens.
 *
 * @remarks Since 0.2.0 (`breachAt`; the rest since 0.1.0)
 */
export interface EscalationWorkflow {
  readonly id: string;
  /** The rule that opens it. */
  readonly rule: string;
  readonly dueBy: Date | null;
  readonly everyFrom: Date | null;
  /** The breach it is opened for (`each: "breach"`), or null. */
  readonly breachAt: Date | null;
}

/**
 * The workflows of the rules fired as of `now`, in rule order: each due `within` after its rule
 * fired, or, for `each: "breach"`, one per breach counted (oldest first), due after its own breach.
 * Definition ensures such a rule counts breaches in the policy's window. A case that gives only its
 * own count has no instants to count from: the workflow is opened once with no due date, and a
 * `WORKFLOW_NEEDS_BREACHES` reason says the breach instants would give each one its own. A due date
 * past the supported range is refused at the case's field it counts from.
 */
export function openWorkflows(
  fired: readonly Contender[],
  now: number,
  after: DeadlineAfter,
  breaches: { readonly all: Breaches; readonly counted: BreachCount } | undefined,
  reasons: Reason[],
): EscalationWorkflow[] {
  return fired.flatMap((x) =>
    (x.rule.workflows ?? []).flatMap((w): EscalationWorkflow[] => {
      const open = (start: number, from: readonly (string | number)[], breachAt: number | null): EscalationWorkflow => ({
        id: w.id,
        rule: x.rule.id,
        dueBy: w.within ? new Date(after(start, w.within, `due date of workflow "${w.id}" of "${x.rule.id}" (${deadlineText(w.within)})`, from)) : null,
        everyFrom: w.every ? new Date(after(start, w.every, `first due date of workflow "${w.id}" of "${x.rule.id}" (every ${deadlineText(w.every).replace(/^within /, '')})`, from)) : null,
        breachAt: breachAt === null ? null : new Date(breachAt),
      });
      if (w.each !== 'breach') {
        const fired = firedAt(x, now);
        return [open(fired.at, fired.from, null)];
      }
      if (!breaches) {
        reasons.push({ code: 'WORKFLOW_NEEDS_BREACHES', rule: x.rule.id, facts: { workflow: w.id, field: 'breaches' }, message: messages.ESCALATION_EACH_BREACH_INSTANTS(x.rule.id, w.id) });
        return [{ id: w.id, rule: x.rule.id, dueBy: null, everyFrom: null, breachAt: null }];
      }
      const { all, counted } = breaches;
      return counted.counted.map((b, i) => open(b, ['breaches', all.index[counted.first + i] as number], b));
    }),
  );
}

/**
 * A fired rule's deadlines for its reason: `reachWithin` / `acknowledgeWithin` in words as facts
 * ("immediately", 'within 4 hours on calendar "center"'), and the phrases its message adds (with
 * any workflow due immediately).
 */
export function deadlineWords(rule: Rule): { readonly facts: Record<string, string>; readonly words: string[] } {
  const facts: Record<string, string> = {};
  const words: string[] = [];
  if (rule.reachWithin) {
    facts.reachWithin = deadlineText(rule.reachWithin);
    words.push(`reach it ${facts.reachWithin}`);
  }
  if (rule.acknowledgeWithin) {
    facts.acknowledgeWithin = deadlineText(rule.acknowledgeWithin);
    words.push(`acknowledge ${facts.acknowledgeWithin}`);
  }
  for (const w of rule.workflows ?? []) if (w.within && isImmediate(w.within.within)) words.push(`open ${w.id} immediately`);
  return { facts, words };
}
