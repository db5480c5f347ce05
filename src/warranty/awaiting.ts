// What a claim that waits for evidence gets once the evidence arrives: the remedy and every
// deadline as a span (not an instant: the instant it counts from is not known yet), in words on
// the clock it counts on.
import * as messages from '../_lib/messages.js';
import { spanText } from '../_lib/messages.js';
import type { Reason } from '../_lib/reason.js';
import type { Within } from '../sla/index.js';
import type { Compiled } from './define.js';
import type { WarrantyAwaiting, WarrantySpan } from './decision.js';

/** Units that count business time on a business calendar (days and business days say their own clock). */
const TIME_UNITS = new Set(['hours', 'minutes', 'seconds', 'milliseconds']);

/**
 * A span in words: "24 business hours" on a business calendar, "72 hours" around the clock,
 * "1 hour 30 minutes of business time"; business and calendar days say their own clock.
 */
export function spanOf(within: Within | undefined, business: boolean): WarrantySpan | null {
  if (within === undefined) return null;
  const words = spanText(within);
  const units = Object.keys(within).filter((unit) => within[unit as keyof Within] !== undefined);
  if (!business || !units.some((unit) => TIME_UNITS.has(unit))) return { within, text: words };
  return { within, text: units.length === 1 ? words.replace(' ', ' business ') : `${words} of business time` };
}

/** One missing-evidence finding: the rule and what the claim lacks for it. */
export interface EvidenceGap {
  readonly rule: string;
  readonly missing: readonly WarrantyAwaiting['evidence'][number][];
}

type RemedyRule = Compiled['remedies'][number]['rule'];

/** The `awaiting` field of a needs-evidence decision, and its WARRANTY_AWAITING_EVIDENCE reason. */
export function awaitingOf(c: Compiled, gaps: readonly EvidenceGap[], remedy: RemedyRule | undefined, lastDay: string): { awaiting: WarrantyAwaiting; reason: Reason } {
  const evidence = [...new Set(gaps.flatMap((gap) => gap.missing))];
  const rules = gaps.map((gap) => gap.rule);
  // The business calendar is the policy's own, unless it is open around the clock.
  const business = c.spec.calendar !== undefined && c.spec.calendar.alwaysOpen !== true;
  const remedySpan = remedy ? spanOf(remedy.within, business && remedy.clock !== 'around-the-clock') : null;
  const rmaWithin = spanOf(c.spec.rmaWithin, business);
  const processedWithin = spanOf(c.spec.claimProcessedWithin, business);
  const steps = [
    ...(rmaWithin ? [messages.WARRANTY_THEN_RMA(rmaWithin.text)] : []),
    ...(processedWithin ? [messages.WARRANTY_THEN_PROCESSED(processedWithin.text)] : []),
    ...(remedy ? [messages.WARRANTY_THEN_REMEDY(remedy.remedy, remedySpan?.text ?? null)] : []),
  ];
  return {
    awaiting: { evidence, rules, then: { remedy: remedy ? { id: remedy.id, remedy: remedy.remedy, within: remedySpan } : null, rmaWithin, processedWithin } },
    reason: {
      code: 'WARRANTY_AWAITING_EVIDENCE',
      facts: {
        missing: evidence,
        rules,
        lastDay,
        remedy: remedy?.remedy ?? null,
        remedyWithin: remedySpan?.text ?? null,
        rmaWithin: rmaWithin?.text ?? null,
        processedWithin: processedWithin?.text ?? null,
      },
      message: messages.WARRANTY_AWAITING_EVIDENCE(evidence, lastDay, steps),
    },
  };
}

