// What a replay compares: each decision reduced to the fields a change of policy is judged by
// (outcome, amounts, deadlines, tier, SLA state), as a small value kept per case instead of the
// whole decision. Reasons are not part of it: they explain the outcome, and are shown beside it.

import * as messages from '../_lib/messages.js';
import { isRecord } from '../_lib/request.js';
import type { CompensationDecision } from '../compensation/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import type { EscalationDecision } from '../escalation/index.js';
import { add, money, negate, sum, type Money } from '../money/index.js';
import type { ReturnDecision } from '../returns/index.js';
import type { ClockStatus, SlaReport } from '../sla/index.js';
import type { WarrantyDecision } from '../warranty/index.js';
import type { Decisions } from './decide-in-force.js';
import { checkKind, type DecisionKind } from './decision-instant.js';

/**
 * A return, reduced: the outcome, what changes hands (null when ineligible: no quote) and the
 * deadlines. `fees` is what the fees actually take, after the fee limit (a return is never charged
 * more than its price): the quote's fee lines net of its `fee-limit` line.
 *
 * @remarks Since 0.2.0
 */
export interface ReturnOutcomeSummary {
  readonly kind: 'return';
  readonly outcome: ReturnDecision['outcome'];
  readonly refund: Money | null;
  readonly charge: Money | null;
  readonly fees: Money | null;
  /** The instant the return window ends (exclusive); null when it has not begun (an open order). */
  readonly windowDeadline: Date | null;
  readonly authorizeBy: Date | null;
  readonly refundBy: Date | null;
}

/**
 * A warranty claim, reduced: the outcome, the remedy and the dates that follow.
 *
 * @remarks Since 0.2.0
 */
export interface WarrantyOutcomeSummary {
  readonly kind: 'warranty';
  readonly outcome: WarrantyDecision['outcome'];
  readonly remedy: string | null;
  /** When the coverage that applied ends (exclusive); null when no term applied. */
  readonly coverageEndsAt: Date | null;
  readonly remedyDueBy: Date | null;
  readonly rmaBy: Date | null;
  readonly processedBy: Date | null;
}

/**
 * A compensation decision, reduced: the amount granted (the decision's `maxValue`: the most it can
 * cost, the largest choice plus the additions) and who must approve it (`pre-approved` for a rule
 * that needs nobody, null when no rule applies).
 *
 * @remarks Since 0.2.0
 */
export interface CompensationOutcomeSummary {
  readonly kind: 'compensation';
  readonly rule: string | null;
  readonly granted: Money;
  readonly approval: string | null;
}

/**
 * An escalation decision, reduced: the target tier and its deadlines.
 *
 * @remarks Since 0.2.0
 */
export interface EscalationOutcomeSummary {
  readonly kind: 'escalation';
  readonly tier: string;
  readonly escalate: boolean;
  readonly reachBy: Date | null;
  readonly acknowledgeBy: Date | null;
}

/**
 * One SLA clock, reduced: its deadline and status (`breached` or `missed` is a breach).
 *
 * @remarks Since 0.2.0
 */
export interface SlaClockSummary {
  readonly metric: string;
  readonly cycle: number;
  readonly deadline: Date;
  readonly status: ClockStatus;
}

/**
 * An SLA report, reduced: the rule that applied and every clock.
 *
 * @remarks Since 0.2.0
 */
export interface SlaOutcomeSummary {
  readonly kind: 'sla';
  readonly rule: string | null;
  readonly clocks: readonly SlaClockSummary[];
}

/**
 * A decision reduced to what a replay compares, a union on `kind`.
 *
 * @remarks Since 0.2.0
 */
export type OutcomeSummary = ReturnOutcomeSummary | WarrantyOutcomeSummary | CompensationOutcomeSummary | EscalationOutcomeSummary | SlaOutcomeSummary;

/**
 * A value of an outcome field: a text, a number, a flag, an amount, an instant, or null (absent).
 *
 * @remarks Since 0.2.0
 */
export type OutcomeValue = string | number | boolean | Money | Date | null;

/** The statuses of a clock that was over its target. */
export const BREACHED: ReadonlySet<ClockStatus> = new Set(['breached', 'missed']);

/** The fees a quote takes: every line but the price, negated (fee lines are negative, the fee-limit line gives some back). */
function feesOf(quote: NonNullable<ReturnDecision['quote']>): Money {
  const currency = quote.balance.currency;
  const taken = quote.lines.filter((line) => line.kind !== 'price').map((line) => line.amount);
  return taken.length === 0 ? money('0', currency) : negate(sum(taken, currency));
}

/**
 * A decision of `kind` reduced to the fields a replay compares.
 *
 * @param kind - The kind of decision.
 * @param decision - The section's decision, as `decideInForce` (or the section's function) returns it.
 * @returns Its {@link OutcomeSummary}.
 * @throws {@link InvalidArgumentError} `INVALID_VALUE` at `kind` for an unknown kind (with a
 *   did-you-mean), `INVALID_TYPE` at `decision` for a value that is not that kind's decision.
 * @example
 * ```ts
 * summarizeOutcome('return', checkReturn(presets.primos.returns!, request));
 * //=> { kind: 'return', outcome: 'eligible', refund: { amount: '110.49', currency: 'USD' },
 * //     charge: { amount: '0.00', … }, fees: { amount: '19.50', … }, windowDeadline: Date, … }
 * ```
 * @remarks Since 0.2.0
 */
export function summarizeOutcome<K extends DecisionKind>(kind: K, decision: Decisions[K]): OutcomeSummary {
  const checked = checkKind(kind);
  const missing = DECISION_FIELDS[checked].filter((field) => !isRecord(decision) || !Object.hasOwn(decision, field));
  if (missing.length > 0) {
    throw new InvalidArgumentError([{ code: 'INVALID_TYPE', path: ['decision'], message: messages.NOT_A_DECISION(checked, DECIDED_BY[checked], decision, missing) }]);
  }
  return summarize(checked, decision);
}

/** The fields {@link summarize} reads of each kind's decision. */
const DECISION_FIELDS: Readonly<Record<DecisionKind, readonly string[]>> = {
  return: ['outcome', 'quote', 'window', 'deadlines'],
  warranty: ['outcome', 'remedy', 'coverage', 'deadlines'],
  compensation: ['rule', 'maxValue', 'approval'],
  escalation: ['targetTier', 'escalate', 'deadlines'],
  sla: ['rule', 'clocks'],
};

/** The function whose decision each kind is, for the message. */
const DECIDED_BY: Readonly<Record<DecisionKind, string>> = {
  return: 'checkReturn',
  warranty: 'checkWarrantyClaim',
  compensation: 'decideCompensation',
  escalation: 'decideEscalation',
  sla: 'evaluateSla',
};

/** {@link summarizeOutcome} without the checks, for decisions the replay made itself. */
export function summarize<K extends DecisionKind>(kind: K, decision: Decisions[K]): OutcomeSummary {
  switch (kind) {
    case 'return': {
      const d = decision as ReturnDecision;
      return {
        kind,
        outcome: d.outcome,
        refund: d.quote?.refund ?? null,
        charge: d.quote?.charge ?? null,
        fees: d.quote ? feesOf(d.quote) : null,
        windowDeadline: d.window.deadline,
        authorizeBy: d.deadlines.authorizeBy,
        refundBy: d.deadlines.refundBy,
      };
    }
    case 'warranty': {
      const d = decision as WarrantyDecision;
      return {
        kind,
        outcome: d.outcome,
        remedy: d.remedy?.remedy ?? null,
        coverageEndsAt: d.coverage?.endsAt ?? null,
        remedyDueBy: d.remedy?.dueBy ?? null,
        rmaBy: d.deadlines.rmaBy,
        processedBy: d.deadlines.processedBy,
      };
    }
    case 'compensation': {
      const d = decision as CompensationDecision;
      return { kind, rule: d.rule, granted: d.maxValue, approval: d.approval === null ? null : d.approval.needed ? d.approval.level : 'pre-approved' };
    }
    case 'escalation': {
      const d = decision as EscalationDecision;
      return { kind, tier: d.targetTier, escalate: d.escalate, reachBy: d.deadlines.reachBy, acknowledgeBy: d.deadlines.acknowledgeBy };
    }
    default: {
      const d = decision as SlaReport;
      return { kind: 'sla', rule: d.rule, clocks: d.clocks.map((c) => ({ metric: c.metric, cycle: c.cycle, deadline: c.deadline, status: c.status })) };
    }
  }
}

/**
 * The fields of a summary by name, in a fixed order: `outcome`, `refund`, … and, for SLA, one
 * `deadline` and one `status` per clock (`clocks.firstResponse#1.deadline`).
 */
export function outcomeFields(summary: OutcomeSummary): Map<string, OutcomeValue> {
  const fields = new Map<string, OutcomeValue>();
  if (summary.kind === 'sla') {
    fields.set('rule', summary.rule);
    for (const clock of summary.clocks) {
      const name = `clocks.${clock.metric}#${clock.cycle}`;
      fields.set(`${name}.deadline`, clock.deadline);
      fields.set(`${name}.status`, clock.status);
    }
    return fields;
  }
  for (const [key, value] of Object.entries(summary)) if (key !== 'kind') fields.set(key, value as OutcomeValue);
  return fields;
}

/** Two field values are the same: instants by their time, amounts by amount and currency. */
export function sameValue(a: OutcomeValue | undefined, b: OutcomeValue | undefined): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return a.currency === b.currency && a.amount === b.amount;
  return (a ?? null) === (b ?? null);
}

/** Adds `amount` to its currency's running total (Money all the way, exact). */
export function addTo(totals: Map<string, Money>, amount: Money): void {
  const known = totals.get(amount.currency);
  totals.set(amount.currency, known ? add(known, amount) : amount);
}
