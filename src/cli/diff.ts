// `support-rules diff <before> <after> <cases>`: the what-if replay of the policy module
// (compareOutcomeStream) over a cases file, JSON or NDJSON, read as it streams. Exit codes like
// diff(1): 0 no differences, 1 differences, 2 trouble (an invalid policy or file, misuse).

import { formatPath, SupportRulesError, type Issue } from '../errors/index.js';
import { formatLocal } from '../calendar/index.js';
import type { Money } from '../money/index.js';
import { compareOutcomeStream, type FieldChange, type OutcomeValue, type PolicyHistory, type ReplayCase, type ReplayCaseReport, type ReplayEntry, type ReplaySide, type ReplaySideTotals, type ReplayTotals, type SupportPolicy } from '../policy/index.js';
import type { Command } from './args.js';
import type { Case } from './cases-schema.js';
import { isHistory, type PolicySource } from './decide.js';
import { decisionZones, localizeText } from './local-time.js';
import { checkNdjsonFile, isNdjson, readNdjsonCases } from './ndjson.js';
import { invalidPolicyLines, mark } from './report.js';
import type { Io } from './run.js';
import { checkCasesFile, readCases } from './stream-cases.js';
import { EXIT, fileError, issuesError, SHOWN_ISSUES, UsageError } from './usage.js';

/** What run.ts lends the command: reading a policy source, and defining it. */
export interface PolicyLoader {
  readonly load: (source: string) => unknown;
  readonly define: (raw: unknown) => { policy: PolicySource; issues?: never } | { issues: readonly Issue[]; policy?: never };
}

/** How many cases are replayed between two turns of the event loop (to see a closed output). */
const CASES_PER_TURN = 256;

/** The cases of a file, JSON or NDJSON, checked first (nothing runs unless the whole file is valid). */
function casesOf(file: string): { count: number; ndjson: boolean; read: () => Generator<{ index: number; value: Case; line?: number }> } {
  try {
    if (isNdjson(file)) {
      const checked = checkNdjsonFile(file);
      if (checked.issues.length > 0) {
        const shown = checked.issues.slice(0, SHOWN_ISSUES).map(({ line, issue }) => `${file}:${line}: ${issue.path.length > 0 ? `${formatPath(issue.path)}  ` : ''}${issue.code}  ${issue.message}`);
        if (checked.total > shown.length) shown.push(`${file}: … and ${checked.total - shown.length} more problem(s)`);
        throw new UsageError(shown.join('\n'));
      }
      if (checked.count === 0) throw new UsageError(`${file}: the file has no cases; write one case { "kind", "given" } a line`);
      return { count: checked.count, ndjson: true, read: () => readNdjsonCases(file) };
    }
    const checked = checkCasesFile(file);
    if (checked.issues.length > 0) throw issuesError(file, checked.issues, checked.total);
    return { count: checked.count, ndjson: false, read: () => readCases(file) };
  } catch (error) {
    throw fileError(file, 'cases', error) ?? error;
  }
}

/** The compiled policy that decided a side (a history's version), for the zone its instants are shown in. */
function deciderOf(source: PolicySource, side: ReplaySide): SupportPolicy | undefined {
  if (!side.policy) return undefined;
  if (!isHistory(source)) return source;
  return (source as PolicyHistory).versions.find((v) => v.version === side.policy?.version)?.policy;
}

const zoneOf = (source: PolicySource, side: ReplaySide, kind: Case['kind']): string | undefined => {
  const policy = deciderOf(source, side);
  return policy ? decisionZones(policy, kind, {}).whole.timeZone : undefined;
};

const moneyText = (value: Money) => `${value.amount} ${value.currency}`;

function valueText(value: OutcomeValue, zone: string | undefined): string {
  if (value === null) return '—';
  if (value instanceof Date) return zone ? formatLocal(value, zone) : value.toISOString();
  if (typeof value === 'object') return moneyText(value);
  return String(value);
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

/** A duration in days and hours (or hours and minutes under a day). */
function durationText(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return d > 0 ? `${sign}${d} d ${h} h` : `${sign}${h} h ${m} min`;
}

/** The lines of one changed case, for people: the fields side by side, then the reasons that differ. */
function caseLines(report: ReplayCaseReport, where: string, sources: readonly [PolicySource, PolicySource], color: boolean): string[] {
  const zones = [zoneOf(sources[0], report.before, report.kind), zoneOf(sources[1], report.after, report.kind)] as const;
  const zone = zones[1] ?? zones[0];
  const lines = [`${mark(color, false)} ${where}${report.name ? ` ${report.name}` : ''} (${report.kind}): ${report.fields.map((f) => f.field).join(', ')}`];
  const cells = report.fields.map((f: FieldChange) => [f.field, valueText(f.before, zones[0] ?? zone), valueText(f.after, zones[1] ?? zone)] as const);
  const [w0, w1] = [Math.max(...cells.map((c) => c[0].length)), Math.max(...cells.map((c) => [...c[1]].length))];
  for (const [field, b, a] of cells) lines.push(`    ${pad(field, w0)}  ${pad(b, w1)} | ${a}`);
  const sideName = (side: ReplaySide) => (side.policy ? `${side.policy.id} ${side.policy.version}` : 'error');
  const reasonsOf = (side: ReplaySide, z: string | undefined) =>
    side.error ? [`${side.error.code} at ${formatPath(side.error.path)}: ${side.error.message}`] : (side.reasons ?? []).map((r) => `${r.code}  ${z ? localizeText(r.message, z) : r.message}`);
  const [b, a] = [reasonsOf(report.before, zones[0] ?? zone), reasonsOf(report.after, zones[1] ?? zone)];
  const same = b.filter((text) => a.includes(text));
  for (const text of b) if (!a.includes(text)) lines.push(`    before (${sideName(report.before)}): ${text}`);
  for (const text of a) if (!b.includes(text)) lines.push(`    after  (${sideName(report.after)}): ${text}`);
  if (same.length > 0) lines.push(`    (${same.length} reason${same.length === 1 ? '' : 's'} the same under both)`);
  return lines;
}

const count = (n: number) => n.toLocaleString('en-US');
const moneyList = (list: readonly Money[]) => (list.length === 0 ? '—' : list.map(moneyText).join(' + '));

/** The totals as rows `[label, before, after]`, leaving out what neither side has. */
function totalRows(b: ReplaySideTotals, a: ReplaySideTotals): [string, string, string][] {
  const rows: [string, string, string][] = [];
  const counts = (label: string, x: Readonly<Record<string, number>>, y: Readonly<Record<string, number>>) => {
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) rows.push([`${label} ${key}`, count(x[key] ?? 0), count(y[key] ?? 0)]);
  };
  const amounts = (label: string, x: readonly Money[], y: readonly Money[]) => {
    if (x.length > 0 || y.length > 0) rows.push([label, moneyList(x), moneyList(y)]);
  };
  counts('decided', Object.fromEntries(Object.entries(b.decided).filter(([, n]) => n > 0)), Object.fromEntries(Object.entries(a.decided).filter(([, n]) => n > 0)));
  counts('return', b.returns.byOutcome, a.returns.byOutcome);
  amounts('refunds (eligible)', b.returns.refunds, a.returns.refunds);
  amounts('refunds in review', b.returns.refundsInReview, a.returns.refundsInReview);
  amounts('fees taken', b.returns.fees, a.returns.fees);
  amounts('charges', b.returns.charges, a.returns.charges);
  counts('warranty', b.warranty.byOutcome, a.warranty.byOutcome);
  counts('warranty remedy', b.warranty.byRemedy, a.warranty.byRemedy);
  amounts('compensation granted', b.compensation.granted, a.compensation.granted);
  counts('compensation approval', b.compensation.byApproval, a.compensation.byApproval);
  counts('escalation tier', b.escalation.byTier, a.escalation.byTier);
  if (b.decided.escalation + a.decided.escalation > 0) rows.push(['escalated', count(b.escalation.escalated), count(a.escalation.escalated)]);
  counts('SLA breaches', b.sla.breaches, a.sla.breaches);
  for (const key of [...new Set([...Object.keys(b.medianDeadlines), ...Object.keys(a.medianDeadlines)])].sort()) {
    const [x, y] = [b.medianDeadlines[key], a.medianDeadlines[key]];
    rows.push([`median ${key}`, x ? durationText(x.medianMs) : '—', y ? durationText(y.medianMs) : '—']);
  }
  return rows;
}

/** The totals, for people. */
function totalsLines(totals: ReplayTotals): string[] {
  const fields = Object.entries(totals.byField).map(([field, n]) => `${field} ${count(n)}`);
  const lines = [
    `${count(totals.cases)} case(s): ${count(totals.changed)} differ, ${count(totals.unchanged)} the same${fields.length > 0 ? ` (by field: ${fields.join(', ')})` : ''}`,
    `errors: ${count(totals.errors.before)} under before, ${count(totals.errors.after)} under after, ${count(totals.errors.both)} under both`,
  ];
  for (const sample of totals.errorsUnderBoth) lines.push(`  the same error under both: cases[${sample.index}]${sample.name ? ` ${sample.name}` : ''}: ${sample.error.code} at ${formatPath(sample.error.path)}: ${sample.error.message}`);
  const rows: [string, string, string][] = [['', 'before', 'after'], ...totalRows(totals.before, totals.after)];
  const [w0, w1] = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => [...r[1]].length))];
  for (const [label, b, a] of rows) lines.push(`  ${pad(label, w0)}  ${pad(b, w1)}  ${a}`);
  return lines;
}

/** Runs `diff`; see the file's header for the exit codes. */
export async function diff(command: Extract<Command, { command: 'diff' }>, io: Io, loader: PolicyLoader): Promise<number> {
  const raws = [loader.load(command.before), loader.load(command.after)] as const;
  const file = command.cases;
  const cases = casesOf(file);
  const sources: PolicySource[] = [];
  for (const [i, raw] of raws.entries()) {
    const name = i === 0 ? command.before : command.after;
    const defined = loader.define(raw);
    if (defined.issues) {
      if (command.json) io.out(JSON.stringify({ policy: { file: name, side: i === 0 ? 'before' : 'after', valid: false, issues: defined.issues } }));
      else for (const line of invalidPolicyLines(name, defined.issues, io.color)) io.err(line);
      return EXIT.usage;
    }
    sources.push(defined.policy);
  }
  const pair = [sources[0], sources[1]] as [PolicySource, PolicySource];
  if (!command.json) {
    // Like diff -u: which file is which side.
    const named = (source: PolicySource) => (isHistory(source) ? `policy history ${source.id} (versions ${source.versions.map((v) => v.version).join(', ')})` : `policy ${source.id} ${source.version}`);
    io.out(`--- before: ${command.before}: ${named(pair[0])}`);
    io.out(`+++ after:  ${command.after}: ${named(pair[1])}`);
  }

  let line: number | undefined;
  let stopped = false;
  const entries = cases.read();
  async function* input(): AsyncGenerator<ReplayCase> {
    try {
      for (;;) {
        let next: IteratorResult<{ index: number; value: Case; line?: number }>;
        try {
          next = entries.next();
        } catch (error) {
          throw fileError(file, 'cases', error) ?? error;
        }
        if (next.done) return;
        line = next.value.line;
        if (io.progress && cases.count > 1000 && next.value.index % Math.ceil(cases.count / 10) === 0) io.err(`  ${next.value.index}/${cases.count}`);
        yield next.value.value as ReplayCase;
        // Deciding is synchronous work: let the event loop run now and then, so a closed output is seen.
        if ((next.value.index + 1) % CASES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
        if (io.closed?.()) {
          stopped = true;
          return;
        }
      }
    } finally {
      entries.return(undefined);
    }
  }

  let totals: ReplayTotals | undefined;
  const replay = compareOutcomeStream(pair[0], pair[1], input());
  try {
    totals = await write(replay);
  } catch (error) {
    // The file was checked first, so the library should find nothing more; if it does, it is the file's problem.
    if (!(error instanceof SupportRulesError)) throw error;
    throw new UsageError(error.issues.map((issue) => `${file}: ${formatPath(issue.path)}  ${issue.code}  ${issue.message}`).join('\n'));
  }
  if (stopped || !totals) return EXIT.pipeClosed;
  if (command.json) io.out(JSON.stringify(totals));
  else for (const text of totalsLines(totals)) io.out(text);
  return totals.changed > 0 ? EXIT.failed : EXIT.ok;

  /** Writes each changed case as it comes; the totals, or undefined when the output closed. */
  async function write(entries: AsyncGenerator<ReplayEntry, void, undefined>): Promise<ReplayTotals | undefined> {
    for await (const entry of entries) {
      if (stopped) return undefined;
      if (entry.type === 'totals') return entry;
      const where = cases.ndjson ? `line ${line}` : `cases[${entry.index}]`;
      const written = command.json ? [io.out(JSON.stringify(cases.ndjson ? { ...entry, line } : entry))] : caseLines(entry, where, pair, io.color).map((text) => io.out(text));
      if (written.includes(false) && io.drain) await io.drain();
      if (io.closed?.()) return undefined;
    }
    return undefined;
  }
}
