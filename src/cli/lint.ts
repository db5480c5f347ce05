// `support-rules lint <policy.json|preset:name> [--jurisdiction <code>] [--json]`: what a valid policy
// says that is likely wrong (docs/lint.md), and with a jurisdiction what undercuts its consumer law
// (docs/law.md). Validity comes first: an invalid policy is reported as `check` reports it.
// Exit 0 no findings, 1 findings or an invalid policy, 2 misuse (an unknown jurisdiction too).

import { formatPath, InvalidArgumentError, type Issue } from '../errors/index.js';
import * as messages from '../_lib/messages.js';
import { LEGAL_RULES, parseJurisdiction } from '../law/index.js';
import { lintPolicy, LINT_CODES, type LintFinding, type PolicyHistory, type SupportPolicy } from '../policy/index.js';
import type { Command } from './args.js';
import type { Io } from './run.js';
import { mark } from './report.js';
import { EXIT } from './usage.js';

/** What `lint` borrows from the runner: loading a policy (file or preset), defining it, reporting it invalid. */
export interface LintDeps {
  readonly load: (source: string) => unknown;
  readonly define: (raw: unknown) => { policy: SupportPolicy | PolicyHistory; issues?: never } | { issues: readonly Issue[]; policy?: never };
  readonly invalid: (file: string, issues: readonly Issue[], json: boolean, io: Io) => number;
}

/** How many findings of each code, in the order of {@link LINT_CODES} (codes without findings left out). */
function countByCode(findings: readonly LintFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of LINT_CODES) {
    const n = findings.filter((f) => f.code === code).length;
    if (n > 0) counts[code] = n;
  }
  return counts;
}

/**
 * Lints one policy or history: for people, one line per finding (`<path>  <CODE>  <message>`) and
 * a summary; with `--json`, JSON Lines (`{"finding": {code, path, message, facts}}` per finding, then
 * `{"lint": {file, valid, findings, byCode}}`).
 */
export function lint(command: Extract<Command, { command: 'lint' }>, io: Io, deps: LintDeps): number {
  let jurisdiction: string | undefined;
  if (command.jurisdiction !== undefined) {
    try {
      jurisdiction = parseJurisdiction(command.jurisdiction, ['--jurisdiction']);
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      io.err(`support-rules: --jurisdiction: ${error.issues[0]?.message ?? ''}`);
      return EXIT.usage;
    }
  }
  const defined = deps.define(deps.load(command.policy));
  if (defined.issues) return deps.invalid(command.policy, defined.issues, command.json, io);
  const findings = lintPolicy(defined.policy, jurisdiction === undefined ? {} : { jurisdiction });
  const file = command.policy;
  // A jurisdiction the baselines hold nothing for (US, CH, …) is no error, but say so: "nothing to
  // report" must not read as "complies with that law".
  const baseline = jurisdiction === undefined ? undefined : LEGAL_RULES.some((rule) => rule.jurisdictions.includes(jurisdiction));
  if (command.json) {
    for (const finding of findings) io.out(JSON.stringify({ finding }));
    io.out(JSON.stringify({ lint: { file, valid: true, ...(jurisdiction === undefined ? {} : { jurisdiction, baseline }), findings: findings.length, byCode: countByCode(findings) } }));
  } else {
    const what = `${'versions' in defined.policy ? `policy history ${defined.policy.id}` : `policy ${defined.policy.id} ${defined.policy.version}`}${jurisdiction === undefined ? '' : ` (against the law of ${jurisdiction})`}`;
    if (findings.length === 0) io.out(`${mark(io.color, true)} ${file}: ${what} is valid, and lint finds nothing to report`);
    else {
      io.out(`${mark(io.color, false)} ${file}: ${what} is valid, with ${findings.length} lint finding${findings.length === 1 ? '' : 's'}`);
      for (const finding of findings) io.out(`  ${formatPath(finding.path)}  ${finding.code}  ${finding.message}`);
    }
    if (jurisdiction !== undefined && baseline === false) io.out(`  ${messages.LAW_NO_BASELINE(jurisdiction)}`);
  }
  return findings.length === 0 ? EXIT.ok : EXIT.failed;
}
