// The law's floor (docs/law.md): each seed preset applied to a customer in Germany and in the UK,
// and what the law changes. Per preset: an opened item returned on day 10 and on day 20 after
// delivery, a faulty item returned on day 25, and a warranty claim at months 13 and 23 after
// delivery. For each, the answer of the policy alone and the answer under the law, with the
// articles the law decided by. Not legal advice.
// Run: npm run examples (or node examples/law.mjs after npm run build).
import { baselineFor, checkReturn, checkWarrantyClaim, presets } from 'support-rules';

const DAY = 86_400_000;
const delivered = Date.parse('2026-03-02T12:00:00Z');
const at = (days) => new Date(delivered + days * DAY);
const months = (n) => new Date(Date.UTC(2026, 2 + n, 2, 12));

const cited = (decision) => [...new Set(decision.reasons.filter((r) => r.code === 'LEGAL_MINIMUM_APPLIED').map((r) => r.facts.citation))];
const returnText = (d) => (d.quote ? `${d.outcome}, refund ${d.quote.refund.amount} ${d.quote.refund.currency}, fees ${d.quote.fees.map((f) => `${f.rule} ${f.amount.amount}`).join(' + ') || 'none'}` : d.outcome);
const claimText = (d) => `${d.outcome}${d.coverage ? ` through ${d.coverage.lastDay}` : ''}`;

function returns(policy, jurisdiction) {
  const category = policy.vocabulary.category.find((c) => c !== 'services') ?? policy.vocabulary.category[0];
  const request = (days, extra) => ({ category, price: '100.00', orderValue: '100.00', condition: 'opened', deliveredAt: at(0), lastItemDeliveredAt: at(0), purchasedAt: at(-2), requestedAt: at(days), evidence: ['proofOfPurchase', 'photos', 'serialNumber'], ...extra });
  const cases = [
    ['opened, day 10', request(10)],
    ['opened, day 20', request(20)],
    ['faulty, day 25', request(25, { defective: true })],
  ];
  for (const [what, r] of cases) {
    const alone = checkReturn(policy, r);
    const law = checkReturn(policy, { ...r, customer: { jurisdiction } });
    const changed = cited(law);
    console.log(`  return (${category}), ${what}: ${returnText(alone)}${changed.length ? `\n    → under the law: ${returnText(law)} [${changed.join(' | ')}]` : ' (the law changes nothing)'}`);
  }
}

function warranty(policy, jurisdiction) {
  const category = policy.vocabulary.category[0];
  const segment = policy.vocabulary.segment.includes('consumer') ? { segment: 'consumer' } : {};
  for (const n of [13, 23]) {
    const claim = { category, ...segment, evidence: [...policy.vocabulary.evidence], purchasedAt: at(-2), deliveredAt: at(0), shippedAt: at(-1), claimedAt: months(n) };
    const alone = checkWarrantyClaim(policy, claim);
    const law = checkWarrantyClaim(policy, { ...claim, customer: { jurisdiction } });
    const changed = cited(law);
    const presumed = law.reasons.find((r) => r.code === 'LEGAL_PRESUMPTION');
    const fact = presumed ? `; defect presumed at delivery: ${presumed.facts.presumed ? 'yes' : 'no'} (${presumed.facts.citation})` : '';
    console.log(`  warranty (${category}), month ${n}: ${claimText(alone)}${changed.length ? `\n    → under the law: ${claimText(law)} [${changed.join(' | ')}]` : ' (the law changes nothing)'}${fact}`);
  }
}

for (const jurisdiction of ['DE', 'GB']) {
  const rules = Object.values(baselineFor(jurisdiction, '2026-03-02').points).map((r) => r.id);
  console.log(`\n## A consumer in ${jurisdiction} (rules: ${rules.join(', ')})`);
  for (const name of ['primos', 'pelpro', 'homepro', 'amare', 'trufit']) {
    const preset = presets[name];
    console.log(`\n${name}`);
    if (preset.returns) returns(preset.returns, jurisdiction);
    if (preset.warranty) warranty(preset.warranty, jurisdiction);
  }
}
