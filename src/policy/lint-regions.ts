// Regions of a rule table: the requests a rule's condition matches, as a box over the request's
// fields (each field a set of values or a union of intervals, absence included), so the lint can
// ask what no single-rule subsumption check can: is a rule covered by *several* earlier rules
// together, where do two rules overlap, which values does no rule cover. Term fields range over
// the section's vocabulary (requests naming other values are refused), money over whole minor
// units (requests never carry sub-cent amounts), counts over whole numbers. What cannot be
// compared exactly (list facts such as tags) is kept opaque: coverage then under-approximates, so
// "covered" stays a proof, and an overlap through an opaque field is not claimed.

import type { Condition, Test } from '../_lib/condition.js';

/** The token standing for "the request leaves the field out" in a value set. */
export const ABSENT = '\u0000absent';

/** What values a request field may take, as a table's lint sees it. */
export type FieldDomain =
  | { readonly kind: 'values'; readonly values: readonly string[]; readonly optional: boolean }
  /** `scale`: amounts in minor units of that many digits; `dates`: day numbers, shown as local dates. */
  | { readonly kind: 'range'; readonly min: number; readonly integer: boolean; readonly optional: boolean; readonly scale?: number; readonly dates?: true }
  | { readonly kind: 'opaque' };

export type Domains = Readonly<Record<string, FieldDomain>>;

/** An interval of numbers (money in minor units); bounds may be infinite. */
export interface Interval {
  readonly lo: number;
  readonly loIn: boolean;
  readonly hi: number;
  readonly hiIn: boolean;
}

export type FieldRegion =
  | { readonly kind: 'values'; readonly values: ReadonlySet<string> }
  | { readonly kind: 'intervals'; readonly intervals: readonly Interval[]; readonly absent: boolean }
  /** `test`: the test's canonical text; null: any value. */
  | { readonly kind: 'opaque'; readonly test: string | null };

/** A box: the fields a condition constrains (any field left out ranges over its whole domain). */
export type Region = Readonly<Record<string, FieldRegion>>;

/** A region and whether it was computed exactly (no opaque field had to be guessed). */
export interface Exactly<T> {
  readonly value: T;
  readonly exact: boolean;
}

const ALL: Interval = { lo: Number.NEGATIVE_INFINITY, loIn: false, hi: Number.POSITIVE_INFINITY, hiIn: false };

function isEmptyInterval(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && !(i.loIn && i.hiIn));
}

function intersectInterval(a: Interval, b: Interval): Interval {
  const lo = a.lo > b.lo ? { lo: a.lo, loIn: a.loIn } : a.lo < b.lo ? { lo: b.lo, loIn: b.loIn } : { lo: a.lo, loIn: a.loIn && b.loIn };
  const hi = a.hi < b.hi ? { hi: a.hi, hiIn: a.hiIn } : a.hi > b.hi ? { hi: b.hi, hiIn: b.hiIn } : { hi: a.hi, hiIn: a.hiIn && b.hiIn };
  return { ...lo, ...hi };
}

/** Whole numbers only: every bound inclusive and whole (infinite bounds stay). */
function wholeInterval(i: Interval): Interval {
  const lo = Number.isFinite(i.lo) ? (i.loIn ? Math.ceil(i.lo) : Math.floor(i.lo) + 1) : i.lo;
  const hi = Number.isFinite(i.hi) ? (i.hiIn ? Math.floor(i.hi) : Math.ceil(i.hi) - 1) : i.hi;
  return { lo, loIn: Number.isFinite(lo), hi, hiIn: Number.isFinite(hi) };
}

function normalize(intervals: readonly Interval[], integer: boolean): Interval[] {
  const kept = intervals.map((i) => (integer ? wholeInterval(i) : i)).filter((i) => !isEmptyInterval(i));
  kept.sort((a, b) => a.lo - b.lo || (a.loIn === b.loIn ? 0 : a.loIn ? -1 : 1));
  const out: Interval[] = [];
  for (const i of kept) {
    const last = out[out.length - 1];
    // Touching intervals merge: [1, 2) and [2, 3], or whole numbers 1..2 and 3..4.
    const touches = last && (i.lo < last.hi || (i.lo === last.hi && (i.loIn || last.hiIn)) || (integer && i.lo === last.hi + 1));
    if (last && touches) {
      if (i.hi > last.hi || (i.hi === last.hi && i.hiIn)) out[out.length - 1] = { ...last, hi: i.hi, hiIn: i.hiIn };
    } else out.push(i);
  }
  return out;
}

function subtractIntervals(b: readonly Interval[], a: readonly Interval[], integer: boolean): Interval[] {
  let rest = [...b];
  for (const cut of a) {
    const below: Interval = { lo: Number.NEGATIVE_INFINITY, loIn: false, hi: cut.lo, hiIn: !cut.loIn };
    const above: Interval = { lo: cut.hi, loIn: !cut.hiIn, hi: Number.POSITIVE_INFINITY, hiIn: false };
    rest = rest.flatMap((piece) => [intersectInterval(piece, below), intersectInterval(piece, above)]);
  }
  return normalize(rest, integer);
}

function intersectIntervals(a: readonly Interval[], b: readonly Interval[], integer: boolean): Interval[] {
  return normalize(
    a.flatMap((x) => b.map((y) => intersectInterval(x, y))),
    integer,
  );
}

/** A field's region of the given intervals (normalized on the domain's scale). */
export function intervalsRegion(intervals: readonly Interval[], domain: FieldDomain | undefined): FieldRegion {
  return { kind: 'intervals', intervals: normalize(intervals, isInteger(domain)), absent: false };
}

/** The whole domain of a field. */
export function universe(domain: FieldDomain): FieldRegion {
  if (domain.kind === 'values') return { kind: 'values', values: new Set([...domain.values, ...(domain.optional ? [ABSENT] : [])]) };
  if (domain.kind === 'range') return { kind: 'intervals', intervals: [{ ...ALL, lo: domain.min, loIn: true }], absent: domain.optional };
  return { kind: 'opaque', test: null };
}

/** A number or decimal-string bound on the domain's scale (money: minor units). */
function scaled(value: number | string, domain: FieldDomain): number {
  const scale = domain.kind === 'range' ? domain.scale : undefined;
  return scale === undefined ? Number(value) : Math.round(Number(value) * 10 ** scale);
}

/** The values one compiled test accepts, within the field's domain. */
function regionOfTest(test: Test, domain: FieldDomain): FieldRegion {
  const whole = universe(domain);
  if (domain.kind === 'opaque' || whole.kind === 'opaque') return { kind: 'opaque', test: `${test.kind}:${test.expected}` };
  if (whole.kind === 'values') {
    const all = whole.values;
    const pick = (keep: (value: string) => boolean) => ({ kind: 'values' as const, values: new Set([...all].filter(keep)) });
    switch (test.kind) {
      case 'equals':
        return pick((v) => v === String(test.value) || (v === ABSENT && !test.value));
      case 'present':
        return pick((v) => (v !== ABSENT) === test.present);
      case 'anyOf':
        return pick((v) => test.set.has(v));
      case 'noneOf':
        return pick((v) => !test.set.has(v));
      default:
        return { kind: 'opaque', test: `${test.kind}:${test.expected}` };
    }
  }
  if (test.kind === 'present') return test.present ? { ...whole, absent: false } : { kind: 'intervals', intervals: [], absent: whole.absent };
  if (test.kind !== 'range') return { kind: 'opaque', test: `${test.kind}:${test.expected}` };
  const range: Interval = {
    lo: test.low ? scaled(test.low.value, domain) : Number.NEGATIVE_INFINITY,
    loIn: test.low?.inclusive ?? false,
    hi: test.high ? scaled(test.high.value, domain) : Number.POSITIVE_INFINITY,
    hiIn: test.high?.inclusive ?? false,
  };
  return { kind: 'intervals', intervals: intersectIntervals(whole.intervals, [range], isInteger(domain)), absent: false };
}

const isInteger = (domain: FieldDomain | undefined): boolean => domain?.kind === 'range' && domain.integer;

/** The region a condition matches. */
export function regionOf(condition: Condition, domains: Domains): Region {
  const region: Record<string, FieldRegion> = {};
  for (const test of condition.tests) {
    const domain = domains[test.field] ?? { kind: 'opaque' };
    const own = regionOfTest(test, domain);
    const before = region[test.field];
    region[test.field] = before ? intersectField(before, own, domain).value : own;
  }
  return region;
}

function isEmptyField(f: FieldRegion): boolean {
  if (f.kind === 'values') return f.values.size === 0;
  if (f.kind === 'intervals') return f.intervals.length === 0 && !f.absent;
  return false;
}

/** Whether a region matches no request at all. */
export function isEmpty(region: Region): boolean {
  return Object.values(region).some(isEmptyField);
}

function intersectField(a: FieldRegion, b: FieldRegion, domain: FieldDomain | undefined): Exactly<FieldRegion> {
  if (a.kind === 'values' && b.kind === 'values') return { value: { kind: 'values', values: new Set([...a.values].filter((v) => b.values.has(v))) }, exact: true };
  if (a.kind === 'intervals' && b.kind === 'intervals') {
    return { value: { kind: 'intervals', intervals: intersectIntervals(a.intervals, b.intervals, isInteger(domain)), absent: a.absent && b.absent }, exact: true };
  }
  const [x, y] = [a as Extract<FieldRegion, { kind: 'opaque' }>, b as Extract<FieldRegion, { kind: 'opaque' }>];
  if (x.test === null || x.test === y.test) return { value: y, exact: true };
  if (y.test === null) return { value: x, exact: true };
  return { value: { kind: 'opaque', test: `${x.test} & ${y.test}` }, exact: false };
}

/** `a ∖ b` on one field; inexact (and left as `a`) when opaque tests differ. */
function subtractField(a: FieldRegion, b: FieldRegion, domain: FieldDomain | undefined): Exactly<FieldRegion> {
  if (a.kind === 'values' && b.kind === 'values') return { value: { kind: 'values', values: new Set([...a.values].filter((v) => !b.values.has(v))) }, exact: true };
  if (a.kind === 'intervals' && b.kind === 'intervals') {
    return { value: { kind: 'intervals', intervals: subtractIntervals(a.intervals, b.intervals, isInteger(domain)), absent: a.absent && !b.absent }, exact: true };
  }
  const [x, y] = [a as Extract<FieldRegion, { kind: 'opaque' }>, b as Extract<FieldRegion, { kind: 'opaque' }>];
  if (y.test === null || y.test === x.test) return { value: { kind: 'values', values: new Set() }, exact: true };
  return { value: x, exact: false };
}

const fieldOf = (region: Region, field: string, domains: Domains): FieldRegion => region[field] ?? universe(domains[field] ?? { kind: 'opaque' });

/**
 * Whether two regions may share a request: false only when some field they both constrain has no
 * value in common. Allocates nothing, so tables of hundreds of rules stay quick.
 */
export function meets(a: Region, b: Region): boolean {
  for (const field in b) {
    const [x, y] = [a[field], b[field] as FieldRegion];
    if (x === undefined) continue;
    if (x.kind === 'values' && y.kind === 'values') {
      let common = false;
      for (const v of x.values) if (y.values.has(v)) common = true;
      if (!common) return false;
    } else if (x.kind === 'intervals' && y.kind === 'intervals' && !(x.absent && y.absent)) {
      if (!x.intervals.some((i) => y.intervals.some((j) => !isEmptyInterval(intersectInterval(i, j))))) return false;
    }
  }
  return true;
}

/** `a ∩ b`: the requests both match; `exact` false when an opaque field could not be compared. */
export function intersect(a: Region, b: Region, domains: Domains): Exactly<Region> {
  const out: Record<string, FieldRegion> = { ...a };
  let exact = true;
  for (const [field, f] of Object.entries(b)) {
    const met = a[field] ? intersectField(a[field], f, domains[field]) : { value: f, exact: true };
    out[field] = met.value;
    exact &&= met.exact;
  }
  return { value: out, exact };
}

/**
 * `a ∖ b` as disjoint boxes. Sound for coverage: when an opaque field cannot be compared, less is
 * taken away than may be, never more.
 */
export function subtract(a: Region, b: Region, domains: Domains): Region[] {
  const met = intersect(a, b, domains);
  if (met.exact && isEmpty(met.value)) return [a];
  const out: Region[] = [];
  let inside: Record<string, FieldRegion> = { ...a };
  for (const [field, cut] of Object.entries(b)) {
    const own = fieldOf(inside, field, domains);
    const outside = subtractField(own, cut, domains[field]);
    if (!outside.exact) return [a];
    if (!isEmptyField(outside.value)) out.push({ ...inside, [field]: outside.value });
    inside = { ...inside, [field]: intersectField(own, cut, domains[field]).value };
  }
  return out;
}

/** How many boxes a coverage question may split into before it gives up (and claims nothing). */
const MAX_PIECES = 4096;

/** What of `region` the `covers` leave uncovered, or undefined when the question grew too large. */
export function uncovered(region: Region, covers: readonly Region[], domains: Domains): Region[] | undefined {
  let rest: Region[] = isEmpty(region) ? [] : [region];
  // Only the covers that meet the region can take anything from it.
  for (const cover of covers.filter((c) => meets(region, c))) {
    rest = rest.flatMap((piece) => subtract(piece, cover, domains)).filter((piece) => !isEmpty(piece));
    if (rest.length > MAX_PIECES) return undefined;
    if (rest.length === 0) return rest;
  }
  return rest;
}

/** Whether `inner` lies within `outer`. */
export function within(inner: Region, outer: Region, domains: Domains): boolean {
  return uncovered(inner, [outer], domains)?.length === 0;
}

/** The intervals of a field (its domain's whole range when the region leaves it free). */
export function intervalsOf(region: Region, field: string, domains: Domains): readonly Interval[] {
  const f = fieldOf(region, field, domains);
  return f.kind === 'intervals' ? f.intervals : [];
}
