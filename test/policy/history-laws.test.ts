import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCompensation } from '../../src/compensation/index.js';
import { SupportRulesError } from '../../src/errors/index.js';
import { decideEscalation } from '../../src/escalation/index.js';
import { decideInForce, definePolicyHistory, versionAt, type DecisionKind, type SupportPolicy } from '../../src/policy/index.js';
import { presets, presetSpecs, type PresetName } from '../../src/presets/index.js';
import { checkReturn } from '../../src/returns/index.js';
import { evaluateSla } from '../../src/sla/index.js';
import { checkWarrantyClaim } from '../../src/warranty/index.js';
import { errorOf } from '../helpers/errors.js';
import { history, iso, requestAt } from './history-fixtures.js';

// The laws of policy histories (docs/versions.md), each against a simple reference: one version
// for every instant in range, a one-version history deciding as the plain policy, asOf winning.

const ZONES = ['UTC', 'America/Chicago', 'America/Santiago', 'America/Havana', 'Asia/Beirut', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Asia/Kolkata'];

/** The local date of an instant by Intl, the reference's own way (not the library's zone table). */
const localDate = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
const dateText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A history without gaps: consecutive versions meet on a date; the first may start, the last may end, open. */
const gaplessHistory = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    start: fc.integer({ min: 18_000, max: 22_000 }), // 2019-04 to 2030-03, as day numbers
    lengths: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }),
    openStart: fc.boolean(),
    openEnd: fc.boolean(),
  })
  .map(({ zone, start, lengths, openStart, openEnd }) => {
    const bounds = lengths.reduce((days, length) => [...days, (days[days.length - 1] as number) + length], [start]);
    const versions = lengths.map((_, i) => ({
      id: 'x',
      version: `${i + 1}.0`,
      ...(i === 0 && openStart ? {} : { effectiveFrom: dateText(bounds[i] as number) }),
      ...(i === lengths.length - 1 && openEnd ? {} : { effectiveTo: dateText(bounds[i + 1] as number) }),
    }));
    return { json: { id: 'x', timeZone: zone, versions }, zone, first: bounds[0] as number, last: bounds[bounds.length - 1] as number };
  });

/** The reference: scan every version for the local date of the instant. */
function versionsFor(versions: readonly { version: string; effectiveFrom?: string; effectiveTo?: string }[], date: string): string[] {
  return versions.filter((v) => (v.effectiveFrom === undefined || v.effectiveFrom <= date) && (v.effectiveTo === undefined || date < v.effectiveTo)).map((v) => v.version);
}

describe('laws', () => {
  it('law: a history without gaps picks exactly one version for every instant in range, the one a scan of local dates finds', () => {
    fc.assert(
      fc.property(gaplessHistory, fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ json, zone, first, last }, before, where) => {
        const compiled = definePolicyHistory(json);
        // An instant from 40 days before the first date to 40 days after the last.
        const t = Math.floor((first - 40) * 86_400_000 + where * (last - first + 80) * 86_400_000 + before);
        const found = versionsFor(json.versions, localDate(t, zone));
        expect(found.length).toBeLessThanOrEqual(1);
        if (found.length === 1) expect(versionAt(compiled, t).version).toBe(found[0]);
        else expect(errorOf(() => versionAt(compiled, t))).toEqual(['NO_VERSION_IN_FORCE', 'at']);
        // Inside the dates the history covers, there is always exactly one.
        const date = localDate(t, zone);
        const covered = (json.versions[0]?.effectiveFrom ?? '') <= date && date < (json.versions[json.versions.length - 1]?.effectiveTo ?? '9999');
        if (covered) expect(found).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('law: the instant a version starts is the first instant of its local date, in every zone', () => {
    fc.assert(
      fc.property(gaplessHistory, ({ json, zone }) => {
        for (const version of definePolicyHistory(json).versions) {
          if (version.from === null) continue;
          const from = version.from.getTime();
          expect([localDate(from - 1, zone) < (version.effectiveFrom as string), localDate(from, zone)]).toEqual([true, version.effectiveFrom]);
        }
      }),
      { numRuns: 200 },
    );
  });

  const casesOf = (name: PresetName) =>
    (JSON.parse(readFileSync(resolve(__dirname, `../../examples/${name}.cases.json`), 'utf8')) as { cases: { kind: DecisionKind; given: Record<string, unknown> }[] }).cases.map((c) => ({ ...c, preset: name }));
  const presetCases = (['primos', 'pelpro', 'homepro', 'amare', 'trufit'] as const).flatMap(casesOf);
  const shifted = (given: unknown, ms: number): Record<string, unknown> =>
    JSON.parse(JSON.stringify(given).replace(/"(\d{4}-\d{2}-\d{2}T[^"]*(?:Z|[+-]\d{2}:\d{2}))"/g, (_, text: string) => JSON.stringify(new Date(Date.parse(text) + ms).toISOString())));
  /** The plain policy's decision, or its error as [code, path] in the request. */
  function plain(policy: SupportPolicy, kind: DecisionKind, given: Record<string, unknown>): unknown {
    try {
      const decide = {
        sla: () => evaluateSla(policy.sla!, given.ticket as never, given.now as never),
        return: () => checkReturn(policy.returns!, given as never),
        warranty: () => checkWarrantyClaim(policy.warranty!, given as never),
        compensation: () => decideCompensation(policy.compensation!, given as never),
        escalation: () => decideEscalation(policy.escalation!, given as never),
      }[kind];
      return decide();
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      return [error.code, kind === 'sla' && error.path[0] !== 'now' ? ['ticket', ...error.path] : error.path];
    }
  }
  function inForce(source: Parameters<typeof decideInForce>[0], kind: DecisionKind, given: Record<string, unknown>): unknown {
    try {
      const { policy, reasons, ...rest } = decideInForce(source, kind, given as never) as unknown as { policy: unknown; reasons: { code: string }[] };
      expect([policy, reasons[0]?.code]).toEqual([{ id: (source as { id: string }).id, version: '1.0' }, 'POLICY_VERSION']);
      return { ...rest, reasons: reasons.slice(1) };
    } catch (error) {
      if (!(error instanceof SupportRulesError)) throw error;
      return [error.code, error.path];
    }
  }

  it('law: a one-version history decides exactly as the plain policy, apart from the version reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...presetCases), fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 86_400_000 }), (c, days, ms) => {
        // Compensation needs an instant to pick the version by: the incident, a day before the case's own dates.
        const given = shifted(c.kind === 'compensation' ? { occurredAt: '2026-11-01T12:00:00Z', ...c.given } : c.given, days * 86_400_000 + ms);
        const expected = plain(presets[c.preset], c.kind, given);
        expect(inForce(presets[c.preset], c.kind, given)).toEqual(expected);
        expect(inForce(definePolicyHistory({ id: c.preset, timeZone: 'UTC', versions: [presetSpecs[c.preset]] }), c.kind, given)).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });

  it('law: asOf wins over the instants of the request', () => {
    const inRange = fc.integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2027, 6, 1) });
    fc.assert(
      fc.property(fc.constantFrom<DecisionKind>('sla', 'return', 'warranty', 'compensation', 'escalation'), inRange, inRange, (kind, at, asOf) => {
        const decision = decideInForce(history, kind, requestAt[kind](at) as never, { asOf: iso(asOf) });
        expect([decision.policy.version, decision.reasons[0]?.facts.chosenBy, decision.reasons[0]?.facts.at]).toEqual([versionAt(history, asOf).version, 'asOf', iso(asOf)]);
      }),
      { numRuns: 60 },
    );
  });
});
