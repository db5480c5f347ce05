import { formatInstant as iso } from '../_lib/civil.js';
import type { Instant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import type { Fields, RequestChecker } from '../_lib/request.js';
import { suggest } from '../_lib/suggest.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import type { Money } from '../money/index.js';
import { CLOCK_STATUSES, type ClockStatus } from '../sla/index.js';

/**
 * The fields of an escalation case, declared once: `decideEscalation` checks every case against
 * them (compiled once per policy, with the policy's tiers, severities, categories and currency).
 *
 * @remarks Since 0.2.0
 */
export const ESCALATION_CASE_FIELDS: Fields = {
  createdAt: { type: 'instant', required: true, hint: 'when the case was opened' },
  now: { type: 'instant', required: true, hint: 'the instant the decision is taken as of' },
  currentTier: { type: 'term', vocabulary: 'tier' },
  tierEnteredAt: { type: 'instant' },
  category: { type: 'term', vocabulary: 'category' },
  severity: { type: 'term', vocabulary: 'severity' },
  amount: { type: 'money' },
  failedVisits: { type: 'count' },
  partsMissingDays: { type: 'count', max: 36_500 },
  breachesInWindow: { type: 'count' },
  breaches: { type: 'list', of: { type: 'instant' } },
  // The metrics are the policy's: defineEscalationPolicy declares one term field per metric.
  slaStatus: { type: 'object', what: 'the SLA status by metric', fields: {} },
};

/**
 * The facts of a case, as of `now`.
 *
 * @remarks Since 0.1.0
 */
export interface EscalationCase {
  /** When the case was opened; not after `now`. */
  readonly createdAt: Instant;
  /** The instant the decision is taken as of. */
  readonly now: Instant;
  /** One of the policy's tiers. @defaultValue the policy's first tier */
  readonly currentTier?: string;
  /** When the case entered its current tier: between `createdAt` and `now`. @defaultValue `createdAt` */
  readonly tierEnteredAt?: Instant;
  /** One of the policy's categories (`policy.vocabulary.category`). */
  readonly category?: string;
  /** One of the policy's severities. */
  readonly severity?: string;
  /** Refund or compensation at stake, in the policy's currency, 0 or more. */
  readonly amount?: Money | string;
  /** Whole numbers, 0 or more. */
  readonly failedVisits?: number;
  readonly partsMissingDays?: number;
  /**
   * SLA breaches of the queue in the rolling window, counted by the caller (see `breachesByGroup`).
   * Give this or `breaches`, not both.
   */
  readonly breachesInWindow?: number;
  /**
   * When the queue's SLA breaches happened: the `breachedAt` of its clocks that are over. The
   * policy's `breachWindow` counts those in `(now - window, now]` as `breachesInWindow`; those
   * after `now` have not happened as of `now` and are not counted. Needs a policy with a
   * `breachWindow`; give this or `breachesInWindow`, not both.
   *
   * @remarks Since 0.2.0
   */
  readonly breaches?: readonly Instant[];
  /**
   * The current status of each SLA metric of the case's ticket, metric → status
   * (`slaStatusByMetric(evaluateSla(...))`): `{ resolution: 'at-risk' }`. Metrics are those of
   * `policy.vocabulary.metric`.
   *
   * @remarks Since 0.2.0
   */
  readonly slaStatus?: Readonly<Record<string, ClockStatus>>;
}

/** A case after checking: instants as epoch ms, the amount as Money. */
export interface CaseFacts {
  readonly createdAt: number;
  readonly now: number;
  readonly currentTier?: string;
  readonly tierEnteredAt?: number;
  readonly category?: string;
  readonly severity?: string;
  readonly amount?: Money;
  readonly failedVisits?: number;
  readonly partsMissingDays?: number;
  readonly breachesInWindow?: number;
  readonly breaches?: readonly number[];
  readonly slaStatus?: Readonly<Record<string, ClockStatus>>;
}


/**
 * Throws when the case's facts disagree, once each field is readable: `now` before `createdAt`
 * (NOW_BEFORE_CREATED); `tierEnteredAt` outside [`createdAt`, `now`] (INVALID_FACT, the code for a
 * fact outside its bounds: a case enters its tier after it exists and before the moment it is
 * decided); `breaches` for a policy without a `breachWindow` to count them in (UNKNOWN_IN_POLICY),
 * or with `breachesInWindow` beside them (CONFLICTING_FIELDS: two counts that could disagree).
 */
export function checkCaseOrder(facts: CaseFacts, breachWindowDays: number | undefined): void {
  const { createdAt, now, tierEnteredAt } = facts;
  let issues: Issue[] | undefined;
  if (now < createdAt) (issues ??= []).push({ code: 'NOW_BEFORE_CREATED', path: ['now'], message: messages.NOW_BEFORE_CREATED(iso(now), iso(createdAt)) });
  if (tierEnteredAt !== undefined && (tierEnteredAt < createdAt || tierEnteredAt > now)) {
    (issues ??= []).push({ code: 'INVALID_FACT', path: ['tierEnteredAt'], message: messages.TIER_ENTERED_OUTSIDE(iso(tierEnteredAt), iso(createdAt), iso(now)) });
  }
  if (facts.breaches !== undefined) {
    if (breachWindowDays === undefined) (issues ??= []).push({ code: 'UNKNOWN_IN_POLICY', path: ['breaches'], message: messages.ESCALATION_BREACHES_WITHOUT_WINDOW() });
    else if (facts.breachesInWindow !== undefined) {
      (issues ??= []).push({ code: 'CONFLICTING_FIELDS', path: ['breachesInWindow'], message: messages.ESCALATION_BREACHES_CONFLICT(breachWindowDays) });
    }
  }
  if (issues) throw new InvalidArgumentError(issues);
}

/**
 * Checks a case with the compiled checker. In `slaStatus` a metric the policy does not know is
 * reported as UNKNOWN_IN_POLICY (a value outside a vocabulary, with a did-you-mean and how to
 * declare it), not as the UNKNOWN_KEY the generic object check gives it: a misspelt metric must
 * never quietly fail a rule. A status outside the five clock statuses keeps its code and gets a
 * message that does not call them the policy's.
 */
export function checkCase(check: RequestChecker, input: unknown, metrics: readonly string[], declared: boolean): CaseFacts {
  try {
    return check(input) as unknown as CaseFacts;
  } catch (error) {
    if (!(error instanceof InvalidArgumentError) || !error.issues.some(inSlaStatus)) throw error;
    const issues = error.issues.map((issue): Issue => {
      if (!inSlaStatus(issue)) return issue;
      if (issue.code === 'UNKNOWN_KEY') {
        const metric = String(issue.path[1]);
        const suggestion = suggest(metric, metrics);
        return { code: 'UNKNOWN_IN_POLICY', path: issue.path, message: messages.ESCALATION_UNKNOWN_METRIC(metric, metrics, suggestion, declared), allowed: metrics, ...(suggestion ? { suggestion } : {}) };
      }
      const value = (input as { slaStatus: Record<string, unknown> }).slaStatus[String(issue.path[1])];
      return { ...issue, message: messages.ESCALATION_UNKNOWN_SLA_STATUS(String(value), CLOCK_STATUSES, issue.suggestion) };
    });
    throw new InvalidArgumentError(issues, error.details as Record<string, unknown>);
  }
}

/** An unknown metric (UNKNOWN_KEY) or status (UNKNOWN_IN_POLICY) directly under `slaStatus`. */
const inSlaStatus = (issue: Issue) => (issue.code === 'UNKNOWN_KEY' || issue.code === 'UNKNOWN_IN_POLICY') && issue.path.length === 2 && issue.path[0] === 'slaStatus';
