/**
 * Fee schedules as policy data: restocking, handling, shipping, expedited, label, diagnostic,
 * visit and premium fees, with conditions, caps, floors, waivers and hit policies, quoted exactly.
 *
 * @module fees
 */
export { FeeScheduleSchema, FeeRuleSchema, FeeConditionSchema, PRODUCT_CONDITIONS, FEE_FACTS, ORDER_FEE_FACTS } from './schema.js';
export type { FeeScheduleSpec, FeeRule, FeeCondition } from './schema.js';
export { defineFeeSchedule, FeeScheduleError } from './define.js';
export type { FeeSchedule, FeeVocabulary } from './define.js';
export { quoteFees } from './quote.js';
export type { FeeRequest, FeeQuote } from './quote.js';
export type { FeeLine } from './line.js';
export type { Reason } from '../_lib/reason.js';
