/**
 * The law's floor: consumer-law baselines (EU, UK, and member-state options such as Spain's) as
 * data, each with its citation and effective dates, and the look-up that says which apply to a
 * customer. `checkReturn`, `checkOrderReturn` and `checkWarrantyClaim` apply them when a request
 * names the customer's jurisdiction. Not legal advice: see docs/law.md.
 *
 * @module law
 */
export { LEGAL_RULES, EU_MEMBER_STATES, ISO_3166_1 } from './data.js';
export type { LegalRule, LegalCitation, LegalParameters, LegalPoint } from './data.js';
export { JURISDICTIONS, baselineFor, formatCitation, legalRule, parseJurisdiction } from './baseline.js';
export type { AppliedLegalRule, LegalBaseline } from './baseline.js';
export { CUSTOMER_SEGMENTS } from './customer.js';
export type { Customer } from './customer.js';
