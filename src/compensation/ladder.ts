// The approval ladder as policy data: who may approve how much, in ascending authority. One
// schema and one check, shared by the compensation matrix and escalation's `approvalAtLeast`
// (src/compensation/approval.ts walks it).

import * as z from 'zod/mini';
import { amountText } from '../_lib/amount-text.js';
import { compareValues } from '../_lib/condition.js';
import { currencyMeta } from '../_lib/patterns.js';
import * as messages from '../_lib/messages.js';
import { addIssue, addThrown } from '../_lib/zod-issues.js';
import { SupportRulesError } from '../errors/index.js';
import { isCurrency, money } from '../money/index.js';

/**
 * A compensation or approval definition failed validation; `issues` lists every problem with its
 * JSON path.
 *
 * @remarks Since 0.1.0
 */
export class CompensationPolicyError extends SupportRulesError {
  static override readonly kind: string = 'CompensationPolicyError';
}

/**
 * Approval levels, from the least authority up.
 *
 * @remarks Since 0.1.0
 */
export const APPROVAL_LEVELS = ['auto', 'agent', 'team-lead', 'senior-manager', 'executive'] as const;

/**
 * One of {@link APPROVAL_LEVELS}.
 *
 * @remarks Since 0.2.0
 */
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/**
 * The kinds of offer a compensation rule can give (the `type` of an offer), which an approval
 * step may be limited to.
 *
 * @remarks Since 0.2.0
 */
export const OFFER_TYPES = ['refund', 'replacement', 'credit', 'discount-code', 'free-expedited-shipping', 'service-credit'] as const;

/**
 * One of {@link OFFER_TYPES}.
 *
 * @remarks Since 0.2.0
 */
export type OfferType = (typeof OFFER_TYPES)[number];

/**
 * One step of an approval ladder: a level, the most it may approve, and (since 0.2.0) the kinds of
 * offer it may approve.
 *
 * @remarks Since 0.2.0 (as a schema of its own; the fields since 0.1.0, `kinds` since 0.2.0)
 */
export const ApprovalStepSchema = z.strictObject({
  level: z.enum(APPROVAL_LEVELS).check(z.describe('Who approves at this step.')),
  /** Up to this value; omitted on the last (unlimited) level. */
  limit: z.optional(amountText).check(z.describe('Up to this value; left out on the last (unlimited) level.')),
  /**
   * `<=` ("an agent can approve up to 1,000") or `<` ("refunds under $50"); only with a `limit`.
   *
   * @defaultValue `'<='`
   */
  comparison: z.optional(z.enum(['<=', '<'])).check(z.describe('<= (default) or < the limit; only with a limit.')),
  /**
   * The kinds of offer this level may approve ("automate authorization for refunds under $50":
   * `["refund"]`). The step applies to a compensation decision only when every offer it can give
   * is of these kinds, and to `approvalFor` only when the request's `kind` is one of them; other
   * values go up the ladder. Not on the last level, which approves everything.
   *
   * @defaultValue every kind
   * @remarks Since 0.2.0
   */
  kinds: z.optional(z.array(z.enum(OFFER_TYPES)).check(z.minLength(1))).check(z.describe('The kinds of offer this level may approve (default every kind); not on the last level.')),
});

/**
 * An approval ladder in ascending authority: the first step that covers a value approves it.
 * Levels rise in the order of {@link APPROVAL_LEVELS} (each once), limits rise strictly, and the
 * last level, and only the last, has no limit and no `kinds` (so every value has an approver). A
 * step's `comparison` needs a `limit`.
 *
 * @remarks Since 0.2.0 (the compensation policy's `approval` since 0.1.0)
 */
export const ApprovalLadderSchema = z.array(ApprovalStepSchema).check(z.minLength(1), z.superRefine(checkLadder));

/**
 * An approval step as JSON data (see {@link ApprovalStepSchema}).
 *
 * @remarks Since 0.2.0
 */
export type ApprovalStep = z.infer<typeof ApprovalStepSchema>;

function checkLadder(ladder: readonly ApprovalStep[], ctx: z.core.$RefinementCtx): void {
  ladder.forEach((step, i) => {
    const previous = ladder[i - 1];
    const last = i === ladder.length - 1;
    if (previous && APPROVAL_LEVELS.indexOf(step.level) <= APPROVAL_LEVELS.indexOf(previous.level)) {
      addIssue(ctx, 'LADDER_ORDER', messages.LADDER_LEVEL_ORDER(step.level, previous.level, APPROVAL_LEVELS), [i, 'level']);
    }
    const seen = new Set<string>();
    step.kinds?.forEach((kind, k) => {
      if (seen.has(kind)) addIssue(ctx, 'DUPLICATE_VALUE', messages.DUPLICATE_VALUE(kind), [i, 'kinds', k]);
      seen.add(kind);
    });
    if (last && step.kinds !== undefined) addIssue(ctx, 'LADDER_ORDER', messages.LADDER_LAST_KINDS(step.level), [i, 'kinds']);
    if (step.limit === undefined) {
      if (!last) addIssue(ctx, 'LADDER_ORDER', messages.LADDER_UNLIMITED_NOT_LAST(step.level), [i]);
      if (step.comparison !== undefined) addIssue(ctx, 'INVALID_VALUE', messages.COMPARISON_WITHOUT_LIMIT(step.level), [i, 'comparison']);
      return;
    }
    if (last) addIssue(ctx, 'LADDER_ORDER', messages.LADDER_LAST_LIMITED(step.level, step.limit), [i, 'limit']);
    const below = ladder.slice(0, i).reverse().find((earlier) => earlier.limit !== undefined);
    if (below?.limit !== undefined && compareValues(step.limit, below.limit) <= 0) {
      addIssue(ctx, 'LADDER_ORDER', messages.LADDER_LIMIT_ORDER(step.level, step.limit, below.level, below.limit), [i, 'limit']);
    }
  });
}

/**
 * Adds an issue for every ladder `limit` that does not fit `currency` (`TOO_PRECISE`), at
 * `[...path, i, 'limit']`.
 */
export function checkLadderCurrency(ctx: z.core.$RefinementCtx, ladder: readonly ApprovalStep[], currency: string, path: readonly (string | number)[]): void {
  ladder.forEach((step, i) => {
    const limit = step.limit;
    if (limit !== undefined) addThrown(ctx, () => money(limit, currency), [...path, i, 'limit']);
  });
}

/**
 * An approval ladder on its own, as JSON data: the currency its limits are in and its steps.
 *
 * @remarks Since 0.2.0
 */
export const ApprovalLadderSpecSchema = z.strictObject({
  currency: z.string().check(z.meta({ ...currencyMeta, description: 'ISO 4217 currency of the limits.' })),
  steps: ApprovalLadderSchema.check(z.describe('The steps in ascending authority.')),
}).check(z.superRefine((spec, ctx) => {
  if (!isCurrency(spec.currency)) addIssue(ctx, 'UNKNOWN_CURRENCY', messages.UNKNOWN_CURRENCY(spec.currency), ['currency']);
  else checkLadderCurrency(ctx, spec.steps, spec.currency, ['steps']);
}));

/**
 * An approval ladder as JSON data (see {@link ApprovalLadderSpecSchema}).
 *
 * @remarks Since 0.2.0
 */
export type ApprovalLadderSpec = z.infer<typeof ApprovalLadderSpecSchema>;
