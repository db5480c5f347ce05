import * as messages from '../_lib/messages.js';
import { compileRequest, isRecord, notAnObject } from '../_lib/request.js';
import { isOpen, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import { loadTraffic, requiredAgents, TARGET_FIELDS, type ErlangCResult, type StaffingTarget } from './erlang.js';
import { BOUNDS, checkNumbers, objectChecker } from './inputs.js';

/**
 * One interval of a day's forecast.
 *
 * @remarks Since 0.1.0
 */
export interface ForecastInterval {
  /** When the interval starts (the library's one instant rule: a Date, epoch ms or ISO 8601 with an offset). */
  readonly start: Instant;
  /** Contacts forecast for the interval, 0 or more. */
  readonly contacts: number;
}

/**
 * Options of {@link staffingPlan}: the interval length and AHT, and the target of `agentsRequired`.
 *
 * @remarks Since 0.2.0
 */
export interface StaffingPlanOptions extends StaffingTarget {
  /** 0.001 to 1,000,000,000 seconds. */
  readonly intervalSeconds: number;
  /** 0.001 to 1,000,000,000 seconds. */
  readonly ahtSeconds: number;
}

const checkOptions = objectChecker('options', 'staffing plan options', {
  intervalSeconds: { bounds: BOUNDS.duration, required: true, hint: 'the length of each forecast interval in seconds' },
  ahtSeconds: { bounds: BOUNDS.duration, required: true, hint: 'the average handle time in seconds' },
  ...TARGET_FIELDS,
});
const checkSlot = compileRequest('a forecast interval', { start: { type: 'instant', required: true }, contacts: { type: 'number', required: true } }, { vocabularies: {} });


/**
 * Staffing for each interval of a forecast (peaks included) on a calendar: closed intervals need
 * nobody; open ones get the Erlang C agents for the target, grossed up for shrinkage.
 *
 * @param calendar - From `createCalendar`.
 * @param forecast - `[{ start, contacts }]`, one entry per interval.
 * @param options - `{ intervalSeconds, ahtSeconds, serviceLevelPercent, targetSeconds, maxOccupancyPercent?, shrinkagePercent? }`.
 * @throws {@link InvalidArgumentError} `INVALID_CALENDAR` (path `calendar`); for `forecast`:
 *   `INVALID_TYPE` (not a list, or an entry not an object), and per entry at `[i, field]`
 *   `UNKNOWN_KEY`, `REQUIRED`, `INVALID_TYPE`, `INVALID_INSTANT` / `INSTANT_WITHOUT_OFFSET` /
 *   `INSTANT_OUT_OF_RANGE` and `INVALID_FACT` (negative contacts, traffic above 100,000 Erlangs);
 *   for `options`: the errors of `agentsRequired`'s target and of a load's durations.
 * @example
 * ```ts
 * const plan = staffingPlan(desk, [{ start: new Date('2026-11-23T15:00:00Z'), contacts: 100 }],
 *   { intervalSeconds: 1800, ahtSeconds: 180, serviceLevelPercent: 80, targetSeconds: 20, shrinkagePercent: 30 });
 * plan.intervals[0]?.agents; //=> 14 (20 scheduled)
 * ```
 * @remarks Since 0.1.0
 */
export function staffingPlan(
  calendar: Calendar,
  forecast: readonly ForecastInterval[],
  options: StaffingPlanOptions,
): { readonly intervals: readonly ({ readonly start: Date; readonly open: boolean; readonly contacts: number; readonly agents: number; readonly scheduled: number } & Partial<ErlangCResult>)[]; readonly peakScheduled: number } {
  // Checked once, so a bad calendar is reported (at `calendar`) even for an empty forecast.
  isOpen(calendar, 0);
  const o = checkOptions(options) as unknown as StaffingPlanOptions;
  const given: unknown = forecast;
  if (given === undefined) notAnObject('forecast', 'a list', given);
  if (!Array.isArray(given)) throw new InvalidArgumentError([{ code: 'INVALID_TYPE', path: ['forecast'], message: messages.NOT_A_LIST('forecast', 'forecast intervals', given) }]);
  const slots = given.map((slot: unknown, i) => {
    if (!isRecord(slot)) notAnObject(`forecast[${i}]`, 'a forecast interval', slot, [i]);
    const { start, contacts } = checkSlot(slot, [i]) as { start: number; contacts: number };
    checkNumbers([[contacts, [i, 'contacts'], BOUNDS.count]]);
    return { start, contacts, traffic: loadTraffic(contacts, o.intervalSeconds, o.ahtSeconds, [i, 'contacts']) };
  });
  let peakScheduled = 0;
  const intervals = slots.map(({ start: ms, contacts, traffic }) => {
    const start = new Date(ms);
    const open = isOpen(calendar, ms);
    if (!open || contacts === 0) return { start, open, contacts, agents: 0, scheduled: 0 };
    const result = requiredAgents(traffic, o.ahtSeconds, o);
    peakScheduled = Math.max(peakScheduled, result.scheduled);
    return { ...result, start, open, contacts };
  });
  return { intervals, peakScheduled };
}
