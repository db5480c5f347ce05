// Erlang B and C on the numerically stable recursion B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)),
// so 10,000 agents neither overflow (no factorials, no powers) nor take more than a loop.

import { InvalidArgumentError } from '../errors/index.js';

function check(value: number, name: string, positive = true): void {
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: [name], message: `"${name}" must be a finite number ${positive ? 'above 0' : '0 or more'}.` }]);
  }
}

/**
 * Erlang B: the probability that a call is blocked with `agents` servers and `traffic` Erlangs.
 *
 * @example
 * ```ts
 * erlangB(10, 11); //=> 0.1632… (probability of blocking)
 * ```
 * @remarks Since 0.1.0
 */
export function erlangB(traffic: number, agents: number): number {
  check(traffic, 'traffic', false);
  if (!Number.isSafeInteger(agents) || agents < 0) check(Number.NaN, 'agents');
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/**
 * Erlang C: the probability that a call has to wait (1 when the agents cannot keep up).
 *
 * @example
 * ```ts
 * erlangC(10, 14); //=> 0.1741… (10 Erlangs, 14 agents)
 * ```
 * @remarks Since 0.1.0
 */
export function erlangC(traffic: number, agents: number): number {
  if (agents <= traffic) return 1;
  const b = erlangB(traffic, agents);
  return (agents * b) / (agents - traffic * (1 - b));
}

/**
 * A queue's load: contacts in an interval and their average handle time.
 *
 * @remarks Since 0.1.0
 */
export interface Load {
  readonly contacts: number;
  readonly intervalSeconds: number;
  readonly ahtSeconds: number;
}

/** Traffic in Erlangs: contacts × AHT / interval. */
export function trafficOf(load: Load): number {
  check(load.contacts, 'contacts', false);
  check(load.intervalSeconds, 'intervalSeconds');
  check(load.ahtSeconds, 'ahtSeconds');
  return (load.contacts * load.ahtSeconds) / load.intervalSeconds;
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

/**
 * Erlang C figures for a number of agents: probability of waiting, service level within a target
 * answer time, average speed of answer and occupancy.
 *
 * @example
 * ```ts
 * const r = erlangCFor({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 }, 14, 20);
 * [r.traffic, r.serviceLevel.toFixed(3)]; //=> [10, '0.888']
 * ```
 * @remarks Since 0.1.0
 */
export function erlangCFor(load: Load, agents: number, targetSeconds: number): ErlangCResult {
  const traffic = trafficOf(load);
  check(targetSeconds, 'targetSeconds', false);
  const stable = agents > traffic;
  const pw = erlangC(traffic, agents);
  return {
    traffic,
    agents,
    probabilityOfWaiting: pw,
    serviceLevel: stable ? 1 - pw * Math.exp((-(agents - traffic) * targetSeconds) / load.ahtSeconds) : 0,
    averageSpeedOfAnswerSeconds: stable ? (pw * load.ahtSeconds) / (agents - traffic) : Number.POSITIVE_INFINITY,
    occupancy: Math.min(1, traffic / agents),
    stable,
  };
}

/**
 * The fewest agents that meet a service level (e.g. 80 % within 20 s) and, if given, a maximum
 * occupancy; then grossed up for shrinkage (breaks, training, meetings).
 *
 * @param load - Contacts per interval and AHT.
 * @param target - `{ serviceLevelPercent, targetSeconds, maxOccupancyPercent?, shrinkagePercent? }`.
 * @returns The agents on the phones, the agents to schedule, and the Erlang C figures.
 * @example
 * ```ts
 * agentsRequired({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 },
 *   { serviceLevelPercent: 80, targetSeconds: 20, maxOccupancyPercent: 85, shrinkagePercent: 30 });
 * //=> { agents: 14, scheduled: 20, … }
 * ```
 * @remarks Since 0.1.0
 */
export function agentsRequired(
  load: Load,
  target: { readonly serviceLevelPercent: number; readonly targetSeconds: number; readonly maxOccupancyPercent?: number; readonly shrinkagePercent?: number },
): ErlangCResult & { readonly scheduled: number } {
  const traffic = trafficOf(load);
  const shrinkage = (target.shrinkagePercent ?? 0) / 100;
  if (!(shrinkage >= 0 && shrinkage < 1)) check(Number.NaN, 'shrinkagePercent');
  let agents = Math.max(1, Math.floor(traffic) + 1);
  const maxOccupancy = (target.maxOccupancyPercent ?? 100) / 100;
  if (maxOccupancy < 1) agents = Math.max(agents, Math.ceil(traffic / maxOccupancy - 1e-12));
  // Service level rises with agents, so stepping up from the stable minimum ends quickly; the
  // bound only guards against a target of 100 %.
  for (let guard = 0; guard < 100_000; guard++, agents++) {
    const result = erlangCFor(load, agents, target.targetSeconds);
    if (result.serviceLevel * 100 >= target.serviceLevelPercent - 1e-9) return { ...result, scheduled: Math.ceil(agents / (1 - shrinkage) - 1e-9) };
  }
  throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['serviceLevelPercent'], message: 'The service level cannot be reached; is it 100 %?' }]);
}

/**
 * The simple workload formula: contacts per hour × AHT in minutes / (60 × occupancy).
 *
 * @example
 * ```ts
 * workloadAgents(300, 6, 80); //=> 37.5 (Tru Fit's "~38 agents")
 * ```
 * @remarks Since 0.1.0
 */
export function workloadAgents(contactsPerHour: number, ahtMinutes: number, occupancyPercent: number): number {
  check(contactsPerHour, 'contactsPerHour', false);
  check(ahtMinutes, 'ahtMinutes');
  check(occupancyPercent, 'occupancyPercent');
  return (contactsPerHour * ahtMinutes) / (60 * (occupancyPercent / 100));
}
