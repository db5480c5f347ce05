import { brand, seal, unseal } from '../_lib/compiled.js';
import { messages } from '../_lib/messages.js';
import { inBounds } from '../_lib/range.js';
import type { Reason } from '../_lib/reason.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { businessDaysBetween, createCalendar, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError, SupportRulesError } from '../errors/index.js';
import { compare, maximum, minimum, money, moneyIn, percentOf, sum, type Money } from '../money/index.js';
import { CompensationPolicySchema, type APPROVAL_LEVELS, type CompensationPolicySpec, type Offer } from './schema.js';

/**
 * A compensation policy failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class CompensationPolicyError extends SupportRulesError {
  static override readonly kind: string = 'CompensationPolicyError';
}

/**
 * A validated compensation policy. Create it once with {@link defineCompensationPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface CompensationPolicy {
  readonly id: string;
  readonly spec: Readonly<CompensationPolicySpec>;
}

interface Compiled {
  readonly spec: CompensationPolicySpec;
  readonly calendar: Calendar;
}

const COMPILED = brand('compensation');

/**
 * Validates a compensation matrix and its approval ladder.
 *
 * @throws {@link CompensationPolicyError} listing every problem.
 * @example
 * ```ts
 * const policy = defineCompensationPolicy({
 *   id: 'primos', currency: 'USD', calendar: { timeZone: 'America/New_York', alwaysOpen: true },
 *   rules: [{ id: 'damaged', incident: 'damaged-item', when: { verified: true },
 *     choose: [{ type: 'refund' }, { type: 'replacement' }], plus: [{ type: 'credit', amount: '10.00' }] }],
 *   approval: [{ level: 'agent', limit: '1000.00' }, { level: 'team-lead' }],
 * });
 * policy.id; //=> 'primos'
 * ```
 * @remarks Since 0.1.0
 */
export function defineCompensationPolicy(spec: CompensationPolicySpec): CompensationPolicy {
  const valid = parseFrozen(CompensationPolicySchema, spec, (issues) => new CompensationPolicyError(issues));
  return seal(COMPILED, { id: valid.id, spec: valid }, { spec: valid, calendar: createCalendar(valid.calendar) } satisfies Compiled);
}

/**
 * An incident to compensate.
 *
 * @remarks Since 0.1.0
 */
export interface Incident {
  /** `shipping-error`, `damaged-item`, `delivery-delay`, `failed-visit`, `sla-breach`, … */
  readonly type: string;
  readonly verified?: boolean;
  readonly tier?: string;
  readonly orderValue?: Money | string;
  readonly monthlyFee?: Money | string;
  /** For delays: promised and actual delivery; the delay is counted in business days. */
  readonly promisedAt?: Instant;
  readonly deliveredAt?: Instant;
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
  readonly approval: { readonly level: (typeof APPROVAL_LEVELS)[number]; readonly limit: Money | null } | null;
  readonly reasons: readonly Reason[];
}


/**
 * Decides the compensation for an incident: the first matching rule of the matrix for its type,
 * the offers (alternatives to choose from and additions), their values, the cap, and the approval
 * level the most expensive outcome needs. Every rule for the incident type is explained.
 *
 * @throws {@link InvalidArgumentError} `MISSING_FACT` when an offer needs the order value or the
 *   monthly fee and the incident lacks it; `CURRENCY_MISMATCH`; `INVALID_FACT`.
 * @example
 * ```ts
 * const decision = decideCompensation(policy, { type: 'damaged-item', verified: true, orderValue: '129.99' });
 * decision.choose.map((o) => o.type);  //=> ['refund', 'replacement']
 * decision.maxValue.amount;            //=> '139.99'
 * decision.approval?.level;            //=> 'agent'
 * ```
 * @remarks Since 0.1.0
 */
export function decideCompensation(policy: CompensationPolicy, incident: Incident): CompensationDecision {
  const c = unseal<Compiled>(COMPILED, policy, (issues) => new CompensationPolicyError(issues), {
    code: 'INVALID_COMPENSATION_POLICY',
    path: [],
    message: messages.INVALID_COMPENSATION_POLICY(),
  });
  const { spec } = c;
  const currency = spec.currency;
  const orderValue = incident.orderValue === undefined ? undefined : moneyIn(incident.orderValue, currency, 'orderValue', { nonNegative: true });
  const monthlyFee = incident.monthlyFee === undefined ? undefined : moneyIn(incident.monthlyFee, currency, 'monthlyFee', { nonNegative: true });
  let delayDays: number | undefined;
  if (incident.promisedAt !== undefined && incident.deliveredAt !== undefined) {
    delayDays = Math.max(0, businessDaysBetween(c.calendar, incident.promisedAt, incident.deliveredAt));
  }
  const reasons: Reason[] = [];
  let chosen: CompensationPolicySpec['rules'][number] | undefined;
  for (const rule of spec.rules.filter((r) => r.incident === incident.type)) {
    const when = rule.when ?? {};
    const failed: string[] = [];
    if (when.verified !== undefined && (incident.verified ?? false) !== when.verified) failed.push('verified');
    if (when.tier && (incident.tier === undefined || !when.tier.includes(incident.tier))) failed.push('tier');
    if (when.orderValue && (orderValue === undefined || !inBounds(Number(orderValue.amount), when.orderValue))) failed.push('orderValue');
    if (when.delayBusinessDays && (delayDays === undefined || !inBounds(delayDays, when.delayBusinessDays))) failed.push('delayBusinessDays');
    if (failed.length > 0) {
      reasons.push({ code: 'COMPENSATION_RULE_NOT_MATCHED', rule: rule.id, facts: { fields: failed, delayBusinessDays: delayDays ?? null }, message: `${rule.id} does not apply: ${failed.join(', ')} differ.` });
    } else if (chosen) {
      reasons.push({ code: 'COMPENSATION_RULE_SHADOWED', rule: rule.id, facts: { winner: chosen.id }, message: `${rule.id} also applies, but ${chosen.id} comes first.` });
    } else {
      chosen = rule;
      reasons.push({ code: 'COMPENSATION_RULE_MATCHED', rule: rule.id, facts: { incident: incident.type, delayBusinessDays: delayDays ?? null }, message: `${rule.id} applies to this ${incident.type}.` });
    }
  }
  const zero = money('0', currency);
  if (!chosen) {
    reasons.push({ code: 'NO_COMPENSATION_RULE', facts: { incident: incident.type }, message: `No compensation rule covers this ${incident.type}.` });
    return { rule: null, choose: [], plus: [], maxValue: zero, approval: null, reasons };
  }
  const rule = chosen;
  const price = (offer: Offer): PricedOffer => {
    const need = (value: Money | undefined, fact: string) =>
      value ?? (() => { throw new InvalidArgumentError([{ code: 'MISSING_FACT', path: [fact], message: messages.MISSING_FACT(fact, rule.id) }]); })();
    switch (offer.type) {
      case 'refund':
        return { ...offer, cost: percentOf(need(orderValue, 'orderValue'), offer.percent ?? 100) };
      case 'replacement':
        return { ...offer, cost: need(orderValue, 'orderValue') };
      case 'credit':
      case 'discount-code':
        return { ...offer, cost: money(offer.amount, currency) };
      case 'free-expedited-shipping':
        return { ...offer, cost: money(offer.value, currency) };
      case 'service-credit':
        return { ...offer, cost: percentOf(need(monthlyFee, 'monthlyFee'), offer.percentOfMonthlyFee) };
    }
  };
  const choose = rule.choose.map(price);
  const plus = (rule.plus ?? []).map(price);
  let maxValue = sum([maximum(...(choose.map((o) => o.cost) as [Money, ...Money[]])), ...plus.map((o) => o.cost)], currency);
  if (rule.cap !== undefined && compare(maxValue, money(rule.cap, currency)) > 0) {
    maxValue = minimum(maxValue, money(rule.cap, currency));
    reasons.push({ code: 'COMPENSATION_CAPPED', rule: rule.id, facts: { cap: rule.cap }, message: `The offer is capped at ${rule.cap} ${currency}.` });
  }
  const level =
    spec.approval.find((l) => l.limit === undefined || (l.comparison === '<' ? compare(maxValue, money(l.limit, currency)) < 0 : compare(maxValue, money(l.limit, currency)) <= 0)) ??
    (spec.approval[spec.approval.length - 1] as (typeof spec.approval)[number]);
  const limit = level.limit === undefined ? null : money(level.limit, currency);
  reasons.push({
    code: 'APPROVAL_REQUIRED',
    rule: level.level,
    facts: { level: level.level, limit: limit?.amount ?? null, comparison: level.comparison ?? '<=', value: maxValue.amount },
    message: `${maxValue.amount} ${currency} needs ${level.level} approval${limit ? ` (limit ${level.comparison ?? '<='} ${limit.amount})` : ''}.`,
  });
  return { rule: rule.id, choose, plus, maxValue, approval: { level: level.level, limit }, reasons };
}
