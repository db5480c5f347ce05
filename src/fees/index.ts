/**
 * Fee schedules as policy data: restocking, handling, shipping, expedited, label, diagnostic,
 * visit and premium fees, with conditions, caps, floors, waivers and hit policies, quoted exactly.
 *
 * @module fees
 */
export { FeeScheduleSchema, FeeRuleSchema, FeeConditionSchema, PRODUCT_CONDITIONS, FEE_FACTS } from './schema.js';
export type { FeeScheduleSpec, FeeRule, FeeCondition } from './schema.js';
export { defineFeeSchedule, quoteFees, FeeScheduleError } from './quote.js';
export type { FeeSchedule, FeeVocabulary, FeeRequest, FeeLine, FeeQuote } from './quote.js';
export type { Reason } from '../_lib/reason.js';
