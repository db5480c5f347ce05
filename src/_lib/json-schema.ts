// The JSON Schemas the package ships for editors (policy.schema.json, cases.schema.json), each
// generated from its zod schema so there is one source: every field's description, pattern and
// examples come from the schema's metadata (`.describe()`, `.meta()`).

import * as z from 'zod/mini';

/** Where the schemas are published: the files of the latest release, as unpkg serves them. */
const PUBLISHED = 'https://unpkg.com/support-rules/dist/';

/**
 * The JSON Schema (draft 2020-12) of a document, with its `$id` and `title`. Every schema is
 * written out in place, without `$ref`s, which every editor follows.
 *
 * It is zod's output schema: an author writes the input, but the two are the same JSON here (the
 * one transform, of amounts, only refuses numbers; test/policy/json-schema.test.ts checks), and
 * the input schema would drop the examples of every object that holds an amount.
 */
export function editorJsonSchema(schema: z.ZodMiniType, file: string, title: string): { readonly properties: Record<string, unknown> } & Record<string, unknown> {
  const { $schema, description, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema, $id: `${PUBLISHED}${file}`, title, description, ...rest } as unknown as { properties: Record<string, unknown> } & Record<string, unknown>;
}
