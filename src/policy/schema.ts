import { z } from 'zod';
import { parseIsoDate } from '../_lib/civil.js';
import { messages } from '../_lib/messages.js';
import { addIssue } from '../_lib/zod-issues.js';
import { CompensationPolicySchema } from '../compensation/index.js';
import { EscalationPolicySchema } from '../escalation/index.js';
import { ReturnPolicySchema } from '../returns/index.js';
import { SlaPolicySchema } from '../sla/index.js';
import { WarrantyPolicySchema } from '../warranty/index.js';

const isoDate = z.string().refine((value) => parseIsoDate(value) !== undefined, { message: 'a date as YYYY-MM-DD' });

/**
 * The whole support policy in one document: identity, version and effective dates, and each
 * section (SLA, returns with fees, warranty, compensation, escalation). Every section is optional,
 * so a policy can grow section by section.
 *
 * @remarks Since 0.1.0
 */
export const SupportPolicySchema = z
  .strictObject({
    /** Editors use it to find the JSON Schema (`support-rules/policy.schema.json`). */
    $schema: z.string().optional(),
    id: z.string().min(1),
    name: z.string().optional(),
    version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'a version such as "1.0" or "2.3.1"'),
    /** First local date the policy is in effect (inclusive). */
    effectiveFrom: isoDate.optional(),
    /** First local date it is no longer in effect (exclusive). */
    effectiveTo: isoDate.optional(),
    sla: SlaPolicySchema.optional(),
    returns: ReturnPolicySchema.optional(),
    warranty: WarrantyPolicySchema.optional(),
    compensation: CompensationPolicySchema.optional(),
    escalation: EscalationPolicySchema.optional(),
  })
  .superRefine((policy, ctx) => {
    if (policy.effectiveFrom && policy.effectiveTo && policy.effectiveFrom >= policy.effectiveTo) {
      addIssue(ctx, 'EFFECTIVE_ORDER', messages.EFFECTIVE_ORDER(policy.effectiveFrom, policy.effectiveTo), ['effectiveTo']);
    }
  });

/**
 * A support policy as JSON data (see {@link SupportPolicySchema}).
 *
 * @remarks Since 0.1.0
 */
export type SupportPolicySpec = z.infer<typeof SupportPolicySchema>;

/**
 * The JSON Schema of a support policy, generated from the zod schema, for editors (autocomplete,
 * validation of policy files). The package also ships it as `support-rules/policy.schema.json`.
 *
 * @example
 * ```ts
 * policyJsonSchema().properties.sla !== undefined; //=> true
 * ```
 * @remarks Since 0.1.0
 */
export function policyJsonSchema(): { readonly properties: Record<string, unknown> } & Record<string, unknown> {
  return z.toJSONSchema(SupportPolicySchema, { unrepresentable: 'any' }) as { properties: Record<string, unknown> } & Record<string, unknown>;
}
