// `support-rules sla <policy> <tickets.ndjson|-> --now <instant> [--workers N] [--json]`: the SLA
// status of every ticket of an NDJSON stream, one result line per ticket, in input order.
//
// Lines are read as they stream and cut into chunks of CHUNK_LINES. With one worker a chunk is
// evaluated here; with N, chunks go round-robin to N worker threads (this same module, started
// again as a worker: see the end of the file) and their results are written in chunk order. At
// most IN_FLIGHT_PER_WORKER chunks per worker are out at a time and nothing more is read while
// standard output is full, so memory stays the same whatever the length of the input.
// Every way of running a chunk goes through evaluateLines, so the output does not depend on the
// number of workers.

import { createReadStream, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StringDecoder } from 'node:string_decoder';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { requiredInstant } from '../_lib/instant.js';
import { InvalidArgumentError } from '../errors/index.js';
import { safeDefinePolicy } from '../policy/index.js';
import { batchError, evaluateOne, type SlaBatchResult } from '../sla/batch.js';
import type { SlaPolicy } from '../sla/index.js';
import type { Command } from './args.js';
import { isHistory } from './decide.js';
import type { PolicyLoader } from './diff.js';
import { JsonSyntaxError, parseJson } from './json-scanner.js';
import { invalidPolicyLines } from './report.js';
import { resultJson } from './sla-json.js';
import type { Io } from './run.js';
import { EXIT, fileError, UsageError } from './usage.js';

/** Tickets per chunk: enough to make a message to a worker cheap beside the work it carries. */
export const CHUNK_LINES = 1000;
/** Chunks out at once per worker: one being evaluated, one waiting, so no worker idles. */
const IN_FLIGHT_PER_WORKER = 2;
/** Marks the workers this module starts (workerData), so loading it anywhere else does nothing. */
const WORKER_ROLE = 'support-rules/sla-worker';

/** What a worker is started with. */
export interface SlaWorkerData {
  readonly role: typeof WORKER_ROLE;
  /** The policy document (JSON data; each worker compiles its own copy). */
  readonly policy: unknown;
  readonly asOf: number;
}

/** What the sla command needs from run.ts, and, for tests, how to start a worker. */
export interface SlaDeps extends PolicyLoader {
  /** Starts one worker thread running this module's worker side (default: this module's own file). */
  readonly spawnWorker?: (data: SlaWorkerData) => Worker;
  /** The cores `--workers` is capped at (default: `os.availableParallelism()`). */
  readonly cores?: number;
}

/** A chunk's results: NDJSON lines (without the last newline) and how many tickets failed. */
interface ChunkResult {
  readonly text: string;
  readonly failed: number;
  readonly count: number;
}

/** A line's ticket, or a JSON syntax error as a result. */
function parseTicket(line: string): { ticket: unknown; error?: never } | { error: ReturnType<typeof batchError>; ticket?: never } {
  try {
    return { ticket: JSON.parse(line) as unknown };
  } catch {
    // The strict scanner says where (line 1, column n) and what was expected.
    try {
      return { ticket: parseJson(line) };
    } catch (error) {
      if (error instanceof JsonSyntaxError) return { error: batchError(error) };
      throw error;
    }
  }
}

/** Evaluates a chunk of NDJSON lines, the first at index `first`. */
export function evaluateLines(policy: SlaPolicy, lines: readonly string[], first: number, asOf: number): ChunkResult {
  let text = '';
  let failed = 0;
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseTicket(lines[i] as string);
    const result: SlaBatchResult = parsed.error ? { index: first + i, error: parsed.error } : evaluateOne(policy, parsed.ticket, asOf, first + i);
    if (result.error) failed++;
    text += i === 0 ? resultJson(result) : `\n${resultJson(result)}`;
  }
  return { text, failed, count: lines.length };
}

/** The non-blank lines of a stream of text chunks, without their line ends. */
async function* linesOf(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string, void, undefined> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const split = function* (text: string, last: boolean): Generator<string> {
    const parts = (rest + text).split('\n');
    rest = last ? '' : (parts.pop() as string);
    for (const part of parts) {
      const line = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (line.trim() !== '') yield line;
    }
  };
  for await (const chunk of chunks) yield* split(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer), false);
  yield* split(decoder.end(), true);
}

/** The lines in chunks of CHUNK_LINES. */
async function* chunksOf(lines: AsyncIterable<string>): AsyncGenerator<string[], void, undefined> {
  let chunk: string[] = [];
  for await (const line of lines) {
    chunk.push(line);
    if (chunk.length === CHUNK_LINES) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The tickets' text: standard input for `-`, else the file, opened now so a missing file is misuse. */
function inputOf(file: string, io: Io): AsyncIterable<string | Uint8Array> {
  if (file === '-') return io.stdin ?? process.stdin;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw fileError(file, 'tickets', error) ?? error;
  }
  return createReadStream('', { fd, highWaterMark: 64 * 1024 });
}

/** A pool of workers, each answering its chunks in the order it got them. */
function startPool(count: number, data: SlaWorkerData, spawn: (data: SlaWorkerData) => Worker) {
  let closing = false;
  const workers = Array.from({ length: count }, () => {
    const worker = spawn(data);
    const waiting: { resolve: (r: ChunkResult) => void; reject: (e: unknown) => void }[] = [];
    const fail = (error: unknown) => {
      for (const w of waiting.splice(0)) w.reject(error);
    };
    worker.on('message', (message: ChunkResult) => waiting.shift()?.resolve(message));
    worker.on('error', fail);
    worker.on('exit', (code) => {
      // Stopped by close(): chunks still out (output closed early) are dropped, not failures.
      if (!closing) fail(new Error(`an SLA worker thread stopped (exit code ${code})`));
    });
    return { worker, waiting };
  });
  let next = 0;
  return {
    submit(lines: string[], first: number): Promise<ChunkResult> {
      const w = workers[next++ % workers.length] as (typeof workers)[number];
      const result = new Promise<ChunkResult>((resolve, reject) => {
        w.waiting.push({ resolve, reject });
        w.worker.postMessage({ lines, first });
      });
      // Awaited in chunk order; a worker that fails rejects every chunk it holds, and only the
      // first of them is awaited (the run then stops), so the others must not count as unhandled.
      result.catch(() => {});
      return result;
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

/** This module's own file, to start it again as a worker (the ESM and the CommonJS build alike). */
function ownFile(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

/**
 * Starts this module as a worker: the built file as it is; from the TypeScript sources (the
 * tests, tsx) through tsx's loader, which a worker does not inherit.
 */
function defaultSpawn(data: SlaWorkerData): Worker {
  const file = ownFile();
  if (!file.endsWith('.ts')) return new Worker(file, { workerData: data });
  // tsx's ESM entry, as its exports map names it (require.resolve would give the CommonJS one).
  const manifest = createRequire(file).resolve('tsx/package.json');
  const entry = (createRequire(file)('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']?.import.default ?? '';
  const tsx = pathToFileURL(join(dirname(manifest), entry)).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(code, { eval: true, workerData: data });
}

/** The SLA section of the policy a source names: a usage error for anything the command cannot run. */
function policyOf(command: Extract<Command, { command: 'sla' }>, io: Io, deps: SlaDeps): { policy: SlaPolicy; raw: unknown } | number {
  const raw = deps.load(command.policy);
  const defined = deps.define(raw);
  if (defined.issues) {
    if (command.json) io.err(JSON.stringify({ policy: { file: command.policy, valid: false, issues: defined.issues } }));
    else for (const line of invalidPolicyLines(command.policy, defined.issues, io.color)) io.err(line);
    return EXIT.usage;
  }
  if (isHistory(defined.policy)) {
    throw new UsageError(`${command.policy}: sla runs one policy version, not a history; give the version in force (every ticket of a run is decided by the same version; see docs/versions.md)`);
  }
  const { sla } = defined.policy;
  if (!sla) throw new UsageError(`${command.policy}: the policy has no sla section`);
  return { policy: sla, raw };
}

/**
 * Runs `support-rules sla`: exit 0 when every ticket was evaluated, 1 when any failed its checks,
 * 2 for misuse (a bad `--now`, a file that cannot be read, an invalid policy), 141 when standard
 * output closed early.
 */
export async function sla(command: Extract<Command, { command: 'sla' }>, io: Io, deps: SlaDeps): Promise<number> {
  let asOf: number;
  try {
    asOf = requiredInstant(command.now, ['now']);
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UsageError(`support-rules: --now ${JSON.stringify(command.now)}: ${error.issues[0]?.message ?? error.message}`);
    throw error;
  }
  const chosen = policyOf(command, io, deps);
  if (typeof chosen === 'number') return chosen;
  const input = inputOf(command.tickets, io);
  // More threads than cores only adds copies of the compiled policy: use at most one per core.
  const cores = Math.max(1, deps.cores ?? availableParallelism());
  const workers = Math.min(command.workers, cores);
  if (workers < command.workers) io.err(`support-rules: --workers ${command.workers} is more than this machine's ${cores} core(s); using ${workers}`);
  const pool = workers > 1 ? startPool(workers, { role: WORKER_ROLE, policy: chosen.raw, asOf }, deps.spawnWorker ?? defaultSpawn) : undefined;
  const limit = workers * IN_FLIGHT_PER_WORKER;
  const queue: Promise<ChunkResult>[] = [];
  let tickets = 0;
  let failed = 0;
  /** Writes the oldest chunk's results; false once standard output has closed. */
  const writeOldest = async (): Promise<boolean> => {
    const result = await (queue.shift() as Promise<ChunkResult>);
    tickets += result.count;
    failed += result.failed;
    const more = io.out(result.text);
    if (more === false && io.drain) await io.drain();
    else if (!pool) await new Promise((resolve) => setImmediate(resolve)); // let a closed output be seen
    return !io.closed?.();
  };
  try {
    let first = 0;
    for await (const lines of chunksOf(linesOf(input))) {
      queue.push(pool ? pool.submit(lines, first) : Promise.resolve(evaluateLines(chosen.policy, lines, first, asOf)));
      first += lines.length;
      while (queue.length >= limit) if (!(await writeOldest())) return EXIT.pipeClosed;
    }
    while (queue.length > 0) if (!(await writeOldest())) return EXIT.pipeClosed;
  } catch (error) {
    throw fileError(command.tickets, 'tickets', error) ?? error;
  } finally {
    await pool?.close();
  }
  const evaluated = tickets - failed;
  if (command.json) io.err(JSON.stringify({ tickets, evaluated, failed, workers }));
  else io.err(`${tickets} ticket(s): ${evaluated} evaluated, ${failed} failed their checks`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** The worker side: compile the policy once, then answer each chunk with its results. */
function serveChunks(data: SlaWorkerData): void {
  const defined = safeDefinePolicy(data.policy);
  // The main thread compiled the same document before starting any worker.
  if (!defined.success || !defined.data.sla) throw new Error('an SLA worker was given a policy without a valid sla section');
  const policy = defined.data.sla;
  parentPort?.on('message', ({ lines, first }: { lines: string[]; first: number }) => {
    parentPort?.postMessage(evaluateLines(policy, lines, first, data.asOf));
  });
}

if (!isMainThread && (workerData as Partial<SlaWorkerData> | null)?.role === WORKER_ROLE) serveChunks(workerData as SlaWorkerData);
