/**
 * Staffing: Erlang B and C on a stable recursion, agents required for a service level and maximum
 * occupancy with shrinkage, the simple workload formula, and an interval plan on a calendar.
 *
 * @module staffing
 */
export { erlangB, erlangC, erlangCFor, agentsRequired, workloadAgents, trafficOf } from './erlang.js';
export type { Load, ErlangCResult } from './erlang.js';
export { staffingPlan } from './plan.js';
export type { ForecastInterval } from './plan.js';
export { erlangAFor, agentsRequiredErlangA } from './erlang-a.js';
export type { ErlangAResult } from './erlang-a.js';
