/**
 * KPIs over contact records (FCR, CSAT, NPS, ASA, AHT, abandonment, service level, escalation,
 * deflection, cost per contact, median time to resolution, weighted QA) and a report against a
 * playbook's targets that never turns an empty sample into 0 %.
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
  qaScore,
} from './measures.js';
export type { ContactRecord, Measure } from './measures.js';
export { kpiReport } from './report.js';
export type { KpiTargets, KpiLine } from './report.js';
