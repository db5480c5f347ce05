// dayjs-business-time 1 in the process's local zone. Load only after process.env.TZ is set to
// America/Chicago: with dayjs/plugin/timezone objects it does not work (see dayjs-tz-probe.mjs).
import { createRequire } from 'node:module';
import { HOLIDAYS } from '../scenario.mjs';

const require = createRequire(import.meta.url);
const dayjs = require('dayjs');
dayjs.extend(require('dayjs-business-time'));

const day = [{ start: '09:00:00', end: '17:00:00' }];
dayjs.setBusinessTime({ sunday: null, monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: null });
dayjs.setHolidays(HOLIDAYS);

export const id = 'dayjs';
export const name = 'dayjs-business-time';
export const packageName = 'dayjs-business-time';
export const zoneSupport = 'none of its own: runs in the process local zone (`process.env.TZ = \'America/Chicago\'`)';
export const configuration =
  '`dayjs.setBusinessTime({ monday…friday: [{ start: \'09:00:00\', end: \'17:00:00\' }] })`, `dayjs.setHolidays(holidays)`; ' +
  'inputs are local-mode `dayjs(ms)` with TZ=America/Chicago; add = `start.addBusinessHours(h)`; ' +
  'between = `start.businessMinutesDiff(end)` × 60,000 (its finest unit is the minute).';

export function prepare(startMs, endMs) {
  const start = dayjs(startMs);
  const end = dayjs(endMs);
  return {
    add: (hours) => () => start.addBusinessHours(hours).valueOf(),
    between: () => start.businessMinutesDiff(end) * 60_000,
  };
}
