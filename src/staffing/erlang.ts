// Erlang B and C on the numerically stable recursion B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)),
// so 10,000 agents neither overflow (no factorials, no powers) nor take more than a loop. Inputs
// are checked against the bounds in inputs.ts first, so no loop runs longer than ~1,000,000 steps,
// and the recursion stops as soon as B underflows to 0 (it then stays 0).

import * as messages from '../_lib/messages.js';
import { BOUNDS, MAX_AGENTS, MAX_TRAFFIC, checkNumbers, failFact, objectChecker } from './inputs.js';

/**
 * A queue's load: contacts in an interval and their average handle time.
 *
 * @remarks Since 0.1.0
 */
export interface Load {
  /** Contacts offered in the interval, 0 or more (may be fractional, as forecasts are). */
  readonly contacts: number;
  /** Length of the interval: 0.001 to 1,000,000,000 seconds. */
  readonly intervalSeconds: number;
  /** Average handle time: 0.001 to 1,000,000,000 seconds. */
  readonly ahtSeconds: number;
}

/** A load after checking, with its traffic in Erlangs. */
export interface CheckedLoad extends Load {
  readonly traffic: number;
}

const LOAD_FIELDS = {
  contacts: { bounds: BOUNDS.count, required: true, hint: 'contacts offered in the interval' },
  intervalSeconds: { bounds: BOUNDS.duration, required: true, hint: 'the length of the interval in seconds' },
  ahtSeconds: { bounds: BOUNDS.duration, required: true, hint: 'the average handle time in seconds' },
};
const checkLoadShape = objectChecker('load', 'a load', LOAD_FIELDS);

/** A load checked field by field and for its traffic (at most 100,000 Erlangs, reported at `contacts`). */
export function checkLoad(load: unknown): CheckedLoad {
  const { contacts, intervalSeconds, ahtSeconds } = checkLoadShape(load) as Record<keyof Load, number>;
  return { contacts, intervalSeconds, ahtSeconds, traffic: loadTraffic(contacts, intervalSeconds, ahtSeconds, ['contacts']) };
}

/** Traffic of checked numbers, or INVALID_FACT at `path` above the bound. */
export function loadTraffic(contacts: number, intervalSeconds: number, ahtSeconds: number, path: readonly (string | number)[]): number {
  const traffic = (contacts * ahtSeconds) / intervalSeconds + 0; // + 0: no -0 Erlangs
  if (!(traffic <= MAX_TRAFFIC)) failFact(path, messages.TRAFFIC_TOO_HIGH(traffic, 'contacts × ahtSeconds / intervalSeconds', '100,000'));
  return traffic;
}

const SCALE = 2 ** 600;
const UNSCALE = 2 ** -600;

/**
 * Erlang B of checked inputs. O(agents), and it stops once B underflows to 0, a few thousand
 * agents above the traffic. Below 1e-290, A·B is nothing next to n, so the step is B·A/n; it is
 * taken on B scaled by 2^600, because denormal numbers are slow and the plain recursion would
 * round onto the smallest one and stay there (for 100,000 Erlangs, 88,000 steps of it).
 */
export function blocking(traffic: number, agents: number): number {
  if (traffic === 0) return agents === 0 ? 1 : 0; // also turns -0 into 0
  let b = 1;
  let n = 1;
  for (; n <= agents && b >= 1e-290; n++) b = (traffic * b) / (n + traffic * b);
  if (n > agents) return b;
  let scaled = b * SCALE;
  for (; n <= agents; n++) {
    scaled = (scaled * traffic) / n;
    if (scaled < 2 ** -475) return 0; // below half the smallest denormal once unscaled
  }
  return scaled * UNSCALE;
}

/** Erlang C from Erlang B with the same traffic and agents. */
function waitingFromBlocking(traffic: number, agents: number, b: number): number {
  return agents <= traffic ? 1 : (agents * b) / (agents - traffic * (1 - b));
}

/**
 * Erlang B: the probability that a call is blocked with `agents` servers and `traffic` Erlangs.
 *
 * @param traffic - Offered traffic in Erlangs, 0 to 100,000.
 * @param agents - A whole number of servers, 0 to 1,000,000.
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` (not a finite number, at `traffic` or
 *   `agents`) and `INVALID_FACT` (outside the bounds, which the message states).
 * @example
 * ```ts
 * erlangB(10, 11); //=> 0.1632… (probability of blocking)
 * erlangB(10, 1e10); // throws INVALID_FACT at agents: a whole number between 0 and 1,000,000
 * ```
 * @remarks Since 0.1.0
 */
export function erlangB(traffic: number, agents: number): number {
  checkNumbers([
    [traffic, 'traffic', BOUNDS.traffic],
    [agents, 'agents', BOUNDS.agents],
  ]);
  return blocking(traffic, agents);
}

/**
 * Erlang C: the probability that a call has to wait (1 when the agents cannot keep up).
 *
 * @param traffic - Offered traffic in Erlangs, 0 to 100,000.
 * @param agents - A whole number of agents, 0 to 1,000,000.
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` and `INVALID_FACT`, as {@link erlangB}.
 * @example
 * ```ts
 * erlangC(10, 14); //=> 0.1741… (10 Erlangs, 14 agents)
 * erlangC(10, 9);  //=> 1 (the queue grows without bound)
 * ```
 * @remarks Since 0.1.0
 */
export function erlangC(traffic: number, agents: number): number {
  checkNumbers([
    [traffic, 'traffic', BOUNDS.traffic],
    [agents, 'agents', BOUNDS.agents],
  ]);
  return agents <= traffic ? 1 : waitingFromBlocking(traffic, agents, blocking(traffic, agents));
}

/**
 * Traffic in Erlangs: contacts × AHT / interval.
 *
 * @param load - `{ contacts, intervalSeconds, ahtSeconds }`.
 * @returns Erlangs, at most 100,000.
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` (`load` not an object, or a field not a
 *   finite number), `UNKNOWN_KEY`, `REQUIRED`, and `INVALID_FACT` for a field outside its bounds or
 *   a traffic above 100,000 Erlangs (path `contacts`).
 * @example
 * ```ts
 * trafficOf({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 }); //=> 10
 * ```
 * @remarks Since 0.1.0
 */
export function trafficOf(load: Load): number {
  return checkLoad(load).traffic;
}

/**
 * How `agents` agents serve a load under Erlang C.
 *
 * @remarks Since 0.1.0
 */
export interface ErlangCResult {
  readonly traffic: number;
  readonly agents: number;
  readonly probabilityOfWaiting: number;
  /** Share answered within `targetSeconds` (0 to 1). */
  readonly serviceLevel: number;
  readonly averageSpeedOfAnswerSeconds: number;
  readonly occupancy: number;
  /** False when agents <= traffic: the queue grows without bound. */
  readonly stable: boolean;
}

/** Erlang C figures of checked inputs, given Erlang B for them. */
function figures(traffic: number, ahtSeconds: number, agents: number, targetSeconds: number, b: number): ErlangCResult {
  const stable = agents > traffic;
  const pw = waitingFromBlocking(traffic, agents, b);
  return {
    traffic,
    agents,
    probabilityOfWaiting: pw,
    serviceLevel: stable ? 1 - pw * Math.exp((-(agents - traffic) * targetSeconds) / ahtSeconds) : 0,
    averageSpeedOfAnswerSeconds: stable ? (pw * ahtSeconds) / (agents - traffic) : Number.POSITIVE_INFINITY,
    occupancy: Math.min(1, traffic / agents),
    stable,
  };
}

/**
 * Erlang C figures for a number of agents: probability of waiting, service level within a target
 * answer time, average speed of answer and occupancy.
 *
 * @param load - `{ contacts, intervalSeconds, ahtSeconds }` (see {@link trafficOf}).
 * @param agents - A whole number of agents, 1 to 1,000,000.
 * @param targetSeconds - The service-level answer time, 0 to 1,000,000,000 seconds.
 * @throws {@link InvalidArgumentError} the errors of {@link trafficOf}, and `INVALID_TYPE` /
 *   `INVALID_FACT` at `agents` or `targetSeconds`.
 * @example
 * ```ts
 * const r = erlangCFor({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 }, 14, 20);
 * [r.traffic, r.serviceLevel.toFixed(3)]; //=> [10, '0.888']
 * ```
 * @remarks Since 0.1.0
 */
export function erlangCFor(load: Load, agents: number, targetSeconds: number): ErlangCResult {
  const { traffic, ahtSeconds } = checkLoad(load);
  checkNumbers([
    [agents, 'agents', BOUNDS.agentsOnDuty],
    [targetSeconds, 'targetSeconds', BOUNDS.target],
  ]);
  return figures(traffic, ahtSeconds, agents, targetSeconds, blocking(traffic, agents));
}

/**
 * A service-level target for {@link agentsRequired}.
 *
 * @remarks Since 0.2.0
 */
export interface StaffingTarget {
  /** Share of contacts to answer within `targetSeconds`, 0 to 100 %. */
  readonly serviceLevelPercent: number;
  /** 0 to 1,000,000,000 seconds. */
  readonly targetSeconds: number;
  /** More than 0 and at most 100 %. @defaultValue 100 */
  readonly maxOccupancyPercent?: number;
  /** At least 0 and less than 100 %. @defaultValue 0 */
  readonly shrinkagePercent?: number;
}

export const TARGET_FIELDS = {
  serviceLevelPercent: { bounds: BOUNDS.percent, required: true, hint: 'the share to answer within targetSeconds, 0 to 100' },
  targetSeconds: { bounds: BOUNDS.target, required: true, hint: 'the answer time of the service level, in seconds' },
  maxOccupancyPercent: { bounds: BOUNDS.occupancy },
  shrinkagePercent: { bounds: BOUNDS.shrinkage },
};
const checkTarget = objectChecker('target', 'a staffing target', TARGET_FIELDS);

/** The fewest agents for checked inputs: Erlang B advanced one agent at a time, O(agents) in all. */
export function requiredAgents(traffic: number, ahtSeconds: number, target: StaffingTarget): ErlangCResult & { readonly scheduled: number } {
  const shrinkage = (target.shrinkagePercent ?? 0) / 100;
  const maxOccupancy = (target.maxOccupancyPercent ?? 100) / 100;
  let agents = Math.max(1, Math.floor(traffic) + 1);
  if (maxOccupancy < 1) agents = Math.max(agents, Math.ceil(traffic / maxOccupancy - 1e-12));
  if (!(agents <= MAX_AGENTS)) failFact(['maxOccupancyPercent'], messages.TOO_MANY_AGENTS('maxOccupancyPercent', target.maxOccupancyPercent, '1,000,000'));
  // Service level rises with agents and reaches 1 (to double precision) within a few thousand
  // agents of the traffic, so the bound is never met for traffic up to 100,000 Erlangs.
  let b = blocking(traffic, agents);
  for (; agents <= MAX_AGENTS; agents++, b = (traffic * b) / (agents + traffic * b)) {
    const result = figures(traffic, ahtSeconds, agents, target.targetSeconds, b);
    if (result.serviceLevel * 100 >= target.serviceLevelPercent - 1e-9) return { ...result, scheduled: Math.ceil(agents / (1 - shrinkage) - 1e-9) };
  }
  return failFact(['serviceLevelPercent'], messages.SERVICE_LEVEL_UNREACHABLE('1,000,000'));
}

/**
 * The fewest agents that meet a service level (e.g. 80 % within 20 s) and, if given, a maximum
 * occupancy; then grossed up for shrinkage (breaks, training, meetings).
 *
 * A 100 % target is met once the shortfall is below the 1e-11 rounding tolerance, a few standard
 * deviations above the traffic.
 *
 * @param load - Contacts per interval and AHT (see {@link trafficOf}).
 * @param target - `{ serviceLevelPercent, targetSeconds, maxOccupancyPercent?, shrinkagePercent? }`.
 * @returns The agents on the phones, the agents to schedule, and the Erlang C figures.
 * @throws {@link InvalidArgumentError} the errors of {@link trafficOf}; for `target`:
 *   `INVALID_TYPE`, `UNKNOWN_KEY` (with a suggestion), `REQUIRED` and `INVALID_FACT` (outside the
 *   bounds, or an occupancy cap so low that more than 1,000,000 agents would be needed).
 * @example
 * ```ts
 * agentsRequired({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 },
 *   { serviceLevelPercent: 80, targetSeconds: 20, maxOccupancyPercent: 85, shrinkagePercent: 30 });
 * //=> { agents: 14, scheduled: 20, … }
 * ```
 * @remarks Since 0.1.0
 */
export function agentsRequired(load: Load, target: StaffingTarget): ErlangCResult & { readonly scheduled: number } {
  const { traffic, ahtSeconds } = checkLoad(load);
  return requiredAgents(traffic, ahtSeconds, checkTarget(target) as unknown as StaffingTarget);
}

/**
 * The simple workload formula: contacts per hour × AHT in minutes / (60 × occupancy).
 *
 * @param contactsPerHour - 0 or more; with `ahtMinutes`, at most 100,000 Erlangs of traffic.
 * @param ahtMinutes - More than 0.
 * @param occupancyPercent - More than 0 and at most 100 %.
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` (not a finite number) and `INVALID_FACT`
 *   (outside the bounds; traffic above 100,000 Erlangs at `contactsPerHour`; more than 1,000,000
 *   agents at `occupancyPercent`).
 * @example
 * ```ts
 * workloadAgents(300, 6, 80);  //=> 37.5 (Tru Fit's "~38 agents")
 * workloadAgents(300, 6, 150); // throws INVALID_FACT at occupancyPercent: more than 0 and at most 100 %
 * ```
 * @remarks Since 0.1.0
 */
export function workloadAgents(contactsPerHour: number, ahtMinutes: number, occupancyPercent: number): number {
  checkNumbers([
    [contactsPerHour, 'contactsPerHour', BOUNDS.count],
    [ahtMinutes, 'ahtMinutes', BOUNDS.positive],
    [occupancyPercent, 'occupancyPercent', BOUNDS.occupancy],
  ]);
  const traffic = (contactsPerHour * ahtMinutes) / 60;
  if (!(traffic <= MAX_TRAFFIC)) failFact(['contactsPerHour'], messages.TRAFFIC_TOO_HIGH(traffic, 'contactsPerHour × ahtMinutes / 60', '100,000'));
  const agents = (contactsPerHour * ahtMinutes) / (60 * (occupancyPercent / 100));
  if (!(agents <= MAX_AGENTS)) failFact(['occupancyPercent'], messages.TOO_MANY_AGENTS('occupancyPercent', occupancyPercent, '1,000,000'));
  return agents;
}
