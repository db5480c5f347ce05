import { compileRequest, isRecord, notAnObject, numberIssue, throwIssues, type Field, type NumberBounds } from '../_lib/request.js';
import type { Issue } from '../errors/index.js';
import {
  abandonmentRateOf,
  answeredWithinOf,
  averageHandleTimeOf,
  averageSpeedOfAnswerOf,
  csatOf,
  deflectionRateOf,
  escalationRateOf,
  firstContactResolutionOf,
  npsOf,
  type Measure,
} from './measures.js';
import { RANGES, checkRecords, type ContactRecord } from './records.js';

/**
 * KPI targets, as a playbook states them: a minimum or a maximum per KPI. Checked at run time:
 * another key is `UNKNOWN_KEY` (with the closest real one), and each bound must lie on its KPI's
 * scale (percentages 0–100, CSAT 1–5, NPS −100–100, seconds 0–1,000,000,000).
 *
 * @remarks Since 0.1.0
 */
export interface KpiTargets {
  readonly firstContactResolutionPercent?: { readonly min: number };
  readonly csatMean?: { readonly min: number };
  readonly csatPercentSatisfied?: { readonly min: number };
  readonly nps?: { readonly min: number };
  readonly averageSpeedOfAnswerSeconds?: { readonly max: number };
  readonly averageHandleTimeSeconds?: { readonly max: number };
  readonly abandonmentPercent?: { readonly max: number };
  readonly serviceLevel?: { readonly minPercent: number; readonly withinSeconds: number };
  readonly escalationPercent?: { readonly max: number };
  readonly deflectionPercent?: { readonly min: number };
  /** Below this many records a KPI is reported as `too-small`, not judged: a whole number, 1 or more. @defaultValue 1 */
  readonly minSample?: number;
}

/**
 * One KPI against its target.
 *
 * @remarks Since 0.1.0
 */
export interface KpiLine {
  readonly kpi: keyof Omit<KpiTargets, 'minSample'>;
  readonly value: number | null;
  readonly target: string;
  readonly sample: number;
  /** `no-data` for an empty sample and `too-small` under `minSample`: never judged as 0 %. */
  readonly status: 'met' | 'missed' | 'no-data' | 'too-small';
}

type Kpi = KpiLine['kpi'];
type Side = 'min' | 'max';

// Each KPI's bound, and the scale its value lies on.
const BOUNDS: Readonly<Record<Exclude<Kpi, 'serviceLevel'>, readonly [Side, NumberBounds]>> = {
  firstContactResolutionPercent: ['min', RANGES.percent],
  csatMean: ['min', RANGES.csat],
  csatPercentSatisfied: ['min', RANGES.percent],
  nps: ['min', RANGES.npsScore],
  averageSpeedOfAnswerSeconds: ['max', RANGES.seconds],
  averageHandleTimeSeconds: ['max', RANGES.seconds],
  abandonmentPercent: ['max', RANGES.percent],
  escalationPercent: ['max', RANGES.percent],
  deflectionPercent: ['min', RANGES.percent],
};

const boundField = (side: Side): Field => ({
  type: 'object',
  what: side === 'min' ? 'a minimum target ({ min })' : 'a maximum target ({ max })',
  fields: { [side]: { type: 'number', required: true, hint: side === 'min' ? 'the lowest value that meets the target' : 'the highest value that meets the target' } },
});

const checkShape = compileRequest(
  'KPI targets',
  {
    ...Object.fromEntries(Object.entries(BOUNDS).map(([kpi, [side]]) => [kpi, boundField(side)])),
    serviceLevel: {
      type: 'object',
      what: 'a service-level target ({ minPercent, withinSeconds })',
      fields: { minPercent: { type: 'number', required: true, hint: 'the share to answer in time, 0 to 100' }, withinSeconds: { type: 'number', required: true, hint: 'the answer time in seconds' } },
    },
    minSample: { type: 'number' },
  },
  { vocabularies: {} },
);

function checkTargets(targets: unknown): KpiTargets {
  if (!isRecord(targets)) notAnObject('targets', 'KPI targets', targets);
  const t = checkShape(targets) as Record<string, Record<string, number> | number | undefined>;
  const issues: Issue[] = [];
  const check = (value: unknown, path: (string | number)[], range: NumberBounds) => {
    const issue = numberIssue(value, path, range);
    if (issue) issues.push(issue);
  };
  for (const [kpi, [side, range]] of Object.entries(BOUNDS)) {
    const bound = t[kpi];
    if (typeof bound === 'object') check(bound[side], [kpi, side], range);
  }
  const sl = t.serviceLevel;
  if (typeof sl === 'object') {
    check(sl.minPercent, ['serviceLevel', 'minPercent'], RANGES.percent);
    check(sl.withinSeconds, ['serviceLevel', 'withinSeconds'], RANGES.seconds);
  }
  if (t.minSample !== undefined) check(t.minSample, ['minSample'], RANGES.sample);
  throwIssues(issues);
  return t as KpiTargets;
}

/**
 * Measures every KPI that has a target and says whether each is met, with its sample size.
 *
 * @param records - Contact records (see `ContactRecord`).
 * @param targets - A `{ min }` or `{ max }` per KPI (`serviceLevel: { minPercent, withinSeconds }`) and `minSample`.
 * @throws {@link InvalidArgumentError} the records' errors (see `firstContactResolution`); for
 *   `targets`: `INVALID_TYPE` (not an object, a bound not an object or not a finite number),
 *   `UNKNOWN_KEY` (a KPI or bound key that does not exist, with the closest one), `REQUIRED` (a
 *   bound object without its `min` / `max`) and `INVALID_FACT` (a bound off its KPI's scale, a
 *   `minSample` that is not a whole number 1 or more), at paths such as `['csatMean', 'min']`.
 * @example
 * ```ts
 * kpiReport(records, { firstContactResolutionPercent: { min: 80 }, csatMean: { min: 4.5 }, nps: { min: 40 } });
 * //=> [{ kpi: 'firstContactResolutionPercent', value: 82.5, target: '>= 80', sample: 40, status: 'met' }, …]
 * kpiReport(records, { csat: { min: 4.5 } }); // throws UNKNOWN_KEY at ['csat']: did you mean "csatMean"?
 * ```
 * @remarks Since 0.1.0
 */
export function kpiReport(records: readonly ContactRecord[], targets: KpiTargets): KpiLine[] {
  const t = checkTargets(targets);
  const checked = checkRecords(records);
  const minSample = t.minSample ?? 1;
  const line = (kpi: Kpi, measure: Measure, bound: { readonly min?: number; readonly max?: number }): KpiLine => {
    const target = bound.min !== undefined ? `>= ${bound.min}` : `<= ${bound.max}`;
    const status: KpiLine['status'] =
      measure.sample === 0 || measure.value === null
        ? 'no-data'
        : measure.sample < minSample
          ? 'too-small'
          : (bound.min !== undefined ? measure.value >= bound.min : measure.value <= (bound.max as number))
            ? 'met'
            : 'missed';
    return { kpi, value: measure.value, target, sample: measure.sample, status };
  };
  const lines: KpiLine[] = [];
  if (t.firstContactResolutionPercent) lines.push(line('firstContactResolutionPercent', firstContactResolutionOf(checked), t.firstContactResolutionPercent));
  if (t.csatMean || t.csatPercentSatisfied) {
    const c = csatOf(checked);
    if (t.csatMean) lines.push(line('csatMean', { value: c.mean, sample: c.sample }, t.csatMean));
    if (t.csatPercentSatisfied) lines.push(line('csatPercentSatisfied', { value: c.percentSatisfied, sample: c.sample }, t.csatPercentSatisfied));
  }
  if (t.nps) {
    const n = npsOf(checked);
    lines.push(line('nps', { value: n.score, sample: n.sample }, t.nps));
  }
  if (t.averageSpeedOfAnswerSeconds) lines.push(line('averageSpeedOfAnswerSeconds', averageSpeedOfAnswerOf(checked), t.averageSpeedOfAnswerSeconds));
  if (t.averageHandleTimeSeconds) lines.push(line('averageHandleTimeSeconds', averageHandleTimeOf(checked), t.averageHandleTimeSeconds));
  if (t.abandonmentPercent) lines.push(line('abandonmentPercent', abandonmentRateOf(checked), t.abandonmentPercent));
  if (t.serviceLevel) lines.push(line('serviceLevel', answeredWithinOf(checked, t.serviceLevel.withinSeconds), { min: t.serviceLevel.minPercent }));
  if (t.escalationPercent) lines.push(line('escalationPercent', escalationRateOf(checked), t.escalationPercent));
  if (t.deflectionPercent) lines.push(line('deflectionPercent', deflectionRateOf(checked), t.deflectionPercent));
  return lines;
}
