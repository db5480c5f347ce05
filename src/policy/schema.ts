import { z } from 'zod';
import { parseIsoDate } from '../_lib/civil.js';
import { messages } from '../_lib/messages.js';
import { addIssue } from '../_lib/zod-issues.js';
import { formatPath } from '../errors/index.js';
import { isCurrency } from '../money/index.js';
import { CompensationPolicySchema } from '../compensation/index.js';
import { EscalationPolicySchema } from '../escalation/index.js';
import { ReturnPolicySchema } from '../returns/index.js';
import { SlaPolicySchema } from '../sla/index.js';
import { WarrantyPolicySchema } from '../warranty/index.js';

const isoDate = z.string().superRefine((value, ctx) => {
  if (parseIsoDate(value) === undefined) addIssue(ctx, 'INVALID_DATE', messages.INVALID_DATE(value));
});

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
    /**
     * The policy's one currency (ISO 4217). Every section that names amounts (the return fees,
     * warranty plans, compensation, escalation) must use it; left out, they must agree with one
     * another. A policy in two currencies would compare amounts that cannot be compared.
     */
    currency: z.string().optional(),
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
    if (policy.currency !== undefined && !isCurrency(policy.currency)) {
      addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(policy.currency), ['currency']);
      return;
    }
    // One currency across sections: the first named (or the policy's own) sets it.
    const named: [string, (string | number)[]][] = [
      ...(policy.returns ? [[policy.returns.fees.currency, ['returns', 'fees', 'currency']] as [string, (string | number)[]]] : []),
      ...(policy.warranty?.plans ?? []).map((plan, i): [string, (string | number)[]] => [plan.currency, ['warranty', 'plans', i, 'currency']]),
      ...(policy.compensation ? [[policy.compensation.currency, ['compensation', 'currency']] as [string, (string | number)[]]] : []),
      ...(policy.escalation ? [[policy.escalation.currency, ['escalation', 'currency']] as [string, (string | number)[]]] : []),
    ];
    const [first] = named;
    const expected = policy.currency ?? first?.[0];
    const source = policy.currency !== undefined ? 'currency' : first ? formatPath(first[1]) : '';
    for (const [currency, path] of named) {
      if (currency !== expected) addIssue(ctx, 'CURRENCY_MISMATCH', messages.SECTION_CURRENCY(currency, expected as string, source), path);
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
