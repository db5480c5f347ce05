// Policy versions in force by date (docs/versions.md): Primos' 30-day return window becomes 45
// days for holiday purchases (2026-11-01 through 2026-12-31), then 30 again. Each return is decided
// by the version in force at its purchase, in the history's zone, and says which. Run: npm run examples.
import { decideInForce, definePolicyHistory, presetSpecs, safeDefinePolicyHistory, versionAt } from 'support-rules';

/** The Primos preset as one version of its history, with a return window of `days`. */
function primos(version, dates, days) {
  const spec = JSON.parse(JSON.stringify(presetSpecs.primos));
  delete spec.$schema; // the history document names its own schema
  spec.returns.windows = [{ id: `window-${days}`, days, from: 'delivery' }];
  return { ...spec, version, ...dates };
}

const history = definePolicyHistory({
  id: 'primos',
  timeZone: 'America/New_York',
  versions: [
    primos('1.0', { effectiveTo: '2026-11-01' }, 30),
    primos('2.0', { effectiveFrom: '2026-11-01', effectiveTo: '2027-01-01' }, 45),
    primos('3.0', { effectiveFrom: '2027-01-01' }, 30),
  ],
});
console.log('The versions, and the first instant each is in force (local midnight in New York):');
console.table(history.versions.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom ?? '(always)', effectiveTo: v.effectiveTo ?? '(open)', from: v.from?.toISOString() ?? '-' })));

// A return asked for 38 days after delivery, for purchases either side of each change.
const DAY = 86_400_000;
const request = (purchasedAt) => ({
  category: 'electronics',
  price: '249.00',
  condition: 'unopened',
  evidence: ['proofOfPurchase'],
  purchasedAt,
  deliveredAt: new Date(Date.parse(purchasedAt) + 2 * DAY),
  requestedAt: new Date(Date.parse(purchasedAt) + 40 * DAY),
});
const purchases = ['2026-10-31T23:30:00-04:00', '2026-11-01T00:30:00-04:00', '2026-12-31T23:30:00-05:00', '2027-01-01T00:30:00-05:00'];
console.log('\nA return on day 38 after delivery, by when the item was bought:');
console.table(
  purchases.map((purchasedAt) => {
    const decision = decideInForce(history, 'return', request(purchasedAt));
    return { purchasedAt, version: decision.policy.version, window: `${decision.window.days} days`, outcome: decision.outcome, why: decision.reasons[1]?.code };
  }),
);
console.log(decideInForce(history, 'return', request(purchases[1])).reasons[0].message);

// What if the holiday window had applied to the October purchase? Name the version, or an instant.
const whatIf = decideInForce(history, 'return', request(purchases[0]), { version: '2.0' });
console.log(`\nUnder 2.0, the October purchase would be ${whatIf.outcome}: ${whatIf.reasons[0].message}`);
console.log(`Version in force on 2026-12-24 at noon: ${versionAt(history, '2026-12-24T12:00:00-05:00').version}`);

// A history whose versions leave days uncovered is refused, every problem with its path.
const gap = safeDefinePolicyHistory({
  id: 'primos',
  timeZone: 'America/New_York',
  versions: [primos('1.0', { effectiveTo: '2026-11-01' }, 30), primos('2.0', { effectiveFrom: '2026-11-15' }, 45)],
});
for (const issue of gap.error.issues) console.log(`\n${issue.path.join('.')}  ${issue.code}  ${issue.message}`);
