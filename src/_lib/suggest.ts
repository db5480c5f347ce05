// "Did you mean": the known value closest to what a caller wrote, if one is close enough to be a
// slip (a case or spacing difference, a typo, a missing plural, a prefix of a longer name).

/** Edit distance with adjacent transpositions (optimal string alignment), capped at `limit + 1`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous2[j - 2] as number) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length] as number;
}

const normal = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The known value a caller most likely meant, or undefined when none is close. Compares without
 * case, spaces, `-` and `_` first, then by edit distance (at most 1 for short words, 2 for
 * longer), then by prefix ("legal" → "legal-complaint").
 */
export function suggest(given: unknown, known: Iterable<string>): string | undefined {
  if (typeof given !== 'string' && typeof given !== 'number') return undefined;
  const text = normal(String(given));
  if (text === '') return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const other = normal(candidate);
    let score: number;
    if (other === text) score = 0;
    else {
      const limit = Math.min(2, Math.max(1, Math.floor(Math.min(text.length, other.length) / 4)));
      const d = distance(text, other, limit);
      if (d <= limit) score = d;
      else if (text.length >= 3 && (other.startsWith(text) || text.startsWith(other))) score = 3;
      else continue;
    }
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
