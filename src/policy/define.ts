import { deepFreeze } from '../_lib/freeze.js';
import { isRecord } from '../_lib/request.js';
import { validate } from '../_lib/zod-issues.js';
import { ApprovalLadderSpecSchema, defineCompensationPolicy, type CompensationPolicy } from '../compensation/index.js';
import { SupportRulesError } from '../errors/index.js';
import { defineEscalationPolicy, type EscalationPolicy } from '../escalation/index.js';
import { defineReturnPolicy, type ReturnPolicy } from '../returns/index.js';
import { defineSlaPolicy, type SlaPolicy } from '../sla/index.js';
import { defineWarrantyPolicy, type WarrantyPolicy } from '../warranty/index.js';
import { resolveCalendars } from './calendars.js';
import { SupportPolicySchema, type SupportPolicySpec } from './schema.js';

/**
 * A support policy failed validation; `issues` lists every problem with its JSON path (section
 * included, e.g. `returns.fees.rules.0.flat`).
 *
 * @remarks Since 0.1.0
 */
export class SupportPolicyError extends SupportRulesError {
  static override readonly kind: string = 'SupportPolicyError';
}

/**
 * A validated, compiled support policy: its spec and each section ready to decide with.
 *
 * @remarks Since 0.1.0
 */
export interface SupportPolicy {
  readonly id: string;
  readonly version: string;
  /**
   * The document as written: a section that names a top-level calendar shows the name. Each
   * compiled section's own `spec` shows the calendars it counts on (`policy.returns.spec.calendar`
   * is the calendar `"desk"` names; `policy.sla.spec.calendars` holds the document's calendars and
   * the section's own).
   */
  readonly spec: Readonly<SupportPolicySpec>;
  readonly sla: SlaPolicy | null;
  readonly returns: ReturnPolicy | null;
  readonly warranty: WarrantyPolicy | null;
  readonly compensation: CompensationPolicy | null;
  readonly escalation: EscalationPolicy | null;
}

/**
 * The result of {@link safeDefinePolicy}.
 *
 * @remarks Since 0.1.0
 */
export type SupportPolicyResult =
  | { readonly success: true; readonly data: SupportPolicy; readonly error?: never }
  | { readonly success: false; readonly error: SupportPolicyError; readonly data?: never };

/**
 * One approval ladder for compensation and escalation: an escalation section without its own
 * `approval` gets the compensation section's, so `approvalAtLeast` reads the threshold the
 * compensation matrix approves by, written once. Only a ladder that is valid in the escalation
 * section's currency is shared: a broken one is reported once, where it is written.
 */
function withSharedLadder(json: unknown): unknown {
  if (!isRecord(json)) return json;
  const { compensation, escalation } = json;
  if (!isRecord(compensation) || !isRecord(escalation) || escalation.approval !== undefined || compensation.currency !== escalation.currency) return json;
  if (!ApprovalLadderSpecSchema.safeParse({ currency: escalation.currency, steps: compensation.approval }).success) return json;
  return { ...json, escalation: { ...escalation, approval: compensation.approval } };
}

/**
 * Validates a whole support policy (every problem in every section, each with its JSON path) and
 * compiles each section once. Since 0.2.0 an escalation section without an `approval` ladder
 * shares the compensation section's (its `spec.escalation.approval` shows it), and sections may
 * name the calendars the policy declares once in its top-level `calendars`: each name is checked
 * where it is written, and each section is compiled with the calendars its names stand for.
 *
 * @param json - The policy, typically parsed from a JSON file.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * ```ts
 * const result = safeDefinePolicy({ id: 'x', version: '1.0', effectiveFrom: '2027-01-01', effectiveTo: '2026-01-01' });
 * result.error?.issues.map((issue) => issue.code); //=> ['EFFECTIVE_ORDER']
 * ```
 * @remarks Since 0.1.0
 */
export function safeDefinePolicy(json: unknown): SupportPolicyResult {
  const result = validate(SupportPolicySchema, withSharedLadder(json));
  if (result.issues) return { success: false, error: new SupportPolicyError(result.issues) };
  const spec = deepFreeze(structuredClone(result.data));
  const sections = resolveCalendars(spec);
  const policy: SupportPolicy = {
    id: spec.id,
    version: spec.version,
    spec,
    sla: sections.sla ? defineSlaPolicy(sections.sla) : null,
    returns: sections.returns ? defineReturnPolicy(sections.returns) : null,
    warranty: sections.warranty ? defineWarrantyPolicy(sections.warranty) : null,
    compensation: sections.compensation ? defineCompensationPolicy(sections.compensation) : null,
    escalation: sections.escalation ? defineEscalationPolicy(sections.escalation) : null,
  };
  return { success: true, data: Object.freeze(policy) };
}

/**
 * Validates and compiles a whole support policy, throwing with every problem listed.
 *
 * @throws {@link SupportPolicyError}
 * @example
 * ```ts
 * const policy = definePolicy({ id: 'pelpro', version: '1.0' });
 * policy.sla; //=> null (no SLA section yet)
 * ```
 * @remarks Since 0.1.0
 */
export function definePolicy(json: unknown): SupportPolicy {
  const result = safeDefinePolicy(json);
  if (!result.success) throw result.error;
  return result.data;
}
