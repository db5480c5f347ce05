/**
 * The compensation matrix: offers for an incident and the approval level they need.
 *
 * @module compensation
 */
export { CompensationPolicySchema, CompensationConditionSchema, OfferSchema, APPROVAL_LEVELS, COMPENSATION_FACTS } from './schema.js';
export type { CompensationPolicySpec, CompensationCondition, CompensationRule, Offer } from './schema.js';
export { defineCompensationPolicy, decideCompensation, CompensationPolicyError } from './decide.js';
export type { CompensationPolicy, CompensationVocabulary, Incident, PricedOffer, CompensationDecision } from './decide.js';
