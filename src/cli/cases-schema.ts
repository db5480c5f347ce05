// The shape of a cases file (`support-rules check <policy> <cases.json>`) and of one case
// (`support-rules explain <policy> <case.json>`). The zod schema is the single source of truth:
// the CLI validates with it and the build writes dist/cases.schema.json from it.

import * as z from 'zod/mini';
import { instantIssue } from '../_lib/instant.js';
import { editorJsonSchema } from '../_lib/json-schema.js';
import * as messages from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { validate } from '../_lib/zod-issues.js';
import type { Issue, JsonPath } from '../errors/index.js';

/** The fields of a case, the same for every kind. */
export const CASE_FIELDS = ['name', 'kind', 'given', 'asOf', 'expect'] as const;

/** The fields of `given` for an `sla` case. */
const SLA_GIVEN_FIELDS = ['ticket', 'now'] as const;

/** An ISO 8601 instant with an offset, in the library's own words when it is not one. */
const instant = z.string().check(z.meta({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'An ISO 8601 instant with an offset, e.g. "2026-11-20T18:30:00-06:00".',
}), (ctx) => {
  const issue = instantIssue(ctx.value, []);
  if (issue) ctx.issues.push({ code: 'custom', message: issue.message, params: { code: issue.code }, input: ctx.value });
});

const object = z.record(z.string(), z.unknown());

const caseFields = {
  name: z.optional(z.string()).check(z.meta({ description: 'What the case shows; printed with its result.' })),
  asOf: z.optional(instant).check(z.meta({ description: 'Decide with the policy version in force at this instant instead of the one the request\'s own dates pick.' })),
  expect: z.optional(object).check(z.describe('A partial match on the decision as JSON: only listed keys, list items in any order, instants as instants.')),
};

const slaCase = z.strictObject({
  ...caseFields,
  kind: z.literal('sla').check(z.describe('sla: the SLA clocks of a ticket (evaluateSla).')),
  given: z.strictObject({ ticket: object.check(z.describe('The ticket with its events, as evaluateSla takes it.')), now: instant }).check(z.meta({ description: 'The ticket and the instant to evaluate it at.' })),
});

const otherCase = z.strictObject({
  ...caseFields,
  kind: z.enum(['return', 'warranty', 'compensation', 'escalation']).check(z.describe('The decision to take: checkReturn, checkWarrantyClaim, decideCompensation or decideEscalation.')),
  given: object.check(z.meta({ description: "The decision function's request; instants are ISO 8601 strings with an offset." })),
});

/**
 * One worked example: the decision to take (`kind`), its input (`given`) and, optionally, a
 * partial expectation of the decision (`expect`).
 *
 * @remarks Since 0.2.0
 */
export const CaseSchema = z.discriminatedUnion('kind', [slaCase, otherCase]).check(z.meta({
  description: 'One worked example: the decision to take (kind), its input (given) and what it should decide (expect).',
  examples: [
    {
      name: 'A return on day 91 is refused',
      kind: 'return',
      given: { category: 'electronics', price: '129.99', condition: 'opened', deliveredAt: '2026-10-01T12:00:00-05:00', requestedAt: '2026-12-31T12:00:00-06:00' },
      expect: { outcome: 'ineligible', reasons: [{ code: 'RETURN_WINDOW_EXPIRED' }] },
    },
  ],
}));

/** One case, as validated. */
export type Case = z.infer<typeof CaseSchema>;

const casesSchemaField = z.optional(z.string()).check(z.meta({ description: 'Editors use it to find this JSON Schema (support-rules/cases.schema.json).', examples: ['./node_modules/support-rules/dist/cases.schema.json'] }));

/**
 * A cases file: `{ "$schema"?, "cases": [ … ] }` with at least one case.
 *
 * @remarks Since 0.2.0
 */
export const CasesFileSchema = z.strictObject({
  $schema: casesSchemaField,
  cases: z.array(CaseSchema).check(z.minLength(1), z.describe('The worked examples, at least one, run in order.')),
}).check(z.describe('A support-rules cases file: worked examples that support-rules check runs against a policy.'));

/** The top of a cases file without its cases, which are streamed and checked one by one. */
const CasesHeaderSchema = z.strictObject({ $schema: casesSchemaField, cases: z.array(z.unknown()) });

/**
 * The JSON Schema of a cases file, for editors; the build ships it as
 * `support-rules/cases.schema.json`.
 *
 * @example
 * ```ts
 * casesJsonSchema().required; //=> ['cases']
 * ```
 */
export function casesJsonSchema(): Record<string, unknown> {
  return editorJsonSchema(CasesFileSchema, 'cases.schema.json', 'support-rules cases file');
}

const at = (prefix: JsonPath, issues: readonly Issue[]): Issue[] => issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));

/**
 * Checks one case; `path` is where it sits in its file (`['cases', 3]`, or `[]` for a case file).
 *
 * @returns The case, or the problems with their paths in the file.
 */
export function validateCase(value: unknown, path: JsonPath = []): { data: Case; issues?: never } | { issues: Issue[]; data?: never } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { issues: [{ code: 'INVALID_TYPE', path, message: messages.INVALID_TYPE('case object { "kind", "given", "expect" }', value) }] };
  }
  const result = validate(CaseSchema, value);
  if (!result.issues) return { data: result.data };
  return { issues: at(path, result.issues.map(withFieldNames)) };
}

// zod-issues cannot see through the union to list the fields accepted where an unknown one was
// found; there are only two places, so name them here.
function withFieldNames(issue: Issue): Issue {
  if (issue.code !== 'UNKNOWN_KEY' || (issue.allowed?.length ?? 0) > 0) return issue;
  const allowed = issue.path.length === 1 ? CASE_FIELDS : issue.path.length === 2 && issue.path[0] === 'given' ? SLA_GIVEN_FIELDS : undefined;
  if (!allowed) return issue;
  const key = String(issue.path[issue.path.length - 1]);
  const suggestion = suggest(key, allowed);
  return { ...issue, message: messages.UNKNOWN_KEY(key, allowed, suggestion), allowed, ...(suggestion ? { suggestion } : {}) };
}

/**
 * Checks the top of a cases file, given without its cases: `root` is the top-level value with
 * `cases` replaced by an empty list when it is a list, and `count` the number of cases streamed.
 */
export function validateCasesHeader(root: unknown, count: number): Issue[] {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    const hint = Array.isArray(root) ? '; write { "cases": [ … ] } around the list' : '';
    return [{ code: 'INVALID_TYPE', path: [], message: `${messages.INVALID_TYPE('object { "cases": [ … ] }', root).slice(0, -1)}${hint}.` }];
  }
  const result = validate(CasesHeaderSchema, root);
  if (result.issues) return result.issues;
  return count === 0 ? [{ code: 'NO_CASES', path: ['cases'], message: 'The file has no cases; add at least one { "kind", "given", "expect" } to "cases".' }] : [];
}
