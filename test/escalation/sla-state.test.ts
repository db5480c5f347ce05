import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEscalation, defineEscalationPolicy, type EscalationPolicySpec } from '../../src/escalation/index.js';
import { InvalidArgumentError, SupportRulesError } from '../../src/errors/index.js';
import { CLOCK_STATUSES, evaluateSla, slaStatusByMetric } from '../../src/sla/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';
import { nearMiss } from '../helpers/malformed.js';
import { deskSla, reopenedTicket } from '../helpers/reopened-ticket.js';

// Issue 12, point 5: escalation triggers read SLA state, so "escalate when resolution is at risk"
// is one rule. The case gives the current status of each SLA metric (slaStatusByMetric of the
// ticket's SLA report); a rule tests it per metric in the shared condition language.

const spec: EscalationPolicySpec = {
  id: 'desk',
  currency: 'USD',
  calendars: { clock: { timeZone: 'America/Chicago', alwaysOpen: true } },
  tiers: ['tier-1', 'tier-2', 'tier-3'],
  rules: [
    { id: 'resolution-at-risk', tier: 'tier-2', when: { slaStatus: { resolution: ['at-risk', 'breached'] } } },
    { id: 'response-missed', tier: 'tier-3', when: { slaStatus: { firstResponse: ['breached', 'missed'] } }, reachWithin: { within: { hours: 1 }, calendar: 'clock' } },
  ],
};
const policy = defineEscalationPolicy(spec);
const created = '2026-11-23T09:00:00-06:00';
const decide = (input: Record<string, unknown>) => decideEscalation(policy, { createdAt: created, now: '2026-11-25T15:00:00-06:00', ...input } as never);
const thrown = thrownError;

// The ticket of test/sla/aggregate-state.test.ts: answered in 30 minutes, solved late, reopened
// Wed 09:00 CST; its second resolution clock is at risk from Wed 15:00 CST (6 of 8 business hours).
const sla = deskSla;
const ticket = reopenedTicket;
const caseAt = (now: string) => ({ createdAt: created, now, slaStatus: slaStatusByMetric(evaluateSla(sla, ticket, now)) });

describe('escalate when resolution is at risk: one rule on the SLA state', () => {
  it('stays while the reopened resolution clock is ok, and says what it read', () => {
    const d = decideEscalation(policy, caseAt('2026-11-25T14:59:59.999-06:00'));
    expect([d.targetTier, d.escalate]).toEqual(['tier-1', false]);
    const reason = d.reasons.find((r) => r.rule === 'resolution-at-risk');
    expect(reason?.facts).toEqual({ tier: 'tier-2', fields: ['slaStatus.resolution'], field: 'slaStatus.resolution', expected: 'at-risk or breached', actual: 'ok' });
    expect(reason?.message).toBe('resolution-at-risk has not fired: slaStatus.resolution not met (slaStatus.resolution is ok, needs at-risk or breached).');
  });

  it('escalates to Tier 2 from Wed 15:00 CST, naming the metric and its status', () => {
    const d = decideEscalation(policy, caseAt('2026-11-25T15:00:00-06:00'));
    expect([d.targetTier, d.escalate, d.fired.map((f) => f.rule)]).toEqual(['tier-2', true, ['resolution-at-risk']]);
    const reason = d.reasons.find((r) => r.rule === 'resolution-at-risk');
    expect(reason?.facts).toEqual({ tier: 'tier-2', firedAt: '2026-11-23T15:00:00.000Z', 'slaStatus.resolution': 'at-risk' });
    expect(reason?.message).toBe('resolution-at-risk fired: the case belongs in tier-2 (resolution is at-risk).');
    // The first response was met: the earlier, missed resolution cycle is history, not state.
    expect(d.reasons.find((r) => r.rule === 'response-missed')?.facts).toMatchObject({ field: 'slaStatus.firstResponse', actual: 'met' });
  });

  it('keeps escalating once the resolution clock is breached (Thu 09:00:00.001 CST)', () => {
    expect(decideEscalation(policy, caseAt('2026-11-26T09:00:00.001-06:00')).reasons.find((r) => r.rule === 'resolution-at-risk')?.facts).toMatchObject({ 'slaStatus.resolution': 'breached' });
  });

  it('does not fire for a metric the case does not give (actual: null), and does not promise a next check for SLA state', () => {
    const d = decide({ slaStatus: { firstResponse: 'met' } });
    expect(d.reasons.find((r) => r.rule === 'resolution-at-risk')?.facts).toMatchObject({ field: 'slaStatus.resolution', actual: null });
    expect(decide({}).targetTier).toBe('tier-1');
    // SLA statuses are facts as of now; the SLA report's nextChangeAt says when they change.
    expect(decide({ slaStatus: { resolution: 'ok' } }).nextCheckAt).toBeNull();
  });

  it('takes the highest tier when several SLA rules fire, with their deadlines', () => {
    const d = decide({ slaStatus: { resolution: 'breached', firstResponse: 'missed' } });
    expect([d.targetTier, d.deadlines.reachBy?.toISOString()]).toEqual(['tier-3', '2026-11-23T16:00:00.000Z']);
  });

  it('tests each metric in the shared condition language: any of, not, present', () => {
    const rule = (slaStatus: Record<string, unknown>) => defineEscalationPolicy({ ...spec, rules: [{ id: 'r', tier: 'tier-2', when: { slaStatus } as never }] });
    const tierOf = (p: ReturnType<typeof rule>, slaStatus?: Record<string, string>) => decideEscalation(p, { createdAt: created, now: created, ...(slaStatus ? { slaStatus } : {}) } as never).targetTier;
    expect([tierOf(rule({ resolution: 'breached' }), { resolution: 'breached' }), tierOf(rule({ resolution: 'breached' }), { resolution: 'at-risk' })]).toEqual(['tier-2', 'tier-1']);
    expect([tierOf(rule({ resolution: { not: ['ok', 'met'] } }), { resolution: 'missed' }), tierOf(rule({ resolution: { not: ['ok', 'met'] } }), { resolution: 'met' })]).toEqual(['tier-2', 'tier-1']);
    // Not measured at all: no resolution clock (e.g. a ticket no SLA rule applies to).
    expect([tierOf(rule({ resolution: { present: false } })), tierOf(rule({ resolution: { present: false } }), { resolution: 'ok' })]).toEqual(['tier-2', 'tier-1']);
    // Several metrics: every one must hold.
    const both = rule({ resolution: 'at-risk', firstResponse: 'missed' });
    expect([tierOf(both, { resolution: 'at-risk', firstResponse: 'missed' }), tierOf(both, { resolution: 'at-risk', firstResponse: 'met' })]).toEqual(['tier-2', 'tier-1']);
  });

  it('law: a rule { metric: statuses } fires exactly when the case gives that metric one of the statuses', () => {
    fc.assert(
      fc.property(fc.subarray([...CLOCK_STATUSES], { minLength: 1 }), fc.constantFrom(...CLOCK_STATUSES), fc.constantFrom('resolution', 'firstResponse', 'nextResponse'), (statuses, status, metric) => {
        const p = defineEscalationPolicy({ ...spec, rules: [{ id: 'r', tier: 'tier-2', when: { slaStatus: { [metric]: statuses } } }] });
        const d = decideEscalation(p, { createdAt: created, now: created, slaStatus: { [metric]: status } });
        expect(d.fired.length === 1).toBe(statuses.includes(status));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the metrics a case may name: declared, or the SLA built-ins and those the rules name', () => {
  it('derives them: the five built-in metrics and any custom one a rule names, sorted', () => {
    expect(policy.vocabulary.metric).toEqual(['acknowledgement', 'firstResponse', 'nextResponse', 'periodicUpdate', 'resolution']);
    const custom = defineEscalationPolicy({ ...spec, rules: [...spec.rules, { id: 'rma', tier: 'tier-2', when: { slaStatus: { rmaIssued: 'breached' } } }] });
    expect(custom.vocabulary.metric).toEqual(['acknowledgement', 'firstResponse', 'nextResponse', 'periodicUpdate', 'resolution', 'rmaIssued']);
  });

  it('refuses a misspelt metric with a did-you-mean, never a silent "did not fire"', () => {
    const error = thrown(() => decide({ slaStatus: { resolutoin: 'at-risk' } }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect([error.code, error.path, error.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['slaStatus', 'resolutoin'], 'resolution']);
    expect(error.issues[0]?.allowed).toEqual(policy.vocabulary.metric);
    expect(error.message).toContain('declare "vocabulary.metric"');
  });

  it("refuses a custom metric of the SLA policy that the escalation policy does not know, and says how to declare it", () => {
    const error = thrown(() => decide({ slaStatus: { resolution: 'ok', onSiteVisit: 'breached' } }));
    expect([error.code, error.path]).toEqual(['UNKNOWN_IN_POLICY', ['slaStatus', 'onSiteVisit']]);
    const declared = defineEscalationPolicy({ ...spec, vocabulary: { metric: ['firstResponse', 'resolution', 'onSiteVisit'] } });
    expect(decideEscalation(declared, { createdAt: created, now: created, slaStatus: { resolution: 'ok', onSiteVisit: 'breached' } }).targetTier).toBe('tier-1');
    expect(declared.vocabulary.metric).toEqual(['firstResponse', 'resolution', 'onSiteVisit']);
    // Declared, the list is complete: a built-in metric left out of it is refused too.
    expect(errorOf(() => decideEscalation(declared, { createdAt: created, now: created, slaStatus: { nextResponse: 'ok' } }))).toEqual(['UNKNOWN_IN_POLICY', 'slaStatus.nextResponse']);
    expect(thrown(() => decideEscalation(declared, { createdAt: created, now: created, slaStatus: { nextResponse: 'ok' } })).message).toContain('add it to "vocabulary.metric"');
  });

  it('refuses a status outside the five clock statuses, with a did-you-mean, at the metric', () => {
    const error = thrown(() => decide({ slaStatus: { resolution: 'atrisk' } }));
    expect([error.code, error.path, error.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['slaStatus', 'resolution'], 'at-risk']);
    expect(error.message).toBe('at slaStatus.resolution: "atrisk" is not an SLA clock status; did you mean "at-risk"? The statuses are met, missed, ok, at-risk and breached.');
    expect(errorOf(() => decide({ slaStatus: { resolution: 3 } }))).toEqual(['INVALID_TYPE', 'slaStatus.resolution']);
    expect(errorOf(() => decide({ slaStatus: 'at-risk' }))).toEqual(['INVALID_TYPE', 'slaStatus']);
    expect(errorOf(() => decide({ slaStatus: null }))).toEqual(['INVALID_TYPE', 'slaStatus']);
  });

  it('law: a near-miss metric or status is refused at its own path', () => {
    fc.assert(
      fc.property(nearMiss(policy.vocabulary.metric), nearMiss(CLOCK_STATUSES), fc.boolean(), (metric, status, breakMetric) => {
        const slaStatus = breakMetric ? { [metric]: 'ok' } : { resolution: status };
        const error = thrown(() => decide({ slaStatus }));
        expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['UNKNOWN_IN_POLICY', `slaStatus.${breakMetric ? metric : 'resolution'}`]]);
      }),
      { numRuns: 150 },
    );
  });

  it('reports every problem of the case in one pass', () => {
    const error = thrown(() => decide({ slaStatus: { resolutoin: 'ok', resolution: 'Breached' }, failedVisits: -1 }));
    expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_IN_POLICY', 'slaStatus.resolutoin'],
      ['UNKNOWN_IN_POLICY', 'slaStatus.resolution'],
      ['INVALID_FACT', 'failedVisits'],
    ]);
  });

  it('keeps UNKNOWN_KEY for a misspelt field of the case beside a misspelt metric (only metrics are the policy\'s vocabulary)', () => {
    const error = thrown(() => decide({ severty: 'high', slaStatus: { resolutoin: 'ok' } }));
    expect(error.issues.map((i) => [i.code, i.path.join('.'), i.suggestion])).toEqual([
      ['UNKNOWN_KEY', 'severty', 'severity'],
      ['UNKNOWN_IN_POLICY', 'slaStatus.resolutoin', 'resolution'],
    ]);
  });
});

describe('slaStatus in a policy is checked at definition', () => {
  const issues = (rules: EscalationPolicySpec['rules'], vocabulary?: EscalationPolicySpec['vocabulary']) => {
    try {
      defineEscalationPolicy({ ...spec, rules, ...(vocabulary ? { vocabulary } : {}) });
    } catch (error) {
      // Definition issues carry the did-you-mean in their message.
      return (error as SupportRulesError).issues.map((i) => [i.code, i.path.join('.'), /did you mean "([^"]+)"/.exec(i.message)?.[1]]);
    }
    throw new Error('expected an EscalationPolicyError');
  };

  it('refuses a status that is not a clock status, with a did-you-mean, where it is written', () => {
    expect(issues([{ id: 'r', tier: 'tier-2', when: { slaStatus: { resolution: ['at-risk', 'Breached'] } } }])).toEqual([['UNKNOWN_IN_POLICY', 'rules.0.when.slaStatus.resolution.1', 'breached']]);
    expect(issues([{ id: 'r', tier: 'tier-2', when: { slaStatus: { resolution: { not: ['late'] } } } }])).toEqual([['UNKNOWN_IN_POLICY', 'rules.0.when.slaStatus.resolution.not.0', undefined]]);
    expect(issues([{ id: 'r', tier: 'tier-2', when: { slaStatus: { resolution: 'atrisk' } } }])).toEqual([['UNKNOWN_IN_POLICY', 'rules.0.when.slaStatus.resolution', 'at-risk']]);
  });

  it('refuses a metric name no SLA target could have (spelt as in SLA targets: letters, digits, - and _)', () => {
    expect(issues([{ id: 'r', tier: 'tier-2', when: { slaStatus: { 'resolution ': 'breached' } } }])).toEqual([['INVALID_FORMAT', 'rules.0.when.slaStatus.resolution ', undefined]]);
  });

  it('refuses an empty slaStatus and a metric outside a declared vocabulary', () => {
    expect(issues([{ id: 'r', tier: 'tier-2', when: { slaStatus: {} } }])).toEqual([['EMPTY', 'rules.0.when.slaStatus', undefined]]);
    expect(issues([{ id: 'r', tier: 'tier-2', when: { slaStatus: { resolutoin: 'breached' } } }], { metric: ['firstResponse', 'resolution'] })).toEqual([
      ['UNKNOWN_IN_POLICY', 'rules.0.when.slaStatus.resolutoin', 'resolution'],
    ]);
    expect(issues([{ id: 'r', tier: 'tier-2', when: { slaStatus: { resolution: ['breached'] } } }], { metric: ['resolution', 'resolution'] })).toEqual([['DUPLICATE_VALUE', 'vocabulary.metric.1', undefined]]);
  });

  it('still refuses a lowest-tier SLA rule without deadlines or workflows: it could never change a decision', () => {
    expect(issues([{ id: 'r', tier: 'tier-1', when: { slaStatus: { resolution: 'breached' } } }])).toEqual([['UNREACHABLE_RULE', 'rules.0', undefined]]);
  });
});
