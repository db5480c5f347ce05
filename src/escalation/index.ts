/**
 * Escalation tiers: which tier a case belongs in, every trigger that fired, the deadlines to reach
 * and acknowledge it, the workflows to open, and when to check again.
 *
 * @module escalation
 */
export { EscalationPolicySchema, EscalationSectionSchema, BreachWindowSchema, escalationCalendarReferences } from './schema.js';
export { EscalationConditionSchema, SlaStatusConditionSchema, ESCALATION_FACTS } from './condition.js';
export { DeadlineSpanSchema, DeadlineWithinSchema } from './span.js';
export type { EscalationPolicySpec } from './schema.js';
export type { EscalationCondition } from './condition.js';
export { defineEscalationPolicy, EscalationPolicyError } from './define.js';
export type { EscalationPolicy, EscalationVocabulary } from './define.js';
export { decideEscalation } from './decide.js';
export type { EscalationDecision } from './decide.js';
export type { EscalationWorkflow } from './workflows.js';
export type { EscalationCase } from './case.js';
