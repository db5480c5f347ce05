/**
 * Returns and exchanges: eligibility (windows, non-returnable classes, review, evidence) and the
 * refund quote with every fee as a line item, plus the deadlines that follow.
 *
 * @module returns
 */
export { ReturnPolicySchema, ReturnSectionSchema, WINDOW_FROM, EVIDENCE } from './schema.js';
export type { ReturnPolicySpec } from './schema.js';
export { defineReturnPolicy, ReturnPolicyError } from './define.js';
export type { ReturnPolicy, ReturnVocabulary } from './define.js';
export { checkReturn } from './check.js';
export type { ReturnRequest, ReturnDecision, ReturnOutcome } from './check.js';
export type { ReturnQuote, ReturnQuoteLine } from './quote.js';
export type { ReturnLegalSummary } from './law.js';
export { checkOrderReturn } from './order.js';
export type { OrderReturnDecision, OrderLineDecision, OrderReturnQuote, OrderQuoteLine, OrderDiscountShare } from './order.js';
export type { OrderReturnRequest, Order, OrderLine, OrderDiscount, ReturnedLine } from './order-request.js';
