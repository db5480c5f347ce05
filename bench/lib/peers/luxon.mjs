// luxon-business-days 3 knows business *days* and holidays only (no working hours, no
// business-time diff). The hour arithmetic below is a thin adapter written for this benchmark on
// top of its plusBusiness / isBusinessDay / isHoliday; luxon itself handles the IANA zone.
import luxonBusinessDays from 'luxon-business-days'; // CommonJS
import { CLOSE_HOUR, HOLIDAYS, OPEN_HOUR, ZONE } from '../scenario.mjs';

const { DateTime } = luxonBusinessDays;
const holidaySet = new Set(HOLIDAYS);
DateTime.local().setupBusiness({
  businessDays: [1, 2, 3, 4, 5],
  holidayMatchers: [(dt) => holidaySet.has(dt.toISODate())],
});

export const id = 'luxon';
export const name = 'luxon-business-days (+ hours adapter)';
export const packageName = 'luxon-business-days';
export const zoneSupport = "via luxon: `DateTime.fromMillis(ms, { zone: 'America/Chicago' })`";
export const configuration =
  '`setupBusiness({ businessDays: [1…5], holidayMatchers: [dt => holidays.has(dt.toISODate())] })`. ' +
  'It has no working hours, so `bench/lib/peers/luxon.mjs` adds them: whole 8-hour days via `plusBusiness({ days })` ' +
  '(keeps the wall time), the remainder within 09:00–17:00 or carried to the next business day; between = sum of ' +
  'each business day\'s 09:00–17:00 clipped to [a, b), stepping with `plusBusiness()`.';

const DAY_MINUTES = (CLOSE_HOUR - OPEN_HOUR) * 60;
const isWorkDay = (dt) => dt.isBusinessDay() && !dt.isHoliday();
const openOf = (dt) => dt.set({ hour: OPEN_HOUR, minute: 0, second: 0, millisecond: 0 });
const closeOf = (dt) => dt.set({ hour: CLOSE_HOUR, minute: 0, second: 0, millisecond: 0 });
const nextOpening = (dt) => openOf(dt.plusBusiness({ days: 1 }));

/** dt itself when open, else the next opening (09:00 of a business day). */
function toOpen(dt) {
  if (!isWorkDay(dt)) return nextOpening(dt);
  if (dt < openOf(dt)) return openOf(dt);
  if (dt >= closeOf(dt)) return nextOpening(dt);
  return dt;
}

function addBusinessHours(dt, hours) {
  let d = toOpen(dt);
  let minutes = hours * 60;
  // Whole days keep the time of day; an exact multiple lands on a closing time, not the next opening.
  let days = Math.floor(minutes / DAY_MINUTES);
  minutes -= days * DAY_MINUTES;
  if (minutes === 0 && days > 0) {
    days -= 1;
    minutes = DAY_MINUTES;
  }
  if (days > 0) d = d.plusBusiness({ days });
  const left = closeOf(d).diff(d, 'minutes').minutes;
  if (minutes <= left) return d.plus({ minutes });
  return nextOpening(d).plus({ minutes: minutes - left });
}

function businessMsBetween(a, b) {
  let sum = 0;
  let day = a.startOf('day');
  if (!isWorkDay(day)) day = day.plusBusiness({ days: 1 });
  while (day <= b) {
    const from = Math.max(+openOf(day), +a);
    const to = Math.min(+closeOf(day), +b);
    if (to > from) sum += to - from;
    day = day.plusBusiness({ days: 1 });
  }
  return sum;
}

export function prepare(startMs, endMs) {
  const start = DateTime.fromMillis(startMs, { zone: ZONE });
  const end = DateTime.fromMillis(endMs, { zone: ZONE });
  return {
    add: (hours) => () => addBusinessHours(start, hours).toMillis(),
    between: () => businessMsBetween(start, end),
  };
}
