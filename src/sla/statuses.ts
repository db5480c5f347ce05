// A policy's ticket statuses: active ones run the clocks, paused ones pause pausable clocks,
// resolved ones stop every clock. Each status is in one list; a list left out has its defaults.

import type * as z from 'zod/mini';
import * as messages from '../_lib/messages.js';
import { addIssue } from '../_lib/zod-issues.js';

/**
 * Default statuses that pause pausable clocks.
 *
 * @remarks Since 0.1.0
 */
export const DEFAULT_PAUSED_STATUSES = ['pending', 'pending-customer', 'on-hold'] as const;
/**
 * Default statuses that mean the ticket is resolved.
 *
 * @remarks Since 0.1.0
 */
export const DEFAULT_RESOLVED_STATUSES = ['solved', 'resolved', 'closed'] as const;
/**
 * Default statuses in which clocks run (less any the policy lists as paused or resolved).
 *
 * @remarks Since 0.2.0
 */
export const DEFAULT_ACTIVE_STATUSES = ['new', 'open', 'in-progress', 'reopened'] as const;

export type StatusList = 'active' | 'paused' | 'resolved';

/**
 * Adds CONFLICTING_STATUS unless each status is in one list only (a list left out counts with its
 * defaults), and DUPLICATE_VALUE for a status listed twice in one list.
 */
export function checkStatuses(ctx: z.core.$RefinementCtx, statuses: Partial<Record<StatusList, readonly string[]>> | undefined): void {
  const lists = resolveStatuses(statuses);
  const where = new Map<string, readonly [StatusList, number]>();
  // Paused and resolved first: a conflict is reported at the later list, or at the declared one.
  for (const list of ['paused', 'resolved', 'active'] as const) {
    const declared = statuses?.[list] !== undefined;
    const seen = new Set<string>();
    lists[list].forEach((status, i) => {
      if (seen.has(status)) addIssue(ctx, 'DUPLICATE_VALUE', messages.DUPLICATE_VALUE(status), ['statuses', list, i]);
      seen.add(status);
      const earlier = where.get(status);
      if (earlier === undefined) where.set(status, [list, i]);
      else if (earlier[0] !== list) {
        const [other, j] = earlier;
        const defaulted = !declared ? list : statuses?.[other] === undefined ? other : undefined;
        addIssue(ctx, 'CONFLICTING_STATUS', messages.SLA_STATUS_CONFLICT(status, other, list, defaulted), declared ? ['statuses', list, i] : ['statuses', other, j]);
      }
    });
  }
}

/** The three status lists with their defaults: active by default is what is neither paused nor resolved. */
export function resolveStatuses(statuses: Partial<Record<StatusList, readonly string[]>> | undefined): Record<StatusList, readonly string[]> {
  const paused = statuses?.paused ?? DEFAULT_PAUSED_STATUSES;
  const resolved = statuses?.resolved ?? DEFAULT_RESOLVED_STATUSES;
  const active = statuses?.active ?? DEFAULT_ACTIVE_STATUSES.filter((status) => !paused.includes(status) && !resolved.includes(status));
  return { active, paused, resolved };
}

