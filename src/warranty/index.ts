/**
 * Warranty coverage, claims, extended plans, remedies, deadlines and evidence retention.
 *
 * @module warranty
 */
export { WarrantyPolicySchema, SEGMENTS, REMEDIES, CLAIM_EVIDENCE } from './schema.js';
export type { WarrantyPolicySpec } from './schema.js';
export { defineWarrantyPolicy, checkWarrantyClaim, WarrantyPolicyError } from './claim.js';
export type { WarrantyPolicy, WarrantyClaim, WarrantyDecision, WarrantyOutcome } from './claim.js';
