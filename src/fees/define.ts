// Fee schedules: validated once, compiled once (rule conditions, the request check against the
// schedule's vocabularies) and sealed; quoteFees prices requests with the compiled form.

import { compileCondition, type Condition } from '../_lib/condition.js';
import { brand, seal, unseal } from '../_lib/compiled.js';
import * as messages from '../_lib/messages.js';
import { compileRequest, type Fields, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf } from '../_lib/vocabulary.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { SupportRulesError } from '../errors/index.js';
import { moneyIn } from '../money/index.js';
import { FEE_FACTS, FEE_VOCABULARY_NAMES, FeeScheduleSchema, PRODUCT_CONDITIONS, feeNamedValues, type FeeRule, type FeeScheduleSpec } from './schema.js';

/**
 * A fee schedule failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class FeeScheduleError extends SupportRulesError {
  static override readonly kind: string = 'FeeScheduleError';
}

/**
 * A validated fee schedule. Create it once with {@link defineFeeSchedule}; frozen.
 *
 * @remarks Since 0.1.0
 */
export interface FeeSchedule {
  readonly id: string;
  readonly currency: string;
  readonly spec: Readonly<FeeScheduleSpec>;
  /** The values requests may give for each field: declared in `vocabulary`, else those the rules name. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<FeeVocabulary>;
}

/**
 * The values a fee schedule knows for each request field.
 *
 * @remarks Since 0.2.0
 */
export interface FeeVocabulary {
  readonly condition: readonly string[];
  readonly category: readonly string[];
  readonly sizeClass: readonly string[];
  readonly service: readonly string[];
}

/** The fields of a fee request, declared once: the request check and the rule conditions use them. */
export const FEE_REQUEST_FIELDS: Fields = {
  price: { type: 'money', hint: 'what was paid for the item, a decimal string such as "129.99"' },
  orderValue: { type: 'money' },
  condition: { type: 'term', vocabulary: 'condition' },
  category: { type: 'term', vocabulary: 'category' },
  sizeClass: { type: 'term', vocabulary: 'sizeClass' },
  service: { type: 'term', vocabulary: 'service' },
  daysSinceDelivery: { type: 'number', min: 0, max: 36_500, unit: 'days' },
  weightKg: { type: 'number', min: 0, max: 1_000_000, unit: 'kg' },
  defective: { type: 'boolean' },
  warranty: { type: 'boolean' },
  repairPerformed: { type: 'boolean' },
  sameDay: { type: 'boolean' },
  expedited: { type: 'boolean' },
};

/** A rule with its conditions compiled. */
export interface CompiledRule {
  readonly rule: FeeRule;
  readonly when: Condition;
  readonly waiveWhen: Condition | undefined;
}

/** The compiled form quoteFees works with. */
export interface Compiled {
  readonly spec: FeeScheduleSpec;
  readonly rules: readonly CompiledRule[];
  readonly check: RequestChecker;
}

const COMPILED = brand('fees');

/** The vocabularies of a schedule: declared lists, else the values its rules name. */
function vocabularyOfSchedule(spec: FeeScheduleSpec): FeeVocabulary {
  const named = feeNamedValues(spec);
  return {
    condition: PRODUCT_CONDITIONS,
    category: vocabularyOf(spec.vocabulary?.category, named, 'category'),
    sizeClass: vocabularyOf(spec.vocabulary?.sizeClass, named, 'sizeClass'),
    service: vocabularyOf(spec.vocabulary?.service, named, 'service'),
  };
}

/**
 * Validates a fee schedule (amounts must fit its currency, percentages of other fees must refer to
 * earlier rules, weight bands must rise).
 *
 * @param spec - The schedule as JSON data.
 * @returns A frozen {@link FeeSchedule}.
 * @throws {@link FeeScheduleError} listing every problem.
 * @example
 * ```ts
 * const fees = defineFeeSchedule({
 *   id: 'pelpro', currency: 'USD',
 *   rules: [{ id: 'restock-after-30', kind: 'restocking', percent: 15,
 *     when: { defective: false, daysSinceDelivery: { gt: 30 } } }],
 * });
 * fees.currency; //=> 'USD'
 * ```
 * @remarks Since 0.1.0
 */
export function defineFeeSchedule(spec: FeeScheduleSpec): FeeSchedule {
  const valid = parseFrozen(FeeScheduleSchema, spec, (issues) => new FeeScheduleError(issues));
  const vocab = vocabularyOfSchedule(valid);
  const vocabularies = Object.fromEntries(Object.entries(vocab).map(([field, values]) => [field, vocabulary(FEE_VOCABULARY_NAMES[field as keyof FeeVocabulary], values)]));
  const compiled: Compiled = {
    spec: valid,
    rules: valid.rules.map((rule) => ({ rule, when: compileCondition(rule.when, FEE_FACTS), waiveWhen: rule.waiveWhen ? compileCondition(rule.waiveWhen, FEE_FACTS) : undefined })),
    check: compileRequest('a fee request', FEE_REQUEST_FIELDS, {
      vocabularies,
      money: (value, path) => moneyIn(value as string, valid.currency, path, { nonNegative: true }),
    }),
  };
  return seal(COMPILED, { id: valid.id, currency: valid.currency, spec: valid, vocabulary: Object.freeze(vocab) }, compiled);
}

/** The compiled form of a schedule defineFeeSchedule made, or a typed error. */
export function compiledOf(schedule: FeeSchedule): Compiled {
  return unseal<Compiled>(COMPILED, schedule, (issues) => new FeeScheduleError(issues), {
    code: 'INVALID_FEE_SCHEDULE',
    path: [],
    message: messages.INVALID_FEE_SCHEDULE(),
  });
}
