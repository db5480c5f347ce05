// Cases as NDJSON (JSON Lines): one case a line, read in 64 KiB chunks and parsed line by line, so
// a file of a million cases needs memory for one line at a time. Blank lines are skipped; a line
// that is not JSON is a syntax error at its own line and column.

import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Issue } from '../errors/index.js';
import { type Case, validateCase } from './cases-schema.js';
import { JsonSyntaxError, parseJson } from './json-scanner.js';
import { CHUNK_BYTES } from './stream-cases.js';

/** One non-blank line of a file: its number (from 1) and text. */
interface Line {
  readonly line: number;
  readonly text: string;
}

/** Each non-blank line of a file, read in chunks. */
function* readLines(file: string, chunkBytes = CHUNK_BYTES): Generator<Line, void, undefined> {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let line = 0;
    const lines = function* (text: string, last: boolean): Generator<Line> {
      const parts = (rest + text).split('\n');
      rest = last ? '' : (parts.pop() as string);
      for (const part of parts) {
        line++;
        const trimmed = part.endsWith('\r') ? part.slice(0, -1) : part;
        if (trimmed.trim() !== '') yield { line, text: trimmed };
      }
    };
    for (let n = readSync(fd, bytes, 0, chunkBytes, null); n > 0; n = readSync(fd, bytes, 0, chunkBytes, null)) yield* lines(decoder.write(bytes.subarray(0, n)), false);
    yield* lines(decoder.end(), true);
  } finally {
    closeSync(fd);
  }
}

/** A line's JSON, or a syntax error at its line in the file. */
function parseLine({ line, text }: Line): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new JsonSyntaxError(error.issues[0]?.message ?? error.message, { ...error.at, line });
    throw error;
  }
}

/**
 * True for a cases file written as NDJSON: named `.ndjson` or `.jsonl`, or whose first non-blank
 * line is a whole JSON object without `cases` (a cases file is `{ "cases": [ … ] }`, usually over
 * many lines, and its first line alone is not JSON).
 *
 * @throws The file system's error when the file cannot be read.
 */
export function isNdjson(file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl') return true;
  for (const first of readLines(file)) {
    try {
      const value: unknown = JSON.parse(first.text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) && !Object.hasOwn(value, 'cases');
    } catch {
      return false;
    }
  }
  return false;
}

/** A problem of an NDJSON cases file, at its line. */
export interface LineIssue {
  readonly line: number;
  readonly issue: Issue;
}

/** What {@link checkNdjsonFile} found: the number of cases, and the first `limit` problems of `total`. */
export interface NdjsonCheck {
  readonly count: number;
  readonly issues: readonly LineIssue[];
  readonly total: number;
}

/**
 * Checks every line of an NDJSON cases file against the case schema.
 *
 * @throws JsonSyntaxError at the first line that is not JSON (with its line and column), or the file system's error.
 */
export function checkNdjsonFile(file: string, limit = 50): NdjsonCheck {
  let count = 0;
  let total = 0;
  const issues: LineIssue[] = [];
  for (const line of readLines(file)) {
    count++;
    const checked = validateCase(parseLine(line));
    if (!checked.issues) continue;
    total += checked.issues.length;
    for (const issue of checked.issues.slice(0, Math.max(0, limit - issues.length))) issues.push({ line: line.line, issue });
  }
  return { count, issues, total };
}

/** Each case of an NDJSON file already checked by {@link checkNdjsonFile}, with its line. */
export function* readNdjsonCases(file: string): Generator<{ index: number; value: Case; line: number }, void, undefined> {
  let index = 0;
  for (const line of readLines(file)) yield { index: index++, value: parseLine(line) as Case, line: line.line };
}
