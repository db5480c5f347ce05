// Policies and cases for the replay tests: PelPro (every section) and changes of it an author
// makes — a longer return window, a fee dropped, an SLA target tightened, a tier changed — and a
// generator of cases of every kind, some of which a policy refuses.
import fc from 'fast-check';
import { definePolicy, definePolicyHistory, type ReplayCase, type SupportPolicySpec } from '../../src/policy/index.js';
import { DAY, iso, pelproVersion } from './history-fixtures.js';

type Spec = SupportPolicySpec & { returns: { windows: { days: number }[]; fees: { rules: { id: string }[] } } };
const change = (edit: (spec: Spec) => void) => (spec: SupportPolicySpec) => edit(spec as Spec);

/** PelPro as a plain policy, and changed. */
export const variants = {
  base: definePolicy(pelproVersion('1.0', {})),
  window45: definePolicy(pelproVersion('1.1', {}, change((spec) => void ((spec.returns.windows[0] as { days: number }).days = 45)))),
  noRestocking: definePolicy(pelproVersion('1.2', {}, change((spec) => void (spec.returns.fees.rules = spec.returns.fees.rules.filter((rule) => rule.id !== 'restock-after-30'))))),
  reply8h: definePolicy(
    pelproVersion('1.3', {}, (spec) => {
      const target = spec.sla?.rules.find((rule) => rule.id === 'email')?.targets.find((t) => t.id === 'email-reply') as { within: { hours: number } };
      target.within = { hours: 8 };
    }),
  ),
  faultTier3: definePolicy(
    pelproVersion('1.4', {}, (spec) => {
      const rule = spec.escalation?.rules.find((r) => r.id === 'component-fault') as { tier: string };
      rule.tier = 'tier-3';
    }),
  ),
};
/** PelPro until 2026-07-01 only: a case after it is NO_VERSION_IN_FORCE under this side and decided under the others. */
export const untilJuly = definePolicyHistory({ id: 'pelpro', timeZone: 'America/Chicago', versions: [pelproVersion('0.9', { effectiveTo: '2026-07-01' })] });
export type Variant = keyof typeof variants;
export const VARIANTS = Object.keys(variants) as Variant[];

const HOUR = 3_600_000;
/** 2026-01-05 to 2026-12-20: every case's instants fall in 2026. */
const instant = fc.integer({ min: Date.parse('2026-01-05T00:00:00Z') / 60_000, max: Date.parse('2026-12-20T00:00:00Z') / 60_000 }).map((minutes) => minutes * 60_000);

/** A case of each kind PelPro decides; `broken` makes some the policy refuses (a negative price, an unknown tier). */
export const replayCase: fc.Arbitrary<ReplayCase> = fc.oneof(
  fc.record({ at: instant, days: fc.integer({ min: 0, max: 120 }), price: fc.constantFrom('129.99', '49.00', '1200.00'), condition: fc.constantFrom('unopened', 'opened'), defective: fc.boolean(), broken: fc.boolean() }).map(
    ({ at, days, price, condition, defective, broken }): ReplayCase => ({
      kind: 'return',
      given: { category: 'electronics', price: broken && days % 7 === 0 ? '-1.00' : price, condition, defective, evidence: ['proofOfPurchase'], deliveredAt: iso(at), requestedAt: iso(at + days * DAY) },
    }),
  ),
  fc.record({ at: instant, hours: fc.integer({ min: 0, max: 80 }), channel: fc.constantFrom('email', 'chat', 'phone') }).map(
    ({ at, hours, channel }): ReplayCase => ({ kind: 'sla', given: { ticket: { channel, events: [{ type: 'created', at: iso(at) }] }, now: iso(at + hours * HOUR) } }),
  ),
  fc.record({ at: instant, days: fc.integer({ min: 1, max: 900 }) }).map(
    ({ at, days }): ReplayCase => ({ kind: 'warranty', given: { category: 'electronics', segment: 'consumer', evidence: ['proofOfPurchase'], purchasedAt: iso(at), claimedAt: iso(at + days * DAY) } }),
  ),
  fc.record({ at: instant, fee: fc.constantFrom('500.00', '2000.00', '25000.00'), tier: fc.constantFrom('partner', 'standard', 'platinum') }).map(
    ({ at, fee, tier }): ReplayCase => ({ kind: 'compensation', given: { type: 'sla-breach', tier, monthlyFee: fee, occurredAt: iso(at) } }),
  ),
  fc.record({ at: instant, severity: fc.constantFrom('sev1', 'sev2', 'sev4'), category: fc.constantFrom('component-fault', 'diagnostics', 'design-defect') }).map(
    ({ at, severity, category }): ReplayCase => ({ kind: 'escalation', given: { severity, category, createdAt: iso(at), now: iso(at + 600_000) } }),
  ),
);
