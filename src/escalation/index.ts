/**
 * Escalation tiers: which tier a case belongs in, every trigger that fired, the deadlines to reach
 * and acknowledge it, the workflows to open, and when to check again.
 *
 * @module escalation
 */
export { EscalationPolicySchema } from './schema.js';
export type { EscalationPolicySpec } from './schema.js';
export { defineEscalationPolicy, decideEscalation, EscalationPolicyError } from './decide.js';
export type { EscalationPolicy, EscalationCase, EscalationDecision } from './decide.js';
