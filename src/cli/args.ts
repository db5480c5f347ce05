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
  | { readonly command: 'lint'; readonly policy: string; readonly json: boolean };

const COMMANDS = ['check', 'explain', 'diff', 'lint', 'help'] as const;
const OPTIONS = ['--json', '--version', '-v', '--help', '-h'] as const;

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
  let options = true;
  for (const arg of argv) {
    if (options && arg === '--') options = false;
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
    return { command, policy, json };
  }
  const suggestion = suggest(command, COMMANDS);
  throw new UsageError(`support-rules: unknown command "${command}"${suggestion ? `; did you mean "${suggestion}"?` : '; the commands are check, explain, diff and lint'} (${hint})`);
}
