// Return policies: validated once, compiled once (fee schedule, calendar, rule conditions, the
// request check) and sealed; checkReturn decides with the compiled form.

import { compileCondition, type Condition } from '../_lib/condition.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import * as messages from '../_lib/messages.js';
import { compileRequest, type Fields, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar } from '../calendar/index.js';
import { SupportRulesError } from '../errors/index.js';
import { defineFeeSchedule, PRODUCT_CONDITIONS, type FeeSchedule } from '../fees/index.js';
import { moneyIn, type Money } from '../money/index.js';
import type { Customer } from '../law/index.js';
import { CUSTOMER_FIELD, CUSTOMER_VOCABULARY } from './law.js';
import { EVIDENCE, RETURN_FACTS, RETURN_SERVICES, RETURN_VOCABULARY_NAMES, ReturnPolicySchema, returnNamedValues, type ReturnPolicySpec } from './schema.js';

/**
 * A return policy failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class ReturnPolicyError extends SupportRulesError {
  static override readonly kind: string = 'ReturnPolicyError';
}

/**
 * A validated, compiled return policy. Create it once with {@link defineReturnPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface ReturnPolicy {
  readonly id: string;
  readonly spec: Readonly<ReturnPolicySpec>;
  /**
   * The policy's fee schedule, compiled: return decisions quote through it, and `quoteFees` prices
   * the other services it lists (diagnostics, on-site visits, same-day premiums, expedited
   * replacements) without redefining the schedule by hand. It knows the policy's categories, and
   * `return`, `exchange` and `replacement` among its services.
   *
   * @example
   * ```ts
   * import { presets, quoteFees } from 'support-rules';
   * const visit = quoteFees(presets.homepro.returns!.fees, { service: 'visit', sameDay: true });
   * visit.fees.map((f) => [f.rule, f.amount.amount]);
   * //=> [['diagnostic', '350.00'], ['visit', '500.00'], ['same-day', '150.00']]
   * visit.total; //=> { amount: '1000.00', currency: 'THB' }
   * ```
   * @remarks Since 0.2.0
   */
  readonly fees: FeeSchedule;
  /** The values requests may give for each field. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<ReturnVocabulary>;
}

/**
 * The values a return policy knows for each request field: its categories, the four packaging
 * conditions, `return` / `exchange` / `replacement`, the fee schedule's size classes, its flags
 * and the evidence kinds.
 *
 * @remarks Since 0.2.0
 */
export interface ReturnVocabulary {
  readonly category: readonly string[];
  readonly condition: readonly string[];
  readonly service: readonly string[];
  readonly sizeClass: readonly string[];
  readonly flag: readonly string[];
  readonly evidence: readonly string[];
}

/** The fields of a return request, declared once for the request check. */
export const RETURN_REQUEST_FIELDS: Fields = {
  category: { type: 'term', vocabulary: 'category', required: true, hint: 'the product category' },
  price: { type: 'money', required: true, hint: 'what was paid for the item, a decimal string such as "129.99"' },
  orderValue: { type: 'money' },
  condition: { type: 'term', vocabulary: 'condition', required: true, hint: 'the packaging state: unopened, opened, used or damaged-by-customer' },
  defective: { type: 'boolean' },
  warranty: { type: 'boolean' },
  service: { type: 'term', vocabulary: 'service' },
  sizeClass: { type: 'term', vocabulary: 'sizeClass' },
  weightKg: { type: 'number', min: 0, max: 1_000_000, unit: 'kg' },
  flags: { type: 'terms', vocabulary: 'flag' },
  evidence: { type: 'terms', vocabulary: 'evidence' },
  purchasedAt: { type: 'instant' },
  deliveredAt: { type: 'instant' },
  lastItemDeliveredAt: { type: 'instant' },
  requestedAt: { type: 'instant', required: true, hint: 'when the customer asked' },
  receivedAt: { type: 'instant' },
  customer: CUSTOMER_FIELD,
};

/** A request after checking: instants as epoch ms, amounts as Money. */
export interface Facts {
  readonly category: string;
  readonly price: Money;
  readonly orderValue?: Money;
  readonly condition: string;
  readonly defective?: boolean;
  readonly warranty?: boolean;
  readonly service?: (typeof RETURN_SERVICES)[number];
  readonly sizeClass?: string;
  readonly weightKg?: number;
  readonly flags?: readonly string[];
  readonly evidence?: readonly string[];
  readonly purchasedAt?: number;
  readonly deliveredAt?: number;
  readonly lastItemDeliveredAt?: number;
  readonly requestedAt: number;
  readonly receivedAt?: number;
  readonly customer?: Customer;
  /** Set by an order return whose order still has lines to deliver: the law's periods have not begun. */
  readonly orderOpen?: boolean;
}

export interface Compiled {
  readonly spec: ReturnPolicySpec;
  readonly fees: FeeSchedule;
  readonly calendar: Calendar;
  /** Open around the clock in the policy's zone (for `authorizationClock: 'around-the-clock'`). */
  readonly clock: Calendar;
  readonly check: RequestChecker;
  readonly windows: readonly { readonly window: ReturnPolicySpec['windows'][number]; readonly when: Condition }[];
  readonly nonReturnable: readonly { readonly rule: NonNullable<ReturnPolicySpec['nonReturnable']>[number]; readonly when: Condition }[];
  readonly evidence: readonly { readonly rule: NonNullable<ReturnPolicySpec['evidence']>[number]; readonly when: Condition }[];
}

const COMPILED = brand('returns');

/**
 * Validates a return policy (categories referenced exist, windows reachable, its fee schedule
 * valid) and compiles its calendar and fees once.
 *
 * @throws {@link ReturnPolicyError} listing every problem.
 * @example
 * ```ts
 * const policy = defineReturnPolicy({
 *   id: 'primos', timeZone: 'America/New_York', categories: ['electronics', 'appliances'],
 *   windows: [{ id: 'standard', days: 30, from: 'delivery' }],
 *   fees: { id: 'primos-fees', currency: 'USD', rules: [] },
 *   refund: { method: 'original-payment', issuedWithin: { businessDays: 7 } },
 * });
 * policy.id; //=> 'primos'
 * ```
 * @remarks Since 0.1.0
 */
export function defineReturnPolicy(spec: ReturnPolicySpec): ReturnPolicy {
  const valid = parseFrozen(ReturnPolicySchema, spec, (issues) => new ReturnPolicyError(issues));
  // The fee schedule knows the return policy's categories, and return and exchange among its services.
  const services = [...new Set([...RETURN_SERVICES, ...(valid.fees.vocabulary?.service ?? returnNamedValues(valid).filter((n) => n.field === 'service').map((n) => n.value))])];
  const fees = defineFeeSchedule({ ...valid.fees, vocabulary: { ...valid.fees.vocabulary, category: [...valid.categories], service: services } });
  const vocab: ReturnVocabulary = {
    category: valid.categories,
    condition: PRODUCT_CONDITIONS,
    service: RETURN_SERVICES,
    sizeClass: fees.vocabulary.sizeClass,
    flag: vocabularyOf(valid.vocabulary?.flag, returnNamedValues(valid), 'flags'),
    evidence: EVIDENCE,
  };
  const when = <R extends { readonly category?: unknown; readonly flags?: unknown; readonly defective?: unknown }>(rule: R) =>
    compileCondition({ category: rule.category, flags: rule.flags, defective: rule.defective }, RETURN_FACTS);
  const clock = createCalendar({ timeZone: valid.timeZone, alwaysOpen: true });
  const compiled: Compiled = {
    spec: valid,
    fees,
    calendar: valid.calendar ? createCalendar(valid.calendar) : clock,
    clock,
    check: compileRequest('a return request', RETURN_REQUEST_FIELDS, {
      vocabularies: { ...Object.fromEntries(Object.entries(vocab).map(([field, values]) => [field, vocabulary(RETURN_VOCABULARY_NAMES[field as keyof ReturnVocabulary], values)])), ...CUSTOMER_VOCABULARY },
      money: (value, path) => moneyIn(value as string, valid.fees.currency, path, { nonNegative: true }),
    }),
    windows: valid.windows.map((window) => ({ window, when: when(window) })),
    nonReturnable: (valid.nonReturnable ?? []).map((rule) => ({ rule, when: when(rule) })),
    evidence: (valid.evidence ?? []).map((rule) => ({ rule, when: when(rule) })),
  };
  return seal(COMPILED, { id: valid.id, spec: valid, fees, vocabulary: Object.freeze(vocab) }, compiled);
}

/** The compiled form of a policy defineReturnPolicy made, or a typed error. */
export function compiledOf(policy: ReturnPolicy): Compiled {
  return unseal<Compiled>(COMPILED, policy, (issues) => new ReturnPolicyError(issues), {
    code: 'INVALID_RETURN_POLICY',
    path: [],
    message: messages.INVALID_RETURN_POLICY(),
  });
}
