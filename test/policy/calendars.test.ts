import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionZones } from '../../src/cli/local-time.js';
import { decideCompensation, defineCompensationPolicy } from '../../src/compensation/index.js';
import { decideEscalation, defineEscalationPolicy, escalationCalendarReferences } from '../../src/escalation/index.js';
import { SupportPolicySchema, definePolicy, policyJsonSchema, safeDefinePolicy, type SupportPolicy } from '../../src/policy/index.js';
import { presetSpecs, type PresetName } from '../../src/presets/index.js';
import { checkReturn, defineReturnPolicy } from '../../src/returns/index.js';
import { defineSlaPolicy, evaluateSla, slaCalendarReferences, timeInStatus } from '../../src/sla/index.js';
import { checkWarrantyClaim, defineWarrantyPolicy } from '../../src/warranty/index.js';
import { thrownError } from '../helpers/errors.js';

// A policy document declares its calendars once, at the top, and every section names them
// (docs/policy.md, "Calendars defined once"). PelPro's desk (Mon–Fri 07:00–19:00 Chicago, closed
// Thanksgiving and Christmas) used to be pasted into five sections.

const root = resolve(__dirname, '../..');
const example = JSON.parse(readFileSync(resolve(root, 'examples/pelpro.policy.json'), 'utf8'));
const desk = example.calendars.desk;
const compensation = {
  id: 'pelpro-compensation',
  currency: 'USD',
  calendar: 'desk',
  rules: [{ id: 'late-delivery', incident: 'delivery-delay', when: { delayBusinessDays: { gt: 2 } }, choose: [{ type: 'credit', amount: '25.00' }] }],
  approval: [{ level: 'agent' }],
};
const pelpro = { ...example, compensation };
const issues = (json: unknown) => {
  const result = safeDefinePolicy(json);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};
const messageAt = (json: unknown, path: string) => safeDefinePolicy(json).error?.issues.find((issue) => issue.path.join('.') === path)?.message;
const copy = (changes: (doc: typeof pelpro) => void) => {
  const doc = structuredClone(pelpro);
  changes(doc);
  return doc;
};

describe('every section names the calendars declared at the top', () => {
  const policy = definePolicy(pelpro);

  it('compiles each section with the calendar its name stands for, and keeps the document as written', () => {
    expect([policy.spec.returns?.calendar, policy.spec.warranty?.calendar, policy.spec.compensation?.calendar]).toEqual(['desk', 'desk', 'desk']);
    expect([policy.returns?.spec.calendar, policy.warranty?.spec.calendar, policy.compensation?.spec.calendar]).toEqual([desk, desk, desk]);
    // SLA and escalation see every calendar of the policy, the top-level ones first.
    expect(policy.spec.sla?.calendars).toBeUndefined();
    expect(Object.keys(policy.sla?.spec.calendars ?? {})).toEqual(['desk', 'oncall']);
    expect(Object.keys(policy.escalation?.spec.calendars ?? {})).toEqual(['desk', 'oncall']);
  });

  it('decides on the named calendar in every section', () => {
    // "email acknowledgment within 4 business hours": Friday 18:30–19:00, then Monday 07:00–10:30.
    const report = evaluateSla(policy.sla!, { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] }, '2026-11-23T09:00:00-06:00');
    expect(report.clocks[0]?.deadline.toISOString()).toBe('2026-11-23T16:30:00.000Z');
    // 10 business days on the desk from Wed 2026-11-18 skip Thanksgiving: Thu 3 December.
    const refund = checkReturn(policy.returns!, { category: 'electronics', price: '129.99', condition: 'unopened', evidence: ['proofOfPurchase'], deliveredAt: '2026-11-10T12:00:00-06:00', requestedAt: '2026-11-12T12:00:00-06:00', receivedAt: '2026-11-18T12:00:00-06:00' });
    expect(refund.deadlines.refundBy?.toISOString()).toBe('2026-12-03T18:00:00.000Z');
    // Promised Wed 2026-11-25, delivered Tue 2026-12-01: Fri 27, Mon 30, Tue 1 (Thanksgiving closed) = 3 days.
    const late = decideCompensation(policy.compensation!, { type: 'delivery-delay', promisedAt: '2026-11-25T12:00:00-06:00', deliveredAt: '2026-12-01T12:00:00-06:00' });
    expect(late.reasons.find((r) => r.code === 'DELAY_COUNTED')?.facts).toMatchObject({ delayBusinessDays: 3 });
    const sev1 = decideEscalation(policy.escalation!, { severity: 'sev1', createdAt: '2026-11-25T03:00:00-06:00', now: '2026-11-25T03:10:00-06:00' });
    expect(sev1.deadlines.reachBy?.toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('lets a run-time option name a top-level calendar the SLA targets never name', () => {
    const onlyOncall = copy((doc) => {
      doc.sla.rules = [doc.sla.rules[0]];
    });
    const sla = definePolicy(onlyOncall).sla!;
    const ticket = { priority: 'sev1', events: [{ type: 'created', at: '2026-11-23T06:00:00-06:00' }] } as const;
    // 06:00–08:00 on Monday: one business hour on the desk, which opens at 07:00.
    expect(timeInStatus(sla, ticket, '2026-11-23T08:00:00-06:00', { calendar: 'desk' }).businessAgeMs).toBe(3_600_000);
  });

  it('allows a calendar no section names, and a section that keeps its own calendars beside the top-level ones', () => {
    const mixed = copy((doc) => {
      doc.calendars.spare = { timeZone: 'Europe/London', alwaysOpen: true };
      doc.escalation.calendars = { night: { timeZone: 'America/Chicago', hours: { mon: ['19:00-07:00'] } } };
      doc.escalation.rules[1].workflows[0].within.calendar = 'night';
    });
    const policy = definePolicy(mixed);
    expect(Object.keys(policy.escalation?.spec.calendars ?? {})).toEqual(['desk', 'oncall', 'spare', 'night']);
  });

  it('still takes a document that pastes its calendars into every section (as before 0.2.0)', () => {
    const pasted = paste(pelpro);
    expect(issues(pasted)).toEqual([]);
    expect(definePolicy(pasted).returns?.spec.calendar).toEqual(desk);
  });
});

describe('a name that names no calendar', () => {
  it('is UNKNOWN_CALENDAR where it is written, with the calendars there are and a did-you-mean', () => {
    const typos = copy((doc) => {
      doc.sla.rules[1].targets[0].calendar = 'Desk';
      doc.returns.calendar = 'deks';
      doc.warranty.calendar = 'warehouse';
      doc.compensation.calendar = 'on-call';
      doc.escalation.rules[1].workflows[0].within.calendar = 'desks';
    });
    expect(issues(typos)).toEqual([
      ['UNKNOWN_CALENDAR', 'sla.rules.1.targets.0.calendar'],
      ['UNKNOWN_CALENDAR', 'returns.calendar'],
      ['UNKNOWN_CALENDAR', 'warranty.calendar'],
      ['UNKNOWN_CALENDAR', 'compensation.calendar'],
      ['UNKNOWN_CALENDAR', 'escalation.rules.1.workflows.0.within.calendar'],
    ]);
    expect(messageAt(typos, 'returns.calendar')).toBe('No calendar named "deks" in this policy; did you mean "desk"? The calendars are desk and oncall.');
    expect(messageAt(typos, 'compensation.calendar')).toContain('did you mean "oncall"?');
    expect(messageAt(typos, 'warranty.calendar')).toBe('No calendar named "warehouse" in this policy. The calendars are desk and oncall.');
  });

  it('is found in a calendar chosen by a ticket field, and among a section\'s own calendars too', () => {
    const choice = copy((doc) => {
      doc.sla.calendars = { london: { timeZone: 'Europe/London', alwaysOpen: true } };
      doc.sla.rules[1].targets[0].calendar = { by: 'region', calendars: { emea: 'lundon', us: 'desk' }, otherwise: 'dsk' };
    });
    expect(issues(choice)).toEqual([
      ['UNKNOWN_CALENDAR', 'sla.rules.1.targets.0.calendar.calendars.emea'],
      ['UNKNOWN_CALENDAR', 'sla.rules.1.targets.0.calendar.otherwise'],
    ]);
    expect(messageAt(choice, 'sla.rules.1.targets.0.calendar.calendars.emea')).toBe('No calendar named "lundon" in this policy; did you mean "london"? The calendars are desk, oncall and london.');
  });

  it('says so when the policy declares no calendars at all', () => {
    const bare: Record<string, unknown> = structuredClone(pelpro);
    delete bare.calendars;
    expect(issues(bare)).toContainEqual(['UNKNOWN_CALENDAR', 'returns.calendar']);
    expect(messageAt(bare, 'returns.calendar')).toContain('this policy declares no calendars. Declare it once in the policy\'s top-level "calendars"');
    expect(messageAt(bare, 'sla.rules.0.targets.0.calendar')).toContain('No calendar named "oncall": this policy declares no calendars');
  });

  it('is not guessed at in a section whose shape is broken: the shape is reported', () => {
    const broken = copy((doc) => {
      doc.sla.rules[0].targets = 'none';
      doc.sla.rules[1].targets[0].calendar = 'nope';
    });
    expect(issues(broken)).toEqual([['INVALID_TYPE', 'sla.rules.0.targets']]);
  });
});

describe('a name defined twice', () => {
  it('is CALENDAR_REDEFINED at the section\'s copy, even when the two agree', () => {
    const twice = copy((doc) => {
      doc.sla.calendars = { desk, night: { timeZone: 'America/Chicago', alwaysOpen: true } };
      doc.escalation.calendars = { oncall: { timeZone: 'America/Chicago', hours: { mon: ['00:00-24:00'] } } };
    });
    expect(issues(twice)).toEqual([
      ['CALENDAR_REDEFINED', 'sla.calendars.desk'],
      ['CALENDAR_REDEFINED', 'escalation.calendars.oncall'],
    ]);
    expect(messageAt(twice, 'sla.calendars.desk')).toContain('also defined at the top of the policy (calendars.desk)');
  });
});

describe('a top-level calendar is checked once, where it is written', () => {
  it('reports a bad calendar at calendars.<name>, not once per section that names it', () => {
    const bad = copy((doc) => {
      doc.calendars.desk.hours.mon = ['07:00-19:00', '25:00-26:00'];
      doc.calendars.desk.holidays = ['2026-11-31'];
    });
    expect(issues(bad)).toEqual([
      ['INVALID_TIME', 'calendars.desk.hours.mon.1'],
      ['INVALID_DATE', 'calendars.desk.holidays.0'],
    ]);
  });

  it('reports calendars that are not an object once, without a guess at every name', () => {
    expect(issues({ ...pelpro, calendars: [desk] })).toEqual([['INVALID_TYPE', 'calendars']]);
  });
});

describe('a section on its own has no calendars to name', () => {
  it('refuses a name with a typed error that says why, for returns, warranty and compensation', () => {
    const returns = thrownError(() => defineReturnPolicy({ ...example.returns, calendar: 'desk' }));
    expect([returns.code, returns.path]).toEqual(['UNKNOWN_CALENDAR', ['calendar']]);
    expect(returns.message).toContain('"desk" names a calendar, but a return policy on its own has no calendars to name');
    expect(thrownError(() => defineWarrantyPolicy({ ...example.warranty, calendar: 'desk' })).message).toContain('a warranty policy on its own');
    expect(thrownError(() => defineCompensationPolicy({ ...compensation, calendar: 'desk' } as never)).message).toContain('a compensation policy on its own');
  });

  it('still takes the calendar itself, and still says which field a typo meant', () => {
    expect(defineReturnPolicy({ ...example.returns, calendar: desk }).spec.calendar).toEqual(desk);
    const typo = thrownError(() => defineReturnPolicy({ ...example.returns, calendar: { timeZone: 'America/Chicago', hour: {} } } as never));
    expect([typo.code, typo.path.join('.'), typo.issues[0]?.suggestion]).toEqual(['UNKNOWN_KEY', 'calendar.hour', 'hours']);
  });

  it('needs its own calendars for SLA and escalation', () => {
    // The excerpt's sections name the document's calendars, so on their own they lack them.
    expect(thrownError(() => defineSlaPolicy(example.sla)).issues.map((i) => [i.code, i.path.join('.')])).toContainEqual(['REQUIRED', 'calendars']);
    expect(thrownError(() => defineEscalationPolicy(example.escalation)).issues.map((i) => [i.code, i.path.join('.')])).toContainEqual(['REQUIRED', 'calendars']);
  });
});

describe('the document schema', () => {
  const schema = policyJsonSchema() as { properties: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
  const acceptsName = (field: unknown) => (field as { anyOf?: { type?: string }[] }).anyOf?.some((branch) => branch.type === 'string');

  it('declares the top-level calendars, a name or a calendar for each section\'s calendar, and optional section calendars', () => {
    expect(schema.properties.calendars).toMatchObject({ type: 'object', additionalProperties: { type: 'object' } });
    expect(['returns', 'warranty', 'compensation'].map((section) => acceptsName(schema.properties[section]?.properties.calendar))).toEqual([true, true, true]);
    expect([schema.properties.sla?.required, schema.properties.escalation?.required].map((required) => required?.includes('calendars'))).toEqual([false, false]);
  });

  it('is the zod schema the types come from: a name types as a string', () => {
    const parsed = SupportPolicySchema.parse(pelpro);
    expect(typeof parsed.returns?.calendar).toBe('string');
  });

  it('finds every name an SLA or escalation section gives', () => {
    // The doc comments' examples.
    expect(slaCalendarReferences({ rules: [{ targets: [{ calendar: 'desk' }] }] })).toEqual([{ name: 'desk', path: ['rules', 0, 'targets', 0, 'calendar'] }]);
    expect(escalationCalendarReferences(presetSpecs.pelpro.escalation!)[0]).toEqual({ name: 'oncall', path: ['rules', 0, 'reachWithin', 'calendar'] });
    expect(slaCalendarReferences(pelpro.sla).map((r) => r.name)).toEqual(['oncall', 'oncall', 'desk', 'desk']);
    expect(escalationCalendarReferences(pelpro.escalation).map((r) => r.path.join('.'))).toEqual([
      'rules.0.reachWithin.calendar',
      'rules.0.workflows.0.every.calendar',
      'rules.0.workflows.1.within.calendar',
      'rules.1.workflows.0.within.calendar',
    ]);
  });

  it('quotes a named calendar\'s zone where the document declares it (the CLI\'s local times)', () => {
    const policy = definePolicy(pelpro);
    expect(decisionZones(policy, 'compensation', {}).whole).toEqual({ timeZone: 'America/Chicago', from: 'calendars.desk.timeZone' });
    expect(decisionZones(policy, 'sla', { clocks: [{ calendar: 'oncall' }] }).whole).toEqual({ timeZone: 'America/Chicago', from: 'calendars.oncall.timeZone' });
  });
});

/** The same document with every name replaced by the calendar it names (the reference). */
function paste<T extends Record<string, unknown>>(doc: T): T {
  const { calendars: top = {}, ...rest } = structuredClone(doc) as Record<string, unknown> & { calendars?: Record<string, unknown> };
  const out = rest as Record<string, Record<string, unknown> | undefined>;
  const only = (names: readonly { name: string }[], own: unknown) => ({ ...(own as object), ...Object.fromEntries(names.map(({ name }) => [name, top[name]])) });
  if (out.sla) out.sla.calendars = only(slaCalendarReferences(out.sla as never), out.sla.calendars);
  if (out.escalation) out.escalation.calendars = only(escalationCalendarReferences(out.escalation as never), out.escalation.calendars);
  for (const key of ['returns', 'warranty', 'compensation']) {
    const section = out[key];
    if (section && typeof section.calendar === 'string') section.calendar = top[section.calendar];
  }
  return out as T;
}

type Case = { kind: string; given: Record<string, unknown> };
function decide(policy: SupportPolicy, { kind, given }: Case): unknown {
  const g = given as never;
  if (kind === 'sla') return evaluateSla(policy.sla!, (given as { ticket: never }).ticket, (given as { now: string }).now);
  if (kind === 'return') return checkReturn(policy.returns!, g);
  if (kind === 'warranty') return checkWarrantyClaim(policy.warranty!, g);
  if (kind === 'compensation') return decideCompensation(policy.compensation!, g);
  return decideEscalation(policy.escalation!, g);
}

describe('law: a policy that names its calendars decides exactly as the same policy with them pasted', () => {
  it.each(['primos', 'pelpro', 'homepro', 'amare', 'trufit'] as PresetName[])('the %s preset, on its case file', (name) => {
    const named = definePolicy(presetSpecs[name]);
    const pasted = definePolicy(paste(presetSpecs[name] as unknown as Record<string, unknown>));
    const { cases } = JSON.parse(readFileSync(resolve(root, `examples/${name}.cases.json`), 'utf8')) as { cases: Case[] };
    for (const c of cases) expect(JSON.stringify(decide(named, c))).toBe(JSON.stringify(decide(pasted, c)));
  });

  const zone = fc.constantFrom('America/Chicago', 'Europe/London', 'Asia/Bangkok', 'Pacific/Chatham', 'UTC');
  const day = fc.option(fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 12 })).map(([open, hours]) => [`${String(open).padStart(2, '0')}:00-${String((open + hours) % 24).padStart(2, '0')}:00`]), { nil: undefined });
  const calendar = fc
    .record({ timeZone: zone, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, holidays: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }) })
    .map(({ timeZone, holidays, ...days }) => ({
      timeZone,
      hours: { ...Object.fromEntries(Object.entries(days).filter(([, hours]) => hours !== undefined)), sun: ['10:00-14:00'] },
      holidays: holidays.map((d) => `2026-11-${String(d).padStart(2, '0')}`),
    }));

  it('on generated calendars, in every section', () => {
    fc.assert(
      fc.property(calendar, fc.integer({ min: Date.UTC(2026, 9, 25), max: Date.UTC(2026, 11, 20) }), (cal, start) => {
        const doc = copy((d) => {
          d.calendars = { desk: cal, oncall: { timeZone: cal.timeZone, alwaysOpen: true } } as never;
        });
        const [named, pasted] = [definePolicy(doc), definePolicy(paste(doc))];
        const at = (ms: number) => new Date(start + ms).toISOString();
        const cases: Case[] = [
          { kind: 'sla', given: { ticket: { channel: 'email', events: [{ type: 'created', at: at(0) }] }, now: at(3 * 86_400_000) } },
          { kind: 'return', given: { category: 'electronics', price: '50.00', condition: 'unopened', evidence: ['proofOfPurchase'], deliveredAt: at(0), requestedAt: at(86_400_000), receivedAt: at(5 * 86_400_000) } },
          { kind: 'warranty', given: { category: 'electronics', segment: 'consumer', evidence: ['proofOfPurchase', 'serialNumber'], purchasedAt: at(0), claimedAt: at(86_400_000) } },
          { kind: 'compensation', given: { type: 'delivery-delay', promisedAt: at(0), deliveredAt: at(6 * 86_400_000) } },
          { kind: 'escalation', given: { breachesInWindow: 1, createdAt: at(0), now: at(3_600_000) } },
        ];
        for (const c of cases) expect(JSON.stringify(decide(named, c))).toBe(JSON.stringify(decide(pasted, c)));
      }),
      { numRuns: 60 },
    );
  });
});
