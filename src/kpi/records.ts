// Contact records and the KPIs' other arguments are parsed, not trusted: a JSON export with a
// misspelt field, a score out of its scale or a resolution dated before the contact is a typed
// error naming the record and field ([3, 'csat']), never a KPI quietly computed without it.
// Records are checked by the shared request checker, compiled once at module load.

import * as messages from '../_lib/messages.js';
import { compileRequest, isRecord, notAnObject, numberIssue, throwIssues, type NumberBounds } from '../_lib/request.js';
import { isOpen, type Calendar, type Instant } from '../calendar/index.js';
import { InvalidArgumentError, type Issue, type JsonPath } from '../errors/index.js';
import { isCurrency, moneyIn, type Money } from '../money/index.js';

/**
 * One customer contact (call, chat, email, ticket) as the KPIs see it; every field is optional and
 * each KPI uses the records that carry its facts. Any other field is an error (`UNKNOWN_KEY`).
 *
 * @remarks Since 0.1.0
 */
export interface ContactRecord {
  readonly channel?: string;
  readonly resolvedOnFirstContact?: boolean;
  readonly resolved?: boolean;
  /** 1 to 5. */
  readonly csat?: number;
  /** 0 to 10. */
  readonly nps?: number;
  /** Wait before an agent answered, for answered contacts: 0 to 1,000,000,000 seconds. */
  readonly waitSeconds?: number;
  /** 0 to 1,000,000,000 seconds. */
  readonly handleSeconds?: number;
  readonly abandoned?: boolean;
  readonly escalated?: boolean;
  /** Resolved by self-service (knowledge base, bot) without an agent. */
  readonly selfServed?: boolean;
  /** Not negative: a decimal string (`'6.00'`) or `{ amount, currency }`; never a number. */
  readonly cost?: Money | string;
  /** A Date, epoch ms or an ISO 8601 string with an offset. */
  readonly createdAt?: Instant;
  /** As `createdAt`, and not before it. */
  readonly resolvedAt?: Instant;
}

/** A record after checking: instants as epoch ms, cost as a checked string or Money. */
export type CheckedRecord = Omit<ContactRecord, 'createdAt' | 'resolvedAt'> & { readonly createdAt?: number; readonly resolvedAt?: number };

export const RANGES = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  npsScore: { min: -100, max: 100 },
  percent: { min: 0, max: 100, unit: '%' },
  seconds: { min: 0, max: 1e9, unit: 'seconds' },
  sample: { min: 1, whole: true },
  weight: { min: 0 },
  score: { min: 0, max: 100 },
} as const satisfies Record<string, NumberBounds>;

/** The list argument itself, or INVALID_TYPE naming it (REQUIRED when it is missing). */
export function listArgument(value: unknown, argument: string, what: string): readonly unknown[] {
  if (value === undefined) fail('REQUIRED', [argument], messages.REQUIRED(argument));
  if (!Array.isArray(value)) fail('INVALID_TYPE', [argument], messages.NOT_A_LIST(argument, what, value));
  return value;
}

// Without a currency a cost can only be checked as an amount: its digits and sign. costPer checks
// it again in the currency it reports in (CURRENCY_MISMATCH, TOO_PRECISE).
const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

function fail(code: Issue['code'], path: JsonPath, message: string): never {
  throw new InvalidArgumentError([{ code, path, message }]);
}

function readCost(value: unknown, path: JsonPath): unknown {
  const notNegative = (amount: unknown) => {
    if (typeof amount === 'string' && amount.startsWith('-') && /[1-9]/.test(amount)) fail('INVALID_FACT', path, messages.NUMBER_OUT_OF_RANGE('cost', amount, '0 or more'));
  };
  if (typeof value === 'string') {
    if (!DECIMAL_TEXT.test(value)) fail('INVALID_AMOUNT', path, messages.INVALID_AMOUNT(value));
    notNegative(value);
    return value;
  }
  if (isRecord(value) && typeof value.currency === 'string') {
    if (!isCurrency(value.currency)) fail('UNKNOWN_CURRENCY', [...path, 'currency'], messages.UNKNOWN_CURRENCY(value.currency));
    const cost = moneyIn(value as unknown as Money, value.currency, path);
    notNegative(cost.amount);
    return cost;
  }
  // A number, null, a list, an object without a currency: moneyIn says what an amount must be
  // (for a number: "amounts are decimal strings such as …").
  moneyIn(value as Money, 'USD', path);
  return fail('INVALID_AMOUNT', path, messages.INVALID_AMOUNT(value));
}

const checkShape = compileRequest(
  'a contact record',
  {
    channel: { type: 'text' },
    resolvedOnFirstContact: { type: 'boolean' },
    resolved: { type: 'boolean' },
    csat: { type: 'number' },
    nps: { type: 'number' },
    waitSeconds: { type: 'number' },
    handleSeconds: { type: 'number' },
    abandoned: { type: 'boolean' },
    escalated: { type: 'boolean' },
    selfServed: { type: 'boolean' },
    cost: { type: 'money' },
    createdAt: { type: 'instant' },
    resolvedAt: { type: 'instant' },
  },
  { vocabularies: {}, money: readCost },
);

const RECORD_RANGES = [
  ['csat', RANGES.csat],
  ['nps', RANGES.nps],
  ['waitSeconds', RANGES.seconds],
  ['handleSeconds', RANGES.seconds],
] as const;

/** One record, checked at path `[index]`. */
function checkRecord(value: unknown, index: number): CheckedRecord {
  if (!isRecord(value)) notAnObject(`records[${index}]`, 'a contact record', value, [index]);
  const record = checkShape(value, [index]) as CheckedRecord;
  const issues: Issue[] = [];
  for (const [field, range] of RECORD_RANGES) {
    const issue = record[field] === undefined ? undefined : numberIssue(record[field], [index, field], range);
    if (issue) issues.push(issue);
  }
  const { createdAt, resolvedAt } = record;
  if (createdAt !== undefined && resolvedAt !== undefined && resolvedAt < createdAt) {
    issues.push({ code: 'EVENT_BEFORE_CREATED', path: [index, 'resolvedAt'], message: messages.RESOLVED_BEFORE_CREATED(new Date(resolvedAt).toISOString(), new Date(createdAt).toISOString()) });
  }
  throwIssues(issues);
  return record;
}

/** Every record checked (the first bad one throws, with all of its problems). */
export function checkRecords(records: unknown): readonly CheckedRecord[] {
  return listArgument(records, 'records', 'contact records').map((record, i) => checkRecord(record, i));
}

/** A calendar checked up front, so a bad one is reported at `calendar` (even with no records). */
export function checkCalendar(calendar: unknown): Calendar {
  isOpen(calendar as Calendar, 0); // INVALID_CALENDAR at `calendar` for anything createCalendar did not make
  return calendar as Calendar;
}

/** A report currency: an ISO 4217 code. */
export function checkCurrency(currency: unknown): string {
  if (currency === undefined) fail('REQUIRED', ['currency'], messages.REQUIRED('currency'));
  if (typeof currency !== 'string') fail('INVALID_TYPE', ['currency'], messages.INVALID_TYPE('currency code (ISO 4217, such as "USD")', currency));
  if (!isCurrency(currency)) fail('UNKNOWN_CURRENCY', ['currency'], messages.UNKNOWN_CURRENCY(currency));
  return currency;
}
