// Patterns the JSON Schema gives editors for values the library checks in code, with error codes
// of its own (INVALID_TIME_RANGE, INVALID_DATE, UNKNOWN_CURRENCY…). Each is attached as metadata,
// never as a zod check, so the codes and messages stay the checks'; and each is at least as loose
// as its check, so an editor never flags a value the library accepts (test/policy/json-schema.test.ts
// checks both against the parsers).

/**
 * `HH:MM-HH:MM`: opening at 00:00–23:59, closing at 00:00–23:59 or 24:00 (the parser also
 * refuses a range that opens and closes at the same minute).
 */
export const TIME_RANGE = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** A local date `YYYY-MM-DD` in the supported years 1900–2199 (the parser also refuses 2026-02-30). */
export const LOCAL_DATE = /^(19|2[01])\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** An ISO 4217 code: three capital letters (the check also needs a code the runtime knows). */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Metadata of a local date field. */
export const localDateMeta = { pattern: LOCAL_DATE.source, examples: ['2026-12-25'] } as const;

/** Metadata of an ISO 4217 currency field. */
export const currencyMeta = { description: 'ISO 4217 currency code.', pattern: CURRENCY_CODE.source, examples: ['USD', 'EUR', 'THB'] } as const;
