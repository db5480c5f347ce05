import {
  abandonmentRate,
  answeredWithin,
  averageHandleTime,
  averageSpeedOfAnswer,
  csat,
  deflectionRate,
  escalationRate,
  firstContactResolution,
  nps,
  type ContactRecord,
  type Measure,
} from './measures.js';

/**
 * KPI targets, as a playbook states them: a minimum or a maximum per KPI.
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
  /** Below this many records a KPI is reported as `too-small`, not judged. @defaultValue 1 */
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

/**
 * Measures every KPI that has a target and says whether each is met, with its sample size.
 *
 * @example
 * ```ts
 * kpiReport(records, { firstContactResolutionPercent: { min: 80 }, csatMean: { min: 4.5 }, nps: { min: 40 } });
 * //=> [{ kpi: 'firstContactResolutionPercent', value: 82.5, target: '>= 80', sample: 40, status: 'met' }, …]
 * ```
 * @remarks Since 0.1.0
 */
export function kpiReport(records: readonly ContactRecord[], targets: KpiTargets): KpiLine[] {
  const minSample = targets.minSample ?? 1;
  const line = (kpi: KpiLine['kpi'], measure: Measure, bound: { min?: number; max?: number }): KpiLine => {
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
  const t = targets;
  if (t.firstContactResolutionPercent) lines.push(line('firstContactResolutionPercent', firstContactResolution(records), t.firstContactResolutionPercent));
  if (t.csatMean || t.csatPercentSatisfied) {
    const c = csat(records);
    if (t.csatMean) lines.push(line('csatMean', { value: c.mean, sample: c.sample }, t.csatMean));
    if (t.csatPercentSatisfied) lines.push(line('csatPercentSatisfied', { value: c.percentSatisfied, sample: c.sample }, t.csatPercentSatisfied));
  }
  if (t.nps) {
    const n = nps(records);
    lines.push(line('nps', { value: n.score, sample: n.sample }, t.nps));
  }
  if (t.averageSpeedOfAnswerSeconds) lines.push(line('averageSpeedOfAnswerSeconds', averageSpeedOfAnswer(records), t.averageSpeedOfAnswerSeconds));
  if (t.averageHandleTimeSeconds) lines.push(line('averageHandleTimeSeconds', averageHandleTime(records), t.averageHandleTimeSeconds));
  if (t.abandonmentPercent) lines.push(line('abandonmentPercent', abandonmentRate(records), t.abandonmentPercent));
  if (t.serviceLevel) lines.push(line('serviceLevel', answeredWithin(records, t.serviceLevel.withinSeconds), { min: t.serviceLevel.minPercent }));
  if (t.escalationPercent) lines.push(line('escalationPercent', escalationRate(records), t.escalationPercent));
  if (t.deflectionPercent) lines.push(line('deflectionPercent', deflectionRate(records), t.deflectionPercent));
  return lines;
}
