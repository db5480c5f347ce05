import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscalationPolicyError, decideEscalation, defineEscalationPolicy, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { InvalidArgumentError, SupportRulesError } from '../../src/errors/index.js';
import { errorOf } from '../helpers/errors.js';
import { checkMalformedRequests } from '../helpers/malformed.js';

// Cases are parsed, not trusted: what a plain-JavaScript or JSON caller gets wrong is a typed error
// naming the caller's own field, never a quiet STAY.
const clock = { within: { hours: 48 }, calendar: 'clock' };
const spec: EscalationPolicySpec = {
  id: 'amare',
  currency: 'USD',
  calendars: { clock: { timeZone: 'America/Denver', alwaysOpen: true }, office: { timeZone: 'America/Denver', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } } },
  tiers: ['agent', 'team-lead', 'senior-manager'],
  severities: ['low', 'high', 'critical'],
  rules: [
    { id: 'unresolved-48h', tier: 'team-lead', when: { unresolvedFor: clock } },
    { id: 'refund-over-200', tier: 'senior-manager', when: { amount: { gt: '200.00' } } },
    { id: 'legal', tier: 'senior-manager', when: { category: ['legal-complaint'] }, acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } },
    { id: 'product-quality', tier: 'agent', when: { category: 'product-quality' }, workflows: [{ id: 'pqi-workflow', within: { within: { hours: 24 }, calendar: 'clock' } }] },
    { id: 'critical', tier: 'senior-manager', when: { severityAtLeast: 'critical' } },
    { id: 'lead-stuck', tier: 'senior-manager', when: { inTier: 'team-lead', inTierFor: { within: { hours: 24 }, calendar: 'clock' } } },
    { id: 'visits', tier: 'team-lead', when: { failedVisits: { gte: 2 } } },
    { id: 'parts', tier: 'team-lead', when: { partsMissingDays: { gt: 14 } } },
    { id: 'breaches', tier: 'agent', when: { breachesInWindow: { gt: 3 } }, workflows: [{ id: 'remediation', within: { within: { businessDays: 1 }, calendar: 'office' } }] },
  ],
};
const policy = defineEscalationPolicy(spec);
const created = '2026-11-23T09:00:00-07:00';
const base = { createdAt: created, now: '2026-11-23T09:05:00-07:00' };
// A JSON or plain-JavaScript caller: no TypeScript to stop them.
const decide = (input: unknown) => decideEscalation(policy, input as Parameters<typeof decideEscalation>[1]);
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as InvalidArgumentError;
  }
  throw new Error('expected a throw');
};

describe('escalation cases from JSON and plain JavaScript', () => {
  it('decides the documented example: a legal complaint goes straight to a senior manager', () => {
    const d = decide({ ...base, category: 'legal-complaint' });
    // Acknowledged within 4 business hours of when the rule fired (on creation, Monday 09:00 in Denver).
    expect([d.targetTier, d.escalate, d.deadlines.acknowledgeBy?.toISOString()]).toEqual(['senior-manager', true, '2026-11-23T20:00:00.000Z']);
  });

  it('refuses the category "legal" with a did-you-mean instead of a silent STAY', () => {
    const error = thrown(() => decide({ ...base, category: 'legal' }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect([error.code, error.path, error.issues[0]?.suggestion]).toEqual(['UNKNOWN_CATEGORY', ['category'], 'legal-complaint']);
    expect(error.issues[0]?.allowed).toEqual(['legal-complaint', 'product-quality']);
    expect(policy.vocabulary).toEqual({
      tier: spec.tiers,
      severity: spec.severities,
      category: ['legal-complaint', 'product-quality'],
      // No rule names an SLA metric: the built-in ones (since 0.2.0).
      metric: ['acknowledgement', 'firstResponse', 'nextResponse', 'periodicUpdate', 'resolution'],
    });
  });

  it('knows a declared category vocabulary: a category no rule names is decided, a typo is not', () => {
    const declared = defineEscalationPolicy({ ...spec, vocabulary: { category: ['billing', 'legal-complaint', 'product-quality'] } });
    expect(decideEscalation(declared, { ...base, category: 'billing' }).reasons.at(-1)?.code).toBe('STAY');
    expect(errorOf(() => decideEscalation(declared, { ...base, category: 'biling' }))).toEqual(['UNKNOWN_CATEGORY', 'category']);
    expect(declared.vocabulary.category).toEqual(['billing', 'legal-complaint', 'product-quality']);
  });

  it('refuses tiers and severities the policy lacks, with a did-you-mean', () => {
    expect(errorOf(() => decide({ ...base, currentTier: 'team lead' }))).toEqual(['UNKNOWN_IN_POLICY', 'currentTier']);
    expect(thrown(() => decide({ ...base, currentTier: 'team lead' })).issues[0]?.suggestion).toBe('team-lead');
    expect(errorOf(() => decide({ ...base, severity: 'Critical' }))).toEqual(['UNKNOWN_IN_POLICY', 'severity']);
    expect(errorOf(() => decide({ ...base, severity: null }))).toEqual(['INVALID_TYPE', 'severity']);
  });

  it('refuses "now" before the case was created', () => {
    expect(errorOf(() => decide({ createdAt: created, now: '2026-11-23T08:59:59.999-07:00' }))).toEqual(['NOW_BEFORE_CREATED', 'now']);
    expect(decide({ createdAt: created, now: created }).targetTier).toBe('agent');
  });

  it('refuses a tierEnteredAt before the case was created or after now (INVALID_FACT)', () => {
    expect(errorOf(() => decide({ ...base, tierEnteredAt: '2026-11-23T08:00:00-07:00' }))).toEqual(['INVALID_FACT', 'tierEnteredAt']);
    expect(errorOf(() => decide({ ...base, tierEnteredAt: '2026-11-23T10:00:00-07:00' }))).toEqual(['INVALID_FACT', 'tierEnteredAt']);
    expect(() => decide({ ...base, tierEnteredAt: '2026-11-23T10:00:00-07:00' })).toThrow('must lie between "createdAt"');
    // The bounds themselves are fine.
    expect(decide({ ...base, tierEnteredAt: base.now }).targetTier).toBe('agent');
    expect(decide({ ...base, tierEnteredAt: created }).targetTier).toBe('agent');
  });

  it('law: "now" before createdAt, or tierEnteredAt outside [createdAt, now], is never decided', () => {
    const t0 = Date.parse(created);
    // Offsets near the boundaries (a millisecond either way) as well as far from them.
    const offset = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -1e11, max: 1e11 }));
    fc.assert(
      fc.property(offset, offset, (nowOffset, enteredOffset) => {
        const now = t0 + nowOffset;
        const entered = t0 + enteredOffset;
        const error = (() => {
          try {
            decide({ createdAt: t0, now, tierEnteredAt: entered });
            return undefined;
          } catch (e) {
            if (e instanceof SupportRulesError) return e;
            throw e;
          }
        })();
        const codes = error?.issues.map((issue) => `${issue.code}@${issue.path.join('.')}`) ?? [];
        expect(codes.includes('NOW_BEFORE_CREATED@now')).toBe(now < t0);
        expect(codes.includes('INVALID_FACT@tierEnteredAt')).toBe(entered < t0 || entered > now);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses year-275000 instants and instants without an offset', () => {
    const far = new Date(Date.UTC(275000, 0, 1));
    expect(errorOf(() => decide({ createdAt: far, now: far }))).toEqual(['INSTANT_OUT_OF_RANGE', 'createdAt']);
    expect(errorOf(() => decide({ ...base, now: far }))).toEqual(['INSTANT_OUT_OF_RANGE', 'now']);
    expect(errorOf(() => decide({ ...base, tierEnteredAt: far.getTime() }))).toEqual(['INSTANT_OUT_OF_RANGE', 'tierEnteredAt']);
    expect(errorOf(() => decide({ ...base, now: '2026-11-23T09:05:00' }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'now']);
    expect(errorOf(() => decide({ now: base.now }))).toEqual(['REQUIRED', 'createdAt']);
  });

  it('takes a Date, epoch milliseconds or an ISO string alike, and returns Dates', () => {
    const facts = { category: 'legal-complaint', tierEnteredAt: created };
    const iso = decide({ ...base, ...facts });
    const dates = decide({ createdAt: new Date(created), now: Date.parse(base.now), category: 'legal-complaint', tierEnteredAt: Date.parse(created) });
    expect(dates).toEqual(iso);
    expect(iso.fired[0]?.firedAt).toBeInstanceOf(Date);
  });

  it('reads amounts as decimal strings in the policy currency, 0 or more', () => {
    expect(errorOf(() => decide({ ...base, amount: 250 }))).toEqual(['INVALID_TYPE', 'amount']);
    expect(() => decide({ ...base, amount: 250 })).toThrow('amounts are decimal strings such as "499.00"');
    expect(errorOf(() => decide({ ...base, amount: '-250.00' }))).toEqual(['INVALID_FACT', 'amount']);
    expect(errorOf(() => decide({ ...base, amount: '250.001' }))).toEqual(['TOO_PRECISE', 'amount']);
    expect(errorOf(() => decide({ ...base, amount: { amount: '250.00', currency: 'EUR' } }))).toEqual(['CURRENCY_MISMATCH', 'amount.currency']);
    expect(decide({ ...base, amount: { amount: '250.00', currency: 'USD' } }).targetTier).toBe('senior-manager');
  });

  it('reads counts as whole numbers, 0 or more', () => {
    expect(errorOf(() => decide({ ...base, failedVisits: 1.5 }))).toEqual(['INVALID_FACT', 'failedVisits']);
    expect(errorOf(() => decide({ ...base, partsMissingDays: -1 }))).toEqual(['INVALID_FACT', 'partsMissingDays']);
    expect(errorOf(() => decide({ ...base, breachesInWindow: '4' }))).toEqual(['INVALID_TYPE', 'breachesInWindow']);
    expect(errorOf(() => decide({ ...base, failedVisits: Number.NaN }))).toEqual(['INVALID_TYPE', 'failedVisits']);
  });

  it('refuses a typo in a key instead of ignoring it, and a case that is not an object', () => {
    expect(errorOf(() => decide({ ...base, catgory: 'legal-complaint' }))).toEqual(['UNKNOWN_KEY', 'catgory']);
    expect(() => decide({ ...base, catgory: 'legal-complaint' })).toThrow('did you mean "category"?');
    expect(errorOf(() => decide({ ...base, failedVisit: 3 }))).toEqual(['UNKNOWN_KEY', 'failedVisit']);
    expect(errorOf(() => decide(null))).toEqual(['INVALID_TYPE', '']);
    expect(errorOf(() => decide([base]))).toEqual(['INVALID_TYPE', '']);
  });

  it('lists every problem of a case at once', () => {
    const error = thrown(() => decide({ createdAt: created, now: 'soon', category: 'legal', amount: 5, catgory: 'x' }));
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['INVALID_INSTANT', 'now'],
      ['UNKNOWN_CATEGORY', 'category'],
      ['INVALID_TYPE', 'amount'],
      ['UNKNOWN_KEY', 'catgory'],
    ]);
  });

  it('refuses a deadline beyond the supported range at the field it counts from, not a RangeError', () => {
    // Tue 2199-12-31 15:00 in Denver: 2 of the 4 business hours are left that day, the rest would
    // fall on 2200-01-01. Earlier the same day the acknowledgement is due by 13:00 and is decided.
    expect(errorOf(() => decide({ createdAt: '2199-12-31T22:00:00Z', now: '2199-12-31T22:00:00Z', category: 'legal-complaint' }))).toEqual(['RESULT_OUT_OF_RANGE', 'createdAt']);
    const early = decide({ createdAt: '2199-12-31T12:00:00Z', now: '2199-12-31T12:00:00Z', category: 'legal-complaint' });
    expect(early.deadlines.acknowledgeBy?.toISOString()).toBe('2199-12-31T20:00:00.000Z');
  });

  it('law: a broken field is refused at its own path, an unknown key is refused, junk is never decided', () => {
    const createdMs = Date.parse(created);
    const HOUR = 3_600_000;
    const valid = fc
      .record({
        nowAfter: fc.integer({ min: 0, max: 120 * HOUR }),
        enteredAfter: fc.integer({ min: 0, max: 120 * HOUR }),
        currentTier: fc.constantFrom(...spec.tiers),
        category: fc.constantFrom('legal-complaint', 'product-quality'),
        severity: fc.constantFrom('low', 'high', 'critical'),
        amount: fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
        failedVisits: fc.nat(5),
        partsMissingDays: fc.nat(30),
        breachesInWindow: fc.nat(6),
      })
      .map(({ nowAfter, enteredAfter, ...rest }) => ({
        ...rest,
        createdAt: created,
        now: new Date(createdMs + nowAfter).toISOString(),
        tierEnteredAt: createdMs + Math.min(nowAfter, enteredAfter),
      }));
    checkMalformedRequests({
      valid,
      decide,
      fields: {
        createdAt: { kind: 'instant' },
        now: { kind: 'instant' },
        currentTier: { kind: 'term', values: spec.tiers },
        tierEnteredAt: { kind: 'instant' },
        category: { kind: 'term', values: ['legal-complaint', 'product-quality'] },
        severity: { kind: 'term', values: ['low', 'high', 'critical'] },
        amount: { kind: 'money', currency: 'USD' },
        failedVisits: { kind: 'number', min: 0, integer: true },
        partsMissingDays: { kind: 'number', min: 0, max: 36_500, integer: true },
        breachesInWindow: { kind: 'number', min: 0, integer: true },
      },
    });
  });
});

describe('rule conditions in the shared condition language', () => {
  const rule = (when: NonNullable<EscalationPolicySpec['rules'][number]['when']>) =>
    defineEscalationPolicy({ ...spec, rules: [{ id: 'r', tier: 'team-lead', when }], vocabulary: { category: ['billing', 'legal-complaint'] } });
  const tierOf = (p: ReturnType<typeof rule>, facts: Record<string, unknown>) => decideEscalation(p, { ...base, ...facts }).targetTier;

  it('keeps the spellings { gte: 2 } and { gt: 3 }, and takes lt / lte too', () => {
    const visits = rule({ failedVisits: { gte: 2 } });
    expect([tierOf(visits, { failedVisits: 1 }), tierOf(visits, { failedVisits: 2 }), tierOf(visits, {})]).toEqual(['agent', 'team-lead', 'agent']);
    const few = rule({ breachesInWindow: { gt: 0, lte: 3 } });
    expect([tierOf(few, { breachesInWindow: 0 }), tierOf(few, { breachesInWindow: 3 }), tierOf(few, { breachesInWindow: 4 })]).toEqual(['agent', 'team-lead', 'agent']);
  });

  it('compares amounts exactly with gt, gte, lt and lte', () => {
    const band = rule({ amount: { gte: '100.00', lt: '200.00' } });
    expect(['99.99', '100.00', '199.99', '200.00'].map((amount) => tierOf(band, { amount }))).toEqual(['agent', 'team-lead', 'team-lead', 'agent']);
    const upTo = rule({ amount: { lte: '50' } });
    expect([tierOf(upTo, { amount: '50.00' }), tierOf(upTo, { amount: '50.01' })]).toEqual(['team-lead', 'agent']);
  });

  it('tests the category as a term: one value, any of a list, none of a list, presence', () => {
    expect(tierOf(rule({ category: 'billing' }), { category: 'billing' })).toBe('team-lead');
    expect(tierOf(rule({ category: { not: ['billing'] } }), { category: 'billing' })).toBe('agent');
    expect(tierOf(rule({ category: { not: ['billing'] } }), {})).toBe('team-lead');
    expect(tierOf(rule({ category: { present: false } }), { category: 'billing' })).toBe('agent');
  });

  it('tests inTier as a term on the current tier (left out: the lowest tier)', () => {
    const p = defineEscalationPolicy({ ...spec, rules: [{ id: 'r', tier: 'senior-manager', when: { inTier: { not: ['agent'] } } }] });
    expect([decideEscalation(p, base).targetTier, decideEscalation(p, { ...base, currentTier: 'team-lead' }).targetTier]).toEqual(['agent', 'senior-manager']);
  });

  it('says which field did not hold, what it expected and what the case had (and keeps every failed field)', () => {
    const d = decide({ ...base, category: 'product-quality', amount: '150.00' });
    const facts = (id: string) => d.reasons.find((r) => r.rule === id)?.facts;
    expect(facts('refund-over-200')).toEqual({ tier: 'senior-manager', fields: ['amount'], field: 'amount', expected: '> 200.00', actual: '150.00' });
    expect(facts('legal')).toMatchObject({ field: 'category', expected: 'legal-complaint', actual: 'product-quality' });
    expect(facts('critical')).toMatchObject({ field: 'severity', expected: 'at least critical', actual: null });
    expect(facts('visits')).toMatchObject({ field: 'failedVisits', expected: '>= 2', actual: null });
    expect(facts('unresolved-48h')).toEqual({
      tier: 'team-lead',
      fields: ['unresolvedFor'],
      field: 'unresolvedFor',
      expected: 'after 2026-11-25T16:00:00.000Z (more than 48 hours on calendar "clock" from createdAt)',
      actual: '2026-11-23T16:05:00.000Z',
    });
    expect(facts('lead-stuck')).toMatchObject({ fields: ['inTier', 'inTierFor'], field: 'inTier', expected: 'team-lead', actual: 'agent' });
    expect(d.reasons.find((r) => r.rule === 'refund-over-200')?.message).toBe('refund-over-200 has not fired: amount not met (amount is 150.00, needs > 200.00).');
  });

  it('this rule does not fire when its condition is false, and fires when it is true', () => {
    for (const [id, yes, no] of [
      ['refund-over-200', { amount: '200.01' }, { amount: '200.00' }],
      ['legal', { category: 'legal-complaint' }, { category: 'product-quality' }],
      ['critical', { severity: 'critical' }, { severity: 'high' }],
      ['visits', { failedVisits: 2 }, { failedVisits: 1 }],
      ['parts', { partsMissingDays: 15 }, { partsMissingDays: 14 }],
      ['breaches', { breachesInWindow: 4 }, { breachesInWindow: 3 }],
    ] as const) {
      expect(decide({ ...base, ...yes }).fired.map((f) => f.rule), id).toContain(id);
      expect(decide({ ...base, ...no }).fired.map((f) => f.rule), id).not.toContain(id);
    }
  });
});

describe('an escalation policy that definition accepts decides every valid case', () => {
  const broken = (patch: Partial<EscalationPolicySpec>) => errorOf(() => defineEscalationPolicy({ ...spec, ...patch } as EscalationPolicySpec));
  const issues = (patch: Partial<EscalationPolicySpec>) => {
    try {
      defineEscalationPolicy({ ...spec, ...patch } as EscalationPolicySpec);
    } catch (error) {
      expect(error).toBeInstanceOf(EscalationPolicyError);
      return (error as SupportRulesError).issues.map((issue) => [issue.code, issue.path.join('.')]);
    }
    throw new Error('expected an EscalationPolicyError');
  };
  const only = (r: EscalationPolicySpec['rules'][number]) => ({ rules: [r] });

  it('bounds spans: 1e308 hours is refused at definition, not in every decision', () => {
    expect(broken(only({ id: 'r', tier: 'team-lead', when: { unresolvedFor: { within: { hours: 1e308 }, calendar: 'clock' } } }))).toEqual(['OUT_OF_BOUNDS', 'rules.0.when.unresolvedFor.within.hours']);
    expect(broken(only({ id: 'r', tier: 'team-lead', reachWithin: { within: { days: 5000 }, calendar: 'clock' } }))).toEqual(['OUT_OF_BOUNDS', 'rules.0.reachWithin.within.days']);
  });

  it('refuses duplicate tiers and severities', () => {
    expect(broken({ tiers: ['agent', 'team-lead', 'agent'] })).toEqual(['DUPLICATE_VALUE', 'tiers.2']);
    expect(broken({ severities: ['low', 'low', 'critical'] })).toEqual(['DUPLICATE_VALUE', 'severities.1']);
  });

  it('refuses duplicate rule ids and workflow ids (one namespace: reasons and workflows quote them)', () => {
    expect(broken({ rules: [...spec.rules, { id: 'legal', tier: 'team-lead', when: { failedVisits: { gte: 3 } } }] })).toEqual(['DUPLICATE_ID', `rules.${spec.rules.length}.id`]);
    const pqi = { id: 'pqi-workflow', within: { within: { hours: 24 }, calendar: 'clock' } };
    expect(broken({ rules: [...spec.rules, { id: 'pqi-2', tier: 'agent', when: { severityAtLeast: 'high' }, workflows: [pqi] }] })).toEqual(['DUPLICATE_ID', `rules.${spec.rules.length}.workflows.0.id`]);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('looks calendars up as own properties only: %j is UNKNOWN_CALENDAR', (calendar) => {
    expect(broken(only({ id: 'r', tier: 'team-lead', when: { unresolvedFor: { within: { hours: 1 }, calendar } } }))).toEqual(['UNKNOWN_CALENDAR', 'rules.0.when.unresolvedFor.calendar']);
    expect(broken(only({ id: 'r', tier: 'team-lead', workflows: [{ id: 'w', every: { within: { hours: 1 }, calendar } }] }))).toEqual(['UNKNOWN_CALENDAR', 'rules.0.workflows.0.every.calendar']);
  });

  it('refuses amounts that do not fit the currency, and inconsistent ranges', () => {
    expect(broken(only({ id: 'r', tier: 'team-lead', when: { amount: { gt: '200.001' } } }))).toEqual(['TOO_PRECISE', 'rules.0.when.amount.gt']);
    expect(broken({ currency: 'JPY', rules: [{ id: 'r', tier: 'team-lead', when: { amount: { gte: '1000.5' } } }] })).toEqual(['TOO_PRECISE', 'rules.0.when.amount.gte']);
    expect(broken(only({ id: 'r', tier: 'team-lead', when: { amount: { gt: '200.00', gte: '100.00' } } }))).toEqual(['INVALID_RANGE', 'rules.0.when.amount']);
    expect(broken(only({ id: 'r', tier: 'team-lead', when: { failedVisits: { gt: 5, lt: 2 } } }))).toEqual(['INVALID_RANGE', 'rules.0.when.failedVisits']);
  });

  it('refuses a category outside a declared vocabulary, with a did-you-mean', () => {
    expect(broken({ vocabulary: { category: ['legal-complaint', 'product-quality-issue'] } })).toEqual(['UNKNOWN_CATEGORY', 'rules.3.when.category']);
    expect(() => defineEscalationPolicy({ ...spec, vocabulary: { category: ['legal-complaint', 'product-quality-issue'] } })).toThrow('did you mean "product-quality-issue"?');
    expect(broken({ vocabulary: { category: ['legal', 'legal'] } })).toEqual(['DUPLICATE_VALUE', 'vocabulary.category.1']);
  });

  it('refuses tiers and severities the policy lacks, with a did-you-mean', () => {
    expect(broken(only({ id: 'r', tier: 'team_lead' }))).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.tier']);
    expect(() => defineEscalationPolicy({ ...spec, ...only({ id: 'r', tier: 'team_lead' }) })).toThrow('did you mean "team-lead"?');
    expect(broken(only({ id: 'r', tier: 'senior-manager', when: { inTier: ['team-led'] } }))).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.when.inTier.0']);
    expect(() => defineEscalationPolicy({ ...spec, ...only({ id: 'r', tier: 'senior-manager', when: { inTier: ['team-led'] } }) })).toThrow('did you mean "team-lead"?');
    expect(broken(only({ id: 'r', tier: 'senior-manager', when: { severityAtLeast: 'Critical' } }))).toEqual(['UNKNOWN_IN_POLICY', 'rules.0.when.severityAtLeast']);
    expect(() => defineEscalationPolicy({ ...spec, ...only({ id: 'r', tier: 'senior-manager', when: { severityAtLeast: 'Critical' } }) })).toThrow('did you mean "critical"?');
  });

  it('refuses a rule that can never change a decision', () => {
    // The lowest tier, no deadline, no workflow: it could only "raise" a case to where it already is.
    expect(broken(only({ id: 'r', tier: 'agent', when: { category: 'legal-complaint' } }))).toEqual(['UNREACHABLE_RULE', 'rules.0']);
    expect(() => defineEscalationPolicy({ ...spec, ...only({ id: 'r', tier: 'agent' }) })).toThrow('"r" can never change a decision');
    // Only fires in its own tier or above: nothing to raise.
    expect(broken(only({ id: 'r', tier: 'team-lead', when: { inTier: ['team-lead', 'senior-manager'] } }))).toEqual(['UNREACHABLE_RULE', 'rules.0']);
    // An inTier no case can be in: it never fires.
    expect(broken(only({ id: 'r', tier: 'senior-manager', when: { inTier: { present: false } } }))).toEqual(['UNREACHABLE_RULE', 'rules.0.when.inTier']);
    // With a workflow or a deadline the lowest tier has an effect.
    expect(defineEscalationPolicy({ ...spec, ...only({ id: 'r', tier: 'agent', acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } }) }).id).toBe('amare');
    expect(decideEscalation(defineEscalationPolicy({ ...spec, ...only({ id: 'r', tier: 'agent', acknowledgeWithin: { within: { hours: 4 }, calendar: 'office' } }) }), base).deadlines.acknowledgeBy?.toISOString()).toBe(
      '2026-11-23T20:00:00.000Z',
    );
  });

  it('reports every problem in one pass', () => {
    expect(
      issues({
        tiers: ['agent', 'agent'],
        rules: [
          { id: 'a', tier: 'lead', when: { amount: { gt: '1.001' } } },
          { id: 'a', tier: 'agent', reachWithin: { within: { hours: 1 }, calendar: 'constructor' } },
        ],
      }),
    ).toEqual([
      ['DUPLICATE_VALUE', 'tiers.1'],
      ['DUPLICATE_ID', 'rules.1.id'],
      ['UNKNOWN_IN_POLICY', 'rules.0.tier'],
      ['TOO_PRECISE', 'rules.0.when.amount.gt'],
      ['UNKNOWN_CALENDAR', 'rules.1.reachWithin.calendar'],
    ]);
  });
});
