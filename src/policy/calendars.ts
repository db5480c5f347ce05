// Calendars defined once: a SupportPolicy document declares named calendars at its top, and every
// section names them (an SLA target, an escalation span, the calendar of returns, warranty and
// compensation). The document checks every name where it is written, and compiles each section
// with the calendars its names stand for, so the section modules stay independent of the document.

import type * as z from 'zod/mini';
import * as messages from '../_lib/messages.js';
import { isRecord } from '../_lib/request.js';
import { suggest } from '../_lib/suggest.js';
import { addIssue } from '../_lib/zod-issues.js';
import type { CalendarSpec } from '../calendar/index.js';
import type { CompensationPolicySpec } from '../compensation/index.js';
import { escalationCalendarReferences, type EscalationPolicySpec } from '../escalation/index.js';
import type { ReturnPolicySpec } from '../returns/index.js';
import { slaCalendarReferences, type SlaPolicySpec } from '../sla/index.js';
import type { WarrantyPolicySpec } from '../warranty/index.js';
import type { SupportPolicySpec } from './schema.js';

type Path = (string | number)[];
type References = (section: never) => readonly { readonly name: string; readonly path: Path }[];

/**
 * Each section in the document's order, and how it names calendars: the SLA and escalation
 * sections have `calendars` of their own and name calendars in their rules; returns, warranty and
 * compensation count on one `calendar`, which may be a name.
 */
const SECTIONS: readonly (readonly [string, References | 'calendar'])[] = [
  ['sla', slaCalendarReferences],
  ['returns', 'calendar'],
  ['warranty', 'calendar'],
  ['compensation', 'calendar'],
  ['escalation', escalationCalendarReferences],
];

/**
 * Whether zod read a section's shape without a fatal problem. Only then do the section's own
 * checks run, and only then are its rules read for the calendars they name: a section whose
 * `rules` is not a list reports that, not a guess at its names.
 */
function wellFormed(ctx: z.core.$RefinementCtx, key: string): boolean {
  return !ctx.issues.some((issue) => issue.path?.[0] === key && issue.continue !== true);
}

function unknownCalendar(ctx: z.core.$RefinementCtx, name: string, known: readonly string[], path: Path, inline: boolean): void {
  addIssue(ctx, 'UNKNOWN_CALENDAR', messages.POLICY_UNKNOWN_CALENDAR(name, known, suggest(name, known), inline), path);
}

/**
 * Checks every calendar name of a document, where it is written: a name a section gives must be
 * declared at the top (`calendars`) or, in the SLA and escalation sections, in the section's own
 * `calendars` (UNKNOWN_CALENDAR, with the known names and a did-you-mean); a section's own
 * calendar may not reuse a top-level name (CALENDAR_REDEFINED). Runs even when a section has
 * problems of its own, so it reads the raw input defensively.
 */
export function checkCalendarNames(input: unknown, ctx: z.core.$RefinementCtx): void {
  const policy = isRecord(input) ? input : {};
  // A `calendars` that is not an object is reported as such; every name would only repeat it.
  if (policy.calendars !== undefined && !isRecord(policy.calendars)) return;
  const top = policy.calendars ?? {};
  const topNames = Object.keys(top);
  for (const [key, references] of SECTIONS) {
    const section = policy[key];
    if (!isRecord(section)) continue;
    if (references === 'calendar') {
      const { calendar } = section;
      if (typeof calendar === 'string' && !Object.hasOwn(top, calendar)) unknownCalendar(ctx, calendar, topNames, [key, 'calendar'], true);
      continue;
    }
    const own = isRecord(section.calendars) ? section.calendars : {};
    for (const name of Object.keys(own)) {
      if (Object.hasOwn(top, name)) addIssue(ctx, 'CALENDAR_REDEFINED', messages.CALENDAR_REDEFINED(name, key), [key, 'calendars', name]);
    }
    if (!wellFormed(ctx, key)) continue;
    const known = [...new Set([...topNames, ...Object.keys(own)])];
    // Own properties only: "constructor" or "toString" must not find Object.prototype's.
    for (const { name, path } of references(section as never)) {
      if (!Object.hasOwn(top, name) && !Object.hasOwn(own, name)) unknownCalendar(ctx, name, known, [key, ...path], false);
    }
  }
}

/** A document's sections as their `define…` functions take them: every calendar name resolved. */
export interface ResolvedSections {
  readonly sla?: SlaPolicySpec;
  readonly returns?: ReturnPolicySpec;
  readonly warranty?: WarrantyPolicySpec;
  readonly compensation?: CompensationPolicySpec;
  readonly escalation?: EscalationPolicySpec;
}

/**
 * The sections of a valid document with every calendar name replaced by the calendar it names.
 * The SLA and escalation sections get every top-level calendar (first, in the document's order)
 * and their own, so a name a ticket or an option gives at run time (`timeInStatus`'s `calendar`)
 * finds the document's calendars too.
 */
export function resolveCalendars(spec: SupportPolicySpec): ResolvedSections {
  const top = spec.calendars ?? {};
  const named = (calendar: string | CalendarSpec): CalendarSpec => (typeof calendar === 'string' ? (top[calendar] as CalendarSpec) : calendar);
  const { sla, returns, warranty, compensation, escalation } = spec;
  return {
    ...(sla ? { sla: { ...sla, calendars: { ...top, ...sla.calendars } } } : {}),
    ...(returns ? { returns: { ...returns, ...(returns.calendar !== undefined ? { calendar: named(returns.calendar) } : {}) } as ReturnPolicySpec } : {}),
    ...(warranty ? { warranty: { ...warranty, ...(warranty.calendar !== undefined ? { calendar: named(warranty.calendar) } : {}) } as WarrantyPolicySpec } : {}),
    ...(compensation ? { compensation: { ...compensation, calendar: named(compensation.calendar) } } : {}),
    ...(escalation ? { escalation: { ...escalation, calendars: { ...top, ...escalation.calendars } } } : {}),
  };
}
