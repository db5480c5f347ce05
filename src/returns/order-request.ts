// An order return request: its types, its fields declared once for the request check, and what an
// order return compiles once per policy (the check, the fee schedule split per item and per order).

import { RETIRED_DEFECTIVE } from '../_lib/defective.js';
import type { Instant } from '../_lib/instant.js';
import * as messages from '../_lib/messages.js';
import { compileRequest, isRecord, type Fields, type RequestChecker } from '../_lib/request.js';
import { vocabulary } from '../_lib/vocabulary.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import { defineFeeSchedule, PRODUCT_CONDITIONS, type FeeSchedule, type FeeScheduleSpec } from '../fees/index.js';
import { moneyIn, type Money } from '../money/index.js';
import type { Customer } from '../law/index.js';
import type { Compiled } from './define.js';
import { CUSTOMER_FIELD, CUSTOMER_VOCABULARY } from './law.js';
import { RETURN_VOCABULARY_NAMES, type EVIDENCE, type RETURN_SERVICES } from './schema.js';

/**
 * One line of an order: a product, what one unit cost and how many were bought.
 *
 * @remarks Since 0.2.0
 */
export interface OrderLine {
  /** The line's id in the order, which `returning` names. */
  readonly id: string;
  readonly sku?: string;
  readonly category: string;
  /** What one unit cost before the order's discounts, in the policy's currency (`"20.00"` or Money). */
  readonly unitPrice: Money | string;
  /** Units bought: a whole number from 1 to 1,000,000. */
  readonly quantity: number;
  /** When the line was delivered; an order delivered in parts gives its lines different instants. */
  readonly deliveredAt?: Instant;
  readonly sizeClass?: string;
  /** The weight of one unit; a returned part weighs its units. */
  readonly weightKg?: number;
  readonly flags?: readonly string[];
}

/**
 * A discount or coupon on an order: an `amount`, or a `percent` of the value of the lines it applies
 * to (rounded once with the fee schedule's rounding). It is shared among those lines by line value,
 * largest remainder (see `allocate`).
 *
 * @remarks Since 0.2.0
 */
export interface OrderDiscount {
  readonly id: string;
  readonly amount?: Money | string;
  readonly percent?: number;
  /** The ids of the lines it applies to; left out, every line. */
  readonly lines?: readonly string[];
}

/**
 * The order a return comes from.
 *
 * @remarks Since 0.2.0
 */
export interface Order {
  readonly id?: string;
  /** The order's currency: it must be the policy's (`CURRENCY_MISMATCH` otherwise). */
  readonly currency?: string;
  /** When the order was placed: the purchase a window `from: 'purchase'` counts from. */
  readonly placedAt?: Instant;
  readonly lines: readonly OrderLine[];
  readonly discounts?: readonly OrderDiscount[];
  /** What the customer paid for shipping; the policy's `shippingRefund` rules say when it is refunded. */
  readonly shipping?: { readonly amount: Money | string };
}

/**
 * Some units of one order line coming back, and in what state.
 *
 * @remarks Since 0.2.0
 */
export interface ReturnedLine {
  /** The id of the order line. */
  readonly line: string;
  /** Units returned: at least 1, and with the line's other entries at most the line's quantity. */
  readonly quantity: number;
  /** The packaging state: `unopened`, `opened`, `used` or `damaged-by-customer`. */
  readonly condition: (typeof PRODUCT_CONDITIONS)[number];
  /** @defaultValue false */
  readonly defective?: boolean;
  /** @defaultValue false */
  readonly warranty?: boolean;
  /** `return` (money back), `exchange` or `replacement`, as in checkReturn. @defaultValue 'return' */
  readonly service?: (typeof RETURN_SERVICES)[number];
  readonly evidence?: readonly (typeof EVIDENCE)[number][];
  /** When these units reached the warehouse (starts their refund deadline). */
  readonly receivedAt?: Instant;
}

/**
 * A return of some lines (or some units of them) of one order.
 *
 * @remarks Since 0.2.0
 */
export interface OrderReturnRequest {
  readonly order: Order;
  /** The lines coming back; the same line may appear more than once (units in different states). */
  readonly returning: readonly ReturnedLine[];
  readonly requestedAt: Instant;
  /**
   * The customer, for the law's floor (as in `checkReturn`): each line is decided with it, and a
   * withdrawal from the whole order refunds the standard delivery by law (docs/law.md).
   *
   * @remarks Since 0.2.0
   */
  readonly customer?: Customer;
}

/** The most units a line may have (and a returned line may give). */
export const MAX_LINE_QUANTITY = 1_000_000;

const LINE_FIELDS: Fields = {
  id: { type: 'text', required: true, hint: 'the line\'s id, which "returning" names' },
  sku: { type: 'text' },
  category: { type: 'term', vocabulary: 'category', required: true, hint: 'the product category' },
  unitPrice: { type: 'money', required: true, hint: 'what one unit cost, a decimal string such as "20.00"' },
  quantity: { type: 'number', min: 1, max: MAX_LINE_QUANTITY, whole: true, required: true, hint: 'the units bought' },
  deliveredAt: { type: 'instant' },
  sizeClass: { type: 'term', vocabulary: 'sizeClass' },
  weightKg: { type: 'number', min: 0, max: 1_000_000, unit: 'kg' },
  flags: { type: 'terms', vocabulary: 'flag' },
};

const DISCOUNT_FIELDS: Fields = {
  id: { type: 'text', required: true, hint: 'the discount\'s id, quoted in its reason' },
  amount: { type: 'money' },
  percent: { type: 'number', min: 0, minExclusive: true, max: 100, unit: '%' },
  lines: { type: 'list', of: { type: 'text' } },
};

/** The fields of an order return request, declared once for the request check. */
export const ORDER_RETURN_FIELDS: Fields = {
  order: {
    type: 'object',
    what: 'an order',
    required: true,
    hint: 'the order the items come from: { lines, discounts?, shipping?, … }',
    fields: {
      id: { type: 'text' },
      currency: { type: 'text' },
      placedAt: { type: 'instant' },
      lines: { type: 'list', of: { type: 'object', what: 'an order line', fields: LINE_FIELDS }, required: true, hint: 'the order\'s lines' },
      discounts: { type: 'list', of: { type: 'object', what: 'a discount', fields: DISCOUNT_FIELDS } },
      shipping: { type: 'object', what: 'a shipping charge', fields: { amount: { type: 'money', required: true, hint: 'what the customer paid for shipping' } } },
    },
  },
  returning: {
    type: 'list',
    required: true,
    hint: 'the lines coming back: [{ line, quantity, condition, … }]',
    of: {
      type: 'object',
      what: 'a returned line',
      fields: {
        line: { type: 'text', required: true, hint: 'the id of the order line' },
        quantity: { type: 'number', min: 1, max: MAX_LINE_QUANTITY, whole: true, required: true, hint: 'the units returned' },
        condition: { type: 'term', vocabulary: 'condition', required: true, hint: 'the packaging state: unopened, opened, used or damaged-by-customer' },
        defective: { type: 'boolean' },
        warranty: { type: 'boolean' },
        service: { type: 'term', vocabulary: 'service' },
        evidence: { type: 'terms', vocabulary: 'evidence' },
        receivedAt: { type: 'instant' },
      },
    },
  },
  requestedAt: { type: 'instant', required: true, hint: 'when the customer asked' },
  customer: CUSTOMER_FIELD,
};

/** A line after checking. */
export interface LineIn {
  readonly id: string;
  readonly sku?: string;
  readonly category: string;
  readonly unitPrice: Money;
  readonly quantity: number;
  readonly deliveredAt?: number;
  readonly sizeClass?: string;
  readonly weightKg?: number;
  readonly flags?: readonly string[];
}

/** A returned line after checking. */
export interface EntryIn {
  readonly line: string;
  readonly quantity: number;
  readonly condition: string;
  readonly defective?: boolean;
  readonly warranty?: boolean;
  readonly service?: (typeof RETURN_SERVICES)[number];
  readonly evidence?: readonly string[];
  readonly receivedAt?: number;
}

export interface DiscountIn {
  readonly id: string;
  readonly amount?: Money;
  readonly percent?: number;
  readonly lines?: readonly string[];
}

export interface Checked {
  readonly order: { readonly id?: string; readonly currency?: string; readonly placedAt?: number; readonly lines: readonly LineIn[]; readonly discounts?: readonly DiscountIn[]; readonly shipping?: { readonly amount: Money } };
  readonly returning: readonly EntryIn[];
  readonly requestedAt: number;
  readonly customer?: Customer;
}

/** What an order return needs from a compiled return policy, built once per policy. */
export interface OrderCompiled {
  readonly check: RequestChecker;
  /** The schedule's per-item rules (every rule when none is per order). */
  readonly itemFees: FeeSchedule;
  /** The schedule's per-order rules, or null when it has none. */
  readonly orderFees: FeeSchedule | null;
}

const ORDER_COMPILED = new WeakMap<Compiled, OrderCompiled>();

/** The schedule restricted to some rules, knowing every value the whole schedule knows. */
function subSchedule(fees: FeeSchedule, keep: (per: 'item' | 'order') => boolean): FeeSchedule {
  const rules = fees.spec.rules.filter((rule) => keep(rule.per ?? 'item'));
  const kinds = new Set(rules.map((rule) => rule.kind));
  const hitPolicy = Object.fromEntries(Object.entries(fees.spec.hitPolicy ?? {}).filter(([kind]) => kinds.has(kind)));
  // Lists given are complete, so the part knows every value the whole schedule knows (an empty
  // list cannot be given: a schedule that knows no size class leaves the field out).
  const vocabulary = Object.fromEntries(Object.entries(fees.vocabulary).filter(([field, values]) => field !== 'condition' && values.length > 0).map(([field, values]) => [field, [...values]]));
  return defineFeeSchedule({ ...(fees.spec as FeeScheduleSpec), rules, hitPolicy, vocabulary });
}

/** The order request check and the split fee schedule of a policy, compiled on first use. */
export function orderCompiledOf(c: Compiled, vocab: Readonly<Record<string, readonly string[]>>): OrderCompiled {
  const known = ORDER_COMPILED.get(c);
  if (known) return known;
  const currency = c.spec.fees.currency;
  const perOrder = c.spec.fees.rules.some((rule) => rule.per === 'order');
  const compiled: OrderCompiled = {
    check: compileRequest('an order return request', ORDER_RETURN_FIELDS, {
      vocabularies: { ...Object.fromEntries(Object.entries(vocab).map(([field, values]) => [field, vocabulary(RETURN_VOCABULARY_NAMES[field as keyof typeof RETURN_VOCABULARY_NAMES], values)])), ...CUSTOMER_VOCABULARY },
      money: (value, path) => moneyIn(value as string, currency, path, { nonNegative: true }),
    }),
    itemFees: perOrder ? subSchedule(c.fees, (per) => per === 'item') : c.fees,
    orderFees: perOrder ? subSchedule(c.fees, (per) => per === 'order') : null,
  };
  ORDER_COMPILED.set(c, compiled);
  return compiled;
}

/** Runs the check; a returned line's `condition: "defective"` is told how to write it now. */
export function checkShape(check: RequestChecker, request: unknown): Checked {
  try {
    return check(request) as unknown as Checked;
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    const returning = isRecord(request) && Array.isArray(request.returning) ? (request.returning as unknown[]) : [];
    const retired = (issue: Issue) =>
      issue.path.length === 3 && issue.path[0] === 'returning' && issue.path[2] === 'condition' && isRecord(returning[issue.path[1] as number]) && (returning[issue.path[1] as number] as Record<string, unknown>).condition === RETIRED_DEFECTIVE;
    if (!error.issues.some(retired)) throw error;
    throw new InvalidArgumentError(
      error.issues.map((issue) => (retired(issue) ? { code: issue.code, path: issue.path, message: messages.DEFECTIVE_IS_A_FACT_REQUEST(), allowed: PRODUCT_CONDITIONS } : issue)),
      error.details as Record<string, unknown>,
    );
  }
}

