// Defining an escalation policy: the schema checks it, compileEscalation compiles it once, and the
// public object carries the compiled form under the module's brand for decideEscalation.

import { brand, seal, unseal } from '../_lib/compiled.js';
import * as messages from '../_lib/messages.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import type { ApprovalLadder } from '../compensation/index.js';
import { SupportRulesError } from '../errors/index.js';
import { compileEscalation, type Compiled } from './compile.js';
import { EscalationPolicySchema, type EscalationPolicySpec } from './schema.js';

/**
 * An escalation policy failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class EscalationPolicyError extends SupportRulesError {
  static override readonly kind: string = 'EscalationPolicyError';
}

/**
 * A validated escalation policy. Create it once with {@link defineEscalationPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface EscalationPolicy {
  readonly id: string;
  readonly spec: Readonly<EscalationPolicySpec>;
  /** The values cases may give for each field. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<EscalationVocabulary>;
  /**
   * The approval ladder `approvalAtLeast` walks (the policy's `approval`; in a SupportPolicy
   * without one, the compensation section's), or null; pass it to `approvalFor`.
   *
   * @remarks Since 0.2.0
   */
  readonly approval: ApprovalLadder | null;
}

/**
 * The values an escalation policy knows for each case field: its `tiers` and `severities`, its
 * categories (declared in `vocabulary.category`, else those its rules name, sorted), and the SLA
 * metrics a case's `slaStatus` may name (declared in `vocabulary.metric`, else the SLA built-in
 * metrics and those the rules name, sorted).
 *
 * @remarks Since 0.2.0
 */
export interface EscalationVocabulary {
  readonly tier: readonly string[];
  readonly severity: readonly string[];
  readonly category: readonly string[];
  /** The SLA metrics `slaStatus` may name. */
  readonly metric: readonly string[];
}

const COMPILED = brand('escalation');

/**
 * Validates an escalation policy (tiers and severities listed once, every tier, severity, category
 * and calendar a rule names known, ids unique, amounts that fit the currency, no rule that can
 * never change a decision) and compiles its calendars, conditions and case check once.
 *
 * @throws {@link EscalationPolicyError} listing every problem: `DUPLICATE_VALUE`, `DUPLICATE_ID`,
 *   `UNKNOWN_IN_POLICY`, `UNKNOWN_CATEGORY`, `UNKNOWN_CALENDAR`, `UNKNOWN_CURRENCY`, `TOO_PRECISE`,
 *   `UNREACHABLE_RULE`, `OUT_OF_BOUNDS`, `INVALID_RANGE`, `EMPTY` (an empty `slaStatus`), and
 *   shape codes; since 0.2.0 `UNKNOWN_IN_POLICY` for an `approvalAtLeast` with no ladder or a level
 *   not on it, `LADDER_ORDER` for an `approval` ladder that does not rise, `INVALID_VALUE` for
 *   `each: "breach"` on a rule that does not count breaches, `INVALID_WITHIN` for a deadline span
 *   under a millisecond that is not zero (zero is "immediately"); `UNKNOWN_IN_POLICY` also for an
 *   SLA status outside the five clock statuses (`rules.N.when.slaStatus.<metric>`) and a metric
 *   outside a declared `vocabulary.metric`.
 * @example
 * ```ts
 * const policy = defineEscalationPolicy({
 *   id: 'primos', currency: 'USD', calendars: { clock: { timeZone: 'America/New_York', alwaysOpen: true } },
 *   tiers: ['tier-1', 'tier-2', 'tier-3'],
 *   rules: [{ id: 'technical', tier: 'tier-2', when: { category: ['technical'] },
 *     reachWithin: { within: { hours: 2 }, calendar: 'clock' } }],
 * });
 * policy.id;                  //=> 'primos'
 * policy.vocabulary.category; //=> ['technical']
 * ```
 * @remarks Since 0.1.0
 */
export function defineEscalationPolicy(spec: EscalationPolicySpec): EscalationPolicy {
  const valid = parseFrozen(EscalationPolicySchema, spec, (issues) => new EscalationPolicyError(issues));
  const compiled = compileEscalation(valid);
  const vocab: EscalationVocabulary = { ...compiled.vocabulary };
  return seal(COMPILED, { id: valid.id, spec: valid, vocabulary: Object.freeze(vocab), approval: compiled.ladder }, compiled);
}

/** The compiled form of a policy made by defineEscalationPolicy; INVALID_ESCALATION_POLICY for anything else. */
export function compiledOf(policy: EscalationPolicy): Compiled {
  return unseal<Compiled>(COMPILED, policy, (issues) => new EscalationPolicyError(issues), {
    code: 'INVALID_ESCALATION_POLICY',
    path: [],
    message: messages.INVALID_ESCALATION_POLICY(),
  });
}
