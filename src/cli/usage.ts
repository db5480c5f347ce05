// What the CLI says when it is called wrongly: the usage text, its exit codes, and the one-line
// messages for files it cannot use (missing, unreadable, empty, not JSON, not the right shape).

import type { Issue } from '../errors/index.js';
import { formatPath } from '../errors/index.js';
import { presetSpecs } from '../presets/index.js';
import { EX_SOFTWARE } from './internal-error.js';
import { JsonSyntaxError } from './json-scanner.js';

/**
 * The exit codes of `support-rules`: 0 all good, 1 an invalid policy or a failing case, 2 misuse
 * (see {@link UsageError}), 70 a bug in support-rules (`EX_SOFTWARE`), 141 standard output closed
 * early (`| head`), like any tool stopped by SIGPIPE.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: EX_SOFTWARE, pipeClosed: 141 } as const;

/** The usage text printed by `--help` (and, on standard error, when no command is given). */
export const USAGE = `Usage:
  support-rules check <policy.json> [cases.json] [--json]
  support-rules explain <policy.json> <case.json> [--json]
  support-rules diff <before.json> <after.json> <cases.json|cases.ndjson> [--json]
  support-rules lint <policy.json> [--jurisdiction <code>] [--json]
  support-rules sla <policy.json> <tickets.ndjson|-> --now <instant> [--workers N] [--json]
  support-rules --version | --help

<policy.json> may also be preset:<name> for a built-in preset (${Object.keys(presetSpecs).join(', ')}),
or a policy history { "id", "timeZone", "versions": [ … ] }: each case is then decided by the
version in force at the instant that matters for it (sla: the ticket's creation; return and
warranty: the purchase; compensation: the incident; escalation: the case's creation) or at the
case's "asOf", and its decision names the version (reason POLICY_VERSION).

check    validates a policy (every problem with its JSON path) and runs its example cases
explain  prints one decision with its full trace
diff     replays the cases under two policies (or histories, or presets) and prints every case
         whose outcome, amount, deadline, tier or SLA state differs, both sides' reasons, and
         the totals; exit 0 no differences, 1 differences, 2 trouble (an invalid policy or file).
         Cases may be NDJSON, one case a line (.ndjson, .jsonl, or detected); --json: one
         line per changed case, then a totals line (docs/replay.md)
lint     reports what a valid policy says that is likely wrong, each with a code and a JSON
         path: shadowed or overlapping rules, gaps in fee and compensation tables, a target
         due after the one it precedes, calendars open under an hour a week, unused calendars,
         holidays outside the effective dates or on closed days (docs/lint.md); with
         --jurisdiction DE (or GB, …) also every rule that undercuts that consumer law, with
         the citation (docs/law.md); --json: one finding a line and a summary; exit 0 none,
         1 findings or an invalid policy, 2 an unknown jurisdiction
sla      the SLA status of every ticket of an NDJSON file (one ticket a line; - reads standard
         input) as of --now: one line per ticket on standard output, in input order,
         {"index","status"} or {"index","error"} for a ticket that fails its checks; a summary
         on standard error (--json: as JSON). --workers N spreads the tickets over N worker
         threads. Exit 0 every ticket evaluated, 1 some failed their checks, 2 misuse or an
         invalid policy (docs/sla.md)
--json   machine output: check prints JSON Lines (the policy, one line per case, a summary);
         instants stay ISO 8601 UTC

For people, explain and a failing case of check show each instant in local time with UTC beside
it, 2026-11-23 09:00 CST (15:00Z), in the zone of the section that decided: returns, warranty:
the section's timeZone; compensation: its calendar's; sla: each clock's calendar's (the rest of
the report: its first clock's); escalation: the calendar of the span a deadline is counted on
(any other instant: the first calendar declared). Local dates stay dates.

A cases file is { "cases": [ … ] } (JSON Schema: support-rules/cases.schema.json); a case is
{ "name", "kind": "sla" | "return" | "warranty" | "compensation" | "escalation", "given": { … },
"asOf"?, "expect": { … } }; instants are ISO 8601 strings with an offset.

Exit codes: 0 all good, 1 an invalid policy or a failing case, 2 misuse (a file that cannot be
read or is not valid), 70 an internal error in support-rules, 141 output closed early.`;

/** The CLI was called wrongly (exit 2); the message names the file and what to fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Which kind of file a message is about, for the hint that says what the file should hold. */
export type FileRole = 'policy' | 'cases' | 'case' | 'tickets';

const SHAPE: Readonly<Record<FileRole, string>> = {
  policy: 'a policy is { "id", "version", … }',
  cases: 'a cases file is { "cases": [ … ] }',
  case: 'a case is { "kind", "given", "expect" }',
  tickets: 'a tickets file holds one ticket { "id", "events": [ … ] } a line (NDJSON)',
};

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/**
 * The usage error for a file the CLI could not use, or undefined when `error` is not about the
 * file (a bug, to be reported as an internal error).
 */
export function fileError(file: string, role: FileRole, error: unknown): UsageError | undefined {
  if (error instanceof JsonSyntaxError) {
    if (error.empty) return new UsageError(`${file}: the file is empty; ${SHAPE[role]}`);
    return new UsageError(`${file}:${error.at.line}:${error.at.column}: invalid JSON: ${error.issues[0]?.message ?? error.message}`);
  }
  // Errors of the file system carry the system call that failed.
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof code === 'string' && typeof syscall === 'string') {
    return new UsageError(`${file}: cannot read the file: ${Object.hasOwn(FS_REASONS, code) ? FS_REASONS[code] : code}`);
  }
  return undefined;
}

/** How many problems of a file are listed before "… and N more". */
export const SHOWN_ISSUES = 20;

/** The usage error listing a file's problems, one line each: `<file>: <path>  <CODE>  <message>`. */
export function issuesError(file: string, issues: readonly Issue[], total = issues.length): UsageError {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `${file}: ${formatPath(issue.path)}  ${issue.code}  ${issue.message}`);
  if (total > shown.length) shown.push(`${file}: … and ${total - shown.length} more problem${total - shown.length === 1 ? '' : 's'}`);
  return new UsageError(shown.join('\n'));
}
