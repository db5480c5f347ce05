/**
 * Staffing: Erlang B and C on a stable recursion, agents required for a service level and maximum
 * occupancy with shrinkage, the simple workload formula, an interval plan on a calendar, and
 * Erlang A for callers who abandon. Inputs are bounded (traffic at most 100,000 Erlangs, agents at
 * most 1,000,000) so every function answers, or throws a typed error, in milliseconds.
 *
 * @module staffing
 */
export { erlangB, erlangC, erlangCFor, agentsRequired, workloadAgents, trafficOf } from './erlang.js';
export type { Load, ErlangCResult, StaffingTarget } from './erlang.js';
export { staffingPlan } from './plan.js';
export type { ForecastInterval, StaffingPlanOptions } from './plan.js';
export { erlangAFor, agentsRequiredErlangA } from './erlang-a.js';
export type { ErlangAResult, ErlangATarget } from './erlang-a.js';
