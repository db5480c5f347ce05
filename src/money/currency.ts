// ISO 4217 currencies and their minor units. Which codes exist comes from the runtime's Intl
// (Intl.supportedValuesOf('currency')); the number of decimals comes from ISO 4217 itself, since
// CLDR (what Intl formats with) differs for a few currencies.

import * as messages from '../_lib/messages.js';
import { InvalidArgumentError } from '../errors/index.js';

// ISO 4217 minor units other than 2 (the 2024 list).
const MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

let known: ReadonlySet<string> | undefined;

/** Whether a code is an ISO 4217 currency the runtime knows. */
export function isCurrency(code: unknown): code is string {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  // ISO 4217 fund codes such as CLF and UYW are missing from Intl's list but are in the table.
  return typeof code === 'string' && (known.has(code) || Object.hasOwn(MINOR_UNITS, code));
}

/**
 * Decimal places of a currency's minor unit under ISO 4217 (USD 2, JPY 0, KWD 3).
 *
 * @param currency - ISO 4217 code, upper case.
 * @returns 0 to 4.
 * @throws {@link InvalidArgumentError} `UNKNOWN_CURRENCY`.
 * @example
 * ```ts
 * minorUnits('USD'); //=> 2
 * minorUnits('JPY'); //=> 0
 * minorUnits('KWD'); //=> 3
 * ```
 * @remarks Since 0.1.0
 */
export function minorUnits(currency: string): number {
  if (!isCurrency(currency)) {
    throw new InvalidArgumentError([{ code: 'UNKNOWN_CURRENCY', path: ['currency'], message: messages.UNKNOWN_CURRENCY(currency) }]);
  }
  return MINOR_UNITS[currency] ?? 2;
}
