import { SupportRulesError } from '../../src/errors/index.js';

/** The `[code, path]` of the SupportRulesError a call throws; fails the test if it throws nothing or something else. */
export function errorOf(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SupportRulesError) return [error.code, error.path.join('.')];
    throw error;
  }
  throw new Error('expected a SupportRulesError');
}

/** The SupportRulesError a call throws (its issues, message, details); fails the test otherwise. */
export function thrownError(fn: () => unknown): SupportRulesError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SupportRulesError) return error;
    throw error;
  }
  throw new Error('expected a SupportRulesError');
}
