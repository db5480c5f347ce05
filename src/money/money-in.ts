import * as messages from '../_lib/messages.js';
import { unknownKeyIssue } from '../_lib/request.js';
import { InvalidArgumentError, SupportRulesError, type JsonPath } from '../errors/index.js';
import { money, type Money } from './money.js';
import { isNegative } from './compare.js';

function fail(code: 'INVALID_TYPE' | 'INVALID_AMOUNT' | 'CURRENCY_MISMATCH' | 'INVALID_FACT', path: JsonPath, message: string): never {
  throw new InvalidArgumentError([{ code, path, message }]);
}

const MONEY_KEYS = ['amount', 'currency'] as const;

/**
 * A request's amount in a policy's currency: a decimal string is read in that currency, a Money
 * must already be in it. Used wherever a decision takes a price, an order value or a fee. A
 * number is refused (amounts are decimal strings, so no digit is lost on the way in).
 *
 * @param value - `"129.99"` or `{ amount, currency }`.
 * @param currency - The policy's currency.
 * @param field - The request field (or its JSON path), for error paths. @defaultValue 'amount'
 * @param options - `nonNegative` refuses amounts below zero (a price, an order value).
 * @throws {@link InvalidArgumentError} `INVALID_TYPE` (a number or another non-amount),
 *   `INVALID_AMOUNT`, `CURRENCY_MISMATCH` (path `<field>.currency`), `TOO_PRECISE`, and
 *   `INVALID_FACT` for a negative amount when `nonNegative`, `UNKNOWN_KEY` for a key beside
 *   `amount` and `currency` (at `<field>.<key>`, with a did-you-mean).
 * @example
 * ```ts
 * moneyIn('129.99', 'USD', 'price');                       //=> { amount: '129.99', currency: 'USD' }
 * moneyIn(money('5.00', 'EUR'), 'USD', 'price');           // throws CURRENCY_MISMATCH at price.currency
 * moneyIn('-1.00', 'USD', 'price', { nonNegative: true }); // throws INVALID_FACT at price
 * moneyIn(499, 'USD', 'price');                            // throws INVALID_TYPE: amounts are decimal strings such as "499.00"
 * ```
 * @remarks Since 0.1.0
 */
export function moneyIn(value: Money | string, currency: string, field: string | JsonPath = 'amount', options: { readonly nonNegative?: boolean } = {}): Money {
  const path = typeof field === 'string' ? [field] : field;
  const name = String(path[path.length - 1] ?? 'amount');
  const given: unknown = value;
  let amount: unknown;
  let amountPath: JsonPath = path;
  if (typeof given === 'string') amount = given;
  else if (typeof given === 'number') fail('INVALID_TYPE', path, messages.MONEY_AS_NUMBER(name, given));
  else if (given && typeof given === 'object' && !Array.isArray(given)) {
    // A request is JSON: a key beside amount and currency (a misspelling, a tax flag) would be
    // silently dropped, so it is refused like any unknown key of a request.
    const extra = Object.keys(given).find((key) => key !== 'amount' && key !== 'currency');
    if (extra !== undefined) throw new InvalidArgumentError([unknownKeyIssue(extra, MONEY_KEYS, path, 'in an amount')]);
    const { amount: inner, currency: innerCurrency } = given as { amount?: unknown; currency?: unknown };
    if (typeof inner !== 'string' || typeof innerCurrency !== 'string') fail('INVALID_AMOUNT', path, messages.INVALID_AMOUNT(given));
    if (innerCurrency !== currency) fail('CURRENCY_MISMATCH', [...path, 'currency'], messages.CURRENCY_MISMATCH(currency, innerCurrency));
    amount = inner;
    amountPath = [...path, 'amount'];
  } else fail('INVALID_TYPE', path, given === null ? messages.NULL_VALUE(name) : messages.NOT_AN_AMOUNT(name, given));
  let result: Money;
  try {
    result = money(amount as string, currency);
  } catch (error) {
    // money() reports at ['amount']; the caller's field is where the problem is.
    if (error instanceof SupportRulesError) throw new InvalidArgumentError(error.issues.map((issue) => ({ ...issue, path: amountPath })));
    throw error;
  }
  if (options.nonNegative && isNegative(result)) fail('INVALID_FACT', path, messages.INVALID_FACT(name, 'must not be negative'));
  return result;
}
