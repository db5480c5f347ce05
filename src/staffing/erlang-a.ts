// Erlang A (M/M/n+M): callers who have not been answered abandon after an exponential patience.
// The number in the system is a birth-death chain; its stationary distribution is summed in logs
// (no overflow at 10,000 agents) and truncated once the tail is negligible. The service level is
// P(no wait) + P(wait) × P(answered within T | wait), where the second term follows a waiting
// caller's position in the queue through time (those ahead leave by service or abandonment, the
// caller by service or by its own patience running out).

import { InvalidArgumentError } from '../errors/index.js';
import { trafficOf, type Load } from './erlang.js';

/**
 * Erlang A figures for a number of agents.
 *
 * @remarks Since 0.1.0
 */
export interface ErlangAResult {
  readonly traffic: number;
  readonly agents: number;
  readonly probabilityOfWaiting: number;
  readonly probabilityOfAbandoning: number;
  /** Share of all offered calls answered within the target (0 to 1). */
  readonly serviceLevel: number;
  /** Mean wait of all callers, including those who abandon. */
  readonly averageWaitSeconds: number;
  /** Busy agents / agents. */
  readonly occupancy: number;
}

/**
 * Erlang A: like {@link erlangCFor}, for callers with an average patience before they hang up.
 *
 * @param load - Contacts per interval and AHT.
 * @param agents - Agents on the phones.
 * @param targetSeconds - The service-level answer time.
 * @param patienceSeconds - Mean time a caller waits before abandoning.
 * @example
 * ```ts
 * const a = erlangAFor({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 }, 12, 20, 120);
 * a.serviceLevel > erlangCFor({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 }, 12, 20).serviceLevel; //=> true
 * ```
 * @remarks Since 0.1.0
 */
export function erlangAFor(load: Load, agents: number, targetSeconds: number, patienceSeconds: number): ErlangAResult {
  const traffic = trafficOf(load);
  if (!Number.isSafeInteger(agents) || agents < 1 || !(patienceSeconds > 0) || !Number.isFinite(patienceSeconds) || !(targetSeconds >= 0)) {
    throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['agents'], message: 'Erlang A needs at least one agent, a positive finite patience and a target of 0 or more seconds.' }]);
  }
  const lambda = load.contacts / load.intervalSeconds;
  const mu = 1 / load.ahtSeconds;
  const theta = 1 / patienceSeconds;
  const death = (k: number) => Math.min(k, agents) * mu + Math.max(0, k - agents) * theta;
  // log p_k, up to where the tail no longer matters.
  const logs = [0];
  let maxLog = 0;
  for (let k = 1; ; k++) {
    const next = (logs[k - 1] as number) + Math.log(lambda) - Math.log(death(k));
    logs.push(next);
    maxLog = Math.max(maxLog, next);
    if (k > agents && next < maxLog - 50) break;
    if (k > agents + 1_000_000) break;
  }
  const weights = logs.map((l) => Math.exp(l - maxLog));
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  let pWait = 0;
  let queue = 0;
  let busy = 0;
  for (let k = 0; k < p.length; k++) {
    const pk = p[k] as number;
    if (k >= agents) pWait += pk;
    if (k > agents) queue += (k - agents) * pk;
    busy += Math.min(k, agents) * pk;
  }
  // A waiting caller at position m (m callers ahead) moves up at rate agents·mu + m·theta and
  // gives up at rate theta. Follow the waiting callers' positions over [0, T] and count those
  // who reach an agent.
  const positions = p.length - agents; // m = 0 .. positions - 1
  let f = Array.from({ length: positions }, (_, m) => (pWait > 0 ? (p[agents + m] as number) / pWait : 0));
  const rate = (m: number) => agents * mu + m * theta;
  const maxRate = rate(positions) + theta;
  const steps = Math.max(1, Math.ceil(targetSeconds * maxRate * 4));
  const dt = targetSeconds / steps;
  let answered = 0;
  const derivative = (state: number[]) => {
    const d = new Array<number>(positions);
    for (let m = 0; m < positions; m++) d[m] = -(rate(m) + theta) * (state[m] as number) + (m + 1 < positions ? rate(m + 1) * (state[m + 1] as number) : 0);
    return d;
  };
  for (let s = 0; s < steps && targetSeconds > 0; s++) {
    // Classic RK4 on the linear system; the answered flux is rate(0)·f_0.
    const k1 = derivative(f);
    const k2 = derivative(f.map((v, m) => v + (dt / 2) * (k1[m] as number)));
    const k3 = derivative(f.map((v, m) => v + (dt / 2) * (k2[m] as number)));
    const k4 = derivative(f.map((v, m) => v + dt * (k3[m] as number)));
    const f0 = [f[0] as number, (f[0] as number) + (dt / 2) * (k1[0] as number), (f[0] as number) + (dt / 2) * (k2[0] as number), (f[0] as number) + dt * (k3[0] as number)];
    answered += (rate(0) * dt * ((f0[0] as number) + 2 * (f0[1] as number) + 2 * (f0[2] as number) + (f0[3] as number))) / 6;
    f = f.map((v, m) => v + (dt / 6) * ((k1[m] as number) + 2 * (k2[m] as number) + 2 * (k3[m] as number) + (k4[m] as number)));
  }
  return {
    traffic,
    agents,
    probabilityOfWaiting: pWait,
    probabilityOfAbandoning: (theta * queue) / lambda,
    serviceLevel: 1 - pWait + pWait * Math.min(1, answered),
    averageWaitSeconds: queue / lambda,
    occupancy: busy / agents,
  };
}

/**
 * The fewest agents meeting a service level under Erlang A (callers abandon after `patienceSeconds`
 * on average), optionally with a maximum abandonment rate.
 *
 * @example
 * ```ts
 * agentsRequiredErlangA({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 },
 *   { serviceLevelPercent: 80, targetSeconds: 20, patienceSeconds: 120 }).agents; //=> 12 (Erlang C: 14)
 * ```
 * @remarks Since 0.1.0
 */
export function agentsRequiredErlangA(
  load: Load,
  target: { readonly serviceLevelPercent: number; readonly targetSeconds: number; readonly patienceSeconds: number; readonly maxAbandonPercent?: number },
): ErlangAResult {
  for (let agents = 1; agents < 1_000_000; agents++) {
    if (agents < Math.floor(trafficOf(load) * 0.5)) agents = Math.floor(trafficOf(load) * 0.5);
    const r = erlangAFor(load, agents, target.targetSeconds, target.patienceSeconds);
    if (r.serviceLevel * 100 >= target.serviceLevelPercent - 1e-9 && (target.maxAbandonPercent === undefined || r.probabilityOfAbandoning * 100 <= target.maxAbandonPercent)) return r;
  }
  throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['serviceLevelPercent'], message: 'The target cannot be reached.' }]);
}
