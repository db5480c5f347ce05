// The weighted QA scorecard. The evaluations' checker depends on the scorecard's criteria, so it
// is compiled per call (a scorecard has a handful of criteria; compiling is a few allocations).

import * as messages from '../_lib/messages.js';
import { compileRequest, isRecord, notAnObject, numberIssue, throwIssues, type Fields } from '../_lib/request.js';
import { InvalidArgumentError, type Issue } from '../errors/index.js';
import type { Measure } from './measures.js';
import { RANGES, listArgument } from './records.js';

function checkWeights(weights: unknown): [string, number][] {
  if (!isRecord(weights)) notAnObject('weights', 'a scorecard of weights', weights);
  const entries = Object.entries(weights);
  const issues: Issue[] = [];
  for (const [criterion, weight] of entries) {
    const issue = numberIssue(weight, ['weights', criterion], RANGES.weight);
    if (issue) issues.push(issue);
  }
  throwIssues(issues);
  const checked = entries as [string, number][];
  if (!(checked.reduce((a, [, w]) => a + w, 0) > 0)) throw new InvalidArgumentError([{ code: 'INVALID_FACT', path: ['weights'], message: messages.WEIGHTS_TOTAL() }]);
  return checked;
}

/**
 * A QA score with a weighted scorecard: each evaluation scores criteria 0–100, and the score is
 * the weighted mean (e.g. accuracy 30, empathy 25, compliance 20, closure 25).
 *
 * @param weights - Criterion → weight; finite, 0 or more, with a positive total.
 * @param evaluations - One object per evaluation with a 0–100 score for every criterion, and no others.
 * @throws {@link InvalidArgumentError} for `weights`: `INVALID_TYPE` (not an object, a weight not
 *   a finite number, at `['weights', criterion]`) and `INVALID_FACT` (a negative weight; a total
 *   of 0 at `weights`); for `evaluations`: `INVALID_TYPE` (not a list, an evaluation not an
 *   object, a score not a finite number), `REQUIRED` (a criterion without a score), `UNKNOWN_KEY`
 *   (a criterion the scorecard lacks, with a suggestion) and `INVALID_FACT` (a score outside
 *   0–100), at `[index, criterion]`.
 * @example
 * ```ts
 * qaScore({ accuracy: 30, empathy: 25, compliance: 20, closure: 25 },
 *   [{ accuracy: 90, empathy: 80, compliance: 100, closure: 70 }]); //=> { value: 84.5, sample: 1 }
 * ```
 * @remarks Since 0.1.0
 */
export function qaScore(weights: Readonly<Record<string, number>>, evaluations: readonly Readonly<Record<string, number>>[]): Measure {
  let scorecard = checkWeights(weights);
  let total = scorecard.reduce((a, [, w]) => a + w, 0);
  if (!Number.isFinite(total * 100)) {
    // Weights near the largest double: scale them down so the weighted sums stay finite.
    const largest = scorecard.reduce((a, [, w]) => Math.max(a, w), 0);
    scorecard = scorecard.map(([criterion, w]) => [criterion, w / largest]);
    total = scorecard.reduce((a, [, w]) => a + w, 0);
  }
  const fields: Fields = Object.fromEntries(scorecard.map(([criterion]) => [criterion, { type: 'number', required: true }]));
  const checkEvaluation = compileRequest('an evaluation', fields, { vocabularies: {} });
  const list = listArgument(evaluations, 'evaluations', 'evaluations (criterion → score)');
  const scores = list.map((evaluation, i) => {
    if (!isRecord(evaluation)) notAnObject(`evaluations[${i}]`, 'an evaluation', evaluation, [i]);
    checkEvaluation(evaluation, [i]);
    // Read from the evaluation itself: a JSON criterion named "__proto__" is an own field there.
    const given = evaluation as Record<string, number>;
    throwIssues(scorecard.flatMap(([criterion]) => numberIssue(given[criterion], [i, criterion], RANGES.score) ?? []));
    return scorecard.reduce((acc, [criterion, weight]) => acc + (given[criterion] as number) * weight, 0) / total;
  });
  return { value: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length, sample: scores.length };
}
