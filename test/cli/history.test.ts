import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Io, run } from '../../src/cli/run.js';
import { FALL, historyDocument, iso, pelproVersion, requestAt, SPRING } from '../policy/history-fixtures.js';

// `support-rules check` and `explain` with a policy history: each case is decided by the version in
// force at the instant that matters for it (or its "asOf"), and its decision names the version.

const scratch = mkdtempSync(join(tmpdir(), 'support-rules-history-'));
const write = (name: string, value: unknown) => {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
async function runCli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => void out.push(text), err: (text) => void err.push(text), color: false, progress: false };
  return { code: await run(argv, io), out, err };
}

const HISTORY = write('pelpro.history.json', historyDocument);
const holidayReturn = (at: number) => ({ name: `a return bought at ${iso(at)}`, kind: 'return', given: { ...requestAt.return(at), requestedAt: iso(at + 40 * 86_400_000) } });

describe('check with a policy history', () => {
  it('names the versions with their dates, and each case the version that decided it', async () => {
    const cases = write('cases.json', {
      cases: [
        { ...holidayReturn(FALL - 1), expect: { policy: { version: '2.0' }, reasons: [{ code: 'POLICY_VERSION', facts: { chosenBy: 'purchasedAt' } }, { code: 'RETURN_LATE_ACCEPTED' }] } },
        { ...holidayReturn(FALL), expect: { policy: { version: '3.0' }, window: { days: 45 }, reasons: [{ code: 'RETURN_WITHIN_WINDOW' }] } },
        { name: 'asOf picks 1.0', kind: 'sla', asOf: iso(SPRING - 1), given: requestAt.sla(FALL), expect: { policy: { id: 'pelpro', version: '1.0' } } },
      ],
    });
    const { code, out } = await runCli(['check', HISTORY, cases]);
    expect(out[0]).toBe(`✓ ${HISTORY}: policy history pelpro is valid: 1.0 through 2026-03-07, 2.0 from 2026-03-08 through 2026-10-31, 3.0 from 2026-11-01 on (America/Chicago) (sections: sla, returns, warranty, compensation, escalation)`);
    expect(out.slice(1)).toEqual([
      '✓ a return bought at 2026-11-01T04:59:59.999Z — eligible (POLICY_VERSION, RETURN_LATE_ACCEPTED, FEE_APPLIED, FEE_NOT_APPLICABLE, QUOTE_BALANCE)',
      '✓ a return bought at 2026-11-01T05:00:00.000Z — eligible (POLICY_VERSION, RETURN_WITHIN_WINDOW, FEE_APPLIED, FEE_NOT_APPLICABLE, QUOTE_BALANCE)',
      expect.stringMatching(/^✓ asOf picks 1\.0 — rule email \(POLICY_VERSION, /),
      '3 case(s): 3 passed, 0 failed',
    ]);
    expect(code).toBe(0);
  });

  it('--json lists the versions, and each decision carries policy { id, version }', async () => {
    const cases = write('one.json', { cases: [holidayReturn(FALL)] });
    const { out } = await runCli(['check', HISTORY, cases, '--json']);
    expect(JSON.parse(out[0] as string)).toEqual({
      policy: {
        file: HISTORY,
        valid: true,
        id: 'pelpro',
        timeZone: 'America/Chicago',
        versions: [
          { version: '1.0', effectiveFrom: null, effectiveTo: '2026-03-08', sections: ['sla', 'returns', 'warranty', 'compensation', 'escalation'] },
          { version: '2.0', effectiveFrom: '2026-03-08', effectiveTo: '2026-11-01', sections: ['sla', 'returns', 'warranty', 'compensation', 'escalation'] },
          { version: '3.0', effectiveFrom: '2026-11-01', effectiveTo: null, sections: ['sla', 'returns', 'warranty', 'compensation', 'escalation'] },
        ],
        sections: ['sla', 'returns', 'warranty', 'compensation', 'escalation'],
      },
    });
    expect(JSON.parse(out[1] as string).case.decision.policy).toEqual({ id: 'pelpro', version: '3.0' });
  });

  it('reports a case no version can decide at its own path in the cases file', async () => {
    const bounded = write('bounded.json', { ...historyDocument, versions: [pelproVersion('1.0', { effectiveFrom: '2026-03-08', effectiveTo: '2026-11-01' }, (spec) => delete spec.compensation)] });
    const cases = write('outside.json', {
      cases: [
        holidayReturn(FALL),
        { name: 'asOf outside', kind: 'escalation', asOf: iso(SPRING - 1), given: requestAt.escalation(FALL - 1) },
        { name: 'no compensation section', kind: 'compensation', given: requestAt.compensation(FALL - 1) },
        { name: 'no instant', kind: 'compensation', given: { type: 'sla-breach' } },
      ],
    });
    const { code, out } = await runCli(['check', bounded, cases]);
    expect(code).toBe(1);
    expect(out.filter((line) => line.startsWith('    '))).toEqual([
      expect.stringMatching(/^ {4}NO_VERSION_IN_FORCE at cases\[0\]\.given\.purchasedAt: No version of "pelpro" is in force at the purchase, 2026-11-01 00:00 CDT \(05:00Z\)/),
      expect.stringMatching(/^ {4}NO_VERSION_IN_FORCE at cases\[1\]\.asOf: No version of "pelpro" is in force at the instant asked for \(asOf\)/),
      expect.stringMatching(/^ {4}UNKNOWN_IN_POLICY at cases\[2\]\.kind: pelpro 1\.0, the version in force at the incident \(2026-11-01T04:59:59\.999Z\), has no compensation section/),
      expect.stringMatching(/^ {4}REQUIRED at cases\[3\]\.given\.occurredAt: A policy history decides with the version in force at the incident/),
    ]);
  });

  it('prints every problem of an invalid history with its path', async () => {
    const broken = write('broken.json', { ...historyDocument, versions: [pelproVersion('1.0', { effectiveTo: '2026-11-01' }), pelproVersion('2.0', { effectiveFrom: '2026-11-02' })] });
    const { code, out } = await runCli(['check', broken]);
    expect(code).toBe(1);
    expect(out).toEqual([`✗ ${broken}: 1 problem(s)`, expect.stringMatching(/^ {2}versions\[1\]\.effectiveFrom {2}VERSION_GAP {2}No version is in force on 2026-11-01: "1\.0" ends before 2026-11-01/)]);
  });
});

describe('explain with a policy history, and asOf with a plain policy', () => {
  it('explain names the version first, in local time', async () => {
    const one = write('case.json', holidayReturn(FALL));
    const { code, out } = await runCli(['explain', HISTORY, one]);
    expect(code).toBe(0);
    expect(out[2]).toBe('  POLICY_VERSION  Decided under pelpro 3.0, in force from 2026-11-01 on (America/Chicago): the version in force at the purchase, 2026-11-01 00:00 CDT (05:00Z).');
  });

  it('a plain policy decides a case with asOf as a history of one version (its effective dates apply)', async () => {
    const plain = write('plain.json', pelproVersion('1.0', { effectiveFrom: '2026-03-08' }));
    const cases = write('as-of.json', {
      cases: [
        { name: 'as of 2026-03-08', kind: 'return', asOf: iso(SPRING), given: requestAt.return(FALL), expect: { policy: { version: '1.0' }, reasons: [{ code: 'POLICY_VERSION', facts: { chosenBy: 'asOf' } }, { code: 'RETURN_LATE_ACCEPTED' }] } },
        { name: 'as of the day before', kind: 'return', asOf: iso(SPRING - 1), given: requestAt.return(FALL) },
        { name: 'no asOf: as before', kind: 'return', given: requestAt.return(SPRING - 1), expect: { reasons: [{ code: 'RETURN_LATE_ACCEPTED' }] } },
      ],
    });
    const { out } = await runCli(['check', plain, cases]);
    expect(out[0]).toBe(`✓ ${plain}: policy pelpro 1.0 is valid (sections: sla, returns, warranty, compensation, escalation)`);
    expect(out[1]).toMatch(/^✓ as of 2026-03-08 — eligible \(POLICY_VERSION, RETURN_LATE_ACCEPTED/);
    expect(out[3]).toMatch(/^ {4}NO_VERSION_IN_FORCE at cases\[1\]\.asOf: /);
    expect(out[4]).toMatch(/^✓ no asOf: as before — eligible \(RETURN_LATE_ACCEPTED/);
  });

  it('refuses an asOf that is not an instant before running any case', async () => {
    const cases = write('bad-as-of.json', { cases: [{ kind: 'return', asOf: '2026-11-01', given: requestAt.return(FALL) }] });
    const { code, err } = await runCli(['check', HISTORY, cases]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/bad-as-of\.json: cases\[0\]\.asOf {2}INSTANT_WITHOUT_OFFSET/);
  });
});
