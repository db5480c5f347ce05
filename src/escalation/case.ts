import type { Instant } from '../_lib/instant.js';
import { messages } from '../_lib/messages.js';
import type { Fields } from '../_lib/request.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import type { Money } from '../money/index.js';

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
  /** SLA breaches of the queue in the policy's rolling window (see `breachesByGroup`). */
  readonly breachesInWindow?: number;
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
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Throws when the case's instants are out of order: `now` before `createdAt` (NOW_BEFORE_CREATED),
 * or `tierEnteredAt` outside [`createdAt`, `now`] (INVALID_FACT, the code for a fact outside its
 * bounds: a case enters its tier after it exists and before the moment it is decided).
 */
export function checkCaseOrder(facts: CaseFacts): void {
  const { createdAt, now, tierEnteredAt } = facts;
  let issues: Issue[] | undefined;
  if (now < createdAt) (issues ??= []).push({ code: 'NOW_BEFORE_CREATED', path: ['now'], message: messages.NOW_BEFORE_CREATED(iso(now), iso(createdAt)) });
  if (tierEnteredAt !== undefined && (tierEnteredAt < createdAt || tierEnteredAt > now)) {
    (issues ??= []).push({ code: 'INVALID_FACT', path: ['tierEnteredAt'], message: messages.TIER_ENTERED_OUTSIDE(iso(tierEnteredAt), iso(createdAt), iso(now)) });
  }
  if (issues) throw new InvalidArgumentError(issues);
}
