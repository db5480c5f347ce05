import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/calendar/index.js';
import type { Issue } from '../../src/errors/index.js';
import {
  SlaPolicyError,
  SlaSectionSchema,
  backOfficeClock,
  defineSlaPolicy,
  evaluateSla,
  slaCalendarReferences,
  withinMs,
  type SlaPolicySpec,
  type SlaReport,
  type TicketEvent,
} from '../../src/sla/index.js';
import { thrownError } from '../helpers/errors.js';

// What a policy definition accepts and refuses, and what it compiles a target into. Policies are
// defined inside the tests: their checks and compile steps run at definition time.

const HOUR = 3_600_000;
const always = { timeZone: 'UTC', alwaysOpen: true };
const created = '2026-11-23T09:00:00Z'; // Monday
const issuesOf = (run: () => unknown) => thrownError(run).issues.map((i: Issue) => [i.code, i.path.join('.')]);
const codesOf = (report: SlaReport, metric: string) => report.clocks.filter((c) => c.metric === metric).flatMap((c) => c.reasons.map((r) => r.code));
const onePolicy = (target: Record<string, unknown>, more: Partial<SlaPolicySpec> = {}) =>
  defineSlaPolicy({ id: 'p', calendars: { always }, rules: [{ id: 'r', targets: [{ id: 't', within: { hours: 1 }, calendar: 'always', ...target }] }], ...more } as SlaPolicySpec);

describe('spans', () => {
  it('adds up hours, minutes, seconds and milliseconds', () => {
    expect(withinMs({ hours: 1, minutes: 30, seconds: 15, milliseconds: 500 })).toBe(5_415_500);
    expect(withinMs({ seconds: 90 })).toBe(90_000);
  });

  const task = { id: 'audit', calendar: createCalendar(always), start: '2026-01-01T00:00:00Z' };
  const within = (span: Record<string, number>) => backOfficeClock({ ...task, within: span } as never, '2026-01-02T00:00:00Z');

  it('allows ten years of business time exactly, and refuses a millisecond more', () => {
    expect(within({ hours: 87_600 }).targetMs).toBe(3650 * 24 * HOUR);
    expect(within({ hours: 87_599, minutes: 60 }).targetMs).toBe(3650 * 24 * HOUR);
    expect(issuesOf(() => within({ hours: 87_600, milliseconds: 1 }))).toEqual([['OUT_OF_BOUNDS', 'within']]);
    expect(issuesOf(() => within({ hours: 87_599, minutes: 61 }))).toEqual([['OUT_OF_BOUNDS', 'within']]);
  });

  it('reports a part beyond its own bound once, at that part', () => {
    expect(issuesOf(() => within({ hours: 87_601 }))).toEqual([['OUT_OF_BOUNDS', 'within.hours']]);
    expect(issuesOf(() => within({ hours: 1, minutes: 3650 * 1440 + 1 }))).toEqual([['OUT_OF_BOUNDS', 'within.minutes']]);
  });

  it('refuses a span that rounds to no time, but takes business days', () => {
    expect(issuesOf(() => within({ milliseconds: 0.4 }))).toEqual([['INVALID_WITHIN', 'within']]);
    expect(within({ milliseconds: 0.5 }).targetMs).toBe(1);
    expect(within({ businessDays: 2 }).deadline.toISOString()).toBe('2026-01-03T00:00:00.000Z');
  });
});

describe('what a policy refuses', () => {
  it('refuses startOn on a built-in metric, at its startOn, and takes it on a metric of its own', () => {
    expect(issuesOf(() => onePolicy({ metric: 'firstResponse', startOn: 'metricStarted' }))).toEqual([['START_ON_BUILT_IN', 'rules.0.targets.0.startOn']]);
    expect(onePolicy({ metric: 'rmaIssued', startOn: 'metricStarted' }).vocabulary.metric).toEqual(['rmaIssued']);
  });

  it('takes a calendar choice that covers every value of its field named in the policy, whatever other fields name', () => {
    const spec = {
      id: 'p',
      calendars: { always, desk: { timeZone: 'UTC', hours: { mon: ['09:00-17:00'] } } },
      rules: [
        { id: 'urgent', when: { priority: 'urgent', channel: 'chat', tier: 'gold' }, targets: [{ id: 'u', metric: 'resolution', within: { hours: 1 }, calendar: 'always' }] },
        { id: 'low', when: { priority: 'low' }, targets: [{ id: 'n', metric: 'firstResponse', within: { hours: 8 }, calendar: 'desk' }] },
        { id: 'rest', targets: [{ id: 'r', metric: 'resolution', within: { hours: 8 }, calendar: { by: 'priority', calendars: { urgent: 'always', low: 'desk' } } }] },
      ],
    } as SlaPolicySpec;
    expect(defineSlaPolicy(spec).vocabulary.priority).toEqual(['low', 'urgent']);
    const rules = spec.rules.map((rule, r) => (r === 2 ? { ...rule, targets: [{ ...rule.targets[0], calendar: { by: 'priority', calendars: { urgent: 'always' } } }] } : rule));
    expect(issuesOf(() => defineSlaPolicy({ ...spec, rules } as SlaPolicySpec))).toEqual([['UNCOVERED', 'rules.2.targets.0.calendar']]);
  });

  it('refuses something that is not a defined policy with INVALID_SLA_POLICY', () => {
    const error = thrownError(() => evaluateSla({ id: 'p' } as never, { events: [{ type: 'created', at: created }] }, created));
    expect(error).toBeInstanceOf(SlaPolicyError);
    expect([error.code, error.path]).toEqual(['INVALID_SLA_POLICY', []]);
  });
});

describe('the SLA section of a policy document', () => {
  it('takes targets naming calendars the document declares, without calendars of its own', () => {
    const section = { id: 's', rules: [{ id: 'r', targets: [{ id: 't', metric: 'resolution', within: { hours: 8 }, calendar: 'desk' }] }] };
    expect(SlaSectionSchema.safeParse(section).success).toBe(true);
  });

  it('lists every calendar name its targets give, with its path', () => {
    const targets = [
      { calendar: 'desk' },
      { calendar: { by: 'region', calendars: { eu: 'dublin', us: 'austin' }, otherwise: 'desk' } },
    ];
    expect(slaCalendarReferences({ rules: [{ targets: [] }, { targets }] } as never)).toEqual([
      { name: 'desk', path: ['rules', 1, 'targets', 0, 'calendar'] },
      { name: 'dublin', path: ['rules', 1, 'targets', 1, 'calendar', 'calendars', 'eu'] },
      { name: 'austin', path: ['rules', 1, 'targets', 1, 'calendar', 'calendars', 'us'] },
      { name: 'desk', path: ['rules', 1, 'targets', 1, 'calendar', 'otherwise'] },
    ]);
  });
});

describe('what a target compiles into', () => {
  const at = (minutes: number) => new Date(Date.parse(created) + minutes * 60_000).toISOString();

  it('pauses a built-in metric that names pauseOn, without pausable', () => {
    const policy = onePolicy({ metric: 'firstResponse', pauseOn: ['pending'] });
    const report = evaluateSla(policy, { events: [{ type: 'created', at: created }, { type: 'status', at: at(10), status: 'pending' }, { type: 'status', at: at(40), status: 'open' }] }, at(60));
    expect(report.clocks.map((c) => [c.status, c.pausedMs, c.elapsedMs])).toEqual([['ok', 30 * 60_000, 30 * 60_000]]);
  });

  it('starts a clock with startOn at its metricStarted event, not at creation', () => {
    const policy = onePolicy({ metric: 'rmaIssued', startOn: 'metricStarted' });
    expect(evaluateSla(policy, { events: [{ type: 'created', at: created }] }, at(60)).clocks).toEqual([]);
    const report = evaluateSla(policy, { events: [{ type: 'created', at: created }, { type: 'metricStarted', at: at(20), metric: 'rmaIssued' }] }, at(60));
    expect(report.clocks.map((c) => [c.startedAt.toISOString(), c.elapsedMs])).toEqual([[at(20), 40 * 60_000]]);
  });

  it('starts a new resolution cycle at a reopening by default', () => {
    const policy = onePolicy({ metric: 'resolution' });
    const events: TicketEvent[] = [
      { type: 'created', at: created },
      { type: 'status', at: at(10), status: 'solved' },
      { type: 'status', at: at(30), status: 'open' },
    ];
    expect(evaluateSla(policy, { events }, at(60)).clocks.map((c) => [c.cycle, c.startedAt.toISOString(), c.stoppedBy])).toEqual([
      [1, at(0), 'resolved'],
      [2, at(30), null],
    ]);
  });

  it('counts missed periodic updates only for periodicUpdate targets', () => {
    const breached = (metric: string) => codesOf(evaluateSla(onePolicy({ metric }), { events: [{ type: 'created', at: created }] }, at(120)), metric);
    expect(breached('periodicUpdate')).toContain('PERIODIC_UPDATES_MISSED');
    expect(breached('resolution')).not.toContain('PERIODIC_UPDATES_MISSED');
    expect(breached('resolution')).toContain('SLA_BREACHED');
  });

  it('explains which calendar a listed value chose, and uses an otherwise calendar no value lists', () => {
    const policy = defineSlaPolicy({
      id: 'p',
      calendars: { always, desk: { timeZone: 'UTC', hours: { mon: ['09:00-17:00'] } }, night: { timeZone: 'UTC', hours: { mon: ['00:00-09:00'], tue: ['00:00-09:00'] } } },
      vocabulary: { region: ['eu', 'us', 'apac'] },
      rules: [{ id: 'r', targets: [{ id: 't', metric: 'resolution', within: { hours: 2 }, calendar: { by: 'region', calendars: { eu: 'desk', us: 'desk' }, otherwise: 'night' } }] }],
    });
    const chosen = (region: string) => evaluateSla(policy, { region, events: [{ type: 'created', at: created }] }, at(60));
    const eu = chosen('eu');
    expect(eu.reasons.filter((r) => r.code === 'SLA_CALENDAR_CHOSEN').map((r) => r.facts)).toEqual([{ metric: 'resolution', by: 'region', value: 'eu', calendar: 'desk', otherwise: false }]);
    expect(eu.clocks.map((c) => [c.calendar, c.deadline.toISOString()])).toEqual([['desk', at(120)]]);
    const apac = chosen('apac');
    expect(apac.reasons.filter((r) => r.code === 'SLA_CALENDAR_CHOSEN').map((r) => r.facts)).toEqual([{ metric: 'resolution', by: 'region', value: 'apac', calendar: 'night', otherwise: true }]);
    expect(apac.clocks.map((c) => [c.calendar, c.deadline.toISOString()])).toEqual([['night', '2026-11-24T02:00:00.000Z']]);
  });
});

describe('nextResponse from creation', () => {
  const spec = (firsts: Record<string, unknown>[]) =>
    ({
      id: 'p',
      calendars: { always },
      vocabulary: { priority: ['urgent', 'high', 'low'] },
      rules: [
        {
          id: 'r',
          targets: [...firsts.map((f, i) => ({ id: `first-${i}`, metric: 'firstResponse', within: { hours: 1 }, calendar: 'always', ...f })), { id: 'next', metric: 'nextResponse', within: { hours: 2 }, calendar: 'always' }],
        },
      ],
    }) as SlaPolicySpec;
  const fromCreation = (policy: ReturnType<typeof defineSlaPolicy>, priority: string) =>
    evaluateSla(policy, { priority, events: [{ type: 'created', at: created }] }, '2026-11-23T09:30:00Z')
      .reasons.filter((r) => r.code === 'SLA_NEXT_RESPONSE_FROM_CREATION')
      .map((r) => [r.rule, r.facts]);

  const why = (policy: ReturnType<typeof defineSlaPolicy>) =>
    evaluateSla(policy, { priority: 'low', events: [{ type: 'created', at: created }] }, created).reasons.find((r) => r.code === 'SLA_NEXT_RESPONSE_FROM_CREATION')?.message;

  it('runs from creation when the rule has no firstResponse target, and says which', () => {
    expect(fromCreation(defineSlaPolicy(spec([])), 'low')).toEqual([['next', { metric: 'nextResponse', firstResponseTargets: [] }]]);
    expect(why(defineSlaPolicy(spec([])))).toContain('rule r has no firstResponse target');
    expect(why(defineSlaPolicy(spec([{ when: { priority: 'urgent' } }])))).toContain('no firstResponse target of rule r applies to this ticket');
  });

  it('runs from creation only when none of the firstResponse targets applies to the ticket', () => {
    const policy = defineSlaPolicy(spec([{ when: { priority: 'urgent' } }, { when: { priority: 'high' } }]));
    expect(fromCreation(policy, 'urgent')).toEqual([]);
    expect(fromCreation(policy, 'high')).toEqual([]);
    expect(fromCreation(policy, 'low')).toEqual([['next', { metric: 'nextResponse', firstResponseTargets: ['first-0', 'first-1'] }]]);
  });

  it('never runs another metric from creation on its account', () => {
    const policy = defineSlaPolicy({ ...spec([]), rules: [{ id: 'r', targets: [{ id: 'res', metric: 'resolution', within: { hours: 2 }, calendar: 'always' }] }] } as SlaPolicySpec);
    const report = evaluateSla(policy, { events: [{ type: 'created', at: created }] }, '2026-11-23T09:30:00Z');
    expect(report.reasons.map((r) => r.code)).not.toContain('SLA_NEXT_RESPONSE_FROM_CREATION');
  });
});
