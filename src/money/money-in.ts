import { messages } from '../_lib/messages.js';
import { InvalidArgumentError } from '../errors/index.js';
import { money, type Money } from './money.js';
import { isNegative } from './compare.js';

/**
 * A request's amount in a policy's currency: a decimal string is read in that currency, a Money
 * must already be in it. Used wherever a decision takes a price, an order value or a fee.
 *
 * @param value - `"129.99"` or `{ amount, currency }`.
 * @param currency - The policy's currency.
 * @param field - The request field, for error paths. @defaultValue 'amount'
 * @param options - `nonNegative` refuses amounts below zero (a price, an order value).
 * @throws {@link InvalidArgumentError} `CURRENCY_MISMATCH` (path `<field>.currency`),
 *   `INVALID_FACT` for a negative amount when `nonNegative`, and the errors of {@link money}.
 * @example
 * ```ts
 * moneyIn('129.99', 'USD', 'price');                       //=> { amount: '129.99', currency: 'USD' }
 * moneyIn(money('5.00', 'EUR'), 'USD', 'price');           // throws CURRENCY_MISMATCH at price.currency
 * moneyIn('-1.00', 'USD', 'price', { nonNegative: true }); // throws INVALID_FACT at price
 * ```
 * @remarks Since 0.1.0
 */
export function moneyIn(value: Money | string, currency: string, field = 'amount', options: { readonly nonNegative?: boolean } = {}): Money {
  if (typeof value !== 'string' && value.currency !== currency) {
    throw new InvalidArgumentError([{ code: 'CURRENCY_MISMATCH', path: [field, 'currency'], message: messages.CURRENCY_MISMATCH(currency, value.currency) }]);
  }
  // Parsing again checks that a Money's amount fits its currency.
  const result = money(typeof value === 'string' ? value : value.amount, currency);
  if (options.nonNegative && isNegative(result)) {
    throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: [field], message: messages.INVALID_FACT(field, 'must not be negative') }]);
  }
  return result;
}
