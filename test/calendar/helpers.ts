import type { OpenInterval } from '../../src/calendar/index.js';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** An instant from an ISO string with an explicit offset or Z. */
export const at = (iso: string): Date => new Date(iso);

/** Open intervals as [startISO, endISO, hours] triples, for readable assertions. */
export function describeIntervals(intervals: Iterable<OpenInterval>): [string, string, number][] {
  return [...intervals].map(({ start, end }) => [start.toISOString(), end.toISOString(), (end.getTime() - start.getTime()) / HOUR]);
}

export const WEEKDAYS_9_TO_5 = {
  mon: ['09:00-17:00'],
  tue: ['09:00-17:00'],
  wed: ['09:00-17:00'],
  thu: ['09:00-17:00'],
  fri: ['09:00-17:00'],
};
