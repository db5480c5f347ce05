import { z } from 'zod';
import { messages } from '../_lib/messages.js';
import { addIssue } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';

const id = z.string().min(1);
const oneOrMore = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const nonNegative = z.number().nonnegative();

/** The longest span a target, window or deadline may allow: ten years. */
export const MAX_SPAN_DAYS = 3650;
const MAX_SPAN_MS = MAX_SPAN_DAYS * 86_400_000;

/** Business milliseconds of a time `within` (rounded), or undefined for a days target. */
export function withinMs(within: {
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
  readonly businessDays?: number;
  readonly days?: number;
}): number | undefined {
  if (within.businessDays !== undefined || within.days !== undefined) return undefined;
  return Math.round((within.hours ?? 0) * 3_600_000 + (within.minutes ?? 0) * 60_000 + (within.seconds ?? 0) * 1000 + (within.milliseconds ?? 0));
}

/**
 * How long a target allows: business time (`hours`, `minutes`, `seconds`, `milliseconds`, added
 * up), whole `businessDays` (dates with hours on the target's calendar, keeping the time of day)
 * or whole calendar `days` in the calendar's time zone.
 *
 * @remarks Since 0.1.0
 */
export const WithinSchema = z
  .strictObject({
    hours: nonNegative.max(MAX_SPAN_DAYS * 24).optional(),
    minutes: nonNegative.max(MAX_SPAN_DAYS * 1440).optional(),
    seconds: nonNegative.max(MAX_SPAN_DAYS * 86_400).optional(),
    milliseconds: nonNegative.max(MAX_SPAN_MS).optional(),
    businessDays: z.number().int().positive().max(MAX_SPAN_DAYS).optional(),
    days: z.number().int().positive().max(MAX_SPAN_DAYS).optional(),
  })
  .superRefine((within, ctx) => {
    const time = ['hours', 'minutes', 'seconds', 'milliseconds'].filter((key) => within[key as keyof typeof within] !== undefined);
    const kinds = (time.length > 0 ? 1 : 0) + (within.businessDays !== undefined ? 1 : 0) + (within.days !== undefined ? 1 : 0);
    if (kinds !== 1) addIssue(ctx, 'INVALID_WITHIN', messages.INVALID_WITHIN());
    // Under half a millisecond in all rounds to no time at all.
    else if (time.length > 0 && (withinMs(within) as number) < 1) {
      addIssue(ctx, 'INVALID_WITHIN', messages.ZERO_WITHIN());
    } else if (time.length > 0 && (withinMs(within) as number) > MAX_SPAN_MS) {
      addIssue(ctx, 'OUT_OF_BOUNDS', messages.SPAN_TOO_LONG(MAX_SPAN_DAYS));
    }
  });

/**
 * Ticket attributes a policy or target can match. Every listed field must match (AND); a list
 * matches any of its values (OR); an omitted field matches anything.
 *
 * @remarks Since 0.1.0
 */
export const ConditionSchema = z.strictObject({
  priority: oneOrMore.optional(),
  channel: oneOrMore.optional(),
  tier: oneOrMore.optional(),
  category: oneOrMore.optional(),
  queue: oneOrMore.optional(),
  vip: z.boolean().optional(),
  /** At least one of these tags. */
  tagsAny: z.array(z.string().min(1)).min(1).optional(),
  /** All of these tags. */
  tagsAll: z.array(z.string().min(1)).min(1).optional(),
});

/** Built-in metrics; any other name is a custom metric (e.g. `rmaIssued`, `onSiteVisit`). */
export const BUILT_IN_METRICS = ['firstResponse', 'nextResponse', 'acknowledgement', 'periodicUpdate', 'resolution'] as const;

/**
 * One SLA target: a metric, which tickets it covers, how long it allows and on which calendar.
 *
 * @remarks Since 0.1.0
 */
export const TargetSchema = z.strictObject({
  /** Stable rule id, quoted in every clock and reason. */
  id,
  /** `firstResponse`, `nextResponse`, `acknowledgement`, `periodicUpdate`, `resolution` or a custom name. */
  metric: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a metric name: letters, digits, - and _'),
  /** Which tickets the target covers; omitted fields match anything. */
  when: ConditionSchema.optional(),
  /** How long it allows (for `periodicUpdate`: the interval between updates). */
  within: WithinSchema,
  /** Name of a calendar in the policy's `calendars`. */
  calendar: id,
  /** Percent of the target after which a running clock is `at-risk`. @defaultValue 75 */
  atRiskPercent: z.number().min(0).max(100).optional(),
  /** Whether paused statuses stop this clock. @defaultValue true for resolution and custom metrics, false for responses */
  pausable: z.boolean().optional(),
  /**
   * Custom metrics only: start the clock when the ticket is created, or only at `metricStarted`
   * events (an RMA clock starts when an RMA is requested). @defaultValue 'created'
   */
  startOn: z.enum(['created', 'metricStarted']).optional(),
});

/**
 * A named set of targets applied to the tickets its `when` matches.
 *
 * @remarks Since 0.1.0
 */
export const SlaRuleSchema = z.strictObject({
  id,
  description: z.string().optional(),
  when: ConditionSchema.optional(),
  targets: z.array(TargetSchema).min(1),
});

/**
 * The SLA section of a support policy: calendars, ticket statuses, and the ordered SLA rules
 * (the first whose `when` matches a ticket applies to it).
 *
 * @remarks Since 0.1.0
 */
export const SlaPolicySchema = z
  .strictObject({
    id,
    calendars: z.record(id, PolicyCalendarSpecSchema),
    /** Ticket statuses that pause pausable clocks, and statuses that mean resolved. */
    statuses: z
      .strictObject({
        paused: z.array(z.string().min(1)).optional(),
        resolved: z.array(z.string().min(1)).optional(),
      })
      .optional(),
    rules: z.array(SlaRuleSchema).min(1),
  })
  .superRefine((policy, ctx) => {
    const ids = new Map<string, string>();
    policy.rules.forEach((rule, r) => {
      const seen = ids.get(rule.id);
      if (seen) addIssue(ctx, 'DUPLICATE_ID', messages.DUPLICATE_ID(rule.id, seen), ['rules', r, 'id']);
      const catchAll = policy.rules.slice(0, r).find((earlier) => !earlier.when);
      if (catchAll) addIssue(ctx, 'UNREACHABLE_RULE', messages.UNREACHABLE_RULE(rule.id, catchAll.id), ['rules', r]);
      ids.set(rule.id, `rules[${r}]`);
      const metrics = new Map<string, number>();
      rule.targets.forEach((target, t) => {
        const path = ['rules', r, 'targets', t];
        const seenTarget = ids.get(target.id);
        if (seenTarget) addIssue(ctx, 'DUPLICATE_ID', messages.DUPLICATE_ID(target.id, seenTarget), [...path, 'id']);
        ids.set(target.id, `rules[${r}].targets[${t}]`);
        if (target.startOn && (BUILT_IN_METRICS as readonly string[]).includes(target.metric)) {
          addIssue(ctx, 'START_ON_BUILT_IN', messages.START_ON_BUILT_IN(target.metric), [...path, 'startOn']);
        }
        if (!(target.calendar in policy.calendars)) {
          addIssue(ctx, 'UNKNOWN_CALENDAR', messages.UNKNOWN_CALENDAR(target.calendar, Object.keys(policy.calendars)), [...path, 'calendar']);
        }
        // A target without `when` after another for the same metric without `when` can never apply.
        if (!target.when) {
          const earlier = metrics.get(target.metric);
          if (earlier !== undefined) addIssue(ctx, 'UNREACHABLE_TARGET', messages.UNREACHABLE_TARGET(target.id, target.metric), [...path]);
          else metrics.set(target.metric, t);
        }
      });
    });
    const paused = new Set(policy.statuses?.paused ?? []);
    for (const [i, status] of (policy.statuses?.resolved ?? []).entries()) {
      if (paused.has(status)) addIssue(ctx, 'CONFLICTING_STATUS', messages.CONFLICTING_STATUS(status), ['statuses', 'resolved', i]);
    }
  });

/** @remarks Since 0.1.0 */
export type Within = z.infer<typeof WithinSchema>;
/** @remarks Since 0.1.0 */
export type Condition = z.infer<typeof ConditionSchema>;
/** @remarks Since 0.1.0 */
export type SlaTarget = z.infer<typeof TargetSchema>;
/** @remarks Since 0.1.0 */
export type SlaRule = z.infer<typeof SlaRuleSchema>;
/**
 * An SLA policy as JSON data (see {@link SlaPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type SlaPolicySpec = z.infer<typeof SlaPolicySchema>;
