/**
 * Business-hours calendars: time zones, DST, split and overnight shifts, holidays and one-off
 * overrides; whether a calendar is open, the next opening and closing, business time added,
 * subtracted and measured, and business days.
 *
 * @module calendar
 */
export { createCalendar } from './compile.js';
export type { Calendar } from './compile.js';
export { CalendarSpecSchema, PolicyCalendarSpecSchema, DAY_KEYS, parseCalendarSpec, safeParseCalendarSpec } from './schema.js';
export type { CalendarSpec, CalendarSpecResult, DayKey } from './schema.js';
export { durationMs } from './arguments.js';
export type { Duration, Instant } from './arguments.js';
export { isOpen, nextOpen, nextClose, openIntervals } from './open.js';
export type { OpenInterval } from './open.js';
export { addBusinessTime, subtractBusinessTime } from './add-business-time.js';
export { businessTimeBetween } from './business-time-between.js';
export { addBusinessDays, businessDaysBetween } from './business-days.js';
export { formatLocal } from './format-local.js';
export type { AddBusinessDaysOptions } from './business-days.js';
export { SupportRulesError, CalendarSpecError, InvalidArgumentError, NoOpenTimeError } from '../errors/index.js';
