import { typedocEntryPoints } from './scripts/modules.mjs';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints: typedocEntryPoints(),
  out: 'docs/api',
  name: 'support-rules',
  readme: 'README.md',
  projectDocuments: ['docs/conditions.md', 'docs/calendar.md', 'docs/sla.md', 'docs/money.md', 'docs/fees.md', 'docs/returns.md', 'docs/warranty.md', 'docs/compensation.md', 'docs/escalation.md', 'docs/policy.md', 'docs/versions.md', 'docs/presets.md', 'docs/kpi.md', 'docs/staffing.md', 'docs/performance.md'],
  excludePrivate: true,
  // No public git remote yet, so source links would be broken.
  disableSources: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: false },
};
