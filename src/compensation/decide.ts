import { brand, seal, unseal } from '../_lib/compiled.js';
import { compileCondition, mismatches, type Condition } from '../_lib/condition.js';
import * as messages from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import { compileRequest, type Fields, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import { compare, maximum, minimum, money, moneyIn, percentOf, sum, type Money } from '../money/index.js';
import { sealLadder, walkLadder, type ApprovalLadder, type CompiledLadder } from './approval.js';
import { delayOf } from './delay.js';
import { CompensationPolicyError, type ApprovalLevel } from './ladder.js';
import { COMPENSATION_FACTS, COMPENSATION_VOCABULARY_NAMES, CompensationPolicySchema, compensationNamedValues, type CompensationPolicySpec, type CompensationRule, type Offer } from './schema.js';

/**
 * A validated compensation policy. Create it once with {@link defineCompensationPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface CompensationPolicy {
  readonly id: string;
  readonly spec: Readonly<CompensationPolicySpec>;
  /** The incident types and tiers incidents may give: declared in `vocabulary`, else those the rules name. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<CompensationVocabulary>;
  /** The approval ladder, compiled: pass the policy (or this) to `approvalFor`. @remarks Since 0.2.0 */
  readonly approval: ApprovalLadder;
}

/**
 * The values a compensation policy knows for each incident field.
 *
 * @remarks Since 0.2.0
 */
export interface CompensationVocabulary {
  /** `vocabulary.incident`, else the incident types of the rules, sorted. */
  readonly incident: readonly string[];
  /** `vocabulary.tier`, else the tiers the rules' conditions name, sorted. */
  readonly tier: readonly string[];
}

/**
 * The fields of an incident, declared once: the request check is compiled from it per policy, and
 * rule conditions test the same facts (with the delay computed from the two instants).
 *
 * @remarks Since 0.2.0
 */
export const INCIDENT_FIELDS: Fields = {
  type: { type: 'term', vocabulary: 'incident', required: true, hint: 'the incident type, such as "damaged-item"' },
  verified: { type: 'boolean' },
  tier: { type: 'term', vocabulary: 'tier' },
  orderValue: { type: 'money' },
  monthlyFee: { type: 'money' },
  occurredAt: { type: 'instant' },
  promisedAt: { type: 'instant' },
  deliveredAt: { type: 'instant' },
  delayBusinessDays: { type: 'count', max: 36_500 },
};

interface CompiledRule {
  readonly rule: CompensationRule;
  readonly when: Condition;
  readonly cap: Money | undefined;
  /** Every kind of offer the rule can give, for ladder steps limited to kinds. */
  readonly kinds: readonly string[];
}

interface Compiled {
  readonly spec: CompensationPolicySpec;
  readonly calendar: Calendar;
  readonly check: RequestChecker;
  /** The rules of each incident type, in policy order (first match applies). */
  readonly rules: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly ladder: CompiledLadder;
}

const COMPILED = brand('compensation');

/**
 * Validates a compensation matrix and its approval ladder, and compiles the incident check, the
 * rule conditions and the calendar once.
 *
 * @param spec - The policy as JSON data.
 * @returns A frozen {@link CompensationPolicy}.
 * @throws {@link CompensationPolicyError} listing every problem: `DUPLICATE_ID`,
 *   `UNKNOWN_IN_POLICY` (a rule names an incident type or tier outside the declared vocabulary),
 *   `UNREACHABLE_RULE`, `INVALID_RANGE` (an empty range, a cap below the fixed amounts the rule
 *   gives), `LADDER_ORDER`, `UNKNOWN_CURRENCY`, `TOO_PRECISE`, `INVALID_TYPE` (an amount written
 *   as a number), `OUT_OF_BOUNDS`, calendar codes.
 * @example
 * ```ts
 * const policy = defineCompensationPolicy({
 *   id: 'primos', currency: 'USD', calendar: { timeZone: 'America/New_York', alwaysOpen: true },
 *   rules: [{ id: 'damaged', incident: 'damaged-item', when: { verified: true },
 *     choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }] }],
 *   approval: [{ level: 'agent', limit: '1000.00' }, { level: 'team-lead' }],
 * });
 * policy.id;                  //=> 'primos'
 * policy.vocabulary.incident; //=> ['damaged-item']
 * ```
 * @remarks Since 0.1.0
 */
export function defineCompensationPolicy(spec: CompensationPolicySpec): CompensationPolicy {
  const valid = parseFrozen(CompensationPolicySchema, spec, (issues) => new CompensationPolicyError(issues));
  const { currency } = valid;
  const named = compensationNamedValues(valid);
  const vocab: CompensationVocabulary = Object.freeze({
    incident: Object.freeze([...vocabularyOf(valid.vocabulary?.incident, named, 'incident')]),
    tier: Object.freeze([...vocabularyOf(valid.vocabulary?.tier, named, 'tier')]),
  });
  const rules = new Map<string, CompiledRule[]>();
  for (const rule of valid.rules) {
    const list = rules.get(rule.incident) ?? [];
    const kinds = [...new Set([...rule.choose, ...(rule.plus ?? [])].map((offer) => offer.type))];
    list.push({ rule, when: compileCondition(rule.when, COMPENSATION_FACTS), cap: rule.cap === undefined ? undefined : money(rule.cap, currency), kinds });
    rules.set(rule.incident, list);
  }
  const { ladder, compiled: compiledLadder } = sealLadder(valid.approval, currency);
  const compiled: Compiled = {
    spec: valid,
    calendar: createCalendar(valid.calendar),
    check: compileRequest('an incident', INCIDENT_FIELDS, {
      vocabularies: { incident: vocabulary(COMPENSATION_VOCABULARY_NAMES.incident, vocab.incident), tier: vocabulary(COMPENSATION_VOCABULARY_NAMES.tier, vocab.tier) },
      money: (value, path) => moneyIn(value as string, currency, path, { nonNegative: true }),
    }),
    rules,
    ladder: compiledLadder,
  };
  return seal(COMPILED, { id: valid.id, spec: valid, vocabulary: vocab, approval: ladder }, compiled);
}

/**
 * An incident to compensate.
 *
 * @remarks Since 0.1.0
 */
export interface Incident {
  /** One of the policy's incident types (`policy.vocabulary.incident`): `shipping-error`, `damaged-item`, `delivery-delay`, … */
  readonly type: string;
  /** Whether the incident is verified; left out, it is not. */
  readonly verified?: boolean;
  /** One of the policy's tiers (`policy.vocabulary.tier`). */
  readonly tier?: string;
  /** In the policy's currency, 0 or more. */
  readonly orderValue?: Money | string;
  /** In the policy's currency, 0 or more. */
  readonly monthlyFee?: Money | string;
  /**
   * When the incident happened. No rule reads it: a policy history decides the incident with the
   * version in force at it (`decideInForce`; without it, at `deliveredAt`, else `promisedAt`).
   *
   * @remarks Since 0.2.0
   */
  readonly occurredAt?: Instant;
  /**
   * For delays: promised and actual delivery; the delay is counted in business days on the
   * policy's calendar. With only one of the two the delay is unknown, and a rule that tests it
   * does not match (the reason says which instant is missing).
   */
  readonly promisedAt?: Instant;
  readonly deliveredAt?: Instant;
  /**
   * The delay in business days, when you already know it (a whole number, 0 or more): used as
   * it is, instead of counting from `promisedAt` to `deliveredAt`. Give this or those, not both.
   *
   * @remarks Since 0.2.0
   */
  readonly delayBusinessDays?: number;
}

/**
 * An offer with what it costs, in the policy's currency.
 *
 * @remarks Since 0.1.0
 */
export type PricedOffer = Offer & { readonly cost: Money };

/**
 * What an agent may offer for an incident, who must approve it, and why.
 *
 * @remarks Since 0.1.0
 */
export interface CompensationDecision {
  readonly rule: string | null;
  /** The customer picks one of these… */
  readonly choose: readonly PricedOffer[];
  /** …and also gets these. */
  readonly plus: readonly PricedOffer[];
  /** The most the decision can cost: the largest choice plus the additions, after the cap. */
  readonly maxValue: Money;
  /**
   * Who must approve it: `needed: true` with the ladder step (`level`, `limit`, `comparison`), or
   * (since 0.2.0) `needed: false` when the rule is `preApproved`; null when no rule applies.
   */
  readonly approval: CompensationApproval | null;
  readonly reasons: readonly Reason[];
}

/**
 * The approval a compensation decision needs: a step of the ladder, or none at all for a
 * pre-approved rule ("immediate full refund"). Narrow on `needed`.
 *
 * @remarks Since 0.2.0 (`{ level, limit }` since 0.1.0)
 */
export type CompensationApproval =
  | { readonly needed: true; readonly level: ApprovalLevel; readonly limit: Money | null; readonly comparison: '<=' | '<' | null }
  | { readonly needed: false; readonly level: null; readonly limit: null; readonly comparison: null };

/** An incident after checking: instants as epoch ms, amounts as Money, and the delay. */
interface Facts {
  readonly type: string;
  readonly verified?: boolean;
  readonly tier?: string;
  readonly orderValue?: Money;
  readonly monthlyFee?: Money;
  readonly occurredAt?: number;
  readonly promisedAt?: number;
  readonly deliveredAt?: number;
  readonly delayBusinessDays?: number;
}

const OFFER_NEEDS = {
  refund: ['orderValue', 'a refund of the order value'],
  replacement: ['orderValue', 'a replacement, valued at the order value'],
  'service-credit': ['monthlyFee', 'a service credit, a percentage of the monthly fee'],
} as const;

function need(value: Money | undefined, offer: keyof typeof OFFER_NEEDS, rule: string): Money {
  if (value !== undefined) return value;
  const [fact, what] = OFFER_NEEDS[offer];
  throw new InvalidArgumentError([{ code: 'MISSING_FACT', path: [fact], message: messages.COMPENSATION_MISSING_FACT(fact, rule, what) }]);
}

function price(offer: Offer, facts: Facts, currency: string, rule: string): PricedOffer {
  switch (offer.type) {
    case 'refund':
      return { ...offer, cost: percentOf(need(facts.orderValue, 'refund', rule), offer.percent ?? 100) };
    case 'replacement':
      return { ...offer, cost: need(facts.orderValue, 'replacement', rule) };
    case 'credit':
    case 'discount-code':
      return { ...offer, cost: money(offer.amount, currency) };
    case 'free-expedited-shipping':
      return { ...offer, cost: money(offer.value, currency) };
    case 'service-credit':
      return { ...offer, cost: percentOf(need(facts.monthlyFee, 'service-credit', rule), offer.percentOfMonthlyFee) };
  }
}

/** Why the delay is unknown, when a rule needed it: which of the two instants is missing. */
function unknownDelay(facts: Facts): string {
  if (facts.promisedAt === undefined && facts.deliveredAt === undefined) return ' (the incident gives neither "promisedAt" nor "deliveredAt")';
  return facts.promisedAt === undefined ? ' (the incident gives "deliveredAt" but not "promisedAt")' : ' (the incident gives "promisedAt" but not "deliveredAt")';
}

/**
 * Decides the compensation for an incident: the first matching rule of the matrix for its type,
 * the offers (alternatives to choose from and additions), their values, the cap, and the approval
 * level the most expensive outcome needs (the ladder walk of `approvalFor`, or none for a
 * `preApproved` rule). Every rule for the incident type is explained, and so is the delay: given
 * or counted, and on which calendar.
 *
 * @param policy - From {@link defineCompensationPolicy}.
 * @param incident - The incident; checked against the policy's vocabularies first.
 * @returns The decision ("no compensation" is a decision, with its reasons).
 * @throws {@link InvalidArgumentError} for an incident the policy cannot read: `REQUIRED` (no
 *   `type`), `UNKNOWN_KEY` (with a did-you-mean: `promisedDate` → `promisedAt`),
 *   `UNKNOWN_IN_POLICY` (an incident type or tier the policy does not know), `INVALID_TYPE`
 *   (wrong type, `null`, an amount given as a number), `INVALID_AMOUNT`, `TOO_PRECISE`,
 *   `CURRENCY_MISMATCH`, `INVALID_FACT` (a negative amount), `INVALID_INSTANT`,
 *   `INSTANT_WITHOUT_OFFSET`, `INSTANT_OUT_OF_RANGE`; `CONFLICTING_FIELDS` (since 0.2.0) at each of
 *   `delayBusinessDays` and the instants when the incident gives the delay both ways;
 *   `MISSING_FACT` when the matching rule
 *   offers something valued at the order value or the monthly fee and the incident lacks it; and
 *   a {@link CompensationPolicyError} `INVALID_COMPENSATION_POLICY` for a policy not made by
 *   {@link defineCompensationPolicy}.
 * @example
 * ```ts
 * const decision = decideCompensation(policy, { type: 'damaged-item', verified: true, orderValue: '129.99' });
 * decision.choose.map((o) => o.type);  //=> ['refund', 'replacement']
 * decision.maxValue.amount;            //=> '139.99'
 * decision.approval?.level;            //=> 'agent'
 * decideCompensation(policy, { type: 'damaged', orderValue: '129.99' });
 * // throws UNKNOWN_IN_POLICY at type: did you mean "damaged-item"?
 * ```
 * @remarks Since 0.1.0
 */
export function decideCompensation(policy: CompensationPolicy, incident: Incident): CompensationDecision {
  const c = unseal<Compiled>(COMPILED, policy, (issues) => new CompensationPolicyError(issues), {
    code: 'INVALID_COMPENSATION_POLICY',
    path: [],
    message: messages.INVALID_COMPENSATION_POLICY(),
  });
  const { currency } = c.spec;
  const checked = c.check(incident) as unknown as Facts;
  const reasons: Reason[] = [];
  const delay = delayOf(checked, c.calendar, reasons);
  const facts: Facts = delay === undefined ? checked : { ...checked, delayBusinessDays: delay };
  const type = facts.type;
  let chosen: CompiledRule | undefined;
  for (const candidate of c.rules.get(type) ?? []) {
    const { rule } = candidate;
    const failed = mismatches(candidate.when, facts);
    const first = failed[0];
    if (first) {
      const told = failed.map((f) => `${f.field} is ${f.actual ?? 'unknown'}${f.field === 'delayBusinessDays' && f.actual === null ? unknownDelay(facts) : ''}, needs ${f.expected}`);
      reasons.push({
        code: 'COMPENSATION_RULE_NOT_MATCHED',
        rule: rule.id,
        facts: { fields: failed.map((f) => f.field), field: first.field, expected: first.expected, actual: first.actual, delayBusinessDays: delay ?? null },
        message: `${rule.id} does not apply: ${told.join('; ')}.`,
      });
    } else if (chosen) {
      reasons.push({ code: 'COMPENSATION_RULE_SHADOWED', rule: rule.id, facts: { winner: chosen.rule.id }, message: `${rule.id} also applies, but ${chosen.rule.id} comes first.` });
    } else {
      chosen = candidate;
      reasons.push({ code: 'COMPENSATION_RULE_MATCHED', rule: rule.id, facts: { incident: type, delayBusinessDays: delay ?? null }, message: `${rule.id} applies to this ${type}.` });
    }
  }
  if (!chosen) {
    reasons.push({ code: 'NO_COMPENSATION_RULE', facts: { incident: type }, message: `No compensation rule covers this ${type}.` });
    return { rule: null, choose: [], plus: [], maxValue: money('0', currency), approval: null, reasons };
  }
  const { rule, cap } = chosen;
  const choose = rule.choose.map((offer) => price(offer, facts, currency, rule.id));
  const plus = (rule.plus ?? []).map((offer) => price(offer, facts, currency, rule.id));
  let maxValue = sum([maximum(...(choose.map((o) => o.cost) as [Money, ...Money[]])), ...plus.map((o) => o.cost)], currency);
  if (cap !== undefined && compare(maxValue, cap) > 0) {
    maxValue = minimum(maxValue, cap);
    reasons.push({ code: 'COMPENSATION_CAPPED', rule: rule.id, facts: { cap: cap.amount }, message: `The offer is capped at ${cap.amount} ${currency}.` });
  }
  if (rule.preApproved === true) {
    reasons.push({
      code: 'APPROVAL_NOT_NEEDED',
      rule: rule.id,
      facts: { rule: rule.id, preApproved: true, value: maxValue.amount },
      message: `${rule.id} is pre-approved: its offers (at most ${maxValue.amount} ${currency}) need no approval step.`,
    });
    return { rule: rule.id, choose, plus, maxValue, approval: { needed: false, level: null, limit: null, comparison: null }, reasons };
  }
  // The same walk as approvalFor: a step limited to kinds applies when every offer the rule can
  // give is of those kinds.
  const { step, reasons: ladder } = walkLadder(c.ladder, maxValue, chosen.kinds);
  reasons.push(...ladder);
  return { rule: rule.id, choose, plus, maxValue, approval: { needed: true, level: step.level, limit: step.limit, comparison: step.comparison }, reasons };
}
