import { describe, expect, it } from 'vitest';
import { decideInForce, decisionInstant, definePolicy, definePolicyHistory, type DecisionKind } from '../../src/policy/index.js';
import { presets } from '../../src/presets/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';
import { DAY, FALL, history, historyDocument, iso, pelproVersion, requestAt, SPRING } from './history-fixtures.js';

// The instant that matters, per section (docs/versions.md), one millisecond either side of local
// midnight on the two nights Chicago's clocks change: 2026-03-07 is the last day of 1.0 and
// 2026-03-08 the first of 2.0; 2026-10-31 the last of 2.0 and 2026-11-01 the first of 3.0.

const decide = <K extends DecisionKind>(kind: K, request: unknown, options?: { asOf?: string; version?: string }) => decideInForce(history, kind, request as never, options);
const versionFor = (kind: DecisionKind, at: number) => decide(kind, requestAt[kind](at)).policy.version;

describe('the instant that matters, at the boundaries of versions (America/Chicago)', () => {
  const KINDS: readonly [DecisionKind, string][] = [
    ['sla', "the ticket's creation (its created event)"],
    ['return', 'the purchase (purchasedAt)'],
    ['warranty', 'the purchase (purchasedAt)'],
    ['compensation', 'the incident (occurredAt)'],
    ['escalation', "the case's creation (createdAt)"],
  ];

  it.each(KINDS)('%s: decided by the version in force at %s, from local midnight inclusive', (kind) => {
    expect(versionFor(kind, SPRING - 1)).toBe('1.0'); // 2026-03-07 23:59:59.999 CST, the last day of 1.0
    expect(versionFor(kind, SPRING)).toBe('2.0'); // 2026-03-08 00:00 CST, the day clocks go forward
    expect(versionFor(kind, FALL - 1)).toBe('2.0'); // 2026-10-31 23:59:59.999 CDT, the last day of 2.0
    expect(versionFor(kind, FALL)).toBe('3.0'); // 2026-11-01 00:00 CDT, the night clocks go back
    // The whole first day is the new version's: 25 hours, its repeated hour (01:00-02:00) included.
    expect(versionFor(kind, FALL + 25 * 3_600_000 - 1)).toBe('3.0');
  });

  it('names the version, its dates and the instant in the first reason', () => {
    const decision = decide('return', requestAt.return(FALL));
    expect(decision.policy).toEqual({ id: 'pelpro', version: '3.0' });
    expect(decision.reasons[0]).toEqual({
      code: 'POLICY_VERSION',
      facts: { policyId: 'pelpro', version: '3.0', effectiveFrom: '2026-11-01', effectiveTo: null, timeZone: 'America/Chicago', chosenBy: 'purchasedAt', at: '2026-11-01T05:00:00.000Z', localDate: '2026-11-01' },
      message: 'Decided under pelpro 3.0, in force from 2026-11-01 on (America/Chicago): the version in force at the purchase, 2026-11-01 00:00 CDT (05:00Z).',
    });
    const before = decide('sla', requestAt.sla(SPRING - 1)).reasons[0];
    expect(before?.message).toBe("Decided under pelpro 1.0, in force through 2026-03-07 (America/Chicago): the version in force at the ticket's creation, 2026-03-07 23:59:59.999 CST (2026-03-08 05:59:59.999Z).");
    expect(decide('escalation', requestAt.escalation(SPRING)).reasons[0]?.facts).toMatchObject({ version: '2.0', effectiveFrom: '2026-03-08', effectiveTo: '2026-11-01', chosenBy: 'createdAt', localDate: '2026-03-08' });
  });

  it('decides with the version in force: a holiday purchase gets the 45-day window, one the day before 30 days', () => {
    const late = (at: number) => decide('return', { ...requestAt.return(at), requestedAt: iso(at + 40 * DAY) });
    expect([late(FALL).outcome, late(FALL).reasons[1]?.code, late(FALL).window.days]).toEqual(['eligible', 'RETURN_WITHIN_WINDOW', 45]);
    expect([late(FALL - 1).reasons[1]?.code, late(FALL - 1).window.days]).toEqual(['RETURN_LATE_ACCEPTED', 30]);
  });

  it('returns: the purchase wins over the delivery; without a purchase, the delivery, then the last item delivered', () => {
    const base = { category: 'electronics', price: '129.99', condition: 'opened', requestedAt: iso(FALL + 10 * DAY) };
    expect(decisionInstant('return', { ...base, purchasedAt: iso(FALL - 1), deliveredAt: iso(FALL + DAY) })).toEqual({ at: new Date(FALL - 1), chosenBy: 'purchasedAt' });
    expect(decisionInstant('return', { ...base, deliveredAt: iso(FALL), lastItemDeliveredAt: iso(FALL - DAY) })).toEqual({ at: new Date(FALL), chosenBy: 'deliveredAt' });
    expect(decisionInstant('return', { ...base, lastItemDeliveredAt: iso(FALL - 1) })).toEqual({ at: new Date(FALL - 1), chosenBy: 'lastItemDeliveredAt' });
    const delivered = decide('return', { ...base, evidence: ['proofOfPurchase'], deliveredAt: iso(FALL - 1) });
    expect([delivered.policy.version, delivered.reasons[0]?.facts.chosenBy]).toEqual(['2.0', 'deliveredAt']);
    expect(delivered.reasons[0]?.message).toContain('the version in force at the delivery, 2026-10-31 23:59:59.999 CDT');
    const none = thrownError(() => decide('return', base));
    expect([none.code, none.path]).toEqual(['REQUIRED', ['purchasedAt']]);
    expect(none.message).toBe('at purchasedAt: A policy history decides with the version in force at the purchase: give "purchasedAt" (or, without it, "deliveredAt" or "lastItemDeliveredAt"), or pass the instant to decide as of (asOf).');
    // A purchase given but unusable is an error there, never a reason to read the delivery.
    expect(errorOf(() => decide('return', { ...base, purchasedAt: '2026-10-31T12:00:00', deliveredAt: iso(FALL) }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'purchasedAt']);
  });

  it('compensation: the incident, else the delivery, else the promised delivery; none is REQUIRED at occurredAt', () => {
    const incident = { type: 'sla-breach', tier: 'partner', monthlyFee: '500.00' };
    expect(decide('compensation', { ...incident, deliveredAt: iso(FALL), promisedAt: iso(FALL - DAY) }).reasons[0]?.facts).toMatchObject({ chosenBy: 'deliveredAt', version: '3.0' });
    expect(decide('compensation', { ...incident, promisedAt: iso(FALL - 1) }).reasons[0]?.facts).toMatchObject({ chosenBy: 'promisedAt', version: '2.0' });
    expect(decide('compensation', { ...incident, occurredAt: iso(FALL - 1), deliveredAt: iso(FALL) }).policy.version).toBe('2.0');
    const none = thrownError(() => decide('compensation', incident));
    expect([none.code, none.path]).toEqual(['REQUIRED', ['occurredAt']]);
    expect(none.message).toContain('give "occurredAt" (or, without it, "deliveredAt" or "promisedAt"), or pass the instant to decide as of (asOf)');
    expect(decide('compensation', incident, { asOf: iso(SPRING) }).policy.version).toBe('2.0');
  });

  it('sla: the created event, wherever it is listed; a ticket without exactly one is refused at its path', () => {
    const ticket = { channel: 'email', events: [{ type: 'customerReply', at: iso(FALL + 60_000) }, { type: 'created', at: iso(FALL - 1) }] };
    expect(decide('sla', { ticket, now: iso(FALL + 3_600_000) }).policy.version).toBe('2.0');
    expect(errorOf(() => decide('sla', { ticket: { channel: 'email', events: [] }, now: iso(FALL) }))).toEqual(['MISSING_CREATED', 'ticket.events']);
    const twice = { channel: 'email', events: [{ type: 'created', at: iso(FALL) }, { type: 'created', at: iso(FALL + 1) }] };
    expect(errorOf(() => decide('sla', { ticket: twice, now: iso(FALL + 2) }))).toEqual(['DUPLICATE_CREATED', 'ticket.events.1']);
    expect(errorOf(() => decide('sla', { ticket: { events: [{ type: 'created', at: 'noon' }] }, now: iso(FALL) }))).toEqual(['INVALID_INSTANT', 'ticket.events.0.at']);
    expect(errorOf(() => decide('sla', { ticket: requestAt.sla(FALL).ticket, now: iso(FALL), extra: 1 }))).toEqual(['UNKNOWN_KEY', 'extra']);
  });

  it("sla: the section's problems keep their paths in { ticket, now }", () => {
    const wrong = thrownError(() => decide('sla', { ticket: { channel: 'emial', events: [{ type: 'created', at: iso(FALL) }] }, now: iso(FALL + 1) }));
    expect([wrong.code, wrong.path, wrong.issues[0]?.suggestion]).toEqual(['UNKNOWN_IN_POLICY', ['ticket', 'channel'], 'email']);
    expect(errorOf(() => decide('sla', { ticket: requestAt.sla(FALL).ticket, now: iso(FALL - 1) }))).toEqual(['NOW_BEFORE_CREATED', 'now']);
  });

  it('warranty and escalation read their one required instant, REQUIRED when it is missing', () => {
    expect(errorOf(() => decide('warranty', { category: 'electronics', claimedAt: iso(FALL) }))).toEqual(['REQUIRED', 'purchasedAt']);
    expect(errorOf(() => decide('escalation', { severity: 'sev1', now: iso(FALL) }))).toEqual(['REQUIRED', 'createdAt']);
    expect(errorOf(() => decide('escalation', 'a case'))).toEqual(['INVALID_TYPE', '']);
  });
});

describe('asOf and version pick the version instead', () => {
  it('asOf wins over every instant of the request', () => {
    const decision = decide('warranty', requestAt.warranty(FALL), { asOf: iso(SPRING - 1) });
    expect(decision.policy.version).toBe('1.0');
    expect(decision.reasons[0]?.facts).toMatchObject({ chosenBy: 'asOf', at: iso(SPRING - 1), localDate: '2026-03-07' });
    expect(decision.reasons[0]?.message).toContain('the version in force at the instant asked for (asOf), 2026-03-07 23:59:59.999 CST');
    // asOf picks the version only: the request's own dates still count (the claim is judged at claimedAt).
    expect(decision.outcome).toBe(decide('warranty', requestAt.warranty(FALL), { version: '1.0' }).outcome);
  });

  it('version decides with a named version whatever the dates (a what-if)', () => {
    const whatIf = decide('return', requestAt.return(FALL - DAY), { version: '3.0' });
    expect([whatIf.policy.version, whatIf.window.days, whatIf.reasons[0]?.facts.chosenBy, whatIf.reasons[0]?.facts.at]).toEqual(['3.0', 45, 'version', null]);
    expect(whatIf.reasons[0]?.message).toBe('Decided under pelpro 3.0, in force from 2026-11-01 on (America/Chicago): the version asked for (option "version").');
    const unknown = thrownError(() => decide('return', requestAt.return(FALL), { version: '3' }));
    expect([unknown.code, unknown.path, unknown.issues[0]?.allowed]).toEqual(['UNKNOWN_IN_POLICY', ['version'], ['1.0', '2.0', '3.0']]);
    expect(errorOf(() => decide('return', requestAt.return(FALL), { version: '3.0', asOf: iso(FALL) }))).toEqual(['CONFLICTING_FIELDS', 'version']);
    expect(errorOf(() => decide('return', requestAt.return(FALL), { asof: iso(FALL) } as never))).toEqual(['UNKNOWN_KEY', 'asof']);
    expect(errorOf(() => decide('return', requestAt.return(FALL), { asOf: '2026-11-01' }))).toEqual(['INSTANT_WITHOUT_OFFSET', 'asOf']);
  });
});

describe('outside every version, and versions without the section', () => {
  const bounded = definePolicyHistory({ ...historyDocument, versions: [pelproVersion('1.0', { effectiveFrom: '2026-03-08', effectiveTo: '2026-11-01' })] });

  it('an instant no version covers is NO_VERSION_IN_FORCE at the field that gave it, with its local date and the range', () => {
    const error = thrownError(() => decideInForce(bounded, 'return', requestAt.return(FALL) as never));
    expect([error.code, error.path, error.name]).toEqual(['NO_VERSION_IN_FORCE', ['purchasedAt'], 'NoVersionInForceError']);
    expect(error.details).toEqual({ at: '2026-11-01T05:00:00.000Z', localDate: '2026-11-01', timeZone: 'America/Chicago', from: '2026-03-08', to: '2026-11-01' });
    expect(error.message).toBe(
      'at purchasedAt: No version of "pelpro" is in force at the purchase, 2026-11-01 00:00 CDT (05:00Z), the local date 2026-11-01 in America/Chicago: its versions cover the dates from 2026-03-08 through 2026-10-31. Add a version for that date, or decide as of an instant that has one (asOf).',
    );
    expect(errorOf(() => decideInForce(bounded, 'sla', requestAt.sla(SPRING - 1) as never))).toEqual(['NO_VERSION_IN_FORCE', 'ticket.events.0.at']);
    expect(errorOf(() => decideInForce(bounded, 'escalation', requestAt.escalation(FALL) as never, { asOf: iso(SPRING - 1) }))).toEqual(['NO_VERSION_IN_FORCE', 'asOf']);
  });

  it('a version without the section the request needs is UNKNOWN_IN_POLICY at kind, naming the version', () => {
    const withoutReturns = definePolicyHistory({
      ...historyDocument,
      versions: [pelproVersion('1.0', { effectiveTo: '2026-11-01' }, (spec) => delete spec.returns), pelproVersion('2.0', { effectiveFrom: '2026-11-01' })],
    });
    const error = thrownError(() => decideInForce(withoutReturns, 'return', requestAt.return(FALL - 1) as never));
    expect([error.code, error.path]).toEqual(['UNKNOWN_IN_POLICY', ['kind']]);
    expect(error.message).toBe(
      'at kind: pelpro 1.0, the version in force at the purchase (2026-11-01T04:59:59.999Z), has no returns section, so it cannot decide a return request; its sections are sla, warranty, compensation and escalation.',
    );
    expect(decideInForce(withoutReturns, 'return', requestAt.return(FALL) as never).policy.version).toBe('2.0');
  });

  it('refuses an unknown kind with a did-you-mean, and a value that is neither a history nor a policy', () => {
    const kind = thrownError(() => decideInForce(history, 'returns' as never, requestAt.return(FALL) as never));
    expect([kind.code, kind.path, kind.issues[0]?.suggestion]).toEqual(['INVALID_VALUE', ['kind'], 'return']);
    expect(errorOf(() => decideInForce({ id: 'x' } as never, 'return', requestAt.return(FALL) as never))).toEqual(['INVALID_POLICY_HISTORY', '']);
  });
});

describe('a plain policy is a history of one version', () => {
  it('decides with the policy itself, naming its version; undated, it is in force at every date', () => {
    const decision = decideInForce(presets.pelpro, 'escalation', requestAt.escalation(FALL) as never);
    expect(decision.policy).toEqual({ id: 'pelpro', version: '1.0' });
    expect(decision.reasons[0]?.message).toBe("Decided under pelpro 1.0, in force at every date: the version in force at the case's creation, 2026-11-01 00:00 CDT (05:00Z).");
  });

  it("reads a dated policy's effective dates in the one zone its sections use", () => {
    const dated = definePolicy(pelproVersion('2.0', { effectiveFrom: '2026-11-01' }));
    expect(errorOf(() => decideInForce(dated, 'return', requestAt.return(FALL - 1) as never))).toEqual(['NO_VERSION_IN_FORCE', 'purchasedAt']);
    expect(decideInForce(dated, 'return', requestAt.return(FALL) as never).policy.version).toBe('2.0');
  });

  it('a dated policy whose sections use several zones must be written as a history', () => {
    const twoZones = definePolicy(
      pelproVersion('2.0', { effectiveFrom: '2026-11-01' }, (spec) => {
        (spec.returns as { timeZone: string }).timeZone = 'America/New_York';
      }),
    );
    const error = thrownError(() => decideInForce(twoZones, 'return', requestAt.return(FALL) as never));
    expect([error.code, error.path, error.name]).toEqual(['REQUIRED', ['timeZone'], 'PolicyHistoryError']);
    expect(error.message).toContain('its sections use several time zones (America/Chicago and America/New_York)');
  });
});
