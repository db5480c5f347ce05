/**
 * The whole `SupportPolicy` document: one schema for every section, `definePolicy`, and the JSON
 * Schema for editors.
 *
 * @module policy
 */
export { SupportPolicySchema, policyJsonSchema } from './schema.js';
export type { SupportPolicySpec } from './schema.js';
export { definePolicy, safeDefinePolicy, SupportPolicyError } from './define.js';
export type { SupportPolicy, SupportPolicyResult } from './define.js';
