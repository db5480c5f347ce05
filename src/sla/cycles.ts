// Where each metric's clocks start and stop on a ticket's timeline. One pass per metric.

import type { ClockSpan } from './clock.js';
import type { TimelineEvent } from './ticket.js';

export type Phase = 'active' | 'paused' | 'resolved';

export interface Timeline {
  readonly created: number;
  readonly events: readonly TimelineEvent[];
  /** Status phases: `[from, phase]`, the first at creation. */
  readonly phases: readonly (readonly [number, Phase])[];
  /** The phase a status leads into. */
  readonly phaseOf: (status: string) => Phase;
  /** Paused intervals [from, to) (to = Infinity while still paused). */
  readonly pauses: readonly (readonly [number, number])[];
}

const NO_PAUSES: readonly (readonly [number, number])[] = Object.freeze([]);

export function buildTimeline(
  created: number,
  events: readonly TimelineEvent[],
  paused: ReadonlySet<string>,
  resolved: ReadonlySet<string>,
): Timeline {
  const phaseOf = (status: string): Phase => (resolved.has(status) ? 'resolved' : paused.has(status) ? 'paused' : 'active');
  const phases: [number, Phase][] = [[created, 'active']];
  for (const event of events) {
    if (event.type !== 'status') continue;
    const phase = phaseOf(event.status);
    if (phase !== (phases[phases.length - 1] as [number, Phase])[1]) phases.push([event.at, phase]);
  }
  return { created, events, phases, phaseOf, pauses: pausesOf(phases) };
}

/** Paused intervals [from, to) (to = Infinity while still paused). */
function pausesOf(phases: readonly (readonly [number, Phase])[]): readonly (readonly [number, number])[] {
  const out: [number, number][] = [];
  for (let i = 0; i < phases.length; i++) {
    const [from, phase] = phases[i] as [number, Phase];
    if (phase === 'paused') out.push([from, (phases[i + 1]?.[0] as number | undefined) ?? Number.POSITIVE_INFINITY]);
  }
  return out;
}

const isAnswer = (event: TimelineEvent) => event.type === 'agentReply' && event.public;

/** Collects a metric's spans: open() starts one unless running, close() ends the running one. */
function spanBuilder(pauses: readonly (readonly [number, number])[]) {
  const spans: ClockSpan[] = [];
  let start: number | null = null;
  return {
    running: () => start !== null,
    open(at: number): void {
      if (start === null) start = at;
    },
    close(at: number, by: 'fulfilled' | 'resolved'): void {
      if (start === null) return;
      spans.push({ cycle: spans.length + 1, start, stop: at, stoppedBy: by, pauses });
      start = null;
    },
    finish(): ClockSpan[] {
      if (start !== null) spans.push({ cycle: spans.length + 1, start, stop: null, stoppedBy: null, pauses });
      return spans;
    },
  };
}

/**
 * Spans of a metric: when its clock runs. `pausable` decides whether status pauses count; a
 * custom metric starts at creation unless `startOnEvent`, and again at each `metricStarted`
 * after it was fulfilled.
 */
export function spansOf(metric: string, timeline: Timeline, pausable: boolean, startOnEvent = false): ClockSpan[] {
  const builder = spanBuilder(pausable ? timeline.pauses : NO_PAUSES);
  const resolvedAt = (event: TimelineEvent) => event.type === 'status' && timeline.phaseOf(event.status) === 'resolved';
  switch (metric) {
    case 'firstResponse':
    case 'acknowledgement': {
      builder.open(timeline.created);
      for (const event of timeline.events) {
        if (isAnswer(event) || (metric === 'acknowledgement' && event.type === 'metricFulfilled' && event.metric === metric)) {
          builder.close(event.at, 'fulfilled');
        } else if (resolvedAt(event)) builder.close(event.at, 'resolved');
        if (!builder.running()) break;
      }
      return builder.finish();
    }
    case 'nextResponse': {
      let answered = false;
      for (const event of timeline.events) {
        if (isAnswer(event)) {
          answered = true;
          builder.close(event.at, 'fulfilled');
        } else if (event.type === 'customerReply' && answered) builder.open(event.at);
        else if (resolvedAt(event)) builder.close(event.at, 'resolved');
      }
      return builder.finish();
    }
    case 'resolution':
    case 'periodicUpdate': {
      // Resolution: one cycle from creation (or reopening) to resolution. Periodic updates: a new
      // interval after each update, within those cycles.
      let phase: Phase = 'active';
      builder.open(timeline.created);
      for (const event of timeline.events) {
        if (event.type === 'status') {
          const next = timeline.phaseOf(event.status);
          if (next === 'resolved' && phase !== 'resolved') builder.close(event.at, 'resolved');
          else if (next !== 'resolved' && phase === 'resolved') builder.open(event.at);
          phase = next;
        } else if (metric === 'periodicUpdate' && phase !== 'resolved' && (isAnswer(event) || event.type === 'update')) {
          builder.close(event.at, 'fulfilled');
          builder.open(event.at);
        }
      }
      return builder.finish();
    }
    default: {
      if (!startOnEvent) builder.open(timeline.created);
      for (const event of timeline.events) {
        if (event.type === 'metricStarted' && event.metric === metric) builder.open(event.at);
        else if (event.type === 'metricFulfilled' && event.metric === metric) builder.close(event.at, 'fulfilled');
        else if (resolvedAt(event)) builder.close(event.at, 'resolved');
      }
      return builder.finish();
    }
  }
}
