/**
 * The error family every support-rules module throws on bad input.
 *
 * @module errors
 */
export { SupportRulesError, CalendarSpecError, InvalidArgumentError, NoOpenTimeError, formatPath } from './errors.js';
export type { Issue, JsonPath } from './errors.js';
