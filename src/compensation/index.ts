/**
 * The compensation matrix: offers for an incident and the approval level they need.
 *
 * @module compensation
 */
export { CompensationPolicySchema, CompensationSectionSchema, CompensationConditionSchema, OfferSchema, COMPENSATION_FACTS } from './schema.js';
export type { CompensationPolicySpec, CompensationCondition, CompensationRule, Offer } from './schema.js';
export { defineCompensationPolicy, decideCompensation } from './decide.js';
export type { CompensationPolicy, CompensationVocabulary, Incident, PricedOffer, CompensationDecision, CompensationApproval } from './decide.js';
export { APPROVAL_LEVELS, OFFER_TYPES, ApprovalStepSchema, ApprovalLadderSchema, ApprovalLadderSpecSchema, CompensationPolicyError } from './ladder.js';
export type { ApprovalLevel, OfferType, ApprovalStep, ApprovalLadderSpec } from './ladder.js';
export { defineApprovalLadder, approvalFor } from './approval.js';
export type { ApprovalLadder, ApprovalRequest, ApprovalDecision } from './approval.js';
