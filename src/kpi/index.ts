/**
 * KPIs over contact records (FCR, CSAT, NPS, ASA, AHT, abandonment, service level, escalation,
 * deflection, cost per contact, median time to resolution, weighted QA) and a report against a
 * playbook's targets that never turns an empty sample into 0 %. Records and targets are checked
 * at run time: a misspelt field or an out-of-scale value is a typed error naming it.
 *
 * @module kpi
 */
export {
  firstContactResolution,
  csat,
  nps,
  averageSpeedOfAnswer,
  averageHandleTime,
  abandonmentRate,
  answeredWithin,
  escalationRate,
  deflectionRate,
  costPer,
  medianTimeToResolution,
} from './measures.js';
export { qaScore } from './qa-score.js';
export type { ContactRecord, Measure } from './measures.js';
export { kpiReport } from './report.js';
export type { KpiTargets, KpiLine } from './report.js';
