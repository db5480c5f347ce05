// Turns zod's issues into support-rules issues: a stable code, the JSON path and a message a
// policy author can act on. Shared by every schema in the library.

import type { z } from 'zod';
import type { Issue } from '../errors/index.js';
import { deepFreeze } from './freeze.js';
import { messages } from './messages.js';

/** Safe-parses with zod and converts every issue; `undefined` issues means success. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.infer<S>; issues?: never } | { issues: Issue[]; data?: never } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { data: result.data };
  return { issues: result.error.issues.flatMap((issue) => toIssues(schema, issue)) };
}

function toIssues(schema: z.ZodType, issue: z.core.$ZodIssue): Issue[] {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: string } | undefined)?.code ?? 'INVALID_VALUE';
      return [{ code, path, message: issue.message }];
    }
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path) ?? [];
      return issue.keys.map((key) => ({ code: 'UNKNOWN_KEY', path: [...path, key], message: messages.UNKNOWN_KEY(key, allowed) }));
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        return [{ code: 'REQUIRED', path, message: messages.REQUIRED(String(path[path.length - 1] ?? 'value')) }];
      }
      return [{ code: 'INVALID_TYPE', path, message: messages.INVALID_TYPE(issue.expected) }];
    default:
      return [{ code: 'INVALID_VALUE', path, message: issue.message }];
  }
}

// Walks the schema along a path to list the keys an object there accepts.
function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] | undefined {
  let node: unknown = schema;
  for (const segment of [...path, undefined]) {
    for (let guard = 0; guard < 8; guard++) {
      const def = (node as { def?: { type?: string; innerType?: unknown; in?: unknown } }).def;
      if (def?.type === 'optional' || def?.type === 'nullable' || def?.type === 'default') node = def.innerType;
      else if (def?.type === 'pipe') node = def.in;
      else break;
    }
    if (segment === undefined) break;
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } }).def;
    if (def?.type === 'object' && def.shape) node = def.shape[segment];
    else if (def?.type === 'array') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
    else return undefined;
  }
  const shape = (node as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return shape?.type === 'object' && shape.shape ? Object.keys(shape.shape) : undefined;
}

/** Adds a custom issue with a stable support-rules `code` inside a zod refinement. */
export function addIssue(ctx: z.RefinementCtx, code: string, message: string, path: (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message, params: { code }, path });
}

/** Adds INVALID_TIME_ZONE when the runtime does not know the zone. */
export function checkTimeZone(ctx: z.RefinementCtx, zone: string, path: (string | number)[]): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    addIssue(ctx, 'INVALID_TIME_ZONE', messages.INVALID_TIME_ZONE(zone), path);
  }
}

/** A checker that adds UNKNOWN_CATEGORY for every listed category a policy does not declare. */
export function categoryChecker(ctx: z.RefinementCtx, categories: readonly string[]) {
  const known = new Set(categories);
  return (list: readonly string[] | undefined, path: (string | number)[]) =>
    list?.forEach((category, i) => {
      if (!known.has(category)) addIssue(ctx, 'UNKNOWN_CATEGORY', messages.UNKNOWN_CATEGORY(category, categories), [...path, i]);
    });
}

/** Validates at the boundary and returns a frozen copy of the data, or throws `fail(issues)`. */
export function parseFrozen<S extends z.ZodType>(schema: S, input: unknown, fail: (issues: Issue[]) => Error): z.infer<S> {
  const result = validate(schema, input);
  if (result.issues) throw fail(result.issues);
  return deepFreeze(structuredClone(result.data));
}
