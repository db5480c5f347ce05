#!/usr/bin/env node
// Wires the CLI to the real process. Nothing here may end in a stack trace: a reader that goes
// away (`| head`) ends the run quietly, and any other failure is one line with exit code 70.

import { EX_SOFTWARE, internalError } from './internal-error.js';

let crashed = false;

/** Reports a bug in one line, once, and ends with exit code 70. */
function crash(error: unknown): void {
  if (!crashed) {
    try {
      process.stderr.write(`${internalError(error)}\n`);
    } catch {
      // Standard error is gone too: the exit code is all that is left.
    }
  }
  crashed = true;
  process.exitCode = EX_SOFTWARE;
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

let closed = false;
const waiting = new Set<() => void>();
const wake = () => {
  for (const resolve of waiting) resolve();
  waiting.clear();
};
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  closed = true;
  wake();
  if (error.code !== 'EPIPE') crash(error);
});
// Nowhere left to report a failure of standard error itself.
process.stderr.on('error', () => {});

// Output is gathered and written once per turn of the event loop (or every 64 KiB): one write per
// line was a tenth of the time of a large check.
let pending = '';
let scheduled = false;
function flush(): void {
  scheduled = false;
  if (pending === '') return;
  const text = pending;
  pending = '';
  if (!closed) process.stdout.write(text);
}

async function main(): Promise<void> {
  // Loaded here, not imported, so that even a failure to load is one line, not a stack trace.
  const { run } = await import('./run.js');
  const code = await run(process.argv.slice(2), {
    out: (text) => {
      if (closed) return false;
      pending += `${text}\n`;
      if (pending.length >= 64 * 1024) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      return !process.stdout.writableNeedDrain;
    },
    err: (text) => {
      flush();
      process.stderr.write(`${text}\n`);
    },
    drain: () =>
      new Promise<void>((resolve) => {
        if (closed || !process.stdout.writableNeedDrain) return resolve();
        waiting.add(resolve);
        process.stdout.once('drain', wake);
      }),
    closed: () => closed,
    color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
    progress: Boolean(process.stderr.isTTY),
  });
  flush();
  process.exitCode = crashed ? EX_SOFTWARE : code;
}

main().catch(crash);
