// Which baseline rules apply to a customer: the jurisdiction read strictly (with a did-you-mean),
// then, per point, the rule in force for contracts concluded on a date, with the member state's
// variant parameters where the data has one.

import { parseIsoDate } from '../_lib/civil.js';
import * as messages from '../_lib/messages.js';
import { suggest } from '../_lib/suggest.js';
import { InvalidArgumentError, type JsonPath } from '../errors/index.js';
import { EU_MEMBER_STATES, ISO_3166_1, LEGAL_RULES, type LegalCitation, type LegalParameters, type LegalPoint, type LegalRule } from './data.js';

/**
 * Every jurisdiction code the baselines know: `EU`, the 27 member states and `GB`. `UK` is read
 * as `GB` and `EL` (the EU's code for Greece) as `GR`.
 *
 * @remarks Since 0.2.0
 */
export const JURISDICTIONS: readonly string[] = Object.freeze(['EU', ...EU_MEMBER_STATES, 'GB']);

const ALIASES: Readonly<Record<string, string>> = Object.freeze({ UK: 'GB', EL: 'GR' });

/**
 * One baseline rule as it applies to a jurisdiction: its parameters (the member state's variant
 * where there is one) and its citation written out (`"Directive 2011/83/EU, art. 9(1), 9(2)(b)(i)"`;
 * a variant's citation follows the rule's after `"; "`).
 *
 * @remarks Since 0.2.0
 */
export interface AppliedLegalRule<P extends LegalPoint = LegalPoint> {
  readonly id: string;
  readonly point: P;
  readonly jurisdiction: string;
  readonly parameters: LegalParameters[P];
  readonly citation: string;
  readonly sources: readonly LegalCitation[];
}

/**
 * The baseline of one jurisdiction for contracts concluded on one local date: per point, the rule
 * that applies (a point the data has no rule for is absent).
 *
 * @remarks Since 0.2.0
 */
export interface LegalBaseline {
  readonly jurisdiction: string;
  /** The local date of the contract the rules were chosen for (`YYYY-MM-DD`). */
  readonly on: string;
  readonly points: { readonly [P in LegalPoint]?: AppliedLegalRule<P> };
}

/**
 * Writes a citation as one line: `"Directive 2011/83/EU, art. 9(1)"`.
 *
 * @param citation - The instrument and article.
 * @returns `instrument, article`.
 * @example
 * ```ts
 * formatCitation({ instrument: 'Directive (EU) 2019/771', article: 'art. 10(1)' });
 * //=> 'Directive (EU) 2019/771, art. 10(1)'
 * ```
 * @remarks Since 0.2.0
 */
export function formatCitation(citation: LegalCitation): string {
  return `${citation.instrument}, ${citation.article}`;
}

/**
 * Reads a jurisdiction code: any officially assigned ISO 3166-1 alpha-2 code (`DE`, `GB`, `US`:
 * one the baselines do not list has an empty baseline), or `EU`; `UK` is taken as `GB` and `EL`
 * as `GR`. Anything else is an error with a did-you-mean.
 *
 * @param code - What the caller gave.
 * @param path - Where the caller gave it, for the error.
 * @returns The code as the data writes it.
 * @throws {@link InvalidArgumentError} `INVALID_VALUE` for a code that is not ISO 3166-1 alpha-2
 *   in capitals (lower case included: `de` suggests `DE`; `XX` is refused), `INVALID_TYPE` for a value that is not a text.
 * @example
 * ```ts
 * parseJurisdiction('UK'); //=> 'GB'
 * parseJurisdiction('DE'); //=> 'DE'
 * parseJurisdiction('US'); //=> 'US' (no baseline: baselineFor('US', …).points is empty)
 * parseJurisdiction('De'); // throws INVALID_VALUE: did you mean "DE"?
 * ```
 * @remarks Since 0.2.0
 */
export function parseJurisdiction(code: unknown, path: JsonPath = ['jurisdiction']): string {
  if (typeof code !== 'string') {
    throw new InvalidArgumentError([{ code: 'INVALID_TYPE', path, message: messages.LAW_JURISDICTION_TYPE(code) }]);
  }
  if (JURISDICTIONS.includes(code) || ISO_3166_1.includes(code)) return code;
  const alias = ALIASES[code];
  if (alias !== undefined) return alias;
  const known = [...JURISDICTIONS, ...Object.keys(ALIASES), ...ISO_3166_1];
  const upper = code.trim().toUpperCase();
  const suggestion = known.includes(upper) ? (ALIASES[upper] ?? upper) : suggest(code, [...JURISDICTIONS, ...Object.keys(ALIASES)]);
  throw new InvalidArgumentError([
    { code: 'INVALID_VALUE', path, message: messages.LAW_UNKNOWN_JURISDICTION(code, JURISDICTIONS, suggestion), allowed: [...new Set([...JURISDICTIONS, ...ISO_3166_1])], ...(suggestion ? { suggestion } : {}) },
  ]);
}

function inForce(rule: LegalRule, on: string): boolean {
  return rule.effectiveFrom <= on && (rule.effectiveTo === undefined || on < rule.effectiveTo);
}

function applied(rule: LegalRule, jurisdiction: string): AppliedLegalRule {
  const variant = rule.variants?.find((v) => v.jurisdictions.includes(jurisdiction));
  const sources = variant ? [rule.citation, variant.citation] : [rule.citation];
  return Object.freeze({
    id: rule.id,
    point: rule.point,
    jurisdiction,
    parameters: variant ? variant.parameters : rule.parameters,
    citation: sources.map(formatCitation).join('; '),
    sources,
  });
}

/**
 * The baseline rules for a customer in `jurisdiction` whose contract was concluded on the local
 * date `on`: per point, the rule in force that lists the jurisdiction, with the member state's
 * parameters where the data has a variant for it (Spain's three-year legal guarantee).
 *
 * @param jurisdiction - A code {@link parseJurisdiction} accepts.
 * @param on - The contract's local date, `YYYY-MM-DD`.
 * @returns The baseline; a point with no rule in force is absent.
 * @throws {@link InvalidArgumentError} `INVALID_VALUE` for an unknown jurisdiction; `INVALID_DATE`
 *   for a date that is not `YYYY-MM-DD`.
 * @example
 * ```ts
 * const es = baselineFor('ES', '2026-03-01');
 * es.points['legal-guarantee']?.parameters.months; //=> 36
 * es.points['legal-guarantee']?.citation;
 * //=> 'Directive (EU) 2019/771, art. 10(1); Real Decreto Legislativo 1/2007 (TRLGDCU), as amended by Real Decreto-ley 7/2021, art. 120'
 * baselineFor('DE', '2021-12-31').points['legal-guarantee']; //=> undefined (before 2022)
 * ```
 * @remarks Since 0.2.0
 */
export function baselineFor(jurisdiction: string, on: string): LegalBaseline {
  const code = parseJurisdiction(jurisdiction);
  if (parseIsoDate(on) === undefined) throw new InvalidArgumentError([{ code: 'INVALID_DATE', path: ['on'], message: messages.LAW_CONTRACT_DATE(on) }]);
  const points: Partial<Record<LegalPoint, AppliedLegalRule>> = {};
  for (const rule of LEGAL_RULES) {
    if (points[rule.point] === undefined && rule.jurisdictions.includes(code) && inForce(rule, on)) points[rule.point] = applied(rule, code);
  }
  return Object.freeze({ jurisdiction: code, on, points: Object.freeze(points) as LegalBaseline['points'] });
}

/**
 * The baseline rule with this id, or undefined.
 *
 * @param id - A rule id such as `eu-withdrawal-period`.
 * @returns The rule as data.
 * @example
 * ```ts
 * legalRule('uk-short-term-reject')?.parameters; //=> { days: 30, from: 'delivery' }
 * ```
 * @remarks Since 0.2.0
 */
export function legalRule(id: string): LegalRule | undefined {
  return LEGAL_RULES.find((rule) => rule.id === id);
}
