// What each of the five playbook presets decides for a handful of realistic cases (an email on
// Friday evening, a late return, a warranty claim without a serial, a legal complaint, a damaged
// delivery…), read from examples/<preset>.cases.json. Run: npm run examples.
import { readFileSync } from 'node:fs';
import { checkReturn, checkWarrantyClaim, decideCompensation, decideEscalation, evaluateSla, formatLocal, presets } from 'support-rules';

const revive = (value, key = '') => {
  if (typeof value === 'string' && (key.endsWith('At') || key === 'now')) return new Date(value);
  if (Array.isArray(value)) return value.map((item) => revive(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, k)]));
  return value;
};
const decide = (policy, kind, given) => {
  const g = revive(given);
  if (kind === 'sla') return evaluateSla(policy.sla, g.ticket, g.now);
  if (kind === 'return') return checkReturn(policy.returns, g);
  if (kind === 'warranty') return checkWarrantyClaim(policy.warranty, g);
  if (kind === 'compensation') return decideCompensation(policy.compensation, g);
  return decideEscalation(policy.escalation, g);
};
// A clock's deadline in the local time of the calendar it runs on, with UTC beside it. The compiled
// section's spec holds the calendars its names stand for (the preset declares them once at its top).
const due = (policy, clock) => formatLocal(clock.deadline, policy.sla.spec.calendars[clock.calendar].timeZone);
// What a compensation offers and who approves it: nobody for a pre-approved rule.
const offered = (d) =>
  d.approval === null ? 'no offer' : `${d.choose.map((o) => o.type).join(' or ')} (${d.approval.needed ? `${d.approval.level} approves` : 'no approval step'})`;
const answer = (policy, d) => d.outcome ?? d.targetTier ?? (d.clocks ? d.clocks.map((c) => `${c.metric} due ${due(policy, c)}`).join('; ') : offered(d));

for (const name of ['primos', 'pelpro', 'homepro', 'amare', 'trufit']) {
  const { cases } = JSON.parse(readFileSync(new URL(`${name}.cases.json`, import.meta.url), 'utf8'));
  console.log(`\n${presets[name].spec.name}`);
  console.table(cases.map((c) => ({ case: c.name, decision: answer(presets[name], decide(presets[name], c.kind, c.given)) })));
}
