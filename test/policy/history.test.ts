import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { decideInForce, decisionInstant, definePolicyHistory, PolicyHistorySchema, policyHistoryJsonSchema, safeDefinePolicyHistory, versionAt } from '../../src/policy/index.js';
import { presetSpecs } from '../../src/presets/index.js';
import { errorOf, thrownError } from '../helpers/errors.js';
import { propertiesOf, type SchemaNode } from '../helpers/json-schema.js';
import { CHICAGO, FALL, history, historyDocument, iso, pelproVersion, SPRING } from './history-fixtures.js';

// A policy history: the versions of one policy, each in force between local dates in the
// history's zone (docs/versions.md). Worked tests of each section's instant that matters are in
// history-decisions.test.ts, the laws in history-laws.test.ts.

const bare = (version: string, dates: { effectiveFrom?: string; effectiveTo?: string } = {}, id = 'pelpro') => ({ id, version, ...dates });
const doc = (versions: unknown[], more: Record<string, unknown> = {}) => ({ id: 'pelpro', timeZone: CHICAGO, versions, ...more });
const issues = (json: unknown) => {
  const result = safeDefinePolicyHistory(json);
  return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path.join('.')]);
};
const messageOf = (json: unknown, code: string) => safeDefinePolicyHistory(json).error?.issues.find((issue) => issue.code === code)?.message;

describe('definePolicyHistory', () => {
  it('compiles each version once, with the instants its local dates stand for in the history zone', () => {
    expect(history.versions.map((v) => [v.version, v.effectiveFrom, v.effectiveTo, v.from?.toISOString() ?? null, v.to?.toISOString() ?? null])).toEqual([
      ['1.0', null, '2026-03-08', null, '2026-03-08T06:00:00.000Z'],
      ['2.0', '2026-03-08', '2026-11-01', '2026-03-08T06:00:00.000Z', '2026-11-01T05:00:00.000Z'],
      ['3.0', '2026-11-01', null, '2026-11-01T05:00:00.000Z', null],
    ]);
    expect(history.versions[2]?.policy.returns?.spec.windows[0]?.days).toBe(45);
    expect([history.id, history.timeZone, history.spec.versions.length, Object.isFrozen(history)]).toEqual(['pelpro', CHICAGO, 3, true]);
  });

  it('takes a SupportPolicy document as a history of one version, its problems at their own paths', () => {
    const one = definePolicyHistory(presetSpecs.primos);
    expect([one.id, one.timeZone, one.versions.map((v) => [v.version, v.from, v.to])]).toEqual(['primos', 'America/New_York', [['1.0', null, null]]]);
    expect(issues({ ...bare('1.0'), version: 'one' })).toEqual([['INVALID_FORMAT', 'version']]);
  });

  it('is throwing and safe alike, and the zod schema alone reports the same problems across versions', () => {
    const gap = doc([bare('1.0', { effectiveTo: '2026-11-01' }), bare('2.0', { effectiveFrom: '2026-11-02' })]);
    expect(thrownError(() => definePolicyHistory(gap)).name).toBe('PolicyHistoryError');
    expect(PolicyHistorySchema.safeParse(gap).error?.issues.map((issue) => [(issue as { params?: { code?: string } }).params?.code, issue.path.join('.')])).toEqual([['VERSION_GAP', 'versions.1.effectiveFrom']]);
  });

  it('has a JSON Schema whose versions are SupportPolicy documents, every field described, that a standard validator follows', () => {
    const schema = policyHistoryJsonSchema() as { required: string[]; properties: { versions: { items: { properties: Record<string, unknown> } } } };
    expect(schema.required).toEqual(['id', 'timeZone', 'versions']);
    expect(Object.keys(schema.properties.versions.items.properties)).toEqual(expect.arrayContaining(['id', 'version', 'effectiveFrom', 'effectiveTo', 'returns', 'sla']));
    expect(propertiesOf(schema as SchemaNode).filter((property) => typeof property.schema.description !== 'string')).toEqual([]);
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    expect([validate(historyDocument), validate({ ...historyDocument, timeZone: undefined }), validate({ ...historyDocument, versions: [] })]).toEqual([true, false, false]);
  });
});

describe('validation, every problem with its path', () => {
  it('VERSION_GAP: days no version covers, naming both versions and dates', () => {
    const json = doc([bare('1.0', { effectiveTo: '2026-11-01' }), bare('2.0', { effectiveFrom: '2026-11-15' })]);
    expect(issues(json)).toEqual([['VERSION_GAP', 'versions.1.effectiveFrom']]);
    expect(messageOf(json, 'VERSION_GAP')).toBe(
      'No version is in force from 2026-11-01 through 2026-11-14: "1.0" ends before 2026-11-01 (its "effectiveTo", exclusive) and version "2.0" starts on 2026-11-15. Make this "effectiveFrom" 2026-11-01, or the "effectiveTo" of "1.0" 2026-11-15.',
    );
  });

  it('VERSION_OVERLAP: days two versions would both cover', () => {
    const json = doc([bare('1.0', { effectiveTo: '2026-11-02' }), bare('2.0', { effectiveFrom: '2026-11-01' })]);
    expect(issues(json)).toEqual([['VERSION_OVERLAP', 'versions.1.effectiveFrom']]);
    expect(messageOf(json, 'VERSION_OVERLAP')).toBe(
      'Version "2.0" starts on 2026-11-01, but "1.0" is in force until 2026-11-02 (its "effectiveTo", exclusive): both would be in force on 2026-11-01. Make this "effectiveFrom" 2026-11-02, or the "effectiveTo" of "1.0" 2026-11-01.',
    );
    // A version inside another overlaps for its own length.
    const inside = doc([bare('1.0', { effectiveFrom: '2026-01-01', effectiveTo: '2026-12-01' }), bare('2.0', { effectiveFrom: '2026-11-01', effectiveTo: '2026-11-10' })]);
    expect(messageOf(inside, 'VERSION_OVERLAP')).toContain('both would be in force from 2026-11-01 through 2026-11-09');
  });

  it('VERSION_ORDER: versions are listed oldest first', () => {
    const json = doc([bare('2.0', { effectiveFrom: '2026-11-01', effectiveTo: '2027-01-01' }), bare('1.0', { effectiveFrom: '2026-01-01', effectiveTo: '2026-11-01' })]);
    expect(issues(json)).toEqual([['VERSION_ORDER', 'versions.1.effectiveFrom']]);
    expect(messageOf(json, 'VERSION_ORDER')).toBe('Version "1.0" starts on 2026-01-01, before "2.0", which is listed above it and starts on 2026-11-01; list the versions in date order, oldest first.');
  });

  it('REQUIRED: only the first version may leave out effectiveFrom, only the last effectiveTo', () => {
    const json = doc([bare('1.0'), bare('2.0'), bare('3.0', { effectiveFrom: '2027-01-01' })]);
    expect(issues(json)).toEqual([
      ['REQUIRED', 'versions.0.effectiveTo'],
      ['REQUIRED', 'versions.1.effectiveFrom'],
      ['REQUIRED', 'versions.1.effectiveTo'],
    ]);
    expect(messageOf(json, 'REQUIRED')).toBe('Only the last version may leave out "effectiveTo"; version "1.0" is followed by "2.0", so give the first local date it is no longer in force.');
    expect(safeDefinePolicyHistory(json).error?.issues[2]?.message).toBe(
      'Only the last version may leave out "effectiveTo"; version "2.0" is followed by "3.0", so give the first local date it is no longer in force ("3.0" starts on 2027-01-01).',
    );
  });

  it('POLICY_ID_MISMATCH and DUPLICATE_VALUE: versions of one policy, each listed once', () => {
    const json = doc([bare('1.0', { effectiveTo: '2026-11-01' }), bare('1.0', { effectiveFrom: '2026-11-01', effectiveTo: '2027-01-01' }), bare('2.0', { effectiveFrom: '2027-01-01' }, 'primos')]);
    expect(issues(json)).toEqual([
      ['DUPLICATE_VALUE', 'versions.1.version'],
      ['POLICY_ID_MISMATCH', 'versions.2.id'],
    ]);
    expect(messageOf(json, 'DUPLICATE_VALUE')).toBe('Version "1.0" is already listed at versions[0].version; give each version of a history its own "version".');
    expect(messageOf(json, 'POLICY_ID_MISMATCH')).toContain('Version "2.0" is a version of the policy "primos", but this history is "pelpro"');
  });

  it("reports each version's own problems at versions.<i>.<path>, and the history's shape", () => {
    const broken = pelproVersion('2.0', { effectiveFrom: '2026-11-01' }, (spec) => {
      (spec.returns?.windows[0] as { days: unknown }).days = 'thirty';
    });
    expect(issues(doc([pelproVersion('1.0', { effectiveTo: '2026-11-01' }), broken]))).toEqual([['INVALID_TYPE', 'versions.1.returns.windows.0.days']]);
    expect(issues(doc([bare('1.0', { effectiveFrom: '2026-11-01', effectiveTo: '2026-10-01' })]))).toEqual([['EFFECTIVE_ORDER', 'versions.0.effectiveTo']]);
    // A version whose own dates are out of order is not compared with its neighbours (that would only guess).
    expect(issues(doc([bare('1.0', { effectiveTo: '2026-11-01' }), bare('2.0', { effectiveFrom: '2027-01-01', effectiveTo: '2026-12-01' })]))).toEqual([['EFFECTIVE_ORDER', 'versions.1.effectiveTo']]);
    expect(issues(doc([bare('1.0')], { timeZone: 'America/Chicgo' }))).toEqual([['INVALID_TIME_ZONE', 'timeZone']]);
    expect(issues(doc([]))).toEqual([['EMPTY', 'versions']]);
    expect(issues({ id: 'pelpro', versions: [bare('1.0')], timezone: CHICAGO })).toEqual([
      ['REQUIRED', 'timeZone'],
      ['UNKNOWN_KEY', 'timezone'],
    ]);
    expect(issues(doc([bare('1.0', { effectiveFrom: '2026-02-30' })]))).toEqual([['INVALID_DATE', 'versions.0.effectiveFrom']]);
    // A misspelt "versions" beside a timeZone is a history's problem, not a policy's.
    const misspelt = safeDefinePolicyHistory({ id: 'pelpro', timeZone: CHICAGO, verisons: [bare('1.0')] }).error?.issues;
    expect(misspelt?.map((issue) => [issue.code, issue.path.join('.'), issue.suggestion])).toEqual([
      ['REQUIRED', 'versions', undefined],
      ['UNKNOWN_KEY', 'verisons', 'versions'],
    ]);
    expect(issues([bare('1.0')])).toEqual([['INVALID_TYPE', '']]);
  });
});

describe('versionAt', () => {
  it('takes effectiveFrom from local midnight (inclusive) and effectiveTo exclusive, across both DST changes', () => {
    expect([SPRING - 1, SPRING, FALL - 1, FALL].map((t) => versionAt(history, t).version)).toEqual(['1.0', '2.0', '2.0', '3.0']);
    expect(versionAt(history, '2026-11-01T00:00:00-05:00').version).toBe('3.0');
  });

  it('where DST skips local midnight, a version starts at the first instant of its day', () => {
    // America/Santiago: on 2026-09-06 clocks go from 00:00 to 01:00, so the day begins at 01:00 -03 (04:00Z).
    const santiago = definePolicyHistory({ id: 'x', timeZone: 'America/Santiago', versions: [bare('1.0', { effectiveTo: '2026-09-06' }, 'x'), bare('2.0', { effectiveFrom: '2026-09-06' }, 'x')] });
    expect(santiago.versions[1]?.from?.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect([versionAt(santiago, '2026-09-06T03:59:59.999Z').version, versionAt(santiago, '2026-09-06T04:00:00Z').version]).toEqual(['1.0', '2.0']);
  });

  it('is NO_VERSION_IN_FORCE outside the versions, and refuses a bad instant at "at"', () => {
    const bounded = definePolicyHistory(doc([bare('1.0', { effectiveFrom: '2026-03-08', effectiveTo: '2026-11-01' })]));
    const error = thrownError(() => versionAt(bounded, FALL));
    expect([error.code, error.path, error.details]).toEqual(['NO_VERSION_IN_FORCE', ['at'], { at: iso(FALL), localDate: '2026-11-01', timeZone: CHICAGO, from: '2026-03-08', to: '2026-11-01' }]);
    expect(error.message).toContain('its versions cover the dates from 2026-03-08 through 2026-10-31. Add a version for that date to the history.');
    expect(errorOf(() => versionAt(bounded, SPRING - 1))).toEqual(['NO_VERSION_IN_FORCE', 'at']);
    expect(errorOf(() => versionAt(bounded, '2026-11-01'))).toEqual(['INSTANT_WITHOUT_OFFSET', 'at']);
    expect(errorOf(() => versionAt({ versions: [] } as never, FALL))).toEqual(['INVALID_POLICY_HISTORY', '']);
  });
});

describe('the doc comments, as written', () => {
  const twoVersions = { id: 'pelpro', timeZone: 'America/Chicago', versions: [bare('1.0', { effectiveTo: '2026-11-01' }), bare('2.0', { effectiveFrom: '2026-11-01' })] };

  it('PolicyHistorySchema, safeDefinePolicyHistory, definePolicyHistory, versionAt, decisionInstant', () => {
    expect(PolicyHistorySchema.safeParse(twoVersions).success).toBe(true);
    expect(policyHistoryJsonSchema().required).toEqual(['id', 'timeZone', 'versions']);
    const gap = safeDefinePolicyHistory({ ...twoVersions, versions: [bare('1.0', { effectiveTo: '2026-11-01' }), bare('2.0', { effectiveFrom: '2026-11-15' })] });
    expect(gap.error?.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual([['VERSION_GAP', 'versions.1.effectiveFrom']]);
    const compiled = definePolicyHistory(twoVersions);
    expect(compiled.versions[1]?.from?.toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect([versionAt(compiled, '2026-11-01T04:59:59.999Z').version, versionAt(compiled, '2026-11-01T05:00:00.000Z').version]).toEqual(['1.0', '2.0']);
    expect(decisionInstant('return', { deliveredAt: '2026-12-03T10:00:00-06:00', requestedAt: '2026-12-20T10:00:00-06:00' })).toEqual({ at: new Date('2026-12-03T16:00:00.000Z'), chosenBy: 'deliveredAt' });
  });

  it('decideInForce', () => {
    const holidays = definePolicyHistory({
      id: 'pelpro',
      timeZone: 'America/Chicago',
      versions: [
        pelproVersion('1.0', { effectiveTo: '2026-11-01' }),
        pelproVersion('2.0', { effectiveFrom: '2026-11-01' }, (spec) => {
          (spec.returns?.windows[0] as { days: number }).days = 45;
        }),
      ],
    });
    const request = { category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], purchasedAt: '2026-11-20T10:00:00-06:00', deliveredAt: '2026-11-24T10:00:00-06:00', requestedAt: '2027-01-02T10:00:00-06:00' } as const;
    const decision = decideInForce(holidays, 'return', request as never);
    expect(decision.policy).toEqual({ id: 'pelpro', version: '2.0' });
    expect(decision.reasons[0]?.message).toBe('Decided under pelpro 2.0, in force from 2026-11-01 on (America/Chicago): the version in force at the purchase, 2026-11-20 10:00 CST (16:00Z).');
    expect(decideInForce(holidays, 'return', request as never, { version: '1.0' }).policy.version).toBe('1.0');
  });
});
