// The calendars of a document: one open less than an hour a week, holidays (and overrides) dated
// outside the policy's effective dates or on days the calendar is closed anyway, and calendars
// declared and named by no section.

import { MS_PER_WEEK, parseIsoDate, weekdayOf } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import { businessTimeBetween, createCalendar, DAY_KEYS, type CalendarSpec } from '../calendar/index.js';
import type { JsonPath } from '../errors/index.js';
import { escalationCalendarReferences } from '../escalation/index.js';
import { slaCalendarReferences } from '../sla/index.js';
import type { SupportPolicySpec } from './schema.js';
import type { LintFinding } from './lint.js';

const HOUR_MS = 3_600_000;
/** A Monday at midnight UTC: a week from here is a plain week of wall-clock hours. */
const MONDAY_MS = Date.UTC(2001, 0, 1);

/** Every calendar the document writes, with its path and name. */
function calendarsOf(spec: SupportPolicySpec): { name: string; path: JsonPath; calendar: CalendarSpec }[] {
  const out: { name: string; path: JsonPath; calendar: CalendarSpec }[] = [];
  for (const [name, calendar] of Object.entries(spec.calendars ?? {})) out.push({ name, path: ['calendars', name], calendar });
  for (const key of ['sla', 'escalation'] as const) {
    for (const [name, calendar] of Object.entries(spec[key]?.calendars ?? {})) out.push({ name, path: [key, 'calendars', name], calendar });
  }
  for (const key of ['returns', 'warranty', 'compensation'] as const) {
    const calendar = spec[key]?.calendar;
    if (calendar !== undefined && typeof calendar !== 'string') out.push({ name: `${key}.calendar`, path: [key, 'calendar'], calendar });
  }
  return out;
}

/**
 * The business time a calendar's weekly hours give in one week, in wall-clock time: the hours
 * alone (no holidays, overrides or DST) on a UTC copy, measured by the calendar module itself.
 */
function weeklyOpenMs(calendar: CalendarSpec): number {
  if (calendar.alwaysOpen) return MS_PER_WEEK;
  return businessTimeBetween(createCalendar({ timeZone: 'UTC', ...(calendar.hours ? { hours: calendar.hours } : {}) }), MONDAY_MS, MONDAY_MS + MS_PER_WEEK);
}

/** The dates a calendar closes or changes: its holidays and overrides, each with its path. */
function datesOf(calendar: CalendarSpec, path: JsonPath): { date: string; path: JsonPath; kind: 'holiday' | 'override' }[] {
  return [
    ...(calendar.holidays ?? []).map((date, i) => ({ date, path: [...path, 'holidays', i], kind: 'holiday' as const })),
    ...Object.keys(calendar.overrides ?? {}).map((date) => ({ date, path: [...path, 'overrides', date], kind: 'override' as const })),
  ];
}

function lintCalendar(spec: SupportPolicySpec, name: string, path: JsonPath, calendar: CalendarSpec): LintFinding[] {
  const findings: LintFinding[] = [];
  const weekly = weeklyOpenMs(calendar);
  if (weekly < HOUR_MS) {
    const minutes = weekly / 60_000;
    findings.push({ code: 'CALENDAR_NEARLY_CLOSED', path, message: messages.LINT_CALENDAR_NEARLY_CLOSED(name, minutes), facts: { calendar: name, weeklyMinutes: minutes } });
  }
  const { effectiveFrom: from, effectiveTo: to } = spec;
  for (const entry of datesOf(calendar, path)) {
    if ((from !== undefined && entry.date < from) || (to !== undefined && entry.date >= to)) {
      findings.push({
        code: 'HOLIDAY_OUTSIDE_EFFECTIVE_DATES',
        path: entry.path,
        message: messages.LINT_HOLIDAY_OUTSIDE(entry.kind, entry.date, name, from ?? null, to ?? null),
        facts: { calendar: name, date: entry.date, kind: entry.kind, effectiveFrom: from ?? null, effectiveTo: to ?? null },
      });
    }
    if (entry.kind !== 'holiday' || calendar.alwaysOpen) continue;
    // An interval belongs to the date it opens on, so a holiday on a day without hours closes nothing.
    const day = DAY_KEYS[weekdayOf(parseIsoDate(entry.date) as number)] as (typeof DAY_KEYS)[number];
    if ((calendar.hours?.[day] ?? []).length === 0) {
      findings.push({ code: 'HOLIDAY_ON_CLOSED_DAY', path: entry.path, message: messages.LINT_HOLIDAY_ON_CLOSED_DAY(entry.date, day, name), facts: { calendar: name, date: entry.date, weekday: day } });
    }
  }
  return findings;
}

/** The calendar names the sections give. */
function namedCalendars(spec: SupportPolicySpec): Set<string> {
  const names = new Set<string>();
  if (spec.sla) for (const ref of slaCalendarReferences(spec.sla)) names.add(ref.name);
  if (spec.escalation) for (const ref of escalationCalendarReferences(spec.escalation)) names.add(ref.name);
  for (const key of ['returns', 'warranty', 'compensation'] as const) {
    const calendar = spec[key]?.calendar;
    if (typeof calendar === 'string') names.add(calendar);
  }
  return names;
}

/** Every calendar finding of one policy document. */
export function lintCalendars(spec: SupportPolicySpec, prefix: JsonPath): LintFinding[] {
  const findings = calendarsOf(spec).flatMap(({ name, path, calendar }) => lintCalendar(spec, name, path, calendar).map((f) => ({ ...f, path: [...prefix, ...f.path] })));
  const named = namedCalendars(spec);
  const declared: [string, JsonPath][] = [
    ...Object.keys(spec.calendars ?? {}).map((name): [string, JsonPath] => [name, ['calendars', name]]),
    ...(['sla', 'escalation'] as const).flatMap((key) => Object.keys(spec[key]?.calendars ?? {}).map((name): [string, JsonPath] => [name, [key, 'calendars', name]])),
  ];
  for (const [name, path] of declared) {
    if (!named.has(name)) findings.push({ code: 'UNUSED_CALENDAR', path: [...prefix, ...path], message: messages.LINT_UNUSED_CALENDAR(name), facts: { calendar: name } });
  }
  return findings;
}
