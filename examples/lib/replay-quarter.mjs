// A generated quarter of Primos returns, the same on every run (a seeded generator), for the
// what-if replay example (examples/replay.mjs, docs/replay.md) and the test that checks its figures.

/** mulberry32: a small seeded generator of numbers in [0, 1) (the benchmarks use it too). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const QUARTER_START = Date.parse('2026-10-01T00:00:00-04:00');
const QUARTER_END = Date.parse('2027-01-01T00:00:00-05:00');
const PRICES = ['19.99', '49.00', '129.99', '249.00', '899.00'];

/**
 * `count` return requests for items delivered from 2026-10-01 through 2026-12-31 (New York):
 * most asked for within 30 days, some on days 31-45, a few later; a sixth are exchanges, a tenth
 * damaged by the customer (a person reviews those), one in twenty without proof of purchase.
 */
export function quarterOfReturns(count = 5000, seed = 20261001) {
  const next = mulberry32(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const cases = [];
  for (let i = 0; i < count; i++) {
    const deliveredAt = QUARTER_START + Math.floor(next() * ((QUARTER_END - QUARTER_START) / 60_000)) * 60_000;
    const roll = next();
    const day = roll < 0.7 ? Math.floor(next() * 31) : roll < 0.9 ? 31 + Math.floor(next() * 15) : 46 + Math.floor(next() * 25);
    const category = next() < 0.5 ? 'electronics' : pick(['accessories', 'consumables']);
    const condition = next() < 0.1 ? 'damaged-by-customer' : pick(['unopened', 'opened']);
    const exchange = next() < 1 / 6;
    cases.push({
      name: `return ${i + 1}`,
      kind: 'return',
      given: {
        category,
        price: pick(PRICES),
        condition,
        ...(exchange ? { service: 'exchange', sizeClass: pick(['small', 'large']) } : {}),
        evidence: next() < 0.95 ? ['proofOfPurchase'] : [],
        purchasedAt: new Date(deliveredAt - 2 * DAY).toISOString(),
        deliveredAt: new Date(deliveredAt).toISOString(),
        requestedAt: new Date(deliveredAt + day * DAY + Math.floor(next() * 10) * 3_600_000).toISOString(),
      },
    });
  }
  return cases;
}

/** A copy of a policy document whose return window is `days` long, as `version` (the rest unchanged). */
export function withReturnWindow(spec, days, version = '2.0') {
  const copy = JSON.parse(JSON.stringify(spec));
  delete copy.$schema;
  copy.version = version;
  copy.returns.windows = copy.returns.windows.map((window) => ({ ...window, id: `standard-${days}`, days }));
  return copy;
}
