// The policy-author CLI: `support-rules check <policy.json> [cases.json]` and
// `support-rules explain <policy.json> <case.json>`. `run` takes its I/O as parameters so tests
// can drive it in-process; bin.ts wires it to the real process.

import { readFileSync } from 'node:fs';
import { parseIsoInstant } from '../_lib/iso.js';
import type { Reason } from '../_lib/reason.js';
import { decideCompensation } from '../compensation/index.js';
import { SupportRulesError } from '../errors/index.js';
import { decideEscalation } from '../escalation/index.js';
import { safeDefinePolicy, type SupportPolicy } from '../policy/index.js';
import { presetSpecs, type PresetName } from '../presets/index.js';
import { checkReturn } from '../returns/index.js';
import { evaluateSla } from '../sla/index.js';
import { checkWarrantyClaim } from '../warranty/index.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly color: boolean;
  readonly progress: boolean;
}

const KINDS = ['sla', 'return', 'warranty', 'compensation', 'escalation'] as const;
type Kind = (typeof KINDS)[number];

interface Case {
  readonly name?: string;
  readonly kind: Kind;
  readonly given: Record<string, unknown>;
  readonly expect?: unknown;
}

const USAGE = `Usage:
  support-rules check <policy.json> [cases.json] [--json]
  support-rules explain <policy.json> <case.json> [--json]

<policy.json> may also be preset:<name> for a built-in preset (${Object.keys(presetSpecs).join(', ')}).

check    validates a policy (every problem with its JSON path) and runs its example cases
explain  prints one decision with its full trace
A case is { "name", "kind": "sla" | "return" | "warranty" | "compensation" | "escalation",
"given": { … }, "expect": { … } }; instants are ISO 8601 strings with an offset.`;

/** Turns ISO strings under keys ending in "At" (and "now") into Dates, recursively. */
function reviveInstants(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && (key.endsWith('At') || key === 'now')) {
    const ms = parseIsoInstant(value);
    return Number.isNaN(ms) ? value : new Date(ms);
  }
  if (Array.isArray(value)) return value.map((item) => reviveInstants(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveInstants(v, k)]));
  return value;
}

function decide(policy: SupportPolicy, c: Case): unknown {
  // Case files are untyped JSON: the decision functions check their input and throw typed errors.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const given = reviveInstants(c.given) as any;
  const section = { sla: policy.sla, return: policy.returns, warranty: policy.warranty, compensation: policy.compensation, escalation: policy.escalation }[c.kind];
  if (!section) throw new Error(`the policy has no ${c.kind === 'return' ? 'returns' : c.kind} section`);
  switch (c.kind) {
    case 'sla':
      return evaluateSla(policy.sla as NonNullable<SupportPolicy['sla']>, given.ticket, given.now);
    case 'return':
      return checkReturn(policy.returns as NonNullable<SupportPolicy['returns']>, given);
    case 'warranty':
      return checkWarrantyClaim(policy.warranty as NonNullable<SupportPolicy['warranty']>, given);
    case 'compensation':
      return decideCompensation(policy.compensation as NonNullable<SupportPolicy['compensation']>, given);
    case 'escalation':
      return decideEscalation(policy.escalation as NonNullable<SupportPolicy['escalation']>, given);
  }
}

/** Where `actual` differs from the partial `expected` (objects: listed keys; arrays: each expected item must match some actual item). */
function mismatches(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path || '(root)'}: expected a list, got ${JSON.stringify(actual)}`];
    return expected.flatMap((item, i) => (actual.some((a) => mismatches(item, a).length === 0) ? [] : [`${path}[${i}]: no item matches ${JSON.stringify(item)}`]));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return [`${path || '(root)'}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) => mismatches(value, (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  }
  return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

const paint = (io: Io, code: number, text: string) => (io.color ? `\u001b[${code}m${text}\u001b[0m` : text);

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function summary(decision: unknown): string {
  const d = decision as { outcome?: string; targetTier?: string; rule?: string | null; status?: string; reasons?: readonly Reason[] };
  const head = d.outcome ?? d.targetTier ?? (d.rule !== undefined ? `rule ${d.rule}` : '');
  const codes = (d.reasons ?? []).map((r) => r.code);
  return `${head}${codes.length ? ` (${codes.join(', ')})` : ''}`;
}

/** Runs the CLI; returns the exit code (0 ok, 1 failures or an invalid policy, 2 misuse). */
export function run(argv: readonly string[], io: Io): number {
  const json = argv.includes('--json');
  const [command, policyFile, casesFile] = argv.filter((arg) => arg !== '--json');
  if (command !== 'check' && command !== 'explain') {
    io.err(USAGE);
    return command === undefined || command === '--help' || command === 'help' ? (command === undefined ? 2 : 0) : 2;
  }
  if (!policyFile || (command === 'explain' && !casesFile)) {
    io.err(USAGE);
    return 2;
  }
  let raw: unknown;
  try {
    if (policyFile.startsWith('preset:')) {
      const name = policyFile.slice('preset:'.length) as PresetName;
      if (!(name in presetSpecs)) throw new Error(`no preset "${name}"; the presets are ${Object.keys(presetSpecs).join(', ')}`);
      raw = presetSpecs[name];
    } else raw = readJson(policyFile);
  } catch (error) {
    io.err(`Cannot read ${policyFile}: ${(error as Error).message}`);
    return 2;
  }
  const result = safeDefinePolicy(raw);
  if (!result.success) {
    if (json) io.out(JSON.stringify({ policy: { file: policyFile, valid: false, issues: result.error.issues } }, null, 2));
    else {
      io.out(`${paint(io, 31, '✗')} ${policyFile}: ${result.error.issues.length} problem(s)`);
      for (const issue of result.error.issues) io.out(`  ${issue.path.join('.') || '(root)'}  ${issue.code}  ${issue.message}`);
    }
    return 1;
  }
  const policy = result.data;
  const sections = ['sla', 'returns', 'warranty', 'compensation', 'escalation'].filter((s) => policy[s as keyof SupportPolicy] !== null);

  if (command === 'explain') {
    const c = readJson(casesFile as string) as Case;
    try {
      const decision = decide(policy, c);
      if (json) io.out(JSON.stringify(decision, null, 2));
      else {
        io.out(`${c.name ?? c.kind}: ${summary(decision)}`);
        for (const reason of (decision as { reasons?: readonly Reason[] }).reasons ?? []) {
          io.out(`  ${reason.code}${reason.rule ? ` [${reason.rule}]` : ''}  ${reason.message}`);
          io.out(`    ${JSON.stringify(reason.facts)}`);
        }
        io.out(JSON.stringify(decision, null, 2));
      }
      return 0;
    } catch (error) {
      io.err(`${c.name ?? c.kind}: ${(error as Error).message}`);
      return 1;
    }
  }

  const cases = casesFile ? ((readJson(casesFile) as { cases?: Case[] }).cases ?? []) : [];
  const results = cases.map((c, i) => {
    if (io.progress && cases.length > 20 && i % Math.ceil(cases.length / 10) === 0) io.err(`  ${i}/${cases.length}`);
    const name = c.name ?? `case ${i + 1}`;
    if (!KINDS.includes(c.kind)) return { name, passed: false, problems: [`unknown kind ${JSON.stringify(c.kind)}; use one of ${KINDS.join(', ')}`], decision: null };
    try {
      const decision = JSON.parse(JSON.stringify(decide(policy, c)));
      const problems = c.expect === undefined ? [] : mismatches(c.expect, decision);
      return { name, passed: problems.length === 0, problems, decision };
    } catch (error) {
      const code = error instanceof SupportRulesError ? `${error.code}: ` : '';
      return { name, passed: false, problems: [`${code}${(error as Error).message}`], decision: null };
    }
  });
  const failed = results.filter((r) => !r.passed).length;
  if (json) {
    io.out(JSON.stringify({ policy: { file: policyFile, valid: true, id: policy.id, version: policy.version, sections }, cases: results, passed: results.length - failed, failed }, null, 2));
  } else {
    io.out(`${paint(io, 32, '✓')} ${policyFile}: policy ${policy.id} ${policy.version} is valid (sections: ${sections.join(', ') || 'none'})`);
    for (const r of results) {
      io.out(`${r.passed ? paint(io, 32, '✓') : paint(io, 31, '✗')} ${r.name}${r.decision ? ` — ${summary(r.decision)}` : ''}`);
      for (const problem of r.problems) io.out(`    ${problem}`);
    }
    if (cases.length > 0) io.out(`${results.length} case(s): ${results.length - failed} passed, ${failed} failed`);
  }
  return failed > 0 ? 1 : 0;
}
