// The totals of one side of a replay, kept as it runs: counts, exact money per currency, and
// for the medians one duration per case and deadline in a growing Float64Array (8 bytes each: a
// million returns with three deadlines is 24 MB a side). An exact median needs every value or a
// second pass over the cases, and a stream cannot be read twice; an approximate sketch would make
// "the median moved by 2 hours" untrustworthy, so the values are kept, and nothing else is.

import type { Money } from '../money/index.js';
import type { DecisionKind } from './decision-instant.js';
import { addTo, BREACHED, type OutcomeSummary } from './outcome.js';

/**
 * The median of one deadline over the cases that have it: how long after the instant that matters
 * for the case (the purchase, the ticket's creation, …: `decisionInstant`) the deadline falls.
 *
 * @remarks Since 0.2.0
 */
export interface MedianDeadline {
  /** How many cases had this deadline. */
  readonly cases: number;
  /** The lower median, in milliseconds after the instant that matters (an observed value, never an average of two). */
  readonly medianMs: number;
}

/**
 * The totals of one side of a replay, over the cases it decided.
 *
 * @remarks Since 0.2.0
 */
export interface ReplaySideTotals {
  /** Cases decided (not errors), by kind. */
  readonly decided: Readonly<Record<DecisionKind, number>>;
  /** Cases that were errors under this side. */
  readonly errors: number;
  readonly returns: {
    readonly byOutcome: Readonly<Record<string, number>>;
    /** Refunds of eligible returns, one Money per currency (sorted by currency). */
    readonly refunds: readonly Money[];
    /** Refunds quoted for returns that need a person's review (not yet granted). */
    readonly refundsInReview: readonly Money[];
    /** Fees taken from eligible and in-review returns, after the fee limit. */
    readonly fees: readonly Money[];
    /** What customers pay (an exchange's handling fee, say). */
    readonly charges: readonly Money[];
  };
  readonly warranty: { readonly byOutcome: Readonly<Record<string, number>>; readonly byRemedy: Readonly<Record<string, number>> };
  readonly compensation: {
    /** The amounts granted (each decision's `maxValue`), per currency. */
    readonly granted: readonly Money[];
    /** Decisions by approval level (`pre-approved`, `none`: no rule applied). */
    readonly byApproval: Readonly<Record<string, number>>;
  };
  readonly escalation: { readonly byTier: Readonly<Record<string, number>>; readonly escalated: number };
  readonly sla: {
    /** Clocks over their target (`breached` or `missed`), by metric, every cycle counted. */
    readonly breaches: Readonly<Record<string, number>>;
    /** Clocks by metric and status. */
    readonly byStatus: Readonly<Record<string, Readonly<Record<string, number>>>>;
  };
  /**
   * Median deadlines by `kind.deadline` (`return.windowDeadline`, `sla.firstResponse`: an SLA
   * metric's first cycle), as durations after the instant that matters for each case.
   */
  readonly medianDeadlines: Readonly<Record<string, MedianDeadline>>;
}

const increment = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const sorted = (totals: Map<string, Money>): Money[] => [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));

/** A growing list of durations in one typed array. */
class Durations {
  values = new Float64Array(1024);
  length = 0;
  push(ms: number) {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = ms;
  }
  median(): MedianDeadline {
    const list = this.values.subarray(0, this.length).sort();
    return { cases: this.length, medianMs: list[(this.length - 1) >> 1] as number };
  }
}

/** The deadlines of a summary that have a median, by name. */
function deadlinesOf(summary: OutcomeSummary): [string, Date | null][] {
  switch (summary.kind) {
    case 'return':
      return [['return.windowDeadline', summary.windowDeadline], ['return.authorizeBy', summary.authorizeBy], ['return.refundBy', summary.refundBy]];
    case 'warranty':
      return [['warranty.coverageEndsAt', summary.coverageEndsAt], ['warranty.remedyDueBy', summary.remedyDueBy], ['warranty.rmaBy', summary.rmaBy], ['warranty.processedBy', summary.processedBy]];
    case 'escalation':
      return [['escalation.reachBy', summary.reachBy], ['escalation.acknowledgeBy', summary.acknowledgeBy]];
    case 'sla':
      return summary.clocks.filter((clock) => clock.cycle === 1).map((clock) => [`sla.${clock.metric}`, clock.deadline]);
    case 'compensation':
      return [];
  }
}

/** Accumulates one side's totals, case by case. */
export class SideTotals {
  private readonly decided: Record<DecisionKind, number> = { sla: 0, return: 0, warranty: 0, compensation: 0, escalation: 0 };
  private errors = 0;
  private readonly returnOutcomes: Record<string, number> = {};
  private readonly refunds = new Map<string, Money>();
  private readonly refundsInReview = new Map<string, Money>();
  private readonly fees = new Map<string, Money>();
  private readonly charges = new Map<string, Money>();
  private readonly warrantyOutcomes: Record<string, number> = {};
  private readonly remedies: Record<string, number> = {};
  private readonly granted = new Map<string, Money>();
  private readonly approvals: Record<string, number> = {};
  private readonly tiers: Record<string, number> = {};
  private escalated = 0;
  private readonly breaches: Record<string, number> = {};
  private readonly statuses: Record<string, Record<string, number>> = {};
  private readonly durations = new Map<string, Durations>();

  addError(): void {
    this.errors++;
  }

  /** Counts a decided case; `anchorMs` is the instant that matters for it (null: none, no medians). */
  add(summary: OutcomeSummary, anchorMs: number | null): void {
    this.decided[summary.kind]++;
    switch (summary.kind) {
      case 'return':
        increment(this.returnOutcomes, summary.outcome);
        if (summary.refund) addTo(summary.outcome === 'eligible' ? this.refunds : this.refundsInReview, summary.refund);
        if (summary.fees) addTo(this.fees, summary.fees);
        if (summary.charge) addTo(this.charges, summary.charge);
        break;
      case 'warranty':
        increment(this.warrantyOutcomes, summary.outcome);
        if (summary.remedy !== null) increment(this.remedies, summary.remedy);
        break;
      case 'compensation':
        addTo(this.granted, summary.granted);
        increment(this.approvals, summary.approval ?? 'none');
        break;
      case 'escalation':
        increment(this.tiers, summary.tier);
        if (summary.escalate) this.escalated++;
        break;
      case 'sla':
        for (const clock of summary.clocks) {
          if (BREACHED.has(clock.status)) increment(this.breaches, clock.metric);
          increment((this.statuses[clock.metric] ??= {}), clock.status);
        }
        break;
    }
    if (anchorMs === null) return;
    for (const [name, deadline] of deadlinesOf(summary)) {
      if (deadline === null) continue;
      let list = this.durations.get(name);
      if (!list) this.durations.set(name, (list = new Durations()));
      list.push(deadline.getTime() - anchorMs);
    }
  }

  /** The totals so far (the medians sort the kept durations in place). */
  result(): ReplaySideTotals {
    const medians = [...this.durations.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, list]) => [name, list.median()]);
    return {
      decided: { ...this.decided },
      errors: this.errors,
      returns: { byOutcome: { ...this.returnOutcomes }, refunds: sorted(this.refunds), refundsInReview: sorted(this.refundsInReview), fees: sorted(this.fees), charges: sorted(this.charges) },
      warranty: { byOutcome: { ...this.warrantyOutcomes }, byRemedy: { ...this.remedies } },
      compensation: { granted: sorted(this.granted), byApproval: { ...this.approvals } },
      escalation: { byTier: { ...this.tiers }, escalated: this.escalated },
      sla: { breaches: { ...this.breaches }, byStatus: Object.fromEntries(Object.entries(this.statuses).map(([metric, counts]) => [metric, { ...counts }])) },
      medianDeadlines: Object.fromEntries(medians) as Record<string, MedianDeadline>,
    };
  }
}
