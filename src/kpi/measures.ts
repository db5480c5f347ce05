// KPIs over arrays of contact records. Each returns its value with the sample it rests on; an
// empty sample gives null, never a misleading 0 %. All are order-independent. Every public
// function checks its records first (records.ts); the `…Of` functions take checked records, so
// kpiReport checks once and measures many times.

import { businessTimeBetween, type Calendar } from '../calendar/index.js';
import { fromMinorUnits, moneyIn, sum, toMinorUnits, type Money } from '../money/index.js';
import { numberIssue, throwIssues } from '../_lib/request.js';
import { RANGES, checkCalendar, checkCurrency, checkRecords, type CheckedRecord, type ContactRecord } from './records.js';

export type { ContactRecord } from './records.js';

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

type Rate = (records: readonly CheckedRecord[]) => Measure;
const share = (known: (r: CheckedRecord) => boolean, hit: (r: CheckedRecord) => boolean | undefined): Rate => (records) => {
  const sample = records.filter(known);
  return ratio(sample.filter(hit).length, sample.length);
};

export const firstContactResolutionOf = share((r) => r.resolvedOnFirstContact !== undefined, (r) => r.resolvedOnFirstContact);
export const abandonmentRateOf = share((r) => r.abandoned !== undefined, (r) => r.abandoned);
export const escalationRateOf = share((r) => r.escalated !== undefined, (r) => r.escalated);
export const deflectionRateOf = share((r) => r.selfServed !== undefined, (r) => r.selfServed);

/**
 * First contact resolution: % of contacts with `resolvedOnFirstContact` set that were resolved first time.
 *
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` (`records` not a list, a record not an
 *   object, a field of the wrong type), `UNKNOWN_KEY`, `INVALID_FACT` (a value outside its scale),
 *   `INVALID_INSTANT` and its kin, `INVALID_AMOUNT` / `UNKNOWN_CURRENCY` for a cost, and
 *   `EVENT_BEFORE_CREATED` (`resolvedAt` before `createdAt`), at `[index, field]`. Every KPI
 *   function checks its records the same way.
 * @example
 * ```ts
 * firstContactResolution([{ resolvedOnFirstContact: true }, { resolvedOnFirstContact: false }, {}]); //=> { value: 50, sample: 2 }
 * ```
 * @remarks Since 0.1.0
 */
export function firstContactResolution(records: readonly ContactRecord[]): Measure {
  return firstContactResolutionOf(checkRecords(records));
}

export function csatOf(records: readonly CheckedRecord[]): { readonly mean: number | null; readonly percentSatisfied: number | null; readonly sample: number } {
  const scores = records.flatMap((r) => (r.csat === undefined ? [] : [r.csat]));
  return { mean: mean(scores).value, percentSatisfied: ratio(scores.filter((s) => s >= 4).length, scores.length).value, sample: scores.length };
}

/**
 * CSAT: the mean score (1–5) and the percent satisfied (4 or 5).
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}; a score outside 1–5 is
 *   `INVALID_FACT` at `[index, 'csat']`.
 * @example
 * ```ts
 * csat([{ csat: 5 }, { csat: 4 }, { csat: 2 }, {}]); //=> { mean: 3.67, percentSatisfied: 66.7, sample: 3 } (rounded here)
 * csat([{ csat: 7 }]); // throws INVALID_FACT at [0, 'csat']: between 1 and 5
 * ```
 * @remarks Since 0.1.0
 */
export function csat(records: readonly ContactRecord[]): { readonly mean: number | null; readonly percentSatisfied: number | null; readonly sample: number } {
  return csatOf(checkRecords(records));
}

export function npsOf(records: readonly CheckedRecord[]): { readonly score: number | null; readonly promoters: number; readonly passives: number; readonly detractors: number; readonly sample: number } {
  const scores = records.flatMap((r) => (r.nps === undefined ? [] : [r.nps]));
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const sample = scores.length;
  return { score: sample === 0 ? null : ((promoters - detractors) / sample) * 100, promoters, passives: sample - promoters - detractors, detractors, sample };
}

/**
 * NPS from raw 0–10 scores: % promoters (9–10) minus % detractors (0–6).
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}; a score outside 0–10 is
 *   `INVALID_FACT` at `[index, 'nps']`.
 * @example
 * ```ts
 * nps([10, 9, 8, 6, 3].map((nps) => ({ nps }))); //=> { score: 0, promoters: 2, passives: 1, detractors: 2, sample: 5 }
 * ```
 * @remarks Since 0.1.0
 */
export function nps(records: readonly ContactRecord[]): { readonly score: number | null; readonly promoters: number; readonly passives: number; readonly detractors: number; readonly sample: number } {
  return npsOf(checkRecords(records));
}

export function averageSpeedOfAnswerOf(records: readonly CheckedRecord[]): Measure {
  return mean(records.flatMap((r) => (r.waitSeconds === undefined || r.abandoned ? [] : [r.waitSeconds])));
}

/**
 * Average speed of answer in seconds over answered contacts.
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}.
 * @example
 * ```ts
 * averageSpeedOfAnswer([{ waitSeconds: 10 }, { waitSeconds: 30 }, { waitSeconds: 90, abandoned: true }]); //=> { value: 20, sample: 2 }
 * ```
 * @remarks Since 0.1.0
 */
export function averageSpeedOfAnswer(records: readonly ContactRecord[]): Measure {
  return averageSpeedOfAnswerOf(checkRecords(records));
}

export function averageHandleTimeOf(records: readonly CheckedRecord[]): Measure {
  return mean(records.flatMap((r) => (r.handleSeconds === undefined ? [] : [r.handleSeconds])));
}

/**
 * Average handle time in seconds.
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}.
 * @example
 * ```ts
 * averageHandleTime([{ handleSeconds: 300 }, { handleSeconds: 420 }, {}]); //=> { value: 360, sample: 2 }
 * ```
 * @remarks Since 0.1.0
 */
export function averageHandleTime(records: readonly ContactRecord[]): Measure {
  return averageHandleTimeOf(checkRecords(records));
}

/**
 * Abandonment rate: % of offered contacts (those with `abandoned` set) that abandoned.
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}.
 * @example
 * ```ts
 * abandonmentRate([{ abandoned: true }, { abandoned: false }, { waitSeconds: 5 }]); //=> { value: 50, sample: 2 }
 * ```
 * @remarks Since 0.1.0
 */
export function abandonmentRate(records: readonly ContactRecord[]): Measure {
  return abandonmentRateOf(checkRecords(records));
}

export function answeredWithinOf(records: readonly CheckedRecord[], thresholdSeconds: number): Measure {
  const answered = records.filter((r) => r.waitSeconds !== undefined && !r.abandoned);
  return ratio(answered.filter((r) => (r.waitSeconds as number) <= thresholdSeconds).length, answered.length);
}

/**
 * Service level: % of answered contacts answered within `thresholdSeconds` (80 % in 20 s); a wait
 * equal to the threshold counts.
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}, and `INVALID_TYPE` /
 *   `INVALID_FACT` at `thresholdSeconds` (0 to 1,000,000,000 seconds).
 * @example
 * ```ts
 * answeredWithin([{ waitSeconds: 5 }, { waitSeconds: 20 }, { waitSeconds: 21 }, { waitSeconds: 90, abandoned: true }], 20); //=> { value: 66.67, sample: 3 } (rounded here)
 * ```
 * @remarks Since 0.1.0
 */
export function answeredWithin(records: readonly ContactRecord[], thresholdSeconds: number): Measure {
  const checked = checkRecords(records);
  throwIssues([numberIssue(thresholdSeconds, ['thresholdSeconds'], RANGES.seconds)].filter((issue) => issue !== undefined));
  return answeredWithinOf(checked, thresholdSeconds);
}

/**
 * Escalation rate: % of contacts with `escalated` set that were escalated.
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}.
 * @example
 * ```ts
 * escalationRate([{ escalated: true }, { escalated: false }, { escalated: false }, { escalated: false }]); //=> { value: 25, sample: 4 }
 * ```
 * @remarks Since 0.1.0
 */
export function escalationRate(records: readonly ContactRecord[]): Measure {
  return escalationRateOf(checkRecords(records));
}

/**
 * Self-service deflection: % of contacts resolved by self-service.
 *
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}.
 * @example
 * ```ts
 * deflectionRate([{ selfServed: true }, { selfServed: false }]); //=> { value: 50, sample: 2 }
 * ```
 * @remarks Since 0.1.0
 */
export function deflectionRate(records: readonly ContactRecord[]): Measure {
  return deflectionRateOf(checkRecords(records));
}

/**
 * Cost per contact and per resolved contact, exact, in one currency (rounded once, half-up).
 *
 * @param records - Contact records; `cost` is a decimal string (read in `currency`) or a Money in `currency`.
 * @param currency - ISO 4217 code of the report.
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution}; `INVALID_TYPE` /
 *   `UNKNOWN_CURRENCY` at `currency`; and at `[index, 'cost']`: `INVALID_TYPE` (a number: amounts
 *   are decimal strings), `INVALID_AMOUNT`, `TOO_PRECISE`, `INVALID_FACT` (negative) and
 *   `CURRENCY_MISMATCH` (at `[index, 'cost', 'currency']`).
 * @example
 * ```ts
 * costPer([{ cost: '6.00', resolved: true }, { cost: '12.00', resolved: false }], 'USD');
 * //=> { perContact: 9.00 USD, perResolved: 18.00 USD, contacts: 2, resolved: 1 }
 * costPer([{ cost: 6 }], 'USD'); // throws INVALID_TYPE at [0, 'cost']: amounts are decimal strings such as "499.00"
 * ```
 * @remarks Since 0.1.0
 */
export function costPer(records: readonly ContactRecord[], currency: string): { readonly perContact: Money | null; readonly perResolved: Money | null; readonly contacts: number; readonly resolved: number } {
  const checked = checkRecords(records);
  const code = checkCurrency(currency);
  const costs: Money[] = [];
  checked.forEach((r, i) => {
    if (r.cost !== undefined) costs.push(moneyIn(r.cost, code, [i, 'cost'], { nonNegative: true }));
  });
  const total = sum(costs, code);
  const resolved = checked.filter((r) => r.resolved).length;
  const divide = (n: number) => (n === 0 ? null : fromMinorUnits((toMinorUnits(total) * 2n + BigInt(n)) / (2n * BigInt(n)), code));
  return { perContact: divide(costs.length), perResolved: divide(resolved), contacts: costs.length, resolved };
}

/**
 * Median time to resolution in calendar time, or in business time on a calendar.
 *
 * @param records - Contact records; those with both `createdAt` and `resolvedAt` count.
 * @param calendar - Optional, from `createCalendar`: measure business time instead.
 * @throws {@link InvalidArgumentError} as {@link firstContactResolution} (`resolvedAt` before
 *   `createdAt` is `EVENT_BEFORE_CREATED` at `[index, 'resolvedAt']`), and `INVALID_CALENDAR` at
 *   `calendar`.
 * @example
 * ```ts
 * medianTimeToResolution([{ createdAt: '2026-11-23T09:00:00Z', resolvedAt: '2026-11-23T13:00:00Z' }]); //=> { value: 14400000, sample: 1 }
 * ```
 * @remarks Since 0.1.0
 */
export function medianTimeToResolution(records: readonly ContactRecord[], calendar?: Calendar): Measure {
  const checked = checkRecords(records);
  const desk = calendar === undefined ? undefined : checkCalendar(calendar);
  const values = checked
    .filter((r) => r.createdAt !== undefined && r.resolvedAt !== undefined)
    .map((r) => (desk ? businessTimeBetween(desk, r.createdAt as number, r.resolvedAt as number) : (r.resolvedAt as number) - (r.createdAt as number)))
    .sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { value: null, sample: 0 };
  const mid = n >> 1;
  return { value: n % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2, sample: n };
}
