// Small policies for the lint suites: a calendar, and sections with only the rules a test needs.

import { definePolicy, type SupportPolicy } from '../../src/policy/index.js';

export const DESK = { timeZone: 'America/Chicago', hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } };
export const AROUND = { timeZone: 'America/Chicago', alwaysOpen: true };

/** A policy whose compensation section holds these late-delivery rules (each gives a credit). */
export function compensationWith(rules: readonly { id: string; when?: object; amount?: string }[], extra: object = {}): SupportPolicy {
  return definePolicy({
    id: 'acme',
    version: '1.0',
    calendars: { desk: DESK },
    compensation: {
      id: 'acme-compensation',
      currency: 'USD',
      calendar: 'desk',
      approval: [{ level: 'agent' }],
      rules: rules.map(({ id, when, amount }) => ({ id, incident: 'late-delivery', ...(when ? { when } : {}), choose: [{ type: 'credit', amount: amount ?? '10.00' }] })),
    },
    ...extra,
  });
}

/** A policy whose fee schedule holds these rules (kind "handling" unless given). */
export function feesWith(rules: readonly object[], schedule: object = {}): SupportPolicy {
  return definePolicy({
    id: 'acme',
    version: '1.0',
    calendars: { desk: DESK },
    returns: {
      id: 'acme-returns',
      timeZone: 'America/Chicago',
      categories: ['apparel', 'electronics', 'furniture'],
      windows: [{ id: 'standard', days: 30, from: 'delivery' }],
      fees: { id: 'acme-fees', currency: 'USD', rules: rules.map((rule) => ({ kind: 'handling', ...rule })), ...schedule },
      calendar: 'desk',
      refund: { method: 'original-payment', issuedWithin: { businessDays: 5 } },
    },
  });
}

/** A policy whose SLA section holds these rules, on the desk and around-the-clock calendars. */
export function slaWith(rules: readonly object[], extra: object = {}): SupportPolicy {
  return definePolicy({ id: 'acme', version: '1.0', calendars: { desk: DESK, clock: AROUND }, sla: { id: 'acme-sla', rules }, ...extra });
}
