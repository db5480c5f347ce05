/**
 * Escalation tiers: which tier a case belongs in, every trigger that fired, the deadlines to reach
 * and acknowledge it, the workflows to open, and when to check again.
 *
 * @module escalation
 */
export { EscalationPolicySchema, EscalationConditionSchema, SlaStatusConditionSchema, BreachWindowSchema, ESCALATION_FACTS } from './schema.js';
export { DeadlineSpanSchema, DeadlineWithinSchema } from './span.js';
export type { EscalationPolicySpec, EscalationCondition } from './schema.js';
export { defineEscalationPolicy, decideEscalation, EscalationPolicyError } from './decide.js';
export type { EscalationPolicy, EscalationVocabulary, EscalationDecision } from './decide.js';
export type { EscalationWorkflow } from './workflows.js';
export type { EscalationCase } from './case.js';
