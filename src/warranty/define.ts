import { brand, seal, unseal } from '../_lib/compiled.js';
import type { Condition } from '../_lib/condition.js';
import { deepFreeze } from '../_lib/freeze.js';
import * as messages from '../_lib/messages.js';
import { compileRequest, type Field, type Fields, type RequestChecker } from '../_lib/request.js';
import { vocabulary, vocabularyOf, type Named } from '../_lib/vocabulary.js';
import { parseFrozen } from '../_lib/zod-issues.js';
import { createCalendar, type Calendar } from '../calendar/index.js';
import { SupportRulesError } from '../errors/index.js';
import {
  CLAIM_EVIDENCE,
  SEGMENTS,
  WARRANTY_VOCABULARY_NAMES,
  WarrantyPolicySchema,
  evidenceCondition,
  planCondition,
  remedyCondition,
  termCondition,
  warrantyNamedValues,
  type WarrantyPolicySpec,
} from './schema.js';

/**
 * A warranty policy failed validation; `issues` lists every problem with its JSON path.
 *
 * @remarks Since 0.1.0
 */
export class WarrantyPolicyError extends SupportRulesError {
  static override readonly kind: string = 'WarrantyPolicyError';
}

/**
 * A validated warranty policy. Create it once with {@link defineWarrantyPolicy}.
 *
 * @remarks Since 0.1.0
 */
export interface WarrantyPolicy {
  readonly id: string;
  readonly spec: Readonly<WarrantyPolicySpec>;
  /** The values claims may give for each field. @remarks Since 0.2.0 */
  readonly vocabulary: Readonly<WarrantyVocabulary>;
}

/**
 * The values a warranty policy knows for each claim field: its categories, the two segments, the
 * parts and model lines (declared in `vocabulary`, else those its terms name), the evidence kinds
 * and its plan ids.
 *
 * @remarks Since 0.2.0
 */
export interface WarrantyVocabulary {
  readonly category: readonly string[];
  readonly segment: readonly string[];
  readonly part: readonly string[];
  readonly modelLine: readonly string[];
  readonly evidence: readonly string[];
  readonly plan: readonly string[];
}

/**
 * The fields of a warranty claim, declared once for the claim check.
 *
 * @remarks Since 0.2.0
 */
export const WARRANTY_CLAIM_FIELDS = {
  category: { type: 'term', vocabulary: 'category', required: true, hint: 'the product category' },
  // Required only where the policy's rules name a segment (see segmentField).
  segment: { type: 'term', vocabulary: 'segment' },
  part: { type: 'term', vocabulary: 'part' },
  modelLine: { type: 'term', vocabulary: 'modelLine' },
  purchasedAt: { type: 'instant', required: true, hint: 'when the product was bought' },
  deliveredAt: { type: 'instant' },
  shippedAt: { type: 'instant' },
  claimedAt: { type: 'instant', required: true, hint: 'when the customer claimed' },
  evidence: { type: 'terms', vocabulary: 'evidence' },
  evidenceCompletedAt: { type: 'instant' },
  plans: {
    type: 'list',
    of: {
      type: 'object',
      what: 'an extended plan bought',
      fields: {
        plan: { type: 'term', vocabulary: 'plan', required: true, hint: 'the plan id' },
        boughtAt: { type: 'instant', required: true, hint: 'when the plan was bought' },
      },
    },
  },
  inStock: { type: 'boolean' },
  customer: {
    type: 'object',
    what: 'a customer',
    fields: { jurisdiction: { type: 'text', required: true, hint: 'the customer\'s jurisdiction, an ISO 3166-1 alpha-2 code such as "DE"' }, timeZone: { type: 'text' } },
  },
} as const satisfies Fields;

const RULE_KIND: Readonly<Record<string, string>> = { terms: 'term', plans: 'plan', evidence: 'evidence rule', remedies: 'remedy' };

/**
 * The claim's `segment` field for this policy: required, naming the rules that depend on it, when
 * a term, plan, evidence rule or remedy names a segment; optional when none does. A `{ present }`
 * test names no segment: it is how a policy tells claims with and without one apart.
 */
function segmentField(policy: WarrantyPolicySpec, named: readonly Named[]): Field {
  const dependents: string[] = [];
  for (const { field, path } of named) {
    if (field !== 'segment') continue;
    const [key, i] = path as [keyof typeof RULE_KIND & keyof WarrantyPolicySpec, number];
    const rule = (policy[key] as readonly { readonly id: string }[] | undefined)?.[i];
    const label = `${RULE_KIND[key] ?? key} "${rule?.id ?? i}"`;
    if (!dependents.includes(label)) dependents.push(label);
  }
  if (dependents.length === 0) return WARRANTY_CLAIM_FIELDS.segment;
  return { ...WARRANTY_CLAIM_FIELDS.segment, required: true, hint: messages.WARRANTY_SEGMENT_REQUIRED(dependents) };
}

type Rule<K extends 'terms' | 'plans' | 'evidence' | 'remedies'> = NonNullable<WarrantyPolicySpec[K]>[number];

/** A policy compiled once: conditions, calendars and the claim check. */
export interface Compiled {
  readonly spec: WarrantyPolicySpec;
  readonly calendar: Calendar;
  /** Open around the clock in the policy's zone. */
  readonly clock: Calendar;
  readonly check: RequestChecker;
  readonly terms: readonly { readonly term: Rule<'terms'>; readonly when: Condition }[];
  readonly plans: ReadonlyMap<string, { readonly plan: Rule<'plans'>; readonly when: Condition }>;
  readonly evidence: readonly { readonly rule: Rule<'evidence'>; readonly when: Condition }[];
  readonly remedies: readonly { readonly rule: Rule<'remedies'>; readonly when: Condition }[];
}

const COMPILED = brand('warranty');

/**
 * Validates a warranty policy (ids unique, categories, parts and model lines known, no term or
 * remedy hidden behind an earlier one, bounded periods, plan prices that fit their currency) and
 * compiles its calendar, its conditions and its claim check once.
 *
 * @throws {@link WarrantyPolicyError} listing every problem: `DUPLICATE_ID`, `DUPLICATE_VALUE`,
 *   `UNKNOWN_CATEGORY`, `UNKNOWN_IN_POLICY`, `UNREACHABLE_RULE`, `OUT_OF_BOUNDS`, `INVALID_RANGE`,
 *   `UNKNOWN_CURRENCY`, `TOO_PRECISE`, `INVALID_TIME_ZONE`, `CALENDAR_NEVER_OPENS`, shape codes.
 * @example
 * ```ts
 * const policy = defineWarrantyPolicy({
 *   id: 'pelpro', timeZone: 'America/Chicago', categories: ['electronics'],
 *   terms: [{ id: 'electronics-24', category: ['electronics'], months: 24, from: 'purchase',
 *     covers: { parts: true, labour: true, onSite: false, shipping: true } }],
 * });
 * policy.id;                  //=> 'pelpro'
 * policy.vocabulary.segment;  //=> ['consumer', 'commercial']
 * ```
 * @remarks Since 0.1.0
 */
export function defineWarrantyPolicy(spec: WarrantyPolicySpec): WarrantyPolicy {
  const valid = parseFrozen(WarrantyPolicySchema, spec, (issues) => new WarrantyPolicyError(issues));
  const clock = createCalendar({ timeZone: valid.timeZone, alwaysOpen: true });
  const calendar = valid.calendar ? createCalendar(valid.calendar) : clock;
  const named = warrantyNamedValues(valid);
  const vocab: WarrantyVocabulary = {
    category: valid.categories,
    segment: [...SEGMENTS],
    part: vocabularyOf(valid.vocabulary?.part, named, 'part'),
    modelLine: vocabularyOf(valid.vocabulary?.modelLine, named, 'modelLine'),
    evidence: [...CLAIM_EVIDENCE],
    plan: (valid.plans ?? []).map((plan) => plan.id),
  };
  const compiled: Compiled = {
    spec: valid,
    calendar,
    clock,
    check: compileRequest('a warranty claim', { ...WARRANTY_CLAIM_FIELDS, segment: segmentField(valid, named) }, {
      vocabularies: Object.fromEntries(Object.entries(vocab).map(([field, values]) => [field, vocabulary(WARRANTY_VOCABULARY_NAMES[field as keyof WarrantyVocabulary], values)])),
    }),
    terms: valid.terms.map((term) => ({ term, when: termCondition(term) })),
    plans: new Map((valid.plans ?? []).map((plan) => [plan.id, { plan, when: planCondition(plan) }])),
    evidence: (valid.evidence ?? []).map((rule) => ({ rule, when: evidenceCondition(rule) })),
    remedies: (valid.remedies ?? []).map((rule) => ({ rule, when: remedyCondition(rule) })),
  };
  return seal(COMPILED, { id: valid.id, spec: valid, vocabulary: deepFreeze(vocab) }, compiled);
}

/** The compiled form of a policy defineWarrantyPolicy made, or a typed error. */
export function compiledOf(policy: WarrantyPolicy): Compiled {
  return unseal<Compiled>(COMPILED, policy, (issues) => new WarrantyPolicyError(issues), {
    code: 'INVALID_WARRANTY_POLICY',
    path: [],
    message: messages.INVALID_WARRANTY_POLICY(),
  });
}
