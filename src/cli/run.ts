// The policy-author CLI: `support-rules check <policy.json> [cases.json]` and
// `support-rules explain <policy.json> <case.json>`. `run` takes its I/O as parameters so tests
// can drive it in-process; bin.ts wires it to the real process.
//
// It never shows a stack trace: misuse is one line naming the file (exit 2), a case the decision
// function refuses is a failed case (exit 1), and anything else is a one-line internal error (70).

import { readFileSync } from 'node:fs';
import { suggest } from '../_lib/suggest.js';
import { type Issue, SupportRulesError } from '../errors/index.js';
import { safeDefinePolicy, safeDefinePolicyHistory } from '../policy/index.js';
import { type PresetName, presetSpecs } from '../presets/index.js';
import { parseArgs, type Command } from './args.js';
import { type Case, validateCase } from './cases-schema.js';
import { sectionsOf } from '../policy/decide-in-force.js';
import { decideCase, historySections, isHistory, type PolicySource } from './decide.js';
import { diff } from './diff.js';
import { lint } from './lint.js';
import { sla } from './sla.js';
import { internalError } from './internal-error.js';
import { mismatches } from './expect.js';
import { decisionZones, localize, zonesNote } from './local-time.js';
import { parseJson } from './json-scanner.js';
import { type CaseResult, caseJson, caseLines, formatIssue, historyLine, invalidPolicyLines, mark, summarize } from './report.js';
import { checkCasesFile, readCases } from './stream-cases.js';
import { EXIT, fileError, type FileRole, issuesError, USAGE, UsageError } from './usage.js';
import { VERSION } from './version.js';

/** Where the CLI writes, and how. */
export interface Io {
  /** Writes one line to standard output; `false` asks the caller to await {@link Io.drain}. */
  readonly out: (text: string) => boolean | void;
  /** Writes one line to standard error. */
  readonly err: (text: string) => void;
  /** Resolves when standard output takes more (or has closed). */
  readonly drain?: () => Promise<void>;
  /** True once standard output has closed (its reader went away): the run stops. */
  readonly closed?: () => boolean;
  readonly color: boolean;
  readonly progress: boolean;
  /** Standard input, for a command given `-` as a file (process.stdin when left out). */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  /** The cores `sla --workers` is capped at (default: `os.availableParallelism()`); for tests. */
  readonly cores?: number;
}

/** How many cases are decided between two turns of the event loop (to see a closed output). */
const CASES_PER_TURN = 256;

/**
 * Runs the CLI and returns its exit code (see {@link EXIT}): 0 all good, 1 an invalid policy or a
 * failing case, 2 misuse, 70 an internal error, 141 standard output closed early.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'usage':
        io.err(USAGE);
        return EXIT.usage;
      case 'help':
        io.out(USAGE);
        return EXIT.ok;
      case 'version':
        io.out(VERSION);
        return EXIT.ok;
      case 'check':
        return await check(command, io);
      case 'explain':
        return explain(command, io);
      case 'diff':
        return await diff(command, io, { load: loadPolicy, define: definePolicy });
      case 'lint':
        return lint(command, io, { load: loadPolicy, define: definePolicy, invalid: reportInvalidPolicy });
      case 'sla':
        return await sla(command, io, { load: loadPolicy, define: definePolicy, ...(io.cores === undefined ? {} : { cores: io.cores }) });
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT.usage;
    }
    io.err(internalError(error));
    return EXIT.internal;
  }
}

function readJsonFile(file: string, role: FileRole): unknown {
  try {
    return parseJson(readFileSync(file, 'utf8'));
  } catch (error) {
    throw fileError(file, role, error) ?? error;
  }
}

/** The policy document from a file or a preset (`preset:<name>`). */
function loadPolicy(source: string): unknown {
  if (!source.startsWith('preset:')) return readJsonFile(source, 'policy');
  const name = source.slice('preset:'.length);
  // Own properties only: "preset:constructor" is not a preset.
  if (Object.hasOwn(presetSpecs, name)) return presetSpecs[name as PresetName];
  const names = Object.keys(presetSpecs);
  const suggestion = suggest(name, names);
  const known = names.join(', ');
  const hint = suggestion ? `did you mean "${suggestion}"? The presets are ${known}.` : `the presets are ${known}.`;
  throw new UsageError(`support-rules: no such preset "${name}"; ${hint}`);
}

/**
 * The policy, or the policy history: a document with `versions` (or the `timeZone` only a history
 * has at its top) is a history, whose cases are decided by the version in force (and name it).
 */
function definePolicy(raw: unknown): { policy: PolicySource; issues?: never } | { issues: readonly Issue[]; policy?: never } {
  try {
    const history = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && (Object.hasOwn(raw, 'versions') || Object.hasOwn(raw, 'timeZone'));
    const result = history ? safeDefinePolicyHistory(raw) : safeDefinePolicy(raw);
    return result.success ? { policy: result.data } : { issues: result.error.issues };
  } catch (error) {
    if (error instanceof SupportRulesError) return { issues: error.issues };
    throw error;
  }
}

/** Prints an invalid policy; the exit code is 1. */
function reportInvalidPolicy(file: string, issues: readonly Issue[], json: boolean, io: Io): number {
  if (json) io.out(JSON.stringify({ policy: { file, valid: false, issues } }));
  else for (const line of invalidPolicyLines(file, issues, io.color)) io.out(line);
  return EXIT.failed;
}

/**
 * Decides one case and matches it against its `expect`. For people (`local`), the differences
 * quote instants in the local time of the section that decided (see local-time.ts); for machines
 * they stay ISO 8601 UTC.
 */
function runCase(policy: PolicySource, c: Case, index: number, local: boolean): CaseResult {
  const base = { index, name: c.name ?? `case ${index + 1}`, kind: c.kind };
  const result = decideCase(policy, c);
  if (result.issues) {
    return { ...base, passed: false, decision: null, mismatches: [], errors: result.issues.map((issue) => ({ ...issue, path: ['cases', index, ...issue.path] })) };
  }
  let found = c.expect === undefined ? [] : mismatches(c.expect, result.decision);
  if (found.length > 0 && local) {
    // Only a failing case is matched again, to word its differences for people.
    const zones = decisionZones(result.by, c.kind, result.decision);
    found = mismatches(c.expect, result.decision, [], (value, path) => localize(value, zones, path).value);
  }
  return { ...base, passed: found.length === 0, decision: result.decision, mismatches: found, errors: [] };
}

async function check(command: Extract<Command, { command: 'check' }>, io: Io): Promise<number> {
  const raw = loadPolicy(command.policy);
  const file = command.cases;
  let count = 0;
  if (file !== undefined) {
    let checked;
    try {
      checked = checkCasesFile(file);
    } catch (error) {
      throw fileError(file, 'cases', error) ?? error;
    }
    if (checked.issues.length > 0) throw issuesError(file, checked.issues, checked.total);
    count = checked.count;
  }
  const defined = definePolicy(raw);
  if (defined.issues) return reportInvalidPolicy(command.policy, defined.issues, command.json, io);
  const { policy } = defined;
  if (isHistory(policy)) {
    const sections = historySections(policy);
    const versions = policy.versions.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, sections: sectionsOf(v.policy) }));
    if (command.json) io.out(JSON.stringify({ policy: { file: command.policy, valid: true, id: policy.id, timeZone: policy.timeZone, versions, sections } }));
    else io.out(`${mark(io.color, true)} ${command.policy}: ${historyLine(policy)} (sections: ${sections.join(', ') || 'none'})`);
  } else {
    const sections = sectionsOf(policy);
    if (command.json) io.out(JSON.stringify({ policy: { file: command.policy, valid: true, id: policy.id, version: policy.version, sections } }));
    else io.out(`${mark(io.color, true)} ${command.policy}: policy ${policy.id} ${policy.version} is valid (sections: ${sections.join(', ') || 'none'})`);
  }

  let passed = 0;
  let failed = 0;
  if (file !== undefined) {
    let full = false;
    const write = (text: string) => {
      if (io.out(text) === false) full = true;
    };
    const entries = readCases(file);
    try {
      for (;;) {
        let next: IteratorResult<{ index: number; value: Case }>;
        try {
          next = entries.next();
        } catch (error) {
          throw fileError(file, 'cases', error) ?? error;
        }
        if (next.done) break;
        const { index, value } = next.value;
        if (io.progress && count > 20 && index % Math.ceil(count / 10) === 0) io.err(`  ${index}/${count}`);
        const result = runCase(policy, value, index, !command.json);
        if (result.passed) passed++;
        else failed++;
        if (command.json) write(caseJson(result));
        else for (const line of caseLines(result, io.color)) write(line);
        // Deciding is synchronous work: let the event loop run now and then, so a closed output
        // (EPIPE) is seen, and wait while the output is full.
        if (full || (index + 1) % CASES_PER_TURN === 0) {
          if (full && io.drain) await io.drain();
          else await new Promise((resolve) => setImmediate(resolve));
          full = false;
        }
        if (io.closed?.()) return EXIT.pipeClosed;
      }
    } finally {
      entries.return();
    }
  }
  if (command.json) io.out(JSON.stringify({ passed, failed }));
  else if (file !== undefined) io.out(`${passed + failed} case(s): ${passed} passed, ${failed} failed`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

function explain(command: Extract<Command, { command: 'explain' }>, io: Io): number {
  const raw = loadPolicy(command.policy);
  const value = readJsonFile(command.case, 'case');
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, 'cases')) {
    throw new UsageError(`${command.case}: this is a cases file ({ "cases": [ … ] }); explain takes a file holding one case, and check runs a cases file`);
  }
  const checked = validateCase(value);
  if (checked.issues) throw issuesError(command.case, checked.issues);
  const c = checked.data;
  const defined = definePolicy(raw);
  if (defined.issues) return reportInvalidPolicy(command.policy, defined.issues, command.json, io);
  const result = decideCase(defined.policy, c);
  if (result.issues) {
    if (command.json) io.out(JSON.stringify({ errors: result.issues }));
    else for (const issue of result.issues) io.err(`${command.case}: ${formatIssue(issue)}`);
    return EXIT.failed;
  }
  if (command.json) {
    io.out(JSON.stringify(result.decision, null, 2));
    return EXIT.ok;
  }
  // For people, every instant in the local time of the section that decided, with UTC beside it.
  const local = localize(result.decision, decisionZones(result.by, c.kind, result.decision));
  const decision = local.value as { reasons?: readonly { code: string; rule?: string | null; message: string; facts?: unknown }[] };
  io.out(`${c.name ?? c.kind}: ${summarize(decision)}`);
  if (local.zones.length > 0) io.out(`  ${zonesNote(local.zones)}; --json prints ISO 8601 UTC`);
  for (const reason of decision.reasons ?? []) {
    io.out(`  ${reason.code}${reason.rule ? ` [${reason.rule}]` : ''}  ${reason.message}`);
    io.out(`    ${JSON.stringify(reason.facts)}`);
  }
  io.out(JSON.stringify(decision, null, 2));
  return EXIT.ok;
}
