/**
 * The error family every support-rules module throws on bad input, and the codes it carries.
 *
 * @module errors
 */
export { SupportRulesError, CalendarSpecError, InvalidArgumentError, NoOpenTimeError, formatPath } from './errors.js';
export type { Issue, JsonPath } from './errors.js';
export { ISSUE_CODES } from './codes.js';
export type { IssueCode } from './codes.js';
