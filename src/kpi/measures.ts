// KPIs over arrays of contact records. Each returns its value with the sample it rests on; an
// empty sample gives null, never a misleading 0 %. All are order-independent.

import { instantMs } from '../_lib/instant.js';
import { businessTimeBetween, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import { fromMinorUnits, money, sum, toMinorUnits, type Money } from '../money/index.js';

/**
 * One customer contact (call, chat, email, ticket) as the KPIs see it; every field is optional and
 * each KPI uses the records that carry its facts.
 *
 * @remarks Since 0.1.0
 */
export interface ContactRecord {
  readonly channel?: string;
  readonly resolvedOnFirstContact?: boolean;
  readonly resolved?: boolean;
  /** 1 to 5. */
  readonly csat?: number;
  /** 0 to 10. */
  readonly nps?: number;
  /** Wait before an agent answered, for answered contacts. */
  readonly waitSeconds?: number;
  readonly handleSeconds?: number;
  readonly abandoned?: boolean;
  readonly escalated?: boolean;
  /** Resolved by self-service (knowledge base, bot) without an agent. */
  readonly selfServed?: boolean;
  readonly cost?: Money | string;
  readonly createdAt?: Instant;
  readonly resolvedAt?: Instant;
}

/**
 * A measured value and the sample it rests on.
 *
 * @remarks Since 0.1.0
 */
export interface Measure {
  readonly value: number | null;
  readonly sample: number;
}

const ratio = (hits: number, sample: number): Measure => ({ value: sample === 0 ? null : (hits / sample) * 100, sample });
const mean = (values: readonly number[]): Measure => ({ value: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length, sample: values.length });

function inRange(value: number, low: number, high: number, field: string, i: number): number {
  if (!Number.isFinite(value) || value < low || value > high) {
    throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: [i, field], message: `"${field}" must be between ${low} and ${high}.` }]);
  }
  return value;
}

/** First contact resolution: % of contacts with `resolvedOnFirstContact` set that were resolved first time. @remarks Since 0.1.0 */
export function firstContactResolution(records: readonly ContactRecord[]): Measure {
  const known = records.filter((r) => r.resolvedOnFirstContact !== undefined);
  return ratio(known.filter((r) => r.resolvedOnFirstContact).length, known.length);
}

/**
 * CSAT: the mean score (1–5) and the percent satisfied (4 or 5).
 *
 * @example
 * ```ts
 * csat([{ csat: 5 }, { csat: 4 }, { csat: 2 }, {}]); //=> { mean: 3.67, percentSatisfied: 66.7, sample: 3 } (rounded here)
 * ```
 * @remarks Since 0.1.0
 */
export function csat(records: readonly ContactRecord[]): { readonly mean: number | null; readonly percentSatisfied: number | null; readonly sample: number } {
  const scores = records.flatMap((r, i) => (r.csat === undefined ? [] : [inRange(r.csat, 1, 5, 'csat', i)]));
  return { mean: mean(scores).value, percentSatisfied: ratio(scores.filter((s) => s >= 4).length, scores.length).value, sample: scores.length };
}

/**
 * NPS from raw 0–10 scores: % promoters (9–10) minus % detractors (0–6).
 *
 * @example
 * ```ts
 * nps([10, 9, 8, 6, 3].map((nps) => ({ nps }))); //=> { score: 0, promoters: 2, passives: 1, detractors: 2, sample: 5 }
 * ```
 * @remarks Since 0.1.0
 */
export function nps(records: readonly ContactRecord[]): { readonly score: number | null; readonly promoters: number; readonly passives: number; readonly detractors: number; readonly sample: number } {
  const scores = records.flatMap((r, i) => (r.nps === undefined ? [] : [inRange(r.nps, 0, 10, 'nps', i)]));
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const sample = scores.length;
  return { score: sample === 0 ? null : ((promoters - detractors) / sample) * 100, promoters, passives: sample - promoters - detractors, detractors, sample };
}

/** Average speed of answer in seconds over answered contacts. @remarks Since 0.1.0 */
export function averageSpeedOfAnswer(records: readonly ContactRecord[]): Measure {
  return mean(records.flatMap((r, i) => (r.waitSeconds === undefined || r.abandoned ? [] : [inRange(r.waitSeconds, 0, Infinity, 'waitSeconds', i)])));
}

/** Average handle time in seconds. @remarks Since 0.1.0 */
export function averageHandleTime(records: readonly ContactRecord[]): Measure {
  return mean(records.flatMap((r, i) => (r.handleSeconds === undefined ? [] : [inRange(r.handleSeconds, 0, Infinity, 'handleSeconds', i)])));
}

/** Abandonment rate: % of offered contacts (those with `abandoned` set) that abandoned. @remarks Since 0.1.0 */
export function abandonmentRate(records: readonly ContactRecord[]): Measure {
  const offered = records.filter((r) => r.abandoned !== undefined);
  return ratio(offered.filter((r) => r.abandoned).length, offered.length);
}

/** Service level: % of answered contacts answered within `thresholdSeconds` (80 % in 20 s). @remarks Since 0.1.0 */
export function answeredWithin(records: readonly ContactRecord[], thresholdSeconds: number): Measure {
  const answered = records.filter((r) => r.waitSeconds !== undefined && !r.abandoned);
  return ratio(answered.filter((r) => (r.waitSeconds as number) <= thresholdSeconds).length, answered.length);
}

/** Escalation rate: % of contacts with `escalated` set that were escalated. @remarks Since 0.1.0 */
export function escalationRate(records: readonly ContactRecord[]): Measure {
  const known = records.filter((r) => r.escalated !== undefined);
  return ratio(known.filter((r) => r.escalated).length, known.length);
}

/** Self-service deflection: % of contacts resolved by self-service. @remarks Since 0.1.0 */
export function deflectionRate(records: readonly ContactRecord[]): Measure {
  const known = records.filter((r) => r.selfServed !== undefined);
  return ratio(known.filter((r) => r.selfServed).length, known.length);
}

/**
 * Cost per contact and per resolved contact, exact, in one currency (rounded once, half-up).
 *
 * @example
 * ```ts
 * costPer([{ cost: '6.00', resolved: true }, { cost: '12.00', resolved: false }], 'USD');
 * //=> { perContact: 9.00 USD, perResolved: 18.00 USD, contacts: 2, resolved: 1 }
 * ```
 * @remarks Since 0.1.0
 */
export function costPer(records: readonly ContactRecord[], currency: string): { readonly perContact: Money | null; readonly perResolved: Money | null; readonly contacts: number; readonly resolved: number } {
  const costs = records.filter((r) => r.cost !== undefined);
  const total = sum(costs.map((r) => (typeof r.cost === 'string' ? money(r.cost, currency) : (r.cost as Money))), currency);
  const resolved = records.filter((r) => r.resolved).length;
  const divide = (n: number) => (n === 0 ? null : fromMinorUnits((toMinorUnits(total) * 2n + BigInt(n)) / (2n * BigInt(n)), currency));
  return { perContact: divide(costs.length), perResolved: divide(resolved), contacts: costs.length, resolved };
}

/**
 * Median time to resolution in calendar time, or in business time on a calendar.
 *
 * @remarks Since 0.1.0
 */
export function medianTimeToResolution(records: readonly ContactRecord[], calendar?: Calendar): Measure {
  const values = records
    .filter((r) => r.createdAt !== undefined && r.resolvedAt !== undefined)
    .map((r) => (calendar ? businessTimeBetween(calendar, r.createdAt as Instant, r.resolvedAt as Instant) : instantMs(r.resolvedAt, 'resolvedAt') - instantMs(r.createdAt, 'createdAt')))
    .sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { value: null, sample: 0 };
  const mid = n >> 1;
  return { value: n % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2, sample: n };
}

/**
 * A QA score with a weighted scorecard: each evaluation scores criteria 0–100, and the score is
 * the weighted mean (e.g. accuracy 30, empathy 25, compliance 20, closure 25).
 *
 * @example
 * ```ts
 * qaScore({ accuracy: 30, empathy: 25, compliance: 20, closure: 25 },
 *   [{ accuracy: 90, empathy: 80, compliance: 100, closure: 70 }]); //=> { value: 84.5, sample: 1 }
 * ```
 * @remarks Since 0.1.0
 */
export function qaScore(weights: Readonly<Record<string, number>>, evaluations: readonly Readonly<Record<string, number>>[]): Measure {
  const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0);
  if (!(totalWeight > 0)) throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['weights'], message: 'Scorecard weights must add up to more than 0.' }]);
  const scores = evaluations.map((evaluation, i) =>
    Object.entries(weights).reduce((acc, [criterion, weight]) => {
      const score = evaluation[criterion];
      if (score === undefined) throw new InvalidArgumentError([{ code: 'MISSING_FACT', path: [i, criterion], message: `Evaluation ${i} has no score for "${criterion}".` }]);
      return acc + inRange(score, 0, 100, criterion, i) * weight;
    }, 0) / totalWeight,
  );
  return mean(scores);
}
