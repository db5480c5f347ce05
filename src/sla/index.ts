/**
 * SLA engine: targets per metric, priority and channel on business-hours calendars; which rule
 * applies to a ticket; clocks with pauses, cycles and status; periodic updates; back-office
 * deadlines.
 *
 * @module sla
 */
export {
  SlaPolicySchema,
  SlaSectionSchema,
  slaCalendarReferences,
  WithinSchema,
  ConditionSchema,
  TargetSchema,
  SlaRuleSchema,
  BUILT_IN_METRICS,
  MAX_SPAN_DAYS,
  withinKinds,
  withinMs,
} from './schema.js';
export { SLA_FACTS } from './condition.js';
export { DEFAULT_ACTIVE_STATUSES, DEFAULT_PAUSED_STATUSES, DEFAULT_RESOLVED_STATUSES } from './statuses.js';
export type { SlaPolicySpec, SlaRule, SlaTarget, SlaCondition as Condition, Within } from './schema.js';
export { defineSlaPolicy, SlaPolicyError } from './policy.js';
export type { SlaPolicy } from './policy.js';
export type { SlaVocabulary } from './request.js';
export type { Ticket, TicketEvent, EventTime, TicketChanges, ChangeableAttribute } from './ticket.js';
export type { Reason } from '../_lib/reason.js';
export { CLOCK_STATUSES } from './clock.js';
export type { SlaClock, ClockStatus } from './clock.js';
export { selectSlaRule, evaluateSla } from './evaluate.js';
export type { SlaRuleDecision, SlaReport } from './evaluate.js';
export { evaluateSlaBatch } from './batch.js';
export type { SlaBatchResult, SlaBatchError, SlaBatchOptions } from './batch.js';
export { timeInStatus, type TimeInStatusOptions, type TicketTime, type StatusTime, type GroupTime, type AssigneeTime } from './time-in.js';
export { backOfficeClock } from './back-office.js';
export type { BackOfficeTask } from './back-office.js';
export { serviceLevel, breachesByGroup, medianClockTime, slaStatusByMetric } from './aggregate.js';
export type { ServiceLevel, GroupBreaches, BreachWindow, BreachesByGroupOptions } from './aggregate.js';
