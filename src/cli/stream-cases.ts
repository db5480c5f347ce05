// Reads a cases file incrementally: the file is read in 64 KiB chunks and each case is parsed on
// its own, so checking a million cases needs memory for one case at a time, not for the file.

import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Issue } from '../errors/index.js';
import { type Case, validateCase, validateCasesHeader } from './cases-schema.js';
import { createJsonScanner, type JsonPiece, type TextPosition } from './json-scanner.js';

/** How much of a file is read at a time. */
export const CHUNK_BYTES = 64 * 1024;

/**
 * The pieces of a JSON file (see {@link JsonPiece}), read in chunks of `chunkBytes`; with `split`,
 * the list under that key of the top-level object comes item by item.
 *
 * @throws JsonSyntaxError at the first syntax error, with its line and column in the file.
 * @throws The file system's error when the file cannot be read.
 */
export function* readJsonPieces(file: string, split?: string, chunkBytes = CHUNK_BYTES): Generator<JsonPiece, void, undefined> {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.allocUnsafe(chunkBytes);
    // A chunk may end inside a multi-byte character: the decoder keeps the partial bytes.
    const decoder = new StringDecoder('utf8');
    const scanner = createJsonScanner(split);
    for (let n = readSync(fd, bytes, 0, chunkBytes, null); n > 0; n = readSync(fd, bytes, 0, chunkBytes, null)) {
      yield* scanner.feed(decoder.write(bytes.subarray(0, n)));
    }
    yield* scanner.feed(decoder.end());
    yield* scanner.end();
  } finally {
    closeSync(fd);
  }
}

/** One case of a cases file: its index, the case and where it starts in the file. */
export interface CaseEntry {
  readonly index: number;
  readonly value: Case;
  readonly at: TextPosition;
}

/** What {@link checkCasesFile} found: the number of cases and the first `limit` problems of `total`. */
export interface CasesFileCheck {
  readonly count: number;
  readonly issues: readonly Issue[];
  readonly total: number;
}

const setOwn = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * Checks a whole cases file against the cases schema, one case at a time: the top level, then each
 * case with its path (`cases[3].given.now`). Keeps the first `limit` problems and counts the rest.
 *
 * @throws JsonSyntaxError or the file system's error, as {@link readJsonPieces}.
 */
export function checkCasesFile(file: string, limit = 50): CasesFileCheck {
  let root: unknown;
  let count = 0;
  let lists = 0;
  let total = 0;
  const issues: Issue[] = [];
  for (const piece of readJsonPieces(file, 'cases')) {
    if (piece.kind === 'open') {
      if (piece.path.length === 0) root = piece.container === 'object' ? {} : [];
      else {
        setOwn(root as object, 'cases', []);
        lists++;
        count = 0;
      }
      continue;
    }
    const value: unknown = JSON.parse(piece.text);
    if (piece.path.length === 0) root = value;
    else if (piece.path.length === 1) {
      // A top-level list is refused as a whole below; its items need no check.
      if (typeof piece.path[0] === 'string') setOwn(root as object, piece.path[0], value);
      if (piece.path[0] === 'cases') lists++;
    } else {
      count++;
      const checked = validateCase(value, piece.path);
      if (checked.issues) {
        total += checked.issues.length;
        issues.push(...checked.issues.slice(0, Math.max(0, limit - issues.length)));
      }
    }
  }
  const header = validateCasesHeader(root, count);
  if (lists > 1) header.push({ code: 'DUPLICATE_VALUE', path: ['cases'], message: '"cases" is given more than once; JSON keeps only the last, so merge them into one list.' });
  return { count, issues: [...header, ...issues].slice(0, limit), total: total + header.length };
}

/**
 * Each case of a cases file already checked by {@link checkCasesFile}, parsed as it is read.
 *
 * @throws JsonSyntaxError or the file system's error, as {@link readJsonPieces}.
 */
export function* readCases(file: string): Generator<CaseEntry, void, undefined> {
  for (const piece of readJsonPieces(file, 'cases')) {
    if (piece.kind === 'value' && piece.path.length === 2) yield { index: piece.path[1] as number, value: JSON.parse(piece.text) as Case, at: piece.at };
  }
}
