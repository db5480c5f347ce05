import * as messages from '../_lib/messages.js';
import { InvalidArgumentError } from '../errors/index.js';
import { minorUnits } from './currency.js';
import { toDecimal, type Money } from './money.js';

/**
 * Formats an amount for people with `Intl.NumberFormat`, exactly (the decimal string is passed
 * as is, never through a float) and with the currency's ISO 4217 decimals.
 *
 * @param value - The amount.
 * @param locale - BCP 47 locale. @defaultValue 'en-US'
 * @throws {@link InvalidArgumentError} `INVALID_AMOUNT` for a value that is not Money, `INVALID_VALUE` for a locale the runtime does not know.
 * @example
 * ```ts
 * formatMoney(money('1234.5', 'USD'));          //=> '$1,234.50'
 * formatMoney(money('1234.5', 'EUR'), 'de-DE'); //=> '1.234,50 €'
 * formatMoney(money('1500', 'JPY'), 'ja-JP');   //=> '￥1,500'
 * ```
 * @remarks Since 0.1.0
 */
export function formatMoney(value: Money, locale = 'en-US'): string {
  toDecimal(value);
  const digits = minorUnits(value.currency);
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  } catch {
    throw new InvalidArgumentError([{ code: 'INVALID_VALUE', path: ['locale'], message: messages.INVALID_LOCALE(locale) }]);
  }
  // Intl.NumberFormat v3 formats decimal strings exactly; the DOM lib types only know numbers.
  return format.format(value.amount as unknown as number);
}
