import * as z from 'zod/mini';
import { conditionShape } from '../_lib/condition.js';
import { checkReachable } from '../_lib/subsumption.js';
import * as messages from '../_lib/messages.js';
import { spanText } from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { checkNamed, uniqueNames, vocabularySchema } from '../_lib/vocabulary.js';
import { addIssue, checkUniqueIds } from '../_lib/zod-issues.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { compileSlaCondition, slaNamedValues, TESTED_FIELDS, type SlaPolicyRules } from './condition.js';
import { checkStatuses, resolveStatuses, type StatusList } from './statuses.js';

const id = z.string().check(z.minLength(1));
const ruleId = id.check(z.describe('Stable id, unique in its list, quoted in every clock and reason.'));
const nonNegative = z.number().check(z.nonnegative());

/** The longest span a target, window or deadline may allow: ten years. */
export const MAX_SPAN_DAYS = 3650;
const MAX_SPAN_MS = MAX_SPAN_DAYS * 86_400_000;
/** The most each part of a business-time span may say on its own. */
const PART_MAX = { hours: MAX_SPAN_DAYS * 24, minutes: MAX_SPAN_DAYS * 1440, seconds: MAX_SPAN_DAYS * 86_400, milliseconds: MAX_SPAN_MS } as const;

/**
 * The business milliseconds a time span gives: its `hours`, `minutes`, `seconds` and
 * `milliseconds` added up and rounded to a whole millisecond; undefined for a span in
 * `businessDays` or `days`, which is no fixed amount of time.
 *
 * @example
 * ```ts
 * withinMs({ hours: 1, minutes: 30 }); //=> 5400000
 * withinMs({ milliseconds: 0.4 });     //=> 0 (rounds to no time)
 * withinMs({ businessDays: 2 });       //=> undefined
 * ```
 * @remarks Since 0.2.0 (internal before)
 */
export function withinMs(within: {
  readonly hours?: number | undefined;
  readonly minutes?: number | undefined;
  readonly seconds?: number | undefined;
  readonly milliseconds?: number | undefined;
  readonly businessDays?: number | undefined;
  readonly days?: number | undefined;
}): number | undefined {
  if (within.businessDays !== undefined || within.days !== undefined) return undefined;
  return Math.round((within.hours ?? 0) * 3_600_000 + (within.minutes ?? 0) * 60_000 + (within.seconds ?? 0) * 1000 + (within.milliseconds ?? 0));
}

const TIME_PARTS = ['hours', 'minutes', 'seconds', 'milliseconds'] as const;

/**
 * How many kinds of span a `within` gives: business time (any of `hours`, `minutes`, `seconds`,
 * `milliseconds`), `businessDays`, calendar `days`. A valid span gives exactly one.
 *
 * @example
 * ```ts
 * withinKinds({ hours: 1, minutes: 30 });       //=> 1
 * withinKinds({ hours: 4, businessDays: 1 });   //=> 2 (INVALID_WITHIN)
 * withinKinds({});                              //=> 0
 * ```
 * @remarks Since 0.2.0
 */
export function withinKinds(within: Parameters<typeof withinMs>[0]): number {
  const time = TIME_PARTS.some((part) => within[part] !== undefined);
  return (time ? 1 : 0) + (within.businessDays !== undefined ? 1 : 0) + (within.days !== undefined ? 1 : 0);
}

/**
 * How long a target allows: business time (`hours`, `minutes`, `seconds`, `milliseconds`, added
 * up), whole `businessDays` (dates with hours on the target's calendar, keeping the time of day)
 * or whole calendar `days` in the calendar's time zone.
 *
 * @remarks Since 0.1.0
 */
export const WithinSchema = z.strictObject({
  hours: z.optional(nonNegative.check(z.lte(PART_MAX.hours))).check(z.describe('Business hours; added to the other time units.')),
  minutes: z.optional(nonNegative.check(z.lte(PART_MAX.minutes))).check(z.describe('Business minutes; added to the other time units.')),
  seconds: z.optional(nonNegative.check(z.lte(PART_MAX.seconds))).check(z.describe('Business seconds; added to the other time units.')),
  milliseconds: z.optional(nonNegative.check(z.lte(PART_MAX.milliseconds))).check(z.describe('Business milliseconds; added to the other time units.')),
  businessDays: z.optional(z.number().check(z.int(), z.positive(), z.lte(MAX_SPAN_DAYS))).check(z.describe('Whole dates with open hours on the calendar, keeping the time of day; not with time units or days.')),
  days: z.optional(z.number().check(z.int(), z.positive(), z.lte(MAX_SPAN_DAYS))).check(z.describe('Whole calendar days in the calendar\'s time zone; not with time units or business days.')),
}).check(z.superRefine((within, ctx) => {
  const ms = withinMs(within);
  if (withinKinds(within) !== 1) addIssue(ctx, 'INVALID_WITHIN', messages.INVALID_WITHIN());
  // Under half a millisecond in all rounds to no time at all.
  else if (ms !== undefined && ms < 1) {
    addIssue(ctx, 'INVALID_WITHIN', messages.ZERO_WITHIN());
  } else if (ms !== undefined && ms > MAX_SPAN_MS) {
    // Parts each within bounds that add up to too much; a part beyond its own bound is reported on its own.
    const partsInBounds = (Object.keys(PART_MAX) as (keyof typeof PART_MAX)[]).every((part) => (within[part] ?? 0) <= PART_MAX[part]);
    if (partsInBounds) addIssue(ctx, 'OUT_OF_BOUNDS', messages.SPAN_TOO_LONG(MAX_SPAN_DAYS));
  }
}), z.meta({ description: 'A span: business time (hours, minutes, seconds, milliseconds added up), businessDays or days; one kind only.', examples: [{ hours: 4 }, { hours: 1, minutes: 30 }, { businessDays: 2 }] }));

const tagList = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const ticketTest = (what: string) => `The ticket's ${what}: a name, a list (any of them), { not } or { present }.`;

/**
 * Ticket attributes a policy or target can match. Every listed field must match (AND). A term
 * field takes a name or a list (any of them), `{ not: … }` (none of them) or `{ present: bool }`;
 * `vip` takes true or false (a ticket without `vip` is not a VIP); `tagsAny` matches a ticket
 * with at least one of the tags, `tagsAll` one with all of them. An omitted field matches anything.
 *
 * @remarks Since 0.1.0 (`not` and `present` since 0.2.0)
 */
export const ConditionSchema = z.strictObject({
  ...conditionShape(TESTED_FIELDS, {
    priority: ticketTest('priority'),
    channel: ticketTest('channel'),
    tier: ticketTest('customer tier'),
    category: ticketTest('category'),
    queue: ticketTest('queue'),
    group: ticketTest('group'),
    region: ticketTest('region'),
    vip: 'true: VIP tickets only; false: tickets that are not VIP (a ticket without vip is not).',
  }),
  /** At least one of these tags. */
  tagsAny: z.optional(tagList).check(z.describe('The ticket has at least one of these tags.')),
  /** All of these tags. */
  tagsAll: z.optional(tagList).check(z.describe('The ticket has all of these tags.')),
});

/** Built-in metrics; any other name is a custom metric (e.g. `rmaIssued`, `onSiteVisit`). */
export const BUILT_IN_METRICS = ['firstResponse', 'nextResponse', 'acknowledgement', 'periodicUpdate', 'resolution'] as const;

/** What a message calls each vocabulary of an SLA policy, by ticket field. */
export const SLA_VOCABULARY_NAMES = {
  priority: 'priority',
  channel: 'channel',
  tier: 'tier',
  category: 'category',
  queue: 'queue',
  group: 'group',
  region: 'region',
  tags: 'tag',
  tag: 'tag',
  status: 'status',
  metric: 'metric',
} as const;

/** The ticket fields a target's calendar can be chosen by. */
export const CALENDAR_CHOICE_FIELDS = ['region', 'queue', 'group', 'channel', 'tier', 'category', 'priority'] as const;

/**
 * A target's calendar chosen by a ticket field: the customer's region (or queue, group, …) picks
 * one of the policy's calendars, `otherwise` for any other value or none. Every calendar is
 * compiled when the policy is defined.
 *
 * @example
 * ```json
 * { "by": "region", "calendars": { "emea": "london", "apac": "sydney" }, "otherwise": "chicago" }
 * ```
 * @remarks Since 0.2.0
 */
export const CalendarChoiceSchema = z.strictObject({
  /** The ticket field whose value picks the calendar. */
  by: z.enum(CALENDAR_CHOICE_FIELDS).check(z.describe('The ticket field whose value picks the calendar.')),
  /** Field value → name of a calendar in the policy's `calendars`; the values join the field's vocabulary. */
  calendars: z.record(id, id).check(z.describe('Field value → name of a calendar the policy declares; the values join the field\'s vocabulary.')),
  /**
   * The calendar for a ticket whose value is not listed (or who has none). Left out, every value
   * of the field's vocabulary must be listed, and a ticket without the field is an error.
   */
  otherwise: z.optional(id).check(z.describe('The calendar for a ticket whose value is not listed or who has none; left out, every value must be listed.')),
});

/**
 * One SLA target: a metric, which tickets it covers, how long it allows and on which calendar.
 *
 * @remarks Since 0.1.0
 */
export const TargetSchema = z.strictObject({
  /** Stable rule id, quoted in every clock and reason. */
  id: ruleId,
  /**
   * `firstResponse`, `nextResponse`, `acknowledgement`, `periodicUpdate`, `resolution` or a custom
   * name. `nextResponse` runs from each customer reply after an answer to the next public agent
   * reply; when no `firstResponse` target of the rule applies to the ticket, its first cycle runs
   * from creation (the opening message) to the first public agent reply (as Zammad's update time
   * does; since 0.2.0).
   */
  metric: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a metric name: letters, digits, - and _'), z.meta({ description: 'firstResponse, nextResponse, acknowledgement, periodicUpdate, resolution or a custom metric name.', examples: ['firstResponse', 'resolution', 'rmaIssued'] })),
  /** Which tickets the target covers; omitted fields match anything. */
  when: z.optional(ConditionSchema).check(z.describe('Which tickets the target covers; omitted fields match anything.')),
  /** How long it allows (for `periodicUpdate`: the interval between updates). */
  within: WithinSchema.check(z.describe('How long the target allows (for periodicUpdate: the interval between updates).')),
  /**
   * Name of a calendar in the policy's `calendars`, or a choice of calendar by a ticket field
   * (`{ by: 'region', calendars: { emea: 'london' }, otherwise: 'chicago' }`; since 0.2.0).
   */
  calendar: z.union([id.check(z.describe('The name of a calendar the policy declares.')), CalendarChoiceSchema]).check(z.describe('The calendar the target counts on: a calendar name, or a choice by a ticket field.')),
  /** Percent of the target after which a running clock is `at-risk`, between 0 and 100. @defaultValue 75 */
  atRiskPercent: z.optional(z.number().check(z.gte(0), z.lte(100))).check(z.describe('Percent of the target after which a running clock is at-risk (default 75).')),
  /**
   * Also at risk once no more than this much business time is left before the deadline: an
   * absolute lead time (`{ minutes: 15 }`) beside the percentage. With `atRiskPercent` too, the
   * clock turns at risk at whichever comes first; alone, it replaces the 75 % default. Business
   * time units only, shorter than a time target.
   *
   * @remarks Since 0.2.0
   */
  warnBefore: z.optional(WithinSchema).check(z.describe('Also at risk once no more than this business time is left.')),
  /** Whether paused statuses stop this clock. @defaultValue true for resolution and custom metrics and with `pauseOn`, false for responses */
  pausable: z.optional(z.boolean()).check(z.describe('Whether paused statuses stop this clock (default: true for resolution and custom metrics, false for responses).')),
  /**
   * The statuses that pause this clock, instead of the policy's `statuses.paused`: a requester-wait
   * metric pauses on `['pending']`, agent work on `['pending', 'on-hold']`. Paused or active
   * statuses of the policy; an active one pauses this clock only. A resolved status stops every
   * clock and cannot pause one (`CONFLICTING_STATUS`); with `pausable: false` it is a
   * contradiction (`PAUSE_ON_UNPAUSABLE`); given, it makes the clock pausable.
   *
   * @defaultValue the policy's `statuses.paused`
   * @remarks Since 0.2.0
   */
  pauseOn: z.optional(uniqueNames).check(z.describe('The statuses that pause this clock, instead of the policy\'s statuses.paused.')),
  /**
   * What resolving and reopening the ticket does to this clock. `'new-cycle'`: each resolution
   * stops it, and a reopening starts a new resolution cycle (Jira's model; periodic updates start
   * again too; next-response and custom clocks start again at their own events). `'resume'`: one
   * clock across every reopening, stopped only while the ticket is resolved; the resolved spells
   * count as pauses (Zendesk's requester wait). `'once'`: measured up to the ticket's first
   * resolution; nothing that starts after it is measured (reason `SLA_CYCLES_NOT_MEASURED`).
   * Refused on `firstResponse` and `acknowledgement`, which run once from creation
   * (`REOPEN_NOT_APPLICABLE`).
   *
   * @defaultValue 'new-cycle'
   * @remarks Since 0.2.0
   */
  reopen: z.optional(z.enum(['new-cycle', 'resume', 'once'])).check(z.describe('What reopening does to this clock: a new cycle (default), resume one clock, or measure once.')),
  /**
   * Custom metrics only: start the clock when the ticket is created, or only at `metricStarted`
   * events (an RMA clock starts when an RMA is requested). @defaultValue 'created'
   */
  startOn: z.optional(z.enum(['created', 'metricStarted'])).check(z.describe('Custom metrics only: start the clock at creation (default) or at metricStarted events.')),
}).check(z.meta({
  description: 'One SLA target: a metric, which tickets it covers, how long it allows and on which calendar.',
  examples: [{ id: 'p1-first-response', metric: 'firstResponse', when: { priority: 'urgent' }, within: { hours: 1 }, calendar: 'desk' }],
}));

/**
 * A named set of targets applied to the tickets its `when` matches.
 *
 * @remarks Since 0.1.0
 */
export const SlaRuleSchema = z.strictObject({
  id: ruleId,
  description: z.optional(z.string()).check(z.describe('What the rule is for, for people.')),
  when: z.optional(ConditionSchema).check(z.describe('Which tickets the rule applies to; the first rule that matches applies.')),
  targets: z.array(TargetSchema).check(z.minLength(1), z.describe('The targets of the rule, at least one.')),
});

const statusList = z.array(z.string().check(z.minLength(1)));

const calendarRecord = z.record(id, PolicyCalendarSpecSchema).check(z.describe('Calendars by name, for the targets to name.'));

/**
 * The one source of {@link SlaPolicySchema} and {@link SlaSectionSchema}: the same fields and
 * checks, with the given schema for `calendars`. With `ownCalendars`, every calendar a target
 * names must be one of them (a policy on its own); without, a SupportPolicy document resolves the
 * names, against its top-level `calendars` too ({@link slaCalendarReferences}).
 */
function slaPolicySchema<C extends z.ZodMiniType>(calendars: C, ownCalendars: boolean) {
  return z.strictObject({
    id: id.check(z.describe('The SLA policy\'s id, quoted in every clock.')),
    calendars,
    /**
     * The ticket statuses: `active` ones run the clocks, `paused` ones pause pausable clocks,
     * `resolved` ones stop every clock. A status belongs to one list; a ticket moving into a
     * status in none of them is an error.
     */
    statuses: z.optional(z.strictObject({
        /** @defaultValue `new`, `open`, `in-progress`, `reopened`, less any paused or resolved status @remarks Since 0.2.0 */
        active: z.optional(statusList).check(z.describe('Statuses that run the clocks (default: new, open, in-progress, reopened).')),
        /** @defaultValue `pending`, `pending-customer`, `on-hold` */
        paused: z.optional(statusList).check(z.describe('Statuses that pause pausable clocks (default: pending, pending-customer, on-hold).')),
        /** @defaultValue `solved`, `resolved`, `closed` */
        resolved: z.optional(statusList).check(z.describe('Statuses that stop every clock (default: solved, resolved, closed).')),
      })).check(z.describe('The ticket statuses: active ones run the clocks, paused ones pause them, resolved ones stop them.')),
    /**
     * The values tickets may give for each attribute. A list given here is complete: a rule or
     * target naming another value is refused, and so is a ticket. Left out, a field's values are
     * those the rules' and targets' `when` name; tags are free text unless `tag` is given.
     *
     * @remarks Since 0.2.0
     */
    vocabulary: z.optional(vocabularySchema({
      priority: 'Every priority tickets may have.',
      channel: 'Every channel tickets may come in by.',
      tier: 'Every customer tier tickets may name.',
      category: 'Every category tickets may have.',
      queue: 'Every queue tickets may be in.',
      group: 'Every group tickets may be assigned to.',
      region: 'Every region tickets may name.',
      tag: 'Every tag tickets may carry; left out, tags are free text.',
    })).check(z.describe('The values tickets may give per attribute; a list given here is complete.')),
    rules: z.array(SlaRuleSchema).check(z.minLength(1), z.describe('The SLA rules in order; the first whose when matches a ticket applies.')),
  }).check(z.superRefine((policy, ctx) => {
    checkUniqueIds(ctx, [[policy.rules, ['rules']], ...policy.rules.map((rule, r) => [rule.targets, ['rules', r, 'targets']] as const)]);
    const own = (policy as { readonly calendars?: Readonly<Record<string, unknown>> }).calendars ?? {};
    const calendars = Object.keys(own);
    const statuses = resolveStatuses(policy.statuses);
    policy.rules.forEach((rule, r) => {
      rule.targets.forEach((target, t) => {
        const path = ['rules', r, 'targets', t];
        if (target.startOn && (BUILT_IN_METRICS as readonly string[]).includes(target.metric)) {
          addIssue(ctx, 'START_ON_BUILT_IN', messages.START_ON_BUILT_IN(target.metric), [...path, 'startOn']);
        }
        checkPauseOn(ctx, target, statuses, path);
        checkWarnBefore(ctx, target, path);
        if (target.reopen !== undefined && (ONCE_ONLY_METRICS as readonly string[]).includes(target.metric)) {
          addIssue(ctx, 'REOPEN_NOT_APPLICABLE', messages.SLA_REOPEN_NOT_APPLICABLE(target.metric), [...path, 'reopen']);
        }
        for (const [name, at] of ownCalendars ? calendarNames(target.calendar, [...path, 'calendar']) : []) {
          // Own properties only: "constructor" or "toString" must not find Object.prototype's.
          if (!Object.hasOwn(own, name)) addIssue(ctx, 'UNKNOWN_CALENDAR', messages.SLA_UNKNOWN_CALENDAR(name, calendars, suggest(name, calendars)), at);
        }
        if (typeof target.calendar !== 'string') checkCalendarChoice(ctx, target.calendar, policy, [...path, 'calendar']);
      });
      // First match per metric within a rule: a target an earlier one of its metric covers never applies.
      for (const metric of new Set(rule.targets.map((target) => target.metric))) {
        const same = rule.targets.flatMap((target, t) => (target.metric === metric ? [{ id: target.id, condition: compileSlaCondition(target.when), path: ['rules', r, 'targets', t] }] : []));
        checkReachable(ctx, same, 'UNREACHABLE_TARGET');
      }
    });
    // First match across rules.
    checkReachable(ctx, policy.rules.map((rule, r) => ({ id: rule.id, condition: compileSlaCondition(rule.when), path: ['rules', r] })));
    checkNamed(ctx, slaNamedValues(policy), { ...policy.vocabulary, tags: policy.vocabulary?.tag }, SLA_VOCABULARY_NAMES);
    checkStatuses(ctx, policy.statuses);
  }));
}

/**
 * The SLA section of a support policy: calendars, ticket statuses, the ticket vocabulary, and the
 * ordered SLA rules (the first whose `when` matches a ticket applies to it).
 *
 * @remarks Since 0.1.0
 */
export const SlaPolicySchema = slaPolicySchema(calendarRecord, true);

/**
 * The SLA section of a SupportPolicy document: a {@link SlaPolicySchema} whose targets may also
 * name the calendars the document declares in its top-level `calendars`, so its own `calendars`
 * may be left out. The document resolves every name ({@link slaCalendarReferences});
 * `definePolicy` compiles the section with the document's calendars and its own.
 *
 * @remarks Since 0.2.0
 */
export const SlaSectionSchema = slaPolicySchema(z.optional(calendarRecord), false);

/**
 * Every calendar name the targets of an SLA policy give, each with its path in the policy
 * (`rules.0.targets.1.calendar`, or `….calendar.calendars.emea` and `….calendar.otherwise` for
 * a calendar chosen by a ticket field).
 *
 * @example
 * ```ts
 * slaCalendarReferences({ rules: [{ targets: [{ calendar: 'desk' }] }] });
 * //=> [{ name: 'desk', path: ['rules', 0, 'targets', 0, 'calendar'] }]
 * ```
 * @remarks Since 0.2.0
 */
export function slaCalendarReferences(policy: { readonly rules: readonly { readonly targets: readonly { readonly calendar: SlaTarget['calendar'] }[] }[] }): { readonly name: string; readonly path: (string | number)[] }[] {
  return policy.rules.flatMap((rule, r) => rule.targets.flatMap((target, t) => calendarNames(target.calendar, ['rules', r, 'targets', t, 'calendar']).map(([name, path]) => ({ name, path }))));
}

/** Metrics that run once from creation: a reopening never restarts them, so `reopen` means nothing. */
const ONCE_ONLY_METRICS = ['firstResponse', 'acknowledgement'] as const;

/** The calendar names a target's `calendar` gives, each with its path. */
function calendarNames(calendar: SlaTarget['calendar'], path: (string | number)[]): [string, (string | number)[]][] {
  if (typeof calendar === 'string') return [[calendar, path]];
  const out = Object.entries(calendar.calendars).map(([value, name]): [string, (string | number)[]] => [name, [...path, 'calendars', value]]);
  if (calendar.otherwise !== undefined) out.push([calendar.otherwise, [...path, 'otherwise']]);
  return out;
}

/** A calendar choice lists at least one value, and without `otherwise` every value the field may take. */
function checkCalendarChoice(ctx: z.core.$RefinementCtx, choice: z.infer<typeof CalendarChoiceSchema>, policy: { vocabulary?: Partial<Record<string, readonly string[]>>; rules: SlaPolicyRules }, path: (string | number)[]): void {
  const listed = Object.keys(choice.calendars);
  if (listed.length === 0) return addIssue(ctx, 'EMPTY', messages.SLA_CALENDAR_CHOICE_EMPTY(choice.by), [...path, 'calendars']);
  if (choice.otherwise !== undefined) return;
  const values = policy.vocabulary?.[choice.by] ?? [...new Set(slaNamedValues(policy).filter((n) => n.field === choice.by).map((n) => n.value as string))];
  const missing = values.filter((value) => !Object.hasOwn(choice.calendars, value));
  if (missing.length > 0) addIssue(ctx, 'UNCOVERED', messages.SLA_CALENDAR_UNCOVERED(choice.by, missing), path);
}

/** A target's `warnBefore`: business time, shorter than a time target. */
function checkWarnBefore(ctx: z.core.$RefinementCtx, target: z.infer<typeof TargetSchema>, path: (string | number)[]): void {
  if (target.warnBefore === undefined) return;
  const warn = withinMs(target.warnBefore);
  if (warn === undefined) return addIssue(ctx, 'INVALID_WITHIN', messages.SLA_WARN_BEFORE_DAYS(), [...path, 'warnBefore']);
  const allowed = withinMs(target.within);
  if (allowed !== undefined && warn >= allowed) addIssue(ctx, 'OUT_OF_BOUNDS', messages.SLA_WARN_BEFORE_TOO_LONG(spanText(target.warnBefore), spanText(target.within)), [...path, 'warnBefore']);
}


/** A target's `pauseOn`: statuses of the policy that can pause (not resolved ones), and a pausable clock. */
function checkPauseOn(ctx: z.core.$RefinementCtx, target: z.infer<typeof TargetSchema>, statuses: Record<StatusList, readonly string[]>, path: (string | number)[]): void {
  if (target.pauseOn === undefined) return;
  if (target.pausable === false) addIssue(ctx, 'PAUSE_ON_UNPAUSABLE', messages.SLA_PAUSE_ON_UNPAUSABLE(), [...path, 'pauseOn']);
  const allowed = [...statuses.active, ...statuses.paused];
  target.pauseOn.forEach((status, i) => {
    if (statuses.resolved.includes(status)) addIssue(ctx, 'CONFLICTING_STATUS', messages.SLA_PAUSE_ON_RESOLVED(status, statuses.paused), [...path, 'pauseOn', i]);
    else if (!allowed.includes(status)) addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY('status', status, allowed, suggest(status, allowed)), [...path, 'pauseOn', i]);
  });
}

/** @remarks Since 0.1.0 */
export type Within = z.infer<typeof WithinSchema>;
/** @remarks Since 0.1.0 */
export type SlaCondition = z.infer<typeof ConditionSchema>;
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
