/**
 * The whole `SupportPolicy` document: one schema for every section, `definePolicy`, and the JSON
 * Schema for editors; policy histories (the versions of a policy in force by date) and decisions
 * taken with the version in force (`decideInForce`).
 *
 * @module policy
 */
export { SupportPolicySchema, policyJsonSchema } from './schema.js';
export type { SupportPolicySpec } from './schema.js';
export { definePolicy, safeDefinePolicy, SupportPolicyError } from './define.js';
export type { SupportPolicy, SupportPolicyResult } from './define.js';
export { PolicyHistorySchema, policyHistoryJsonSchema } from './history-schema.js';
export type { PolicyHistorySpec } from './history-schema.js';
export { definePolicyHistory, safeDefinePolicyHistory, versionAt, PolicyHistoryError, NoVersionInForceError } from './history.js';
export type { PolicyHistory, PolicyHistoryResult, PolicyVersion } from './history.js';
export { decisionInstant, DECISION_KINDS } from './decision-instant.js';
export type { DecisionKind, DecisionInstant, VersionChosenBy } from './decision-instant.js';
export { decideInForce } from './decide-in-force.js';
export type { DecideInForceOptions, DecisionInForce, DecisionRequests, Decisions, PolicyVersionRef, SlaRequest } from './decide-in-force.js';
export { compareOutcomes, compareOutcomeStream } from './compare.js';
export type { CompareOptions, Comparison, FieldChange, ReplayCaseReport, ReplayEntry, ReplayErrorSample, ReplaySide, ReplaySideOptions, ReplayTotals } from './replay-report.js';
export type { ReplayCase, ReplayError } from './replay-case.js';
export { summarizeOutcome } from './outcome.js';
export type { CompensationOutcomeSummary, EscalationOutcomeSummary, OutcomeSummary, OutcomeValue, ReturnOutcomeSummary, SlaClockSummary, SlaOutcomeSummary, WarrantyOutcomeSummary } from './outcome.js';
export type { MedianDeadline, ReplaySideTotals } from './replay-totals.js';
export { lintPolicy, LINT_CODES } from './lint.js';
export type { LintCode, LintFinding, LintOptions } from './lint.js';
