import * as z from 'zod/mini';
import { parseIsoDate } from '../_lib/civil.js';
import { editorJsonSchema } from '../_lib/json-schema.js';
import * as messages from '../_lib/messages.js';
import { currencyMeta, localDateMeta } from '../_lib/patterns.js';
import { addIssue } from '../_lib/zod-issues.js';
import { formatPath } from '../errors/index.js';
import { isCurrency } from '../money/index.js';
import { PolicyCalendarSpecSchema } from '../calendar/index.js';
import { CompensationSectionSchema } from '../compensation/index.js';
import { EscalationSectionSchema } from '../escalation/index.js';
import { ReturnSectionSchema } from '../returns/index.js';
import { SlaSectionSchema } from '../sla/index.js';
import { WarrantySectionSchema } from '../warranty/index.js';
import { checkCalendarNames } from './calendars.js';

const isoDate = z.string().check(z.superRefine((value, ctx) => {
  if (parseIsoDate(value) === undefined) addIssue(ctx, 'INVALID_DATE', messages.INVALID_DATE(value));
}), z.meta(localDateMeta));

/**
 * The whole support policy in one document: identity, version and effective dates, the calendars
 * its sections name, and each section (SLA, returns with fees, warranty, compensation,
 * escalation). Every section is optional, so a policy can grow section by section.
 *
 * @remarks Since 0.1.0
 */
export const SupportPolicySchema = z.strictObject({
  /** Editors use it to find the JSON Schema (`support-rules/policy.schema.json`). */
  $schema: z.optional(z.string()).check(z.meta({ description: 'Where editors find this JSON Schema; ignored by the library.', examples: ['./node_modules/support-rules/dist/policy.schema.json'] })),
  id: z.string().check(z.minLength(1), z.describe('The policy\'s id, quoted in every decision.')),
  name: z.optional(z.string()).check(z.describe('The policy\'s name, for people.')),
  version: z.string().check(z.regex(/^\d+\.\d+(\.\d+)?$/, 'a version such as "1.0" or "2.3.1"'), z.meta({ description: 'The policy\'s version, quoted in every decision.', examples: ['1.0', '2.3.1'] })),
  /** First local date the policy is in effect (inclusive). */
  effectiveFrom: z.optional(isoDate).check(z.describe('First local date the policy is in effect (YYYY-MM-DD, inclusive).')),
  /** First local date it is no longer in effect (exclusive). */
  effectiveTo: z.optional(isoDate).check(z.describe('First local date the policy is no longer in effect (YYYY-MM-DD, exclusive).')),
  /**
   * The policy's one currency (ISO 4217). Every section that names amounts (the return fees,
   * warranty plans, compensation, escalation) must use it; left out, they must agree with one
   * another. A policy in two currencies would compare amounts that cannot be compared.
   */
  currency: z.optional(z.string()).check(z.meta({ ...currencyMeta, description: 'The policy\'s one ISO 4217 currency; every section that names amounts must use it.' })),
  /**
   * Named calendars, declared once for the whole policy. An SLA target, an escalation span and
   * the `calendar` of returns, warranty and compensation name one (`"calendar": "desk"`); the
   * SLA and escalation sections then need no `calendars` of their own, and may not reuse a name
   * declared here. A calendar no section names is allowed.
   *
   * @remarks Since 0.2.0
   */
  calendars: z.optional(z.record(z.string().check(z.minLength(1)), PolicyCalendarSpecSchema)).check(z.describe('Named calendars, declared once; every section names them ("calendar": "desk").')),
  sla: z.optional(SlaSectionSchema).check(z.describe('SLA targets per metric, on business-hours calendars.')),
  returns: z.optional(ReturnSectionSchema).check(z.describe('Return windows, eligibility, fees and refund deadlines.')),
  warranty: z.optional(WarrantySectionSchema).check(z.describe('Warranty coverage, plans, evidence, remedies and deadlines.')),
  compensation: z.optional(CompensationSectionSchema).check(z.describe('The compensation matrix: offers per incident and who approves them.')),
  escalation: z.optional(EscalationSectionSchema).check(z.describe('Escalation tiers, triggers, deadlines and workflows.')),
}).check(z.describe('A support policy: identity, version, effective dates, named calendars and the sections, each optional.'), z.superRefine(checkCalendarNames, { when: () => true }), z.superRefine(crossSectionChecks, { when: () => true }));

function crossSectionChecks(input: unknown, ctx: z.core.$RefinementCtx): void {
  const policy = (input ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const section = (name: string) => (policy[name] && typeof policy[name] === 'object' ? (policy[name] as Record<string, unknown>) : undefined);
  const from = text(policy.effectiveFrom);
  const to = text(policy.effectiveTo);
  if (from && to && parseIsoDate(from) !== undefined && parseIsoDate(to) !== undefined && from >= to) {
    addIssue(ctx, 'EFFECTIVE_ORDER', messages.EFFECTIVE_ORDER(from, to), ['effectiveTo']);
  }
  const own = text(policy.currency);
  if (own !== undefined && !isCurrency(own)) {
    addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(own), ['currency']);
    return;
  }
  // One currency across sections: the policy's own, or else the first one named.
  const fees = section('returns')?.fees as Record<string, unknown> | undefined;
  const plans = section('warranty')?.plans;
  const named: [string | undefined, (string | number)[]][] = [
    [text(fees?.currency), ['returns', 'fees', 'currency']],
    ...(Array.isArray(plans) ? plans : []).map((plan, i): [string | undefined, (string | number)[]] => [text((plan as Record<string, unknown> | null)?.currency), ['warranty', 'plans', i, 'currency']]),
    [text(section('compensation')?.currency), ['compensation', 'currency']],
    [text(section('escalation')?.currency), ['escalation', 'currency']],
  ];
  const present = named.filter((entry): entry is [string, (string | number)[]] => entry[0] !== undefined && isCurrency(entry[0]));
  const [first] = present;
  const expected = own ?? first?.[0];
  const source = own !== undefined ? 'currency' : first ? formatPath(first[1]) : '';
  for (const [currency, path] of present) {
    if (currency !== expected) addIssue(ctx, 'CURRENCY_MISMATCH', messages.SECTION_CURRENCY(currency, expected as string, source), path);
  }
}

/**
 * A support policy as JSON data (see {@link SupportPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type SupportPolicySpec = z.infer<typeof SupportPolicySchema>;

/**
 * The JSON Schema (draft 2020-12) of a support policy, generated from the zod schema, for editors:
 * validation, completion and hover text for policy files. Every field carries a description (from
 * the zod schemas' metadata); time ranges, local dates, currencies, amounts and versions carry a
 * pattern that never refuses what the library accepts; the main fields carry examples. The
 * package ships it as `support-rules/policy.schema.json` (the file
 * `node_modules/support-rules/dist/policy.schema.json`).
 *
 * @example
 * ```ts
 * policyJsonSchema().properties.sla !== undefined; //=> true
 * policyJsonSchema().title;                        //=> 'support-rules SupportPolicy'
 * ```
 * @remarks Since 0.1.0 (descriptions, patterns, examples, `$id` and `title` since 0.2.0)
 */
export function policyJsonSchema(): { readonly properties: Record<string, unknown> } & Record<string, unknown> {
  return editorJsonSchema(SupportPolicySchema, 'policy.schema.json', 'support-rules SupportPolicy');
}
