import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError } from '../../src/cli/json-scanner.js';
import { checkCasesFile, readCases, readJsonPieces } from '../../src/cli/stream-cases.js';

const scratch = mkdtempSync(join(tmpdir(), 'support-rules-stream-'));
let files = 0;
const write = (content: string | Buffer) => {
  const file = join(scratch, `f${files++}.json`);
  writeFileSync(file, content);
  return file;
};
const returnCase = { kind: 'return', given: { category: 'electronics' } };

describe('reading a cases file in chunks', () => {
  it('law: the cases read in chunks of any size are the cases JSON.parse reads from the whole file', () => {
    // Multi-byte characters (é, 😀) land across chunk boundaries for small chunks.
    const name = fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n', ' '), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), fc.integer({ min: 1, max: 16 }), fc.constantFrom('', ' ', '\n  '), (names, chunkBytes, gap) => {
        const text = `{${gap}"cases":${gap}[${names.map((n) => JSON.stringify({ name: n, ...returnCase })).join(`,${gap}`)}]${gap}}`;
        const file = write(text);
        const pieces = [...readJsonPieces(file, 'cases', chunkBytes)];
        const read = pieces.filter((p) => p.kind === 'value').map((p) => JSON.parse(p.text as string));
        expect(read).toEqual(JSON.parse(text).cases);
      }),
      { numRuns: 150 },
    );
  });

  it('reports a syntax error with its absolute line and column, past many chunks', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ name: `case ${i}`, ...returnCase }));
    lines[4000] = '{ "name": "broken" "kind": "return" }';
    const file = write(`{"cases": [\n${lines.join(',\n')}\n]}`);
    try {
      checkCasesFile(file);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect([(error as JsonSyntaxError).at.line, (error as JsonSyntaxError).at.column]).toEqual([4002, 20]);
    }
  });

  it('decodes a file as readFileSync does: invalid UTF-8 becomes U+FFFD in both', () => {
    const file = write(Buffer.concat([Buffer.from('{"cases":[{"name":"'), Buffer.from([0xe9, 0xff]), Buffer.from('","kind":"return","given":{}}]}')]));
    expect([...readCases(file)].map((c) => c.value.name)).toEqual(['\ufffd\ufffd']);
  });
});

describe('checking a cases file', () => {
  const check = (value: unknown) => checkCasesFile(write(typeof value === 'string' ? value : JSON.stringify(value)));
  const codes = (value: unknown) => check(value).issues.map((issue) => `${issue.path.join('.')} ${issue.code}`);

  it('counts the cases of a valid file and finds no problem', () => {
    expect(check({ $schema: './cases.schema.json', cases: [returnCase, returnCase] })).toEqual({ count: 2, issues: [], total: 0 });
  });

  it('refuses a top-level list, "cases" that is not a list, no cases, a null case, null', () => {
    expect(codes([returnCase])).toEqual([' INVALID_TYPE']);
    expect(codes({ cases: {} })).toEqual(['cases INVALID_TYPE']);
    expect(codes({ cases: [] })).toEqual(['cases NO_CASES']);
    expect(codes({ cases: [returnCase, null] })).toEqual(['cases.1 INVALID_TYPE']);
    expect(codes('null')).toEqual([' INVALID_TYPE']);
    expect(codes({ case: [returnCase] })).toEqual(['cases REQUIRED', 'case UNKNOWN_KEY']);
  });

  it('refuses "cases" given twice (JSON would silently keep the last)', () => {
    expect(codes('{"cases": [{"kind":"return","given":{}}], "cases": [{"kind":"return","given":{}}]}')).toEqual(['cases DUPLICATE_VALUE']);
  });

  it('checks every case with its path, keeps the first problems and counts them all', () => {
    const cases = Array.from({ length: 80 }, () => ({ kind: 'sla', given: { ticket: {}, now: 'later' } }));
    const checked = checkCasesFile(write(JSON.stringify({ cases })), 10);
    expect(checked.issues).toHaveLength(10);
    expect(checked.total).toBe(80);
    expect(checked.issues[3]).toMatchObject({ code: 'INVALID_INSTANT', path: ['cases', 3, 'given', 'now'] });
  });
});

describe('reading the cases', () => {
  it('yields each case with its index and where it starts', () => {
    const file = write(`{\n  "cases": [\n    ${JSON.stringify(returnCase)},\n    ${JSON.stringify({ ...returnCase, name: 'second' })}\n  ]\n}`);
    const read = [...readCases(file)];
    expect(read.map((c) => [c.index, c.value.name ?? null, c.at.line, c.at.column])).toEqual([
      [0, null, 3, 5],
      [1, 'second', 4, 5],
    ]);
  });
});
