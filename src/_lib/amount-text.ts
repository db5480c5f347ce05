import * as z from 'zod/mini';
import * as messages from './messages.js';
import { addIssue, preprocess } from './zod-issues.js';

// A number where an amount belongs is the commonest slip in a policy written as JSON
// ("amount": 10): say that amounts are decimal strings, rather than "expected a text".
const refuseNumbers = (value: unknown, ctx: z.core.$RefinementCtx): unknown => {
  if (typeof value === 'number') {
    addIssue(ctx, 'INVALID_TYPE', messages.AMOUNT_AS_NUMBER(value));
    return z.NEVER;
  }
  return value;
};

/** A non-negative decimal amount as a policy writes it (`"10.00"`), in the section's currency. */
export const amountText = preprocess(refuseNumbers, z.string().check(z.regex(/^\d+(\.\d+)?$/, 'a non-negative decimal amount such as "10.00"'), z.meta({ examples: ['10.00', '49.99'] })));
