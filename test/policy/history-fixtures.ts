// A PelPro history in America/Chicago whose versions change on the two nights DST changes in 2026:
// 1.0 until 2026-03-08 (the night clocks go forward), 2.0 until 2026-11-01 (the night they go
// back), 3.0 from then on with a 45-day return window for the holidays.
import { definePolicyHistory, type SupportPolicySpec } from '../../src/policy/index.js';
import { presetSpecs } from '../../src/presets/index.js';

export const CHICAGO = 'America/Chicago';

/** Local midnight of 2026-03-08 in Chicago, still CST (clocks go forward at 02:00). */
export const SPRING = Date.parse('2026-03-08T00:00:00-06:00');
/** Local midnight of 2026-11-01 in Chicago, still CDT (clocks go back at 02:00). */
export const FALL = Date.parse('2026-11-01T00:00:00-05:00');

type Dates = { effectiveFrom?: string; effectiveTo?: string };

/** The PelPro preset as version `version`, in force over `dates`, changed by `change`. */
export function pelproVersion(version: string, dates: Dates, change?: (spec: SupportPolicySpec) => void): SupportPolicySpec {
  const spec = { ...structuredClone(presetSpecs.pelpro), version, ...dates } as SupportPolicySpec & { $schema?: string };
  delete spec.$schema;
  change?.(spec);
  return spec;
}

export const historyDocument = {
  id: 'pelpro',
  timeZone: CHICAGO,
  versions: [
    pelproVersion('1.0', { effectiveTo: '2026-03-08' }),
    pelproVersion('2.0', { effectiveFrom: '2026-03-08', effectiveTo: '2026-11-01' }),
    pelproVersion('3.0', { effectiveFrom: '2026-11-01' }, (spec) => {
      (spec.returns?.windows[0] as { days: number }).days = 45;
    }),
  ],
};

export const history = definePolicyHistory(historyDocument);

/** An instant as an ISO 8601 string in UTC, as a cases file would give it. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** A day in milliseconds. */
export const DAY = 86_400_000;

/** A request of each kind whose instant that matters is `at` (the other instants follow it). */
export const requestAt = {
  sla: (at: number) => ({ ticket: { channel: 'email', events: [{ type: 'created', at: iso(at) }] }, now: iso(at + 3_600_000) }),
  return: (at: number) => ({ category: 'electronics', price: '129.99', condition: 'opened', evidence: ['proofOfPurchase'], purchasedAt: iso(at), deliveredAt: iso(at + 2 * DAY), requestedAt: iso(at + 40 * DAY) }),
  warranty: (at: number) => ({ category: 'electronics', segment: 'consumer', evidence: ['proofOfPurchase'], purchasedAt: iso(at), claimedAt: iso(at + 100 * DAY) }),
  compensation: (at: number) => ({ type: 'sla-breach', tier: 'partner', monthlyFee: '500.00', occurredAt: iso(at) }),
  escalation: (at: number) => ({ severity: 'sev1', createdAt: iso(at), now: iso(at + 600_000) }),
} as const;
