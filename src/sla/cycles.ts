// Where each metric's clocks start and stop on a ticket's timeline. One pass per metric; the
// paused intervals once per ticket for each distinct set of pause statuses the targets use.

import type { Reason } from '../_lib/reason.js';
import type { ClockSpan, TicketClockTarget } from './clock.js';
import type { TimelineEvent } from './ticket.js';

export type Phase = 'active' | 'paused' | 'resolved';

/** Intervals [from, to), sorted; to = Infinity while the last one lasts. */
export type Intervals = readonly (readonly [number, number])[];

export interface Timeline {
  readonly created: number;
  readonly events: readonly TimelineEvent[];
  /** Status phases: `[from, phase]`, the first at creation. */
  readonly phases: readonly (readonly [number, Phase])[];
  /** The phase a status leads into. */
  readonly phaseOf: (status: string) => Phase;
  /** The policy's paused statuses, the set `pauses` is made of. */
  readonly paused: ReadonlySet<string>;
  /** Paused intervals [from, to) (to = Infinity while still paused). */
  readonly pauses: Intervals;
  /** Pauses of the other pause sets and of `resume` clocks, made on first use (see {@link pausesFor}). */
  cache: Map<ReadonlySet<string>, Intervals> | null;
  resumeCache: Map<ReadonlySet<string>, Intervals> | null;
}

const NO_PAUSES: Intervals = Object.freeze([]);
/** The pause set of an unpausable clock (a key for the resume cache). */
const NO_STATUSES: ReadonlySet<string> = new Set();

/** What a status does to the clocks: stops them (resolved), pauses pausable ones, or runs them. */
export function phaseIn(status: string, paused: ReadonlySet<string>, resolved: ReadonlySet<string>): Phase {
  return resolved.has(status) ? 'resolved' : paused.has(status) ? 'paused' : 'active';
}

export function buildTimeline(
  created: number,
  events: readonly TimelineEvent[],
  paused: ReadonlySet<string>,
  resolved: ReadonlySet<string>,
): Timeline {
  const phaseOf = (status: string): Phase => phaseIn(status, paused, resolved);
  const phases: [number, Phase][] = [[created, 'active']];
  for (const event of events) {
    if (event.type !== 'status') continue;
    const phase = phaseOf(event.status);
    if (phase !== (phases[phases.length - 1] as [number, Phase])[1]) phases.push([event.at, phase]);
  }
  return { created, events, phases, phaseOf, paused, pauses: spellsOf(phases, 'paused'), cache: null, resumeCache: null };
}

/** The intervals [from, to) a ticket spent in one phase (to = Infinity while it still is). */
function spellsOf(phases: readonly (readonly [number, Phase])[], wanted: Phase): Intervals {
  const out: [number, number][] = [];
  for (let i = 0; i < phases.length; i++) {
    const [from, phase] = phases[i] as [number, Phase];
    if (phase === wanted) out.push([from, (phases[i + 1]?.[0] as number | undefined) ?? Number.POSITIVE_INFINITY]);
  }
  return out;
}

/**
 * Paused intervals of a ticket for one set of pause statuses: while its status is one of them.
 * The policy's set was made with the timeline; any other is made on first use and kept, so a
 * ticket's pauses are computed once per distinct set, however many targets share it.
 */
export function pausesFor(timeline: Timeline, statuses: ReadonlySet<string>): Intervals {
  if (statuses === timeline.paused) return timeline.pauses;
  timeline.cache ??= new Map();
  let pauses = timeline.cache.get(statuses);
  if (pauses === undefined) {
    pauses = pausesWhile(timeline.events, statuses);
    timeline.cache.set(statuses, pauses);
  }
  return pauses;
}

/** From one status event to the next whose membership differs, as the phases do for the policy's set. */
function pausesWhile(events: readonly TimelineEvent[], statuses: ReadonlySet<string>): Intervals {
  const out: [number, number][] = [];
  let from = Number.NaN;
  for (const event of events) {
    if (event.type !== 'status') continue;
    const inside = statuses.has(event.status);
    if (inside && Number.isNaN(from)) from = event.at;
    else if (!inside && !Number.isNaN(from)) {
      out.push([from, event.at]);
      from = Number.NaN;
    }
  }
  if (!Number.isNaN(from)) out.push([from, Number.POSITIVE_INFINITY]);
  return out;
}

/** A `resume` clock's pauses: its status pauses and every resolved spell, in order (they never overlap). */
function resumePauses(timeline: Timeline, statuses: ReadonlySet<string>, pausable: boolean): Intervals {
  const key = pausable ? statuses : NO_STATUSES;
  timeline.resumeCache ??= new Map();
  let pauses = timeline.resumeCache.get(key);
  if (pauses === undefined) {
    const resolved = spellsOf(timeline.phases, 'resolved');
    const own = pausable ? pausesFor(timeline, statuses) : NO_PAUSES;
    pauses = resolved.length === 0 ? own : [...own, ...resolved].sort((a, b) => a[0] - b[0]);
    timeline.resumeCache.set(key, pauses);
  }
  return pauses;
}

const isAnswer = (event: TimelineEvent) => event.type === 'agentReply' && event.public;

type ReopenMode = NonNullable<TicketClockTarget['reopen']>;

/**
 * Collects a metric's spans: open() starts one unless running, close() ends the running one, and
 * status() applies the reopen mode when the ticket is resolved or reopened. A class, not a
 * closure: one is made per metric per ticket, and its methods then live once on the prototype.
 */
class SpanBuilder {
  readonly spans: ClockSpan[] = [];
  start: number | null = null;
  phase: Phase = 'active';
  /** `once`: the ticket has been resolved, nothing starts any more; how many cycles did not. */
  frozen = false;
  skipped = 0;
  /** `once`, frozen: a cycle that is not measured is running (so it is counted once). */
  ghost = false;
  /** `resume`: running across a resolved spell; how many reopenings resumed it; the last resolution. */
  suspended = false;
  resumed = 0;
  resolvedAt = 0;

  constructor(
    readonly pauses: Intervals,
    readonly mode: ReopenMode,
  ) {}

  open(at: number): void {
    if (this.start !== null || this.ghost) return;
    if (!this.frozen) this.start = at;
    else {
      this.skipped++;
      this.ghost = true;
    }
  }

  close(at: number, by: 'fulfilled' | 'resolved'): void {
    this.ghost = false;
    if (this.start === null) return;
    this.spans.push({ cycle: this.spans.length + 1, start: this.start, stop: at, stoppedBy: by, pauses: this.pauses });
    this.start = null;
    this.suspended = false;
  }

  /** A status event; `reopens`: leaving a resolved status starts the metric again. */
  status(at: number, next: Phase, reopens: boolean): void {
    if (next === 'resolved') {
      if (this.mode !== 'resume') {
        // Every resolved status stops the clock (as it always has, solved → closed too).
        this.close(at, 'resolved');
        if (this.mode === 'once') this.frozen = true;
      } else if (this.phase !== 'resolved') {
        this.resolvedAt = at;
        this.suspended = this.start !== null;
      }
    } else if (this.phase === 'resolved') {
      if (this.suspended) this.resumed++;
      this.suspended = false;
      if (reopens) this.open(at);
    }
    this.phase = next;
  }

  finish(): ClockSpan[] {
    if (this.start === null) return this.spans;
    // A resume clock still running while the ticket is resolved stopped at the resolution.
    if (this.mode === 'resume' && this.phase === 'resolved') this.close(Math.max(this.start, this.resolvedAt), 'resolved');
    else this.spans.push({ cycle: this.spans.length + 1, start: this.start, stop: null, stoppedBy: null, pauses: this.pauses });
    return this.spans;
  }
}

/** What spansOf needs of a target. */
export type SpanTarget = Pick<TicketClockTarget, 'metric' | 'target' | 'pausable' | 'startOnEvent' | 'pauseOn' | 'reopen'>;

/**
 * Spans of a metric: when its clock runs. `pausable` decides whether status pauses count (those of
 * `pauseOn`, else the policy's); a custom metric starts at creation unless `startOnEvent`, and
 * again at each `metricStarted` after it was fulfilled; `opening`, given to a next-response target
 * where no first-response target applies, starts its first cycle at creation (and is pushed to
 * `reasons`). `reopen`:
 * `new-cycle` stops a clock at each resolution (resolution and periodic updates start a new cycle
 * at reopening); `resume` keeps one clock across resolved spells, which count as pauses; `once`
 * measures nothing that starts after the ticket's first resolution. A `resume` clock that resumed
 * and a `once` target that left cycles unmeasured say so in `reasons`.
 */
export function spansOf(goal: SpanTarget, timeline: Timeline, reasons: Reason[], opening?: Reason): ClockSpan[] {
  const mode = goal.reopen ?? 'new-cycle';
  const statuses = goal.pauseOn ?? timeline.paused;
  const pauses = mode === 'resume' ? resumePauses(timeline, statuses, goal.pausable) : goal.pausable ? pausesFor(timeline, statuses) : NO_PAUSES;
  const builder = new SpanBuilder(pauses, mode);
  const { metric } = goal;
  switch (metric) {
    case 'firstResponse':
    case 'acknowledgement': {
      // Run once, from creation: a reopening never restarts them (the schema refuses `reopen`).
      builder.open(timeline.created);
      for (const event of timeline.events) {
        if (isAnswer(event) || (metric === 'acknowledgement' && event.type === 'metricFulfilled' && event.metric === metric)) {
          builder.close(event.at, 'fulfilled');
        } else if (event.type === 'status' && timeline.phaseOf(event.status) === 'resolved') builder.close(event.at, 'resolved');
        if (builder.start === null) break;
      }
      return builder.finish();
    }
    case 'nextResponse': {
      // From creation (the opening message) when no first response covers it, as Zammad does.
      let answered = opening !== undefined;
      if (opening !== undefined) {
        reasons.push(opening);
        builder.open(timeline.created);
      }
      for (const event of timeline.events) {
        if (isAnswer(event)) {
          answered = true;
          builder.close(event.at, 'fulfilled');
        } else if (event.type === 'customerReply' && answered) builder.open(event.at);
        else if (event.type === 'status') builder.status(event.at, timeline.phaseOf(event.status), false);
      }
      return explained(goal, builder, timeline, reasons);
    }
    case 'resolution':
    case 'periodicUpdate': {
      // Resolution: one cycle from creation (or reopening) to resolution. Periodic updates: a new
      // interval after each update, within those cycles.
      let resolved = false;
      builder.open(timeline.created);
      for (const event of timeline.events) {
        if (event.type === 'status') {
          const next = timeline.phaseOf(event.status);
          builder.status(event.at, next, true);
          resolved = next === 'resolved';
        } else if (metric === 'periodicUpdate' && !resolved && (isAnswer(event) || event.type === 'update')) {
          builder.close(event.at, 'fulfilled');
          builder.open(event.at);
        }
      }
      return explained(goal, builder, timeline, reasons);
    }
    default: {
      if (!goal.startOnEvent) builder.open(timeline.created);
      for (const event of timeline.events) {
        if (event.type === 'metricStarted' && event.metric === metric) builder.open(event.at);
        else if (event.type === 'metricFulfilled' && event.metric === metric) builder.close(event.at, 'fulfilled');
        else if (event.type === 'status') builder.status(event.at, timeline.phaseOf(event.status), false);
      }
      return explained(goal, builder, timeline, reasons);
    }
  }
}

/** The spans, and a reason when the reopen mode changed what is measured. */
function explained(goal: SpanTarget, builder: SpanBuilder, timeline: Timeline, reasons: Reason[]): ClockSpan[] {
  const spans = builder.finish();
  const { skipped, resumed } = builder;
  if (skipped > 0) {
    const first = timeline.phases.find(([, phase]) => phase === 'resolved')?.[0] as number;
    reasons.push({
      code: 'SLA_CYCLES_NOT_MEASURED',
      rule: goal.target,
      facts: { metric: goal.metric, reopen: 'once', firstResolvedAt: new Date(first).toISOString(), cyclesNotMeasured: skipped },
      message: `Target ${goal.target} (${goal.metric}) measures only until the ticket's first resolution (reopen: 'once'): ${skipped} later cycle${skipped === 1 ? ' is' : 's are'} not measured.`,
    });
  }
  if (resumed > 0) {
    reasons.push({
      code: 'SLA_CLOCK_RESUMED',
      rule: goal.target,
      facts: { metric: goal.metric, reopen: 'resume', reopenings: resumed },
      message: `Target ${goal.target} (${goal.metric}) resumed its clock at ${resumed === 1 ? 'a reopening' : `${resumed} reopenings`} (reopen: 'resume'): the time the ticket spent resolved counts as paused.`,
    });
  }
  return spans;
}
