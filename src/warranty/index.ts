/**
 * Warranty coverage, claims, extended plans, remedies, deadlines and evidence retention.
 *
 * @module warranty
 */
export { WarrantyPolicySchema, WarrantySectionSchema, SEGMENTS, REMEDIES, CLAIM_EVIDENCE } from './schema.js';
export type { WarrantyPolicySpec } from './schema.js';
export { defineWarrantyPolicy, WarrantyPolicyError } from './define.js';
export type { WarrantyPolicy, WarrantyVocabulary } from './define.js';
export { checkWarrantyClaim } from './claim.js';
export type { WarrantyClaim, WarrantyDecision, WarrantyOutcome, WarrantyCoverage, WarrantyAwaiting, WarrantySpan } from './decision.js';
export type { WarrantyDecisionBase, WarrantyNoDeadlines } from './decision.js';
export type { WarrantyLegalSummary } from './law.js';
