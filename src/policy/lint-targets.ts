// A target that can fall due after the later target it precedes: a ticket acknowledged after it
// is resolved, or a first response due after the resolution. Targets of one SLA rule that can
// apply to the same ticket are compared, both counted from the ticket's creation (a custom
// metric's `startOn: metricStarted` starts later, so it is not compared):
//
//   - on one calendar in one unit, by their size (2 business days against 1; 90 minutes against 1 hour);
//   - otherwise (two calendars, or hours against business days), by their deadlines from the same
//     creation instant, without pauses, every 30 minutes over two weeks (from the policy's
//     effectiveFrom, else from Monday 2026-01-05): hours count on the calendar, business days are
//     dates with open hours counted from the next opening, calendar days are days in its zone,
//     as the SLA clocks count them.

import * as messages from '../_lib/messages.js';
import { spanText } from '../_lib/messages.js';
import { MS_PER_DAY, parseIsoDate, weekdayOf } from '../_lib/civil.js';
import { addBusinessDays, addBusinessTime, createCalendar, formatLocal, type Calendar, type CalendarSpec } from '../calendar/index.js';
import { SupportRulesError, type JsonPath } from '../errors/index.js';
import { withinMs, type SlaTarget } from '../sla/index.js';
import type { SupportPolicy } from './define.js';
import { intersect, isEmpty, regionOf } from './lint-regions.js';
import { slaRegionInputs } from './lint-sections.js';
import type { LintFinding } from './lint.js';

/** Pairs of metrics where the first is a step before the second. */
const ORDER: readonly (readonly [string, string])[] = [
  ['acknowledgement', 'firstResponse'],
  ['acknowledgement', 'resolution'],
  ['firstResponse', 'resolution'],
];

const METRIC_WORDS: Readonly<Record<string, string>> = { acknowledgement: 'acknowledgement', firstResponse: 'first response', resolution: 'resolution' };

const SAMPLE_STEP_MS = 30 * 60_000;
const SAMPLE_SPAN_MS = 14 * MS_PER_DAY;
const DEFAULT_SAMPLE_START = '2026-01-05';

type Within = SlaTarget['within'];

/** A target's deadline from `start` on its calendar, as an SLA clock without pauses counts it. */
function deadline(calendar: Calendar, days: Calendar, within: Within, start: number): number {
  const ms = withinMs(within);
  if (ms !== undefined) return addBusinessTime(calendar, start, ms).getTime();
  if (within.days !== undefined) return addBusinessDays(days, start, within.days).getTime();
  return addBusinessDays(calendar, start, within.businessDays as number, { from: 'next-opening' }).getTime();
}

/** The one unit a span is counted in, and how many. */
function sizeOf(within: Within): { unit: 'ms' | 'businessDays' | 'days'; size: number } {
  const ms = withinMs(within);
  if (ms !== undefined) return { unit: 'ms', size: ms };
  return within.days !== undefined ? { unit: 'days', size: within.days } : { unit: 'businessDays', size: within.businessDays as number };
}

/** The first sampled creation instant at which `early` falls due after `late`, if any. */
function laterSomewhere(
  early: { spec: CalendarSpec; within: Within },
  late: { spec: CalendarSpec; within: Within },
  from: number,
): { at: number; early: number; late: number; count: number; of: number } | undefined {
  const [a, b] = [createCalendar(early.spec), createCalendar(late.spec)];
  const [aDays, bDays] = [early.spec, late.spec].map((spec) => createCalendar({ timeZone: spec.timeZone, alwaysOpen: true })) as [Calendar, Calendar];
  let first: { at: number; early: number; late: number } | undefined;
  let count = 0;
  let of = 0;
  for (let at = from; at < from + SAMPLE_SPAN_MS; at += SAMPLE_STEP_MS) {
    of++;
    const [x, y] = [deadline(a, aDays, early.within, at), deadline(b, bDays, late.within, at)];
    if (x > y) {
      count++;
      first ??= { at, early: x, late: y };
    }
  }
  return first && { ...first, count, of };
}

/**
 * The comparison, or nothing when a deadline would leave the instants the calendar module counts
 * in (a policy in force from 2199 with a ten-year target): the lint never throws on a valid policy.
 */
function sampled<T>(compare: () => T): T | undefined {
  try {
    return compare();
  } catch (error) {
    if (error instanceof SupportRulesError) return undefined;
    throw error;
  }
}

/** Every finding about targets that fall due after the later targets they precede. */
export function lintTargets(policy: SupportPolicy, prefix: JsonPath): LintFinding[] {
  const sla = policy.sla;
  const inputs = slaRegionInputs(policy);
  if (!sla || !inputs) return [];
  const calendars = sla.spec.calendars as Readonly<Record<string, CalendarSpec>>;
  const day = parseIsoDate(policy.spec.effectiveFrom ?? DEFAULT_SAMPLE_START) as number;
  // The first Monday in force, so the two weeks sampled are whole weeks.
  const start = (day + ((7 - weekdayOf(day)) % 7)) * MS_PER_DAY;
  const findings: LintFinding[] = [];
  sla.spec.rules.forEach((rule, r) => {
    const ruleTests = inputs.condition(rule.when).tests;
    const region = (target: SlaTarget) => regionOf({ tests: [...ruleTests, ...inputs.condition(target.when).tests] }, inputs.domains);
    for (const [earlyMetric, lateMetric] of ORDER) {
      rule.targets.forEach((early, e) => {
        const earlyCalendar = early.calendar;
        if (early.metric !== earlyMetric || typeof earlyCalendar !== 'string') return;
        rule.targets.forEach((late) => {
          const lateCalendar = late.calendar;
          if (late.metric !== lateMetric || typeof lateCalendar !== 'string') return;
          const met = intersect(region(early), region(late), inputs.domains);
          if (met.exact && isEmpty(met.value)) return;
          const [x, y] = [sizeOf(early.within), sizeOf(late.within)];
          const base = { target: early.id, later: late.id, metric: early.metric, laterMetric: late.metric, within: early.within, laterWithin: late.within, calendar: earlyCalendar, laterCalendar: lateCalendar };
          const words = [METRIC_WORDS[earlyMetric] as string, spanText(early.within), earlyCalendar, METRIC_WORDS[lateMetric] as string, spanText(late.within), lateCalendar] as const;
          const path = [...prefix, 'sla', 'rules', r, 'targets', e, 'within'];
          if (earlyCalendar === lateCalendar && x.unit === y.unit) {
            if (x.size > y.size) findings.push({ code: 'TARGET_EXCEEDS_LATER_TARGET', path, message: messages.LINT_TARGET_LONGER(...words), facts: { ...base, always: true } });
            return;
          }
          const [a, b] = [calendars[earlyCalendar], calendars[lateCalendar]];
          if (!a || !b) return;
          const found = sampled(() => laterSomewhere({ spec: a, within: early.within }, { spec: b, within: late.within }, start));
          if (!found) return;
          const example = { createdAt: formatLocal(found.at, a.timeZone), due: formatLocal(found.early, a.timeZone), laterDue: formatLocal(found.late, b.timeZone) };
          findings.push({
            code: 'TARGET_EXCEEDS_LATER_TARGET',
            path,
            message: messages.LINT_TARGET_LATER_SOMETIMES(...words, example.createdAt, example.due, example.laterDue, found.count, found.of),
            facts: { ...base, always: found.count === found.of, sampled: found.of, dueAfterIn: found.count, example },
          });
        });
      });
    }
  });
  return findings;
}
