/**
 * The compensation matrix: offers for an incident and the approval level they need.
 *
 * @module compensation
 */
export { CompensationPolicySchema, OfferSchema, APPROVAL_LEVELS } from './schema.js';
export type { CompensationPolicySpec, Offer } from './schema.js';
export { defineCompensationPolicy, decideCompensation, CompensationPolicyError } from './decide.js';
export type { CompensationPolicy, Incident, PricedOffer, CompensationDecision } from './decide.js';
