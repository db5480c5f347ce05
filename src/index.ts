/**
 * support-rules: customer-service playbooks as executable, explainable rules.
 *
 * Everything is also available from its module's subpath (`support-rules/calendar`, …).
 *
 * @module support-rules
 */
export * from './errors/index.js';
export * from './calendar/index.js';
export * from './sla/index.js';
export * from './money/index.js';
export * from './fees/index.js';
export * from './returns/index.js';
export * from './warranty/index.js';
export * from './compensation/index.js';
export * from './escalation/index.js';
export * from './policy/index.js';
export * from './presets/index.js';
export * from './kpi/index.js';
export * from './staffing/index.js';
export * from './law/index.js';
