// Turns zod's issues into support-rules issues: a stable code, the JSON path and a message a
// policy author can act on, in the library's own words (never zod's). Shared by every schema.

import * as z from 'zod/mini';
import { formatPath, type Issue, type IssueCode, type JsonPath } from '../errors/index.js';
import { deepFreeze } from './freeze.js';
import * as messages from './messages.js';
import { describe } from './messages.js';
import { suggest } from './suggest.js';
import { isValidTimeZone } from './zone.js';

/** Safe-parses with zod and converts every issue; `undefined` issues means success. */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { data: z.infer<S>; issues?: never } | { issues: Issue[]; data?: never } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { data: result.data };
  return { issues: result.error.issues.flatMap((issue) => toIssues(schema, issue, [])) };
}

type RawIssue = z.core.$ZodIssue & { input?: unknown; received?: string };

function toIssues(schema: z.ZodMiniType, raw: z.core.$ZodIssue, prefix: JsonPath): Issue[] {
  const issue = raw as RawIssue;
  const path = [...prefix, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
  const last = String(path[path.length - 1] ?? 'value');
  switch (issue.code) {
    case 'custom': {
      const code = ((issue.params as { code?: IssueCode } | undefined)?.code ?? 'INVALID_VALUE') as IssueCode;
      return [{ code, path, message: issue.message }];
    }
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path) ?? [];
      return issue.keys.map((key) => {
        const suggestion = suggest(key, allowed);
        return { code: 'UNKNOWN_KEY', path: [...path, key], message: messages.UNKNOWN_KEY(key, allowed, suggestion), allowed, ...(suggestion ? { suggestion } : {}) };
      });
    }
    case 'invalid_type': {
      if (issue.received === 'NaN' || issue.received === 'Infinity' || issue.received === '-Infinity') {
        return [{ code: 'INVALID_TYPE', path, message: messages.INVALID_TYPE(issue.expected, Number(issue.received)) }];
      }
      if (issue.input === undefined) return [{ code: 'REQUIRED', path, message: messages.REQUIRED(last) }];
      if (issue.input === null && path.length > 0) return [{ code: 'INVALID_TYPE', path, message: messages.NULL_VALUE(last) }];
      return [{ code: 'INVALID_TYPE', path, message: messages.INVALID_TYPE(issue.expected, issue.input) }];
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        return [{ code: 'OUT_OF_BOUNDS', path, message: messages.OUT_OF_BOUNDS(issue.input, boundsAt(schema, path) ?? boundOf(issue)) }];
      }
      if (issue.code === 'too_small') return [{ code: 'EMPTY', path, message: messages.EMPTY(Number(issue.minimum)) }];
      return [{ code: 'OUT_OF_BOUNDS', path, message: messages.OUT_OF_BOUNDS(issue.input, `at most ${String(issue.maximum)} long`) }];
    }
    case 'invalid_format':
      return [{ code: 'INVALID_FORMAT', path, message: messages.INVALID_FORMAT(issue.input, issue.format === 'regex' ? issue.message : `a valid ${issue.format}`) }];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = suggest(issue.input, allowed);
      return [{ code: 'INVALID_VALUE', path, message: messages.INVALID_VALUE(issue.input, allowed, suggestion), allowed, ...(suggestion ? { suggestion } : {}) }];
    }
    case 'invalid_union': {
      const u = issue as RawIssue & { discriminator?: string; options?: unknown[]; errors: z.core.$ZodIssue[][] };
      if (u.discriminator !== undefined) {
        const allowed = (u.options ?? []).map(String);
        const given = (u.input as Record<string, unknown> | null | undefined)?.[u.discriminator];
        if (given === undefined) return [{ code: 'REQUIRED', path, message: messages.REQUIRED(u.discriminator) }];
        const suggestion = suggest(given, allowed);
        return [{ code: 'INVALID_VALUE', path, message: messages.INVALID_VALUE(given, allowed, suggestion), allowed, ...(suggestion ? { suggestion } : {}) }];
      }
      // Every branch failed. If each failed on the type of the value itself, say which types fit;
      // otherwise report the branch that got furthest (its issues have the deepest paths).
      const branches = u.errors.filter((branch) => branch.length > 0);
      const rootTypes = branches.map((branch) => (branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0 ? branch[0].expected : undefined));
      if (rootTypes.every((t) => t !== undefined)) {
        return [{ code: 'INVALID_TYPE', path, message: messages.INVALID_TYPE(rootTypes.join(' or '), u.input) }];
      }
      const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
      const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      return best.flatMap((inner) => toIssues(schema, inner, path));
    }
    case 'invalid_key':
      return (issue as RawIssue & { issues: z.core.$ZodIssue[] }).issues.flatMap((inner) => toIssues(schema, inner, path));
    default:
      return [{ code: 'INVALID_VALUE', path, message: `${describe(issue.input)} is not allowed here.` }];
  }
}

function boundOf(issue: { code: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean }): string {
  return issue.code === 'too_small'
    ? `${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`
    : `${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
}

interface Def {
  type?: string;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  shape?: Record<string, unknown>;
  element?: unknown;
  valueType?: unknown;
  checks?: { _zod: { def: { check?: string; value?: unknown; inclusive?: boolean } } }[];
}
const defOf = (node: unknown): Def | undefined => (node as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The schema node a path leads to (through objects, lists and records), if there is one. */
function nodeAt(schema: z.ZodMiniType, path: JsonPath): unknown {
  let node: unknown = schema;
  for (const segment of [...path, undefined]) {
    for (let guard = 0; guard < 8; guard++) {
      const def = defOf(node);
      if (def?.type === 'optional' || def?.type === 'nullable' || def?.type === 'default' || def?.type === 'readonly' || def?.type === 'catch') node = def.innerType;
      // A preprocess (a pipe from a transform) checks its value against its output schema.
      else if (def?.type === 'pipe') node = defOf(def.in)?.type === 'transform' ? def.out : def.in;
      else break;
    }
    if (segment === undefined) break;
    const def = defOf(node);
    if (def?.type === 'object' && def.shape && Object.hasOwn(def.shape, segment)) node = def.shape[segment];
    else if (def?.type === 'array') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
    else return undefined;
  }
  return node;
}

/** The keys an object at `path` accepts. */
function keysAt(schema: z.ZodMiniType, path: JsonPath): string[] | undefined {
  const def = defOf(nodeAt(schema, path));
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/** Both bounds of a number schema in words: "between 0 and 100", "more than 0", … */
function boundsAt(schema: z.ZodMiniType, path: JsonPath): string | undefined {
  const def = defOf(nodeAt(schema, path));
  if (def?.type !== 'number') return undefined;
  let low: { value: unknown; inclusive: boolean } | undefined;
  let high: { value: unknown; inclusive: boolean } | undefined;
  let whole = false;
  for (const check of def.checks ?? []) {
    const c = check._zod.def as { check?: string; value?: unknown; inclusive?: boolean; format?: string };
    if (c.check === 'greater_than') low = { value: c.value, inclusive: c.inclusive ?? false };
    else if (c.check === 'less_than') high = { value: c.value, inclusive: c.inclusive ?? false };
    else if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) whole = true;
  }
  const kind = whole ? 'a whole number ' : '';
  if (low && high && low.inclusive && high.inclusive) return `${kind}between ${String(low.value)} and ${String(high.value)}`;
  const parts = [
    low && `${low.inclusive ? 'at least' : 'more than'} ${String(low.value)}`,
    high && `${high.inclusive ? 'at most' : 'less than'} ${String(high.value)}`,
  ].filter(Boolean);
  return parts.length > 0 ? `${kind}${parts.join(' and ')}` : undefined;
}

/** Adds a custom issue with a stable support-rules `code` inside a zod refinement. */
export function addIssue(ctx: z.core.$RefinementCtx, code: IssueCode, message: string, path: (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message, params: { code }, path });
}

/**
 * Runs a check that throws support-rules errors (e.g. `money(amount, currency)`) and adds what it
 * throws as issues at `path`, so a schema reports it with every other problem.
 */
export function addThrown(ctx: z.core.$RefinementCtx, check: () => unknown, path: (string | number)[]): void {
  try {
    check();
  } catch (error) {
    const issues = (error as { issues?: readonly Issue[] }).issues;
    if (!issues) throw error;
    for (const issue of issues) addIssue(ctx, issue.code, issue.message, path);
  }
}

/**
 * Adds DUPLICATE_ID for every id used twice across the given lists (rules, windows, terms…):
 * reasons quote ids, so each must name one thing.
 */
export function checkUniqueIds(ctx: z.core.$RefinementCtx, groups: readonly (readonly [readonly { readonly id: string }[] | undefined, readonly (string | number)[]])[]): void {
  const seen = new Map<string, string>();
  for (const [items, prefix] of groups) {
    items?.forEach((item, i) => {
      const where = [...prefix, i];
      const earlier = seen.get(item.id);
      if (earlier !== undefined) addIssue(ctx, 'DUPLICATE_ID', messages.DUPLICATE_ID(item.id, earlier), [...where, 'id']);
      else seen.set(item.id, formatPath(where));
    });
  }
}

/** Adds INVALID_TIME_ZONE when the runtime does not know the zone. */
export function checkTimeZone(ctx: z.core.$RefinementCtx, zone: string, path: (string | number)[]): void {
  if (!isValidTimeZone(zone)) addIssue(ctx, 'INVALID_TIME_ZONE', messages.INVALID_TIME_ZONE(zone), path);
}

/** A checker that adds UNKNOWN_CATEGORY for every listed category a policy does not declare. */
export function categoryChecker(ctx: z.core.$RefinementCtx, categories: readonly string[]) {
  const known = new Set(categories);
  return (list: readonly string[] | undefined, path: (string | number)[]) =>
    list?.forEach((category, i) => {
      if (!known.has(category)) addIssue(ctx, 'UNKNOWN_CATEGORY', messages.UNKNOWN_CATEGORY(category, categories, suggest(category, categories)), [...path, i]);
    });
}

/**
 * A value rewritten (or refused) before `schema` checks it: zod/mini's form of classic zod's
 * `z.preprocess`, a transform piped into the schema. `fn` may add issues through `ctx.addIssue`
 * (as in a refinement) and return `z.NEVER`; the JSON Schema is `schema`'s (zod's output schema).
 */
export function preprocess<S extends z.ZodMiniType>(fn: (value: unknown, ctx: z.core.$RefinementCtx) => unknown, schema: S) {
  return z.pipe(
    z.transform<unknown, unknown>((value, payload) => {
      const ctx = payload as unknown as z.core.$RefinementCtx;
      ctx.addIssue = (issue) => {
        const raw = typeof issue === 'string' ? { code: 'custom', message: issue } : issue;
        payload.issues.push({ path: [], ...raw, input: 'input' in raw ? raw.input : value } as z.core.$ZodRawIssue);
      };
      return fn(value, ctx);
    }),
    schema,
  );
}

/** Validates at the boundary and returns a frozen copy of the data, or throws `fail(issues)`. */
export function parseFrozen<S extends z.ZodMiniType>(schema: S, input: unknown, fail: (issues: Issue[]) => Error): z.infer<S> {
  const result = validate(schema, input);
  if (result.issues) throw fail(result.issues);
  return deepFreeze(structuredClone(result.data));
}
