// moment-business-time 2, with moment-timezone so its moments live in America/Chicago.
// moment-business-time reads its working hours and holidays from the current moment locale.
import { createRequire } from 'node:module';
import { HOLIDAYS, ZONE } from '../scenario.mjs';

const require = createRequire(import.meta.url);
const moment = require('moment-business-time');
const momentTz = require('moment-timezone');
if (momentTz !== moment || typeof momentTz.fn.addWorkingTime !== 'function') {
  throw new Error('moment-timezone and moment-business-time resolved to different moment copies');
}

const day = ['09:00:00', '17:00:00'];
moment.updateLocale(moment.locale(), {
  workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null },
  holidays: HOLIDAYS,
});

export const id = 'moment';
export const name = 'moment-business-time';
export const packageName = 'moment-business-time';
export const zoneSupport = 'via moment-timezone: `moment.tz(…, zone)` moments keep their zone through its arithmetic';
export const configuration =
  "`moment.updateLocale(locale, { workinghours: {1…5: ['09:00:00','17:00:00']}, holidays })`; inputs are " +
  "`moment.tz(ms, 'America/Chicago')`; add = `start.clone().addWorkingTime(h, 'hours')` (it mutates, so the clone is timed); " +
  "between = `end.workingDiff(start, 'milliseconds')`.";

export function prepare(startMs, endMs) {
  const start = moment.tz(startMs, ZONE);
  const end = moment.tz(endMs, ZONE);
  return {
    add: (hours) => () => start.clone().addWorkingTime(hours, 'hours').valueOf(),
    between: () => end.workingDiff(start, 'milliseconds'),
  };
}
