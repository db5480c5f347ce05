// Walking the approval ladder: one walk, shared by the compensation matrix (the approval a
// decision needs), `approvalFor` ("may this role approve this amount?") and escalation's
// `approvalAtLeast` trigger, so a threshold such as HomePro's 1,000 is written once.

import { brand, seal, unseal } from '../_lib/compiled.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { compileRequest, type RequestChecker } from '../_lib/request.js';
import { vocabulary } from '../_lib/vocabulary.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { compare, money, moneyIn, type Money } from '../money/index.js';
import { ApprovalLadderSpecSchema, CompensationPolicyError, OFFER_TYPES, type ApprovalLadderSpec, type ApprovalLevel, type ApprovalStep, type OfferType } from './ladder.js';

/**
 * A validated approval ladder, from {@link defineApprovalLadder}, or a compensation policy's
 * `approval` (and an escalation policy's, since 0.2.0).
 *
 * @remarks Since 0.2.0
 */
export interface ApprovalLadder {
  readonly currency: string;
  readonly steps: readonly ApprovalStep[];
}

/** A step compiled: its limit as Money, its comparison resolved, its kinds as a set. */
export interface CompiledStep {
  readonly level: ApprovalLevel;
  readonly limit: Money | null;
  readonly comparison: '<=' | '<' | null;
  readonly kinds: ReadonlySet<string> | null;
}

/** A ladder compiled once: its steps and the check of an `approvalFor` request. */
export interface CompiledLadder {
  readonly currency: string;
  readonly steps: readonly CompiledStep[];
  readonly check: RequestChecker;
}

const LADDER = brand('approval-ladder');

/** The fields of an `approvalFor` request, declared once. */
const APPROVAL_REQUEST_FIELDS = {
  amount: { type: 'money', required: true, hint: 'the amount to approve, such as "45.00"' },
  kind: { type: 'term', vocabulary: 'kind' },
} as const;

/**
 * Compiles a ladder that a schema has accepted (its limits fit `currency`) and seals it, so it can
 * be passed to {@link approvalFor}.
 */
export function sealLadder(steps: readonly ApprovalStep[], currency: string): { readonly ladder: ApprovalLadder; readonly compiled: CompiledLadder } {
  const compiled: CompiledLadder = {
    currency,
    steps: steps.map((step) => ({
      level: step.level,
      limit: step.limit === undefined ? null : money(step.limit, currency),
      comparison: step.limit === undefined ? null : (step.comparison ?? '<='),
      kinds: step.kinds === undefined ? null : new Set(step.kinds),
    })),
    check: compileRequest('an approval request', APPROVAL_REQUEST_FIELDS, {
      vocabularies: { kind: vocabulary('offer type', OFFER_TYPES) },
      money: (value, path) => moneyIn(value as string, currency, path, { nonNegative: true }),
    }),
  };
  return { ladder: seal(LADDER, { currency, steps }, compiled), compiled };
}

/**
 * Validates an approval ladder on its own and compiles it once. A compensation policy has one
 * already (`policy.approval`); this is for a helpdesk that only needs to know who may approve what.
 *
 * @param spec - `{ currency, steps }`; steps as in a compensation policy's `approval`.
 * @returns A frozen {@link ApprovalLadder} for {@link approvalFor}.
 * @throws {@link CompensationPolicyError} listing every problem: `LADDER_ORDER`, `INVALID_VALUE`
 *   (a `comparison` without a `limit`, an unknown level or offer type), `DUPLICATE_VALUE`,
 *   `UNKNOWN_CURRENCY`, `TOO_PRECISE`, `INVALID_TYPE` (a limit written as a number), `EMPTY`.
 * @example
 * ```ts
 * const ladder = defineApprovalLadder({ currency: 'USD', steps: [
 *   { level: 'auto', limit: '50.00', comparison: '<', kinds: ['refund'] },
 *   { level: 'agent', limit: '500.00' }, { level: 'senior-manager' }] });
 * ladder.steps.length; //=> 3
 * ```
 * @remarks Since 0.2.0
 */
export function defineApprovalLadder(spec: ApprovalLadderSpec): ApprovalLadder {
  const valid = parseFrozen(ApprovalLadderSpecSchema, spec, (issues) => new CompensationPolicyError(issues));
  return sealLadder(valid.steps, valid.currency).ladder;
}

/** The compiled form of a ladder, or a typed error for anything that is not one. */
export function compiledLadder(ladder: unknown): CompiledLadder {
  return unseal<CompiledLadder>(LADDER, ladder, (issues) => new CompensationPolicyError(issues), {
    code: 'INVALID_COMPENSATION_POLICY',
    path: [],
    message: messages.INVALID_APPROVAL_SOURCE(),
  });
}

/** Whether a value is a sealed approval ladder. */
export function isApprovalLadder(value: unknown): value is ApprovalLadder {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[LADDER] !== undefined;
}

const kindsText = (kinds: ReadonlySet<string>) => [...kinds].join(' or ');

/**
 * Walks the ladder for a value: the first step that applies to the kinds of offer given and
 * covers the value. A step limited to kinds applies only when `kinds` is not empty and every one
 * of them is among its kinds. Every step below the chosen one says why it does not cover the value
 * (`APPROVAL_STEP_NOT_FOR_KIND`, `APPROVAL_STEP_EXCEEDED`); the chosen one why it does
 * (`APPROVAL_REQUIRED`). Definition makes the last step unlimited and for every kind, so a step is
 * always found.
 */
export function walkLadder(ladder: CompiledLadder, value: Money, kinds: readonly string[]): { readonly step: CompiledStep; readonly reasons: Reason[] } {
  const reasons: Reason[] = [];
  const { currency } = ladder;
  const amount = value.amount;
  for (const step of ladder.steps) {
    if (step.kinds !== null && (kinds.length === 0 || !kinds.every((kind) => step.kinds?.has(kind)))) {
      const others = kinds.filter((kind) => !step.kinds?.has(kind));
      reasons.push({
        code: 'APPROVAL_STEP_NOT_FOR_KIND',
        rule: step.level,
        facts: { level: step.level, kinds: [...step.kinds], given: [...kinds], value: amount },
        message: `${step.level} approves only ${kindsText(step.kinds)}${kinds.length === 0 ? ', and no kind of offer was given' : `; this is also ${others.join(', ')}`}.`,
      });
      continue;
    }
    const covers = step.limit === null || (step.comparison === '<' ? compare(value, step.limit) < 0 : compare(value, step.limit) <= 0);
    const facts = { level: step.level, limit: step.limit?.amount ?? null, comparison: step.comparison, value: amount };
    if (!covers) {
      const limit = step.limit as Money;
      reasons.push({
        code: 'APPROVAL_STEP_EXCEEDED',
        rule: step.level,
        facts,
        message:
          step.comparison === '<'
            ? `${step.level} approves under ${limit.amount} ${currency}; ${amount} is not under it.`
            : `${step.level} approves up to ${limit.amount} ${currency}; ${amount} is over it.`,
      });
      continue;
    }
    const limitText = step.limit === null ? 'with no limit' : step.comparison === '<' ? `under ${step.limit.amount}` : `up to ${step.limit.amount}`;
    reasons.push({
      code: 'APPROVAL_REQUIRED',
      rule: step.level,
      facts,
      message: `${amount} ${currency} needs ${step.level} approval (${step.level} approves ${limitText}${step.kinds ? `, ${kindsText(step.kinds)} only` : ''}).`,
    });
    return { step, reasons };
  }
  // Unreachable for a ladder definition accepted: its last step is unlimited and for every kind.
  throw new Error('approval ladder without an unlimited last step');
}

/**
 * What `approvalFor` is asked: an amount and, optionally, the kind of offer.
 *
 * @remarks Since 0.2.0
 */
export interface ApprovalRequest {
  /** In the ladder's currency, 0 or more: `"45.00"` or `{ amount, currency }` (a number is refused). */
  readonly amount: Money | string;
  /** The kind of offer (`refund`, `credit`, …); left out, steps limited to kinds do not apply. */
  readonly kind?: OfferType;
}

/**
 * Who must approve an amount, and why: the ladder walked step by step.
 *
 * @remarks Since 0.2.0
 */
export interface ApprovalDecision {
  /** The lowest level that may approve the amount. */
  readonly level: ApprovalLevel;
  /** Its limit, or null for the last (unlimited) level. */
  readonly limit: Money | null;
  /** How the limit is compared (`<=` or `<`), or null without a limit. */
  readonly comparison: '<=' | '<' | null;
  readonly amount: Money;
  readonly kind: OfferType | null;
  /**
   * One reason per step up to the chosen one: `APPROVAL_STEP_NOT_FOR_KIND` (facts `level`,
   * `kinds`, `given`, `value`) or `APPROVAL_STEP_EXCEEDED` (facts `level`, `limit`, `comparison`,
   * `value`) for each step below, then `APPROVAL_REQUIRED` for the chosen one.
   */
  readonly reasons: readonly Reason[];
}

/**
 * "May this role approve this amount?" The level an amount needs on an approval ladder: the first
 * step, in ascending authority, that applies to the kind of offer and whose limit covers the
 * amount. `decideCompensation` takes its `approval` from the same walk.
 *
 * @param source - A compensation policy (its `approval` ladder is used) or an approval ladder
 *   (`defineApprovalLadder`, or an escalation policy's `approval`).
 * @param request - `{ amount, kind? }`: the amount in the ladder's currency and the kind of offer.
 * @returns The level, its limit and comparison, and the ladder as reasons.
 * @throws {@link InvalidArgumentError} `REQUIRED` (no amount), `UNKNOWN_KEY`, `INVALID_TYPE` (an
 *   amount given as a number: amounts are decimal strings), `INVALID_AMOUNT`, `TOO_PRECISE`,
 *   `CURRENCY_MISMATCH`, `INVALID_FACT` (a negative amount), `UNKNOWN_IN_POLICY` (a kind that is
 *   not an offer type, with a did-you-mean); {@link CompensationPolicyError}
 *   `INVALID_COMPENSATION_POLICY` for a source that is neither a policy nor a ladder.
 * @example
 * ```ts
 * const ladder = defineApprovalLadder({ currency: 'USD', steps: [
 *   { level: 'auto', limit: '50.00', comparison: '<', kinds: ['refund'] },
 *   { level: 'agent', limit: '500.00' }, { level: 'senior-manager' }] });
 * approvalFor(ladder, { amount: '40.00', kind: 'refund' }).level;  //=> 'auto'
 * approvalFor(ladder, { amount: '40.00', kind: 'credit' }).level;  //=> 'agent'
 * approvalFor(ladder, { amount: '50.00', kind: 'refund' }).level;  //=> 'agent' (not under 50)
 * approvalFor(ladder, { amount: '500.01' }).reasons.map((r) => r.code);
 * //=> ['APPROVAL_STEP_NOT_FOR_KIND', 'APPROVAL_STEP_EXCEEDED', 'APPROVAL_REQUIRED']
 * ```
 * @remarks Since 0.2.0
 */
export function approvalFor(source: { readonly approval: ApprovalLadder | null } | ApprovalLadder, request: ApprovalRequest): ApprovalDecision {
  const ladder = isApprovalLadder(source) ? source : (source as { readonly approval?: unknown } | null | undefined)?.approval;
  const c = compiledLadder(ladder);
  const checked = c.check(request) as { amount: Money; kind?: OfferType };
  const kind = checked.kind ?? null;
  const { step, reasons } = walkLadder(c, checked.amount, kind === null ? [] : [kind]);
  return { level: step.level, limit: step.limit, comparison: step.comparison, amount: checked.amount, kind, reasons };
}
