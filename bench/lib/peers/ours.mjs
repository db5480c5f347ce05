// support-rules, from the built package (dist/index.js), exactly as users import it.
import { addBusinessTime, businessTimeBetween, createCalendar } from '../../../dist/index.js';
import { HOLIDAYS, WEEKDAYS, ZONE } from '../scenario.mjs';

export const id = 'ours';
export const name = 'support-rules';
export const packageName = 'support-rules';
export const zoneSupport = 'IANA zone in the calendar spec (process zone irrelevant)';
export const configuration =
  "`createCalendar({ timeZone: 'America/Chicago', hours: { mon…fri: ['09:00-17:00'] }, holidays })`; " +
  'inputs and outputs are `Date`s.';

export function prepare(startMs, endMs) {
  const cal = createCalendar({
    timeZone: ZONE,
    hours: Object.fromEntries(WEEKDAYS.map((day) => [day, ['09:00-17:00']])),
    holidays: HOLIDAYS,
  });
  const start = new Date(startMs);
  const end = new Date(endMs);
  return {
    add: (hours) => () => addBusinessTime(cal, start, { hours }).getTime(),
    between: () => businessTimeBetween(cal, start, end),
  };
}

/** Diagnostics only: the same weekly hours in another zone / with other holidays. */
export function addVariant({ timeZone, holidays }, startMs, duration) {
  const cal = createCalendar({
    timeZone,
    hours: Object.fromEntries(WEEKDAYS.map((day) => [day, ['09:00-17:00']])),
    holidays,
  });
  const start = new Date(startMs);
  return () => addBusinessTime(cal, start, duration).getTime();
}
