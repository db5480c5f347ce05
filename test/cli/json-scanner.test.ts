import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonScanner, type JsonPiece, JsonSyntaxError, parseJson } from '../../src/cli/json-scanner.js';

/** Feeds `text` in the given chunk sizes (cycled); the pieces, or the syntax error. */
function scan(text: string, split = 'cases', sizes: readonly number[] = [text.length || 1]): JsonPiece[] | JsonSyntaxError {
  const scanner = createJsonScanner(split);
  const pieces: JsonPiece[] = [];
  try {
    for (let at = 0, k = 0; at < text.length; k++) {
      const size = Math.max(1, sizes[k % sizes.length] as number);
      pieces.push(...scanner.feed(text.slice(at, at + size)));
      at += size;
    }
    pieces.push(...scanner.end());
    return pieces;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
}

/** The document the pieces describe, rebuilt the way JSON.parse would build it (last key wins). */
function rebuild(pieces: readonly JsonPiece[]): unknown {
  let root: unknown;
  const set = (target: unknown, key: string | number, value: unknown) => {
    if (Array.isArray(target) && typeof key === 'number') target.push(value);
    else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const piece of pieces) {
    const value = piece.kind === 'open' ? (piece.container === 'object' ? {} : []) : JSON.parse(piece.text);
    const [first, second] = piece.path;
    if (first === undefined) root = value;
    else if (second === undefined) set(root, first, value);
    else set((root as Record<string, unknown>)[first], second, value);
  }
  return root;
}

function jsonParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

// Random JSON documents with random whitespace, unicode, escapes (escaped quotes among them), and
// a top-level "cases" key often enough to exercise the split.
const ws = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), maxLength: 3 });
const hex4 = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 4, maxLength: 4 });
const escape = fc.oneof(fc.constantFrom('\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t'), hex4.map((h) => `\\u${h}`));
const plain = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 4 })).map((s) => [...s].filter((c) => c !== '"' && c !== '\\' && c >= ' ').join(''));
const stringText = fc.array(fc.oneof(plain, escape), { maxLength: 5 }).map((parts) => `"${parts.join('')}"`);
const keyText = fc.oneof(fc.constantFrom('"cases"', '"ca\\u0073es"', '"$schema"', '"__proto__"'), stringText);
const numberText = fc
  .tuple(fc.constantFrom('', '-'), fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9]\d{0,5}$/)), fc.option(fc.stringMatching(/^\.\d{1,4}$/)), fc.option(fc.stringMatching(/^[eE][+-]?\d{1,3}$/)))
  .map(([sign, int, fraction, exponent]) => `${sign}${int}${fraction ?? ''}${exponent ?? ''}`);
const { document } = fc.letrec<{ document: string; value: string; array: string; object: string }>((tie) => ({
  document: fc.tuple(ws, tie('value'), ws).map((parts) => parts.join('')),
  value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, stringText, numberText, fc.constantFrom('true', 'false', 'null'), tie('array'), tie('object')),
  array: fc.tuple(fc.array(fc.tuple(ws, tie('value'), ws), { maxLength: 4 }), ws).map(([items, inner]) => `[${items.length === 0 ? inner : items.map((item) => item.join('')).join(',')}]`),
  object: fc
    .tuple(fc.array(fc.tuple(ws, keyText, ws, ws, tie('value'), ws), { maxLength: 4 }), ws)
    .map(([members, inner]) => `{${members.length === 0 ? inner : members.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(',')}}`),
}));

/** A cases-file-like document: a top-level object whose "cases" list (among other keys) is split. */
const casesDocument = fc
  .tuple(ws, fc.array(fc.tuple(ws, fc.constantFrom('"cases"', '"ca\\u0073es"'), ws, ws, document, ws), { minLength: 1, maxLength: 2 }), fc.array(fc.tuple(ws, keyText, ws, ws, document, ws), { maxLength: 2 }), ws)
  .chain(([a, lists, others, b]) =>
    fc.shuffledSubarray([...lists.map(([c, k, d, e, items, f]) => [c, k, d, e, `[${items},${items}]`, f]), ...others], { minLength: 1 }).map(
      (members) => `${a}{${members.map(([c, k, d, e, v, f]) => `${c}${k}${d}:${e}${v}${f}`).join(',')}}${b}`,
    ),
  );
const anyDocument = fc.oneof(document, casesDocument);

/** A document spoiled at a random place: cut short, a character dropped, inserted or replaced. */
const spoiled = fc
  .tuple(anyDocument, fc.nat(), fc.constantFrom('cut', 'drop', 'insert', 'replace'), fc.constantFrom(...',:[]{}"\\ x0-.eE+tn\u0000\n\ufeff/\''))
  .map(([text, n, how, c]) => {
    const at = text.length === 0 ? 0 : n % text.length;
    if (how === 'cut') return text.slice(0, at);
    if (how === 'drop') return text.slice(0, at) + text.slice(at + 1);
    if (how === 'insert') return text.slice(0, at) + c + text.slice(at);
    return text.slice(0, at) + c + text.slice(at + 1);
  });

const chunkSizes = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 });

describe('the JSON scanner', () => {
  it('law: accepts every JSON.parse document, and the pieces rebuild the same value, whatever the chunking', () => {
    fc.assert(
      fc.property(anyDocument, chunkSizes, (text, sizes) => {
        const pieces = scan(text, 'cases', sizes);
        expect(pieces).not.toBeInstanceOf(JsonSyntaxError);
        expect(JSON.stringify(rebuild(pieces as JsonPiece[]))).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 400 },
    );
  });

  it('law: accepts exactly what JSON.parse accepts, on cut short and corrupted documents too', () => {
    fc.assert(
      fc.property(fc.oneof(spoiled, anyDocument, fc.string({ maxLength: 12 })), chunkSizes, (text, sizes) => {
        const reference = jsonParse(text);
        const pieces = scan(text, 'cases', sizes);
        expect(pieces instanceof JsonSyntaxError, text).toBe(reference === undefined);
        if (reference) expect(JSON.stringify(rebuild(pieces as JsonPiece[]))).toBe(JSON.stringify(reference.value));
      }),
      { numRuns: 1500 },
    );
  });

  it('law: an error is at a place in the document, as line and column of its offset, the same for any chunking', () => {
    fc.assert(
      fc.property(spoiled, chunkSizes, (text, sizes) => {
        const whole = scan(text);
        fc.pre(whole instanceof JsonSyntaxError);
        const { offset, line, column } = (whole as JsonSyntaxError).at;
        expect(offset).toBeLessThanOrEqual(text.length);
        const before = text.slice(0, offset);
        expect(line).toBe(before.split('\n').length);
        expect(column).toBe(offset - before.lastIndexOf('\n'));
        const chunked = scan(text, 'cases', sizes) as JsonSyntaxError;
        expect([chunked.at, chunked.message]).toEqual([(whole as JsonSyntaxError).at, (whole as JsonSyntaxError).message]);
      }),
      { numRuns: 500 },
    );
  });

  it('cuts the list under the split key into its items, each with where it starts', () => {
    const scanner = createJsonScanner('cases');
    const pieces = [...scanner.feed('{"cases":[1,'), ...scanner.feed('{"a":2}]}'), ...scanner.end()];
    expect(pieces.map((p) => p.text ?? p.kind)).toEqual(['open', 'open', '1', '{"a":2}']);
    expect(pieces.map((p) => p.path)).toEqual([[], ['cases'], ['cases', 0], ['cases', 1]]);
    expect(pieces[3]?.at).toEqual({ offset: 12, line: 1, column: 13 });
  });

  it('says what is wrong, where, in its own words', () => {
    const error = (text: string) => {
      const result = scan(text);
      return result instanceof JsonSyntaxError ? `${result.at.line}:${result.at.column} ${result.issues[0]?.message}` : 'accepted';
    };
    expect(error('{\n  "a": 1,\n}')).toBe("3:1 a comma before '}' with no field after it; JSON allows no trailing comma");
    expect(error('[1,]')).toBe("1:4 a comma before ']' with no item after it; JSON allows no trailing comma");
    expect(error("{'a': 1}")).toBe("1:2 found ' where a field name should be; JSON field names use double quotes");
    expect(error('{"a": 01}')).toBe('1:8 a number must not start with 0 followed by more digits');
    expect(error('{"a": "x\ty"}')).toBe('1:9 a raw control character (U+0009) in a string; write it as an escape such as \\n or \\t');
    expect(error('"\\x"')).toBe('1:3 \\x is not an escape JSON knows; use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
    expect(error('{"a": [1, 2')).toBe('1:12 the file ends inside the list that opens at 1:7; it is cut short');
    expect(error('{"a": "b')).toBe('1:9 the file ends inside the string that starts at 1:7; it is cut short');
    expect(error('{} {}')).toBe("1:4 found '{' after the end of the JSON value; a file holds one value");
    expect(error('\ufeff{}')).toMatch(/^1:1 the file starts with a byte-order mark/);
    expect(error('[nul]')).toBe(`1:5 expected "null", found ']'`);
    expect(error('{"a": 1 // note\n}')).toBe("1:9 expected ',' or '}' after a value, found '/'");
  });

  it('calls a file with no value empty', () => {
    for (const text of ['', ' \n\t ']) expect((scan(text) as JsonSyntaxError).empty).toBe(true);
    expect((scan('[') as JsonSyntaxError).empty).toBe(false);
  });
});

describe('parseJson', () => {
  it('parses like JSON.parse and throws a JsonSyntaxError with line and column', () => {
    expect(parseJson(' {"a": [1, "\\u00e9"]} ')).toEqual({ a: [1, 'é'] });
    try {
      parseJson('{\n  "a": 1,\n}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect([(error as JsonSyntaxError).code, (error as JsonSyntaxError).at.line, (error as JsonSyntaxError).at.column]).toEqual(['INVALID_JSON', 3, 1]);
    }
  });
});
