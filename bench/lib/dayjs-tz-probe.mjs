// Worker: dayjs-business-time driven with dayjs/plugin/timezone objects (the way one would try to
// give it a time zone without touching process.env.TZ). Runs one operation and posts its result.
// The main thread terminates the worker if it does not answer in time (it can loop forever).
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { END, HOLIDAYS, START, ZONE } from './scenario.mjs';

const require = createRequire(import.meta.url);
const dayjs = require('dayjs');
dayjs.extend(require('dayjs/plugin/utc'));
dayjs.extend(require('dayjs/plugin/timezone'));
dayjs.extend(require('dayjs-business-time'));
const day = [{ start: '09:00:00', end: '17:00:00' }];
dayjs.setBusinessTime({ sunday: null, monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: null });
dayjs.setHolidays(HOLIDAYS);

const start = dayjs(START).tz(ZONE);
const end = dayjs(END).tz(ZONE);
const { hours } = workerData;
try {
  const value = hours === undefined ? start.businessMinutesDiff(end) * 60_000 : start.addBusinessHours(hours).valueOf();
  parentPort.postMessage({ ok: true, value });
} catch (error) {
  parentPort.postMessage({ ok: false, error: String(error?.message ?? error) });
}
