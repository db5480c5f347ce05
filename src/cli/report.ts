// How the CLI prints a policy and a case, for people (one line per result, colour on a terminal)
// and for machines (one JSON object per line).

import { formatIsoDate, parseIsoDate } from '../_lib/civil.js';
import type { Reason } from '../_lib/reason.js';
import type { PolicyHistory } from '../policy/index.js';
import { formatPath, type Issue } from '../errors/index.js';
import { formatMismatch, type Mismatch } from './expect.js';

/** The result of one case of a cases file. */
export interface CaseResult {
  readonly index: number;
  readonly name: string;
  readonly kind: string;
  readonly passed: boolean;
  /** The decision as JSON, or null when the decision function refused the input. */
  readonly decision: unknown;
  readonly mismatches: readonly Mismatch[];
  /** Why the decision function refused the input, with paths in the cases file. */
  readonly errors: readonly Issue[];
}

const paint = (color: boolean, code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** A check mark or a cross, green or red on a terminal. */
export const mark = (color: boolean, ok: boolean) => (ok ? paint(color, 32, '✓') : paint(color, 31, '✗'));

/** A decision in a few words: its outcome (or tier, or SLA rule) and its reason codes. */
export function summarize(decision: unknown): string {
  const d = decision as { outcome?: string; targetTier?: string; rule?: string | null; reasons?: readonly Reason[] };
  const head = d.outcome ?? d.targetTier ?? (d.rule !== undefined ? `rule ${d.rule}` : '');
  const codes = (d.reasons ?? []).map((r) => r.code);
  return `${head}${codes.length ? ` (${codes.join(', ')})` : ''}`;
}

/** A local date range in words: "from 2026-11-01 through 2026-12-31", "through 2026-10-31", "from 2027-01-01 on". */
function datesText(from: string | null, to: string | null): string {
  const last = to === null ? null : formatIsoDate((parseIsoDate(to) as number) - 1);
  if (from === null) return last === null ? 'at every date' : `through ${last}`;
  return last === null ? `from ${from} on` : `from ${from} through ${last}`;
}

/** A valid history in one line: `policy history pelpro is valid: 1.0 through 2026-10-31, 2.0 from 2026-11-01 on (America/Chicago)`. */
export function historyLine(history: PolicyHistory): string {
  const versions = history.versions.map((v) => `${v.version} ${datesText(v.effectiveFrom, v.effectiveTo)}`);
  return `policy history ${history.id} is valid: ${versions.join(', ')} (${history.timeZone})`;
}

/** A problem a decision function found in a case: `CODE at <path>: <message>`. */
export const formatIssue = (issue: Issue) => `${issue.code} at ${formatPath(issue.path)}: ${issue.message}`;

/** The lines of an invalid policy: a header, then each problem with its path and code. */
export function invalidPolicyLines(file: string, issues: readonly Issue[], color: boolean): string[] {
  return [`${mark(color, false)} ${file}: ${issues.length} problem(s)`, ...issues.map((issue) => `  ${formatPath(issue.path)}  ${issue.code}  ${issue.message}`)];
}

/** The lines of one case: a mark, the name and the decision's summary, then what went wrong. */
export function caseLines(result: CaseResult, color: boolean): string[] {
  const head = `${mark(color, result.passed)} ${result.name}${result.errors.length === 0 ? ` — ${summarize(result.decision)}` : ''}`;
  return [head, ...result.errors.map((issue) => `    ${formatIssue(issue)}`), ...result.mismatches.map((m) => `    ${formatMismatch(m)}`)];
}

/** One case as a JSON line: `{"case":{"index","name","kind","passed","decision","mismatches","errors"}}`. */
export function caseJson(result: CaseResult): string {
  return JSON.stringify({ case: result });
}
