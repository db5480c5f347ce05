// Erlang A (M/M/n+M): callers who have not been answered abandon after an exponential patience.
// The number in the system is a birth-death chain. Below the agents its weights are those of
// Erlang B, so their sum comes from the inverse of the same recursion (no logs; once it overflows,
// nobody waits to double precision and the loop stops); above, the queue's weights are summed
// outward until the tail is negligible, rescaled so that they never overflow.
//
// The service level is P(no wait) + Σ_m P(wait with m ahead) · P(answered within T | m ahead).
// A caller with m ahead reaches an agent after the queue moves m + 1 times, at rates nμ + jθ
// (j = m … 0), while its own patience runs out at rate θ. With c = nμ/θ that offered wait V is
// -ln(B)/θ for B ~ Beta(c, m + 1), so P(answered within T) = E[e^{-θV}; V ≤ T] = E[B; B ≥ e^{-θT}]
// = c/(c + m + 1) · P(Y > m), where Y is negative binomial (c + 1 successes, success chance
// e^{-θT}). Summed alongside the queue's weights this is exact, costs O(queue length) and does not
// depend on the target time, so `targetSeconds: 1e9` answers as fast as `20`.

import * as messages from '../_lib/messages.js';
import { checkLoad, requiredAgents, type Load } from './erlang.js';
import { BOUNDS, MAX_AGENTS, MAX_WAITING, MAX_WAITING_TEXT, checkNumbers, failFact, objectChecker } from './inputs.js';

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

/** Σ_{k<n} p_k / p_n for 0..n agents, grown on demand: R(k) = (k / A)·(1 + R(k − 1)). */
function lowerWeights(traffic: number): (agents: number) => number {
  if (!(traffic > 0)) return () => Number.POSITIVE_INFINITY; // no calls: nobody waits
  const values = [0];
  return (agents) => {
    for (let k = values.length; k <= agents; k++) {
      const last = values[k - 1] as number;
      // Once infinite (the queue is unreachable to double precision) it stays so: stop storing.
      if (last === Number.POSITIVE_INFINITY) return last;
      values.push((k / traffic) * (1 + last));
    }
    return values[agents] as number;
  };
}

/** Erlang A figures of checked inputs, given the weights below the agents. */
function figures(traffic: number, agents: number, below: number, ahtSeconds: number, targetSeconds: number, patienceSeconds: number): ErlangAResult {
  if (below === Number.POSITIVE_INFINITY) {
    // Nobody waits (to double precision), including when there is no traffic at all.
    return { traffic, agents, probabilityOfWaiting: 0, probabilityOfAbandoning: 0, serviceLevel: 1, averageWaitSeconds: 0, occupancy: traffic / agents };
  }
  const patience = patienceSeconds / ahtSeconds;
  const capacity = agents * patience; // c = nμ/θ
  const arrivals = traffic * patience; // r = λ/θ
  const peak = Math.max(0, Math.ceil(arrivals - capacity));
  if (peak > MAX_WAITING) failFact(['patienceSeconds'], messages.ERLANG_A_QUEUE(agents, peak, MAX_WAITING_TEXT));
  // The negative binomial for "answered within T": shape c + 1, success chance x = e^{-θT}. Its
  // pmf q is stepped in O(1) per m as scaled · e^offset, so that it may start far below the
  // smallest double and rise without logs; `cdf` is P(Y <= m), so P(Y > m) = 1 - cdf.
  const thetaT = targetSeconds / patienceSeconds;
  const shape = capacity + 1;
  const oneMinusX = -Math.expm1(-thetaT);
  let offset = shape * -thetaT; // log P(Y = 0) = shape · log x
  let factor = Math.exp(offset);
  let scaled = 1;
  let cdf = factor;
  // T = 0: nobody who waits is answered in time (cdf is 1 from the start). x = e^{-θT} = 0: the
  // callers ahead always clear in time and only patience matters (cdf stays 0).
  let settled = thetaT === 0 || Math.exp(-thetaT) === 0;
  // Queue weights p_{n+m} / p_n, rescaled by 1e-200 whenever they grow past 1e200.
  let weight = 1;
  let largest = 1;
  let rescale = 1;
  let total = 0;
  let queued = 0;
  let answered = 0;
  let m = 0;
  for (; m <= MAX_WAITING; m++) {
    if (m > 0) {
      weight *= arrivals / (capacity + m);
      if (weight > 1e200) {
        weight *= 1e-200;
        largest *= 1e-200;
        total *= 1e-200;
        queued *= 1e-200;
        answered *= 1e-200;
        rescale *= 1e-200;
      }
      if (!settled) {
        const ratio = (oneMinusX * (shape + m - 1)) / m;
        scaled *= ratio;
        if (scaled > 1e200) {
          scaled *= 1e-200;
          offset += 460.51701859880916; // ln 1e200
          factor = Math.exp(offset);
        }
        const q = scaled * factor;
        cdf += q;
        // Past the mode and negligible: it stays so (and never sinks into slow denormals).
        if (ratio < 1 && q < 1e-300) settled = true;
      }
    }
    total += weight;
    queued += m * weight;
    if (cdf < 1) answered += ((weight * capacity) / (capacity + m + 1)) * (1 - cdf);
    if (weight > largest) largest = weight;
    if (m >= peak && weight < largest * 1e-22) break;
  }
  if (m > MAX_WAITING) failFact(['patienceSeconds'], messages.ERLANG_A_QUEUE(agents, m, MAX_WAITING_TEXT));
  const norm = below * rescale + total;
  const probabilityOfWaiting = total / norm;
  const queue = queued / norm;
  const probabilityOfAbandoning = Math.min(1, queue / arrivals);
  // Clamped: rounding may put a share a few 1e-13 past 1.
  return {
    traffic,
    agents,
    probabilityOfWaiting,
    probabilityOfAbandoning,
    serviceLevel: Math.min(1, 1 - probabilityOfWaiting + answered / norm),
    averageWaitSeconds: (queue * ahtSeconds) / traffic,
    // Little's law: the agents are busy with the calls that do not abandon.
    occupancy: Math.min(1, (traffic * (1 - probabilityOfAbandoning)) / agents),
  };
}

/**
 * Erlang A: like {@link erlangCFor}, for callers with an average patience before they hang up.
 *
 * @param load - Contacts per interval and AHT (see `trafficOf`).
 * @param agents - Agents on the phones, a whole number from 1 to 1,000,000.
 * @param targetSeconds - The service-level answer time, 0 to 1,000,000,000 seconds.
 * @param patienceSeconds - Mean time a caller waits before abandoning, 0.001 to 1,000,000,000 seconds.
 * @throws {@link InvalidArgumentError} the errors of `trafficOf`; `INVALID_TYPE` /
 *   `INVALID_FACT` at `agents`, `targetSeconds` or `patienceSeconds`; and `INVALID_FACT` at
 *   `patienceSeconds` when more than 100,000 callers would be waiting at once.
 * @example
 * ```ts
 * const a = erlangAFor({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 }, 12, 20, 120);
 * a.serviceLevel > erlangCFor({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 }, 12, 20).serviceLevel; //=> true
 * [a.serviceLevel.toFixed(3), a.probabilityOfAbandoning.toFixed(3)]; //=> ['0.826', '0.062']
 * ```
 * @remarks Since 0.1.0
 */
export function erlangAFor(load: Load, agents: number, targetSeconds: number, patienceSeconds: number): ErlangAResult {
  const { traffic, ahtSeconds } = checkLoad(load);
  checkNumbers([
    [agents, 'agents', BOUNDS.agentsOnDuty],
    [targetSeconds, 'targetSeconds', BOUNDS.target],
    [patienceSeconds, 'patienceSeconds', BOUNDS.duration],
  ]);
  return figures(traffic, agents, lowerWeights(traffic)(agents), ahtSeconds, targetSeconds, patienceSeconds);
}

/**
 * A service-level target for {@link agentsRequiredErlangA}.
 *
 * @remarks Since 0.2.0
 */
export interface ErlangATarget {
  /** Share of all offered calls to answer within `targetSeconds`, 0 to 100 %. */
  readonly serviceLevelPercent: number;
  /** 0 to 1,000,000,000 seconds. */
  readonly targetSeconds: number;
  /** Mean patience before a caller abandons, 0.001 to 1,000,000,000 seconds. */
  readonly patienceSeconds: number;
  /** At most this share of calls may abandon, 0 to 100 %. */
  readonly maxAbandonPercent?: number;
}

const checkTarget = objectChecker('target', 'an Erlang A target', {
  serviceLevelPercent: { bounds: BOUNDS.percent, required: true, hint: 'the share to answer within targetSeconds, 0 to 100' },
  targetSeconds: { bounds: BOUNDS.target, required: true, hint: 'the answer time of the service level, in seconds' },
  patienceSeconds: { bounds: BOUNDS.duration, required: true, hint: 'the mean time a caller waits before abandoning, in seconds' },
  maxAbandonPercent: { bounds: BOUNDS.percent },
});

/**
 * The fewest agents meeting a service level under Erlang A (callers abandon after `patienceSeconds`
 * on average), optionally with a maximum abandonment rate.
 *
 * The search starts from the Erlang C answer and moves by doubling steps, then halves the gap,
 * relying on the service level rising and abandonment falling as agents are added: about
 * 2·log2(agents) evaluations. No candidate below traffic × target share is tried, since the
 * agents cannot answer more calls than they can serve.
 *
 * @param load - Contacts per interval and AHT (see `trafficOf`).
 * @param target - `{ serviceLevelPercent, targetSeconds, patienceSeconds, maxAbandonPercent? }`.
 * @throws {@link InvalidArgumentError} the errors of `trafficOf`; for `target`:
 *   `INVALID_TYPE`, `UNKNOWN_KEY`, `REQUIRED` and `INVALID_FACT` (outside the bounds); and
 *   `INVALID_FACT` at `patienceSeconds` when a candidate would have more than 100,000 callers
 *   waiting at once.
 * @example
 * ```ts
 * agentsRequiredErlangA({ contacts: 100, intervalSeconds: 1800, ahtSeconds: 180 },
 *   { serviceLevelPercent: 80, targetSeconds: 20, patienceSeconds: 120 }).agents; //=> 12 (Erlang C: 14)
 * ```
 * @remarks Since 0.1.0
 */
export function agentsRequiredErlangA(load: Load, target: ErlangATarget): ErlangAResult {
  const { traffic, ahtSeconds } = checkLoad(load);
  const t = checkTarget(target) as unknown as ErlangATarget;
  const below = lowerWeights(traffic);
  const at = (agents: number) => figures(traffic, agents, below(agents), ahtSeconds, t.targetSeconds, t.patienceSeconds);
  const meets = (r: ErlangAResult) =>
    r.serviceLevel * 100 >= t.serviceLevelPercent - 1e-9 && (t.maxAbandonPercent === undefined || r.probabilityOfAbandoning * 100 <= t.maxAbandonPercent);
  // Agents answer at most agents / traffic of the calls, and the rest abandon: no fewer can do.
  const share = Math.max(t.serviceLevelPercent / 100, t.maxAbandonPercent === undefined ? 0 : 1 - t.maxAbandonPercent / 100);
  const lowest = Math.max(1, Math.floor(traffic * share - traffic * 1e-9 - 1e-9));
  // Fewer than `floor` agents would leave more than MAX_WAITING callers waiting: not computed.
  const floor = Math.min(MAX_AGENTS, Math.max(lowest, Math.ceil(traffic - (MAX_WAITING * ahtSeconds) / t.patienceSeconds)));
  const start = Math.max(floor, requiredAgents(traffic, ahtSeconds, { serviceLevelPercent: t.serviceLevelPercent, targetSeconds: t.targetSeconds }).agents);
  let good: ErlangAResult | undefined;
  let bad = floor - 1; // known to miss the target, or (below `lowest`) bound to
  const first = at(start);
  if (meets(first)) {
    good = first;
    for (let step = 1; good.agents > floor; step *= 2) {
      const r = at(Math.max(floor, good.agents - step));
      if (!meets(r)) {
        bad = r.agents;
        break;
      }
      good = r;
    }
    if (good.agents === floor && floor > lowest) {
      // The fewest agents may lie below, where the queue is too long to compute.
      failFact(['patienceSeconds'], messages.ERLANG_A_QUEUE(floor - 1, ((traffic - floor + 1) * t.patienceSeconds) / ahtSeconds, MAX_WAITING_TEXT));
    }
  } else {
    bad = start;
    for (let step = 1; good === undefined; step *= 2) {
      if (bad >= MAX_AGENTS) return failFact(['serviceLevelPercent'], messages.SERVICE_LEVEL_UNREACHABLE('1,000,000'));
      const r = at(Math.min(MAX_AGENTS, bad + step));
      if (meets(r)) good = r;
      else bad = r.agents;
    }
  }
  while (good.agents - bad > 1) {
    const r = at(Math.floor((bad + good.agents) / 2));
    if (meets(r)) good = r;
    else bad = r.agents;
  }
  return good;
}

