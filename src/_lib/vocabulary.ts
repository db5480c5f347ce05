// Vocabularies: the values a policy knows for each request field (categories, channels, tiers…).
// A policy declares them, or they are the values its rules name. Requests are checked against
// them, and a rule that names a value outside a declared vocabulary is refused at definition.

import * as z from 'zod/mini';
import * as messages from './messages.js';
import type { Vocabulary } from './request.js';
import { suggest } from './suggest.js';
import { addIssue } from './zod-issues.js';

/** A non-empty list of distinct, non-empty names. */
export const uniqueNames = z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.superRefine((values, ctx) => {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) addIssue(ctx, 'DUPLICATE_VALUE', messages.DUPLICATE_VALUE(value), [i]);
    seen.add(value);
  });
}));

/**
 * The zod schema of a section's `vocabulary`: an optional list of names per field, each field
 * given with its description for editors.
 */
export function vocabularySchema<const K extends string>(descriptions: Readonly<Record<K, string>>) {
  const shape = {} as Record<K, z.ZodMiniOptional<typeof uniqueNames>>;
  for (const field of Object.keys(descriptions) as K[]) shape[field] = z.optional(uniqueNames).check(z.describe(descriptions[field]));
  return z.strictObject(shape);
}

/** A value a rule names, with its path in the policy. */
export interface Named {
  readonly field: string;
  readonly value: string;
  readonly path: readonly (string | number)[];
}

/**
 * Refuses every named value outside its field's declared vocabulary (`UNKNOWN_CATEGORY` for
 * categories, `UNKNOWN_IN_POLICY` otherwise). Fields without a declared vocabulary are skipped:
 * their vocabulary is what the rules name.
 */
export function checkNamed(
  ctx: z.core.$RefinementCtx,
  named: readonly Named[],
  declared: Readonly<Record<string, readonly string[] | undefined>>,
  what: Readonly<Record<string, string>>,
): void {
  for (const { field, value, path } of named) {
    const known = declared[field];
    if (!known || known.includes(value)) continue;
    const noun = what[field] ?? field;
    const suggestion = suggest(value, known);
    if (noun === 'category') addIssue(ctx, 'UNKNOWN_CATEGORY', messages.UNKNOWN_CATEGORY(value, known, suggestion), [...path]);
    else addIssue(ctx, 'UNKNOWN_IN_POLICY', messages.UNKNOWN_IN_POLICY(noun, value, known, suggestion), [...path]);
  }
}

/** A field's vocabulary: the declared list, else the distinct values the rules name, sorted. */
export function vocabularyOf(declared: readonly string[] | undefined, named: readonly Named[], field: string): readonly string[] {
  if (declared) return declared;
  return [...new Set(named.filter((n) => n.field === field).map((n) => n.value))].sort();
}

/** A Vocabulary for the request checker. */
export function vocabulary(what: string, values: readonly string[] | undefined): Vocabulary {
  return { what, values, code: what === 'category' ? 'UNKNOWN_CATEGORY' : 'UNKNOWN_IN_POLICY' };
}
