/**
 * Every code an {@link Issue} (and so a thrown `SupportRulesError`) can carry. Codes are stable:
 * a code is added when a new kind of problem is found, never renamed. docs/<module>.md lists, per
 * module, the codes its functions throw and what to do about each.
 *
 * @remarks Since 0.2.0
 */
export const ISSUE_CODES = [
  // Shapes of any input (policies, requests, case files).
  'INVALID_TYPE',
  'REQUIRED',
  'UNKNOWN_KEY',
  'INVALID_VALUE',
  'INVALID_FORMAT',
  'OUT_OF_BOUNDS',
  'EMPTY',
  'DUPLICATE_ID',
  'DUPLICATE_VALUE',
  'UNKNOWN_IN_POLICY',
  'UNKNOWN_CATEGORY',
  'CONFLICTING_FIELDS',
  'CONFLICTING_CHANGES',
  // Instants, durations and day counts.
  'INVALID_INSTANT',
  'INSTANT_WITHOUT_OFFSET',
  'INSTANT_OUT_OF_RANGE',
  'INVALID_DURATION',
  'INVALID_DAY_COUNT',
  'RESULT_OUT_OF_RANGE',
  'DATE_AFTER_REQUEST',
  'NOW_BEFORE_CREATED',
  // Calendars.
  'INVALID_TIME_ZONE',
  'INVALID_TIME_RANGE',
  'INVALID_TIME',
  'EMPTY_TIME_RANGE',
  'INVALID_DATE',
  'CONFLICTING_DATE',
  'CONFLICTING_HOURS',
  'INVALID_CALENDAR',
  'CALENDAR_NEVER_OPENS',
  'CALENDAR_NEVER_CLOSES',
  // Money.
  'UNKNOWN_CURRENCY',
  'INVALID_AMOUNT',
  'TOO_PRECISE',
  'CURRENCY_MISMATCH',
  'INVALID_RATIOS',
  'INVALID_ROUNDING',
  'EMPTY_SUM',
  // Policy cross-checks.
  'INVALID_RANGE',
  'UNREACHABLE_RULE',
  'UNREACHABLE_TARGET',
  'UNKNOWN_CALENDAR',
  'CALENDAR_REDEFINED',
  'EFFECTIVE_ORDER',
  'LADDER_ORDER',
  'UNCOVERED',
  // Policy histories: versions in force by date.
  'VERSION_ORDER',
  'VERSION_OVERLAP',
  'VERSION_GAP',
  'POLICY_ID_MISMATCH',
  'NO_VERSION_IN_FORCE',
  'INVALID_POLICY_HISTORY',
  // SLA.
  'INVALID_WITHIN',
  'START_ON_BUILT_IN',
  'PAUSE_ON_UNPAUSABLE',
  'REOPEN_NOT_APPLICABLE',
  'CONFLICTING_STATUS',
  'EVENT_BEFORE_CREATED',
  'MISSING_CREATED',
  'DUPLICATE_CREATED',
  'INVALID_SLA_POLICY',
  // Fees, returns, warranty, compensation, escalation.
  'FEE_AMOUNT_KIND',
  'FEE_BASE_UNKNOWN',
  'BANDS_ORDER',
  'INVALID_FEE_SCHEDULE',
  'MISSING_FACT',
  'INVALID_FACT',
  'MISSING_DATE',
  'INVALID_RETURN_POLICY',
  'INVALID_WARRANTY_POLICY',
  'INVALID_COMPENSATION_POLICY',
  'INVALID_ESCALATION_POLICY',
  // Case files and the CLI.
  'INVALID_JSON',
  'NO_CASES',
  'UNKNOWN',
] as const;

/**
 * A stable machine code of an {@link Issue}; see {@link ISSUE_CODES}.
 *
 * @remarks Since 0.2.0
 */
export type IssueCode = (typeof ISSUE_CODES)[number];
