// A push-based JSON syntax checker that cuts a document into pieces small enough to parse one by
// one, so a file of a million cases never has to be in memory at once. It accepts exactly what
// JSON.parse accepts (test/cli/json-scanner.test.ts checks that against JSON.parse on random
// documents), and says where a document goes wrong as line:column, in our own words: V8's messages
// differ between Node versions and some of them carry no position at all.

import { SupportRulesError, type JsonPath } from '../errors/index.js';

/** A place in a text: 0-based `offset`, 1-based `line` and `column` (in UTF-16 code units). */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * A piece of a JSON document. `open` marks a container that is split further (the top-level value,
 * and the list under the split key); `value` is the whole text of a value, ready for JSON.parse.
 * Paths: `[]` for the top-level value, `[key]` for a member of a top-level object, `[i]` for an
 * item of a top-level list, `[split, i]` for an item of the list under the split key.
 */
export type JsonPiece =
  | { readonly kind: 'open'; readonly path: JsonPath; readonly container: 'object' | 'array'; readonly at: TextPosition; readonly text?: never }
  | { readonly kind: 'value'; readonly path: JsonPath; readonly text: string; readonly at: TextPosition; readonly container?: never };

/** A JSON document is not valid: where (`at`) and why; `empty` when there is no value at all. */
export class JsonSyntaxError extends SupportRulesError {
  static override readonly kind: string = 'JsonSyntaxError';
  readonly at: TextPosition;
  readonly empty: boolean;

  constructor(message: string, at: TextPosition, empty = false) {
    super([{ code: 'INVALID_JSON', path: [], message }], { line: at.line, column: at.column, offset: at.offset });
    this.at = at;
    this.empty = empty;
  }
}

/** Feeds text in chunks of any size; each call returns the pieces completed so far. */
export interface JsonScanner {
  readonly feed: (chunk: string) => JsonPiece[];
  readonly end: () => JsonPiece[];
}

// States of the scanner.
const VALUE = 0; // a value must come
const FIRST_ITEM = 1; // after '[': a value or ']'
const KEY = 2; // after ',' in an object: a field name
const FIRST_KEY = 3; // after '{': a field name or '}'
const COLON = 4;
const AFTER = 5; // after a value in a container: ',' or the closing bracket
const END = 6; // after the top-level value: only whitespace
const STRING = 7;
const NUMBER = 8;
const LITERAL = 9;

// States inside a number: after '-', after a leading 0, in the integer digits, after '.', in the
// fraction, after 'e', after the exponent's sign, in the exponent's digits.
const MINUS = 0;
const ZERO = 1;
const INT = 2;
const DOT = 3;
const FRACTION = 4;
const E = 5;
const E_SIGN = 6;
const E_DIGITS = 7;

const OBJECT = 0;
const ARRAY = 1;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** A character as a message quotes it: `'x'`, or its code unit when it is invisible or half a pair. */
function quote(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c === 39) return `"'"`;
  const invisible = c <= 0x20 || (c >= 0x7f && c <= 0xa0) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff || c === 0x2028 || c === 0x2029;
  return invisible ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : `'${text[i]}'`;
}

const where = (at: TextPosition) => `${at.line}:${at.column}`;

/**
 * A scanner that checks a JSON document fed in chunks and cuts it into pieces (see
 * {@link JsonPiece}). With `split`, the list under that key of a top-level object is cut into its
 * items. Throws {@link JsonSyntaxError} at the first error, with its absolute line and column.
 *
 * @example
 * ```ts
 * const scanner = createJsonScanner('cases');
 * [...scanner.feed('{"cases":[1,'), ...scanner.feed('{"a":2}]}'), ...scanner.end()].map((p) => p.text ?? p.kind);
 * //=> ['open', 'open', '1', '{"a":2}']
 * ```
 */
export function createJsonScanner(split?: string): JsonScanner {
  let buf = '';
  let base = 0; // offset of buf[0] in the document
  let line = 1;
  let lineStart = 0; // offset of the current line's first character
  let pieces: JsonPiece[] = [];

  const stack: number[] = [];
  const opened: TextPosition[] = [];
  let state = VALUE;
  let stringAt: TextPosition = { offset: 0, line: 1, column: 1 };
  let stringIsKey = false;
  let escape = 0; // 0 none, 1 after '\', 2 in \uXXXX
  let hexLeft = 0;
  let number = MINUS;
  let literal = '';
  let literalIndex = 0;

  // The top-level object's current field name (read from its text), the index of the next item of
  // a top-level list or of the split list, and whether we are inside the split list.
  let key = '';
  let keyStart = -1;
  let keyText = '';
  let index = 0;
  let splitting = false;

  // The value being cut out: its depth (-1: none), start in buf, text from earlier chunks, path.
  let captureDepth = -1;
  let captureStart = 0;
  let captureText = '';
  let capturePath: JsonPath = [];
  let captureAt: TextPosition = stringAt;

  const position = (i: number): TextPosition => ({ offset: base + i, line, column: base + i - lineStart + 1 });
  const fail = (message: string, i: number): never => {
    throw new JsonSyntaxError(message, position(i));
  };

  function startValue(i: number, c: number): void {
    const depth = stack.length;
    if (captureDepth >= 0 || depth > 2) return;
    const container = c === 123 || c === 91;
    let path: JsonPath;
    if (depth === 0) {
      if (container) {
        pieces.push({ kind: 'open', path: [], container: c === 123 ? 'object' : 'array', at: position(i) });
        return;
      }
      path = [];
    } else if (depth === 1) {
      if (stack[0] === ARRAY) path = [index++];
      else if (key === split && c === 91) {
        pieces.push({ kind: 'open', path: [key], container: 'array', at: position(i) });
        splitting = true;
        index = 0;
        return;
      } else path = [key];
    } else if (splitting) path = [key, index++];
    else return;
    captureDepth = depth;
    captureStart = i;
    captureText = '';
    capturePath = path;
    captureAt = position(i);
  }

  function endValue(end: number): void {
    const depth = stack.length;
    if (captureDepth === depth) {
      pieces.push({ kind: 'value', path: capturePath, text: captureText + buf.slice(captureStart, end), at: captureAt });
      captureDepth = -1;
      captureText = '';
    }
    state = depth === 0 ? END : AFTER;
  }

  function close(i: number, kind: number): void {
    stack.pop();
    opened.pop();
    if (kind === ARRAY && splitting && stack.length === 1) splitting = false;
    endValue(i + 1);
  }

  /** A value starts at buf[i] (not whitespace); returns the index of the next character to read. */
  function value(i: number, c: number): number {
    startValue(i, c);
    if (c === 34) {
      state = STRING;
      stringIsKey = false;
      stringAt = position(i);
    } else if (c === 123 || c === 91) {
      stack.push(c === 123 ? OBJECT : ARRAY);
      opened.push(position(i));
      state = c === 123 ? FIRST_KEY : FIRST_ITEM;
    } else if (c === 45 || isDigit(c)) {
      state = NUMBER;
      number = c === 45 ? MINUS : c === 48 ? ZERO : INT;
    } else if (c === 116 || c === 102 || c === 110) {
      state = LITERAL;
      literal = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
      literalIndex = 1;
    } else if (c === 0xfeff && base + i === 0) {
      fail('the file starts with a byte-order mark (U+FEFF), which JSON does not allow; save it as UTF-8 without one', i);
    } else if (c === 39) {
      fail("found ' where a value should be; JSON strings use double quotes", i);
    } else if (c === 47) {
      fail('found / where a value should be; JSON has no comments', i);
    } else {
      fail(`expected a value (a string in double quotes, a number, true, false, null, an object or a list), found ${quote(buf, i)}`, i);
    }
    return i + 1;
  }

  function scan(): void {
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const c = buf.charCodeAt(i);
      switch (state) {
        case STRING: {
          for (; i < n; i++) {
            const s = buf.charCodeAt(i);
            if (escape === 0) {
              if (s === 34) break;
              if (s === 92) escape = 1;
              else if (s < 0x20) fail(`a raw control character (${quote(buf, i)}) in a string; write it as an escape such as \\n or \\t`, i);
            } else if (escape === 1) {
              if (s === 117) {
                escape = 2;
                hexLeft = 4;
              } else if (s === 34 || s === 92 || s === 47 || s === 98 || s === 102 || s === 110 || s === 114 || s === 116) escape = 0;
              else fail(`\\${String.fromCharCode(s)} is not an escape JSON knows; use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX`, i);
            } else if (!isHex(s)) fail(`\\u must be followed by four hex digits, found ${quote(buf, i)}`, i);
            else if (--hexLeft === 0) escape = 0;
          }
          if (i === n) break;
          // buf[i] is the closing quote.
          if (stringIsKey) {
            if (keyStart >= 0) {
              key = JSON.parse(keyText + buf.slice(keyStart, i + 1)) as string;
              keyStart = -1;
              keyText = '';
            }
            state = COLON;
          } else endValue(i + 1);
          i++;
          break;
        }
        case NUMBER: {
          const digit = isDigit(c);
          if (number === MINUS || number === DOT || number === E_SIGN) {
            if (!digit) fail(`expected a digit ${number === MINUS ? "after '-'" : number === DOT ? "after '.'" : 'in the exponent'}, found ${quote(buf, i)}`, i);
            number = number === MINUS ? (c === 48 ? ZERO : INT) : number === DOT ? FRACTION : E_DIGITS;
          } else if (number === E) {
            if (c === 43 || c === 45) number = E_SIGN;
            else if (digit) number = E_DIGITS;
            else fail(`expected a digit in the exponent, found ${quote(buf, i)}`, i);
          } else if (digit) {
            if (number === ZERO) fail('a number must not start with 0 followed by more digits', i);
          } else if (c === 46 && (number === ZERO || number === INT)) number = DOT;
          else if ((c === 101 || c === 69) && number !== E_DIGITS) number = E;
          else {
            endValue(i);
            continue; // read this character again after the number
          }
          i++;
          break;
        }
        case LITERAL: {
          if (c !== literal.charCodeAt(literalIndex)) fail(`expected "${literal}", found ${quote(buf, i)}`, i);
          if (++literalIndex === literal.length) endValue(i + 1);
          i++;
          break;
        }
        default: {
          if (c === 32 || c === 9 || c === 13) {
            i++;
            break;
          }
          if (c === 10) {
            line++;
            lineStart = base + i + 1;
            i++;
            break;
          }
          i = token(i, c);
        }
      }
    }
  }

  /** Reads one structural character (or the start of a value) at buf[i]. */
  function token(i: number, c: number): number {
    switch (state) {
      case VALUE:
        if (c === 93 && stack[stack.length - 1] === ARRAY) fail("a comma before ']' with no item after it; JSON allows no trailing comma", i);
        return value(i, c);
      case FIRST_ITEM:
        if (c === 93) {
          close(i, ARRAY);
          return i + 1;
        }
        return value(i, c);
      case FIRST_KEY:
      case KEY:
        if (c === 34) {
          state = STRING;
          stringIsKey = true;
          stringAt = position(i);
          if (stack.length === 1 && captureDepth < 0) {
            keyStart = i;
            keyText = '';
          }
          return i + 1;
        }
        if (c === 125) {
          if (state === KEY) fail("a comma before '}' with no field after it; JSON allows no trailing comma", i);
          close(i, OBJECT);
          return i + 1;
        }
        if (c === 39) fail("found ' where a field name should be; JSON field names use double quotes", i);
        return fail(`expected a field name in double quotes${state === FIRST_KEY ? " or '}'" : ''}, found ${quote(buf, i)}`, i);
      case COLON:
        if (c !== 58) fail(`expected ':' after the field name, found ${quote(buf, i)}`, i);
        state = VALUE;
        return i + 1;
      case AFTER: {
        const top = stack[stack.length - 1];
        if (c === 44) {
          state = top === OBJECT ? KEY : VALUE;
          return i + 1;
        }
        if ((c === 125 && top === OBJECT) || (c === 93 && top === ARRAY)) {
          close(i, top);
          return i + 1;
        }
        return fail(`expected ',' or '${top === OBJECT ? '}' : ']'}' after a value, found ${quote(buf, i)}`, i);
      }
      default: // END
        return fail(`found ${quote(buf, i)} after the end of the JSON value; a file holds one value`, i);
    }
  }

  return {
    feed(chunk) {
      buf = chunk;
      pieces = [];
      scan();
      if (captureDepth >= 0) {
        captureText += buf.slice(captureStart);
        captureStart = 0;
      }
      if (keyStart >= 0) {
        keyText += buf.slice(keyStart);
        keyStart = 0;
      }
      base += buf.length;
      buf = '';
      return pieces;
    },
    end() {
      pieces = [];
      const at = position(0);
      if (state === NUMBER && (number === ZERO || number === INT || number === FRACTION || number === E_DIGITS)) endValue(0);
      if (state === END) return pieces;
      if (state === VALUE && stack.length === 0) throw new JsonSyntaxError('the file is empty', at, true);
      const container = opened[opened.length - 1];
      const inside =
        state === STRING
          ? `the ${stringIsKey ? 'field name' : 'string'} that starts at ${where(stringAt)}`
          : state === NUMBER
            ? 'a number'
            : state === LITERAL
              ? `"${literal}"`
              : `the ${stack[stack.length - 1] === OBJECT ? 'object' : 'list'} that opens at ${where(container as TextPosition)}`;
      throw new JsonSyntaxError(`the file ends inside ${inside}; it is cut short`, at);
    },
  };
}

/**
 * JSON.parse, but a syntax error is a {@link JsonSyntaxError} with its line and column.
 *
 * @example
 * ```ts
 * parseJson('{\n  "a": 1,\n}'); // throws JsonSyntaxError at 3:1: a comma before '}' …
 * ```
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Only on failure: find where, with the scanner that accepts exactly what JSON.parse does.
    const scanner = createJsonScanner();
    scanner.feed(text);
    scanner.end();
    throw error;
  }
}
