// Reads the command line. Every word is accounted for: an unknown option or command, a missing
// or extra file is a usage error with a "did you mean", never silently ignored.

import { suggest } from '../_lib/suggest.js';
import { UsageError } from './usage.js';

/** What the command line asks for. */
export type Command =
  | { readonly command: 'usage' }
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'check'; readonly policy: string; readonly cases?: string; readonly json: boolean }
  | { readonly command: 'explain'; readonly policy: string; readonly case: string; readonly json: boolean }
  | { readonly command: 'diff'; readonly before: string; readonly after: string; readonly cases: string; readonly json: boolean }
  | { readonly command: 'lint'; readonly policy: string; readonly json: boolean; readonly jurisdiction?: string }
  | { readonly command: 'sla'; readonly policy: string; readonly tickets: string; readonly now: string; readonly workers: number; readonly json: boolean };

const COMMANDS = ['check', 'explain', 'diff', 'lint', 'sla', 'help'] as const;
/** Options that take a value, the next word or after `=` (`--now=…`): `sla`'s, and `lint --jurisdiction`. */
const VALUE_OPTIONS = ['--now', '--workers', '--jurisdiction'] as const;
const OPTIONS = ['--json', '--version', '-v', '--help', '-h', ...VALUE_OPTIONS] as const;

const hint = 'run support-rules --help for usage';

/**
 * Parses the arguments after `support-rules`. Options may come anywhere; `--` ends them, so a file
 * named `-x.json` can be given after it.
 *
 * @throws {@link UsageError} for an unknown command or option, or a missing or extra argument.
 * @example
 * ```ts
 * parseArgs(['check', 'policy.json', '--json']); //=> { command: 'check', policy: 'policy.json', json: true }
 * parseArgs(['check', 'policy.json', '--jsn']);  // throws: unknown option "--jsn"; did you mean "--json"?
 * ```
 */
export function parseArgs(argv: readonly string[]): Command {
  const words: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (options && (VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`support-rules: ${name} needs a value (${hint})`);
      values.set(name, value);
    } else if (options && arg === '--') options = false;
    else if (options && arg.startsWith('-') && arg !== '-') {
      if (!(OPTIONS as readonly string[]).includes(arg)) {
        const suggestion = suggest(arg, OPTIONS.filter((o) => o.startsWith('--')));
        throw new UsageError(`support-rules: unknown option "${arg}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (${hint})`);
      }
      flags.add(arg);
    } else words.push(arg);
  }
  if (flags.has('--help') || flags.has('-h')) return { command: 'help' };
  if (flags.has('--version') || flags.has('-v')) return { command: 'version' };
  const [command, ...files] = words;
  if (command === undefined) return { command: 'usage' };
  if (command === 'help') return { command: 'help' };
  const json = flags.has('--json');
  const misplaced = [...values.keys()].find((name) => (name === '--jurisdiction' ? command !== 'lint' : command !== 'sla'));
  if (misplaced !== undefined) throw new UsageError(`support-rules: ${misplaced} is an option of ${misplaced === '--jurisdiction' ? 'lint' : 'sla'} only (${hint})`);
  if (command === 'check') {
    const [policy, cases, ...extra] = files;
    if (policy === undefined) throw new UsageError(`support-rules: check needs a policy file (or preset:<name>) (${hint})`);
    if (extra.length > 0) throw new UsageError(`support-rules: check takes a policy and one cases file; unexpected "${extra[0]}" (${hint})`);
    return cases === undefined ? { command, policy, json } : { command, policy, cases, json };
  }
  if (command === 'explain') {
    const [policy, one, ...extra] = files;
    if (policy === undefined || one === undefined) throw new UsageError(`support-rules: explain needs a policy file and a case file (${hint})`);
    if (extra.length > 0) throw new UsageError(`support-rules: explain takes a policy and one case file; unexpected "${extra[0]}" (${hint})`);
    return { command, policy, case: one, json };
  }
  if (command === 'diff') {
    const [before, after, cases, ...extra] = files;
    if (before === undefined || after === undefined || cases === undefined) throw new UsageError(`support-rules: diff needs a before policy, an after policy and a cases file (${hint})`);
    if (extra.length > 0) throw new UsageError(`support-rules: diff takes two policies and one cases file; unexpected "${extra[0]}" (${hint})`);
    return { command, before, after, cases, json };
  }
  if (command === 'lint') {
    const [policy, ...extra] = files;
    if (policy === undefined) throw new UsageError(`support-rules: lint needs a policy file (or preset:<name>) (${hint})`);
    if (extra.length > 0) throw new UsageError(`support-rules: lint takes one policy; unexpected "${extra[0]}" (${hint})`);
    const jurisdiction = values.get('--jurisdiction');
    return jurisdiction === undefined ? { command, policy, json } : { command, policy, json, jurisdiction };
  }
  if (command === 'sla') {
    const [policy, tickets, ...extra] = files;
    if (policy === undefined || tickets === undefined) throw new UsageError(`support-rules: sla needs a policy file (or preset:<name>) and a tickets file (NDJSON, or - for standard input) (${hint})`);
    if (extra.length > 0) throw new UsageError(`support-rules: sla takes a policy and one tickets file; unexpected "${extra[0]}" (${hint})`);
    const now = values.get('--now');
    if (now === undefined) throw new UsageError(`support-rules: sla needs --now <instant>, the instant every status is as of (ISO 8601 with an offset, e.g. 2026-11-23T09:00:00-06:00) (${hint})`);
    const given = values.get('--workers') ?? '1';
    const workers = /^[1-9]\d{0,3}$/.test(given) ? Number(given) : Number.NaN;
    if (!(workers >= 1)) throw new UsageError(`support-rules: --workers takes a whole number of worker threads, 1 or more, not "${given}" (${hint})`);
    return { command, policy, tickets, now, workers, json };
  }
  const suggestion = suggest(command, COMMANDS);
  throw new UsageError(`support-rules: unknown command "${command}"${suggestion ? `; did you mean "${suggestion}"?` : '; the commands are check, explain, diff, lint and sla'} (${hint})`);
}
