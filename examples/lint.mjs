// Lint beyond validity (docs/lint.md): a policy definePolicy accepts can still say what its author
// did not mean. Primos' preset, edited the way an author might for next year: a return handling
// fee tiered by order value (with a hole between two tiers and a tier overlapping another),
// its 2027 holidays listed in the 2026 version, and the warehouse closed on Boxing Day, a Saturday.
// Run: npm run examples.
import { definePolicy, lintPolicy, presets, presetSpecs } from 'support-rules';

const spec = JSON.parse(JSON.stringify(presetSpecs.primos));
Object.assign(spec, { effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' });
spec.calendars.warehouse.holidays = ['2026-12-25', '2026-12-26', '2027-01-01'];
spec.returns.fees.rules.push(
  { id: 'handling-small-orders', kind: 'handling', flat: '5.00', when: { service: ['return'], orderValue: { lt: '50.00' } } },
  { id: 'handling-large-orders', kind: 'handling', flat: '2.00', when: { service: ['return'], orderValue: { gte: '75.00' } } },
  { id: 'handling-mid-orders', kind: 'handling', flat: '4.00', when: { service: ['return'], orderValue: { gte: '20.00', lt: '60.00' } } },
);

const policy = definePolicy(spec); // valid: definePolicy has nothing to refuse
console.log(`${policy.id} ${policy.version} is valid; lint says:`);
for (const finding of lintPolicy(policy)) console.log(`- ${finding.path.join('.')}  ${finding.code}\n  ${finding.message}`);

// The presets as shipped lint clean.
const clean = Object.entries(presets).map(([name, preset]) => `${name}: ${lintPolicy(preset).length} findings`);
console.log(`\nThe presets: ${clean.join(', ')}`);
