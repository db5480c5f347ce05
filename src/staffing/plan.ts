import { isOpen, type Calendar, type Instant } from '../calendar/index.js';
import { agentsRequired, type ErlangCResult } from './erlang.js';

/**
 * One interval of a day's forecast.
 *
 * @remarks Since 0.1.0
 */
export interface ForecastInterval {
  readonly start: Instant;
  readonly contacts: number;
}

/**
 * Staffing for each interval of a forecast (peaks included) on a calendar: closed intervals need
 * nobody; open ones get the Erlang C agents for the target, grossed up for shrinkage.
 *
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
  options: {
    readonly intervalSeconds: number;
    readonly ahtSeconds: number;
    readonly serviceLevelPercent: number;
    readonly targetSeconds: number;
    readonly maxOccupancyPercent?: number;
    readonly shrinkagePercent?: number;
  },
): { readonly intervals: readonly ({ readonly start: Date; readonly open: boolean; readonly contacts: number; readonly agents: number; readonly scheduled: number } & Partial<ErlangCResult>)[]; readonly peakScheduled: number } {
  const intervals = forecast.map((slot) => {
    const start = new Date(slot.start instanceof Date ? slot.start.getTime() : slot.start);
    const open = isOpen(calendar, start);
    if (!open || slot.contacts === 0) return { start, open, contacts: slot.contacts, agents: 0, scheduled: 0 };
    const result = agentsRequired({ contacts: slot.contacts, intervalSeconds: options.intervalSeconds, ahtSeconds: options.ahtSeconds }, options);
    return { ...result, start, open, contacts: slot.contacts };
  });
  return { intervals, peakScheduled: Math.max(0, ...intervals.map((i) => i.scheduled)) };
}
