// The SLA rules' and targets' `when` in the shared condition language: which ticket facts it
// tests, how `tagsAny` / `tagsAll` become tests on `tags`, and the values a policy's conditions name.

import { compileCondition, compileTest, namedValues, type Condition } from '../_lib/condition.js';
import type { Named } from '../_lib/vocabulary.js';

/**
 * The ticket facts an SLA rule or target can test, by type (the shared condition language of
 * docs/sla.md): `priority`, `channel`, `tier`, `category`, `queue`, `group` and `region` are terms, `vip` a yes/no
 * fact, `tags` a list of terms (written `tagsAny` / `tagsAll` in a condition).
 *
 * @remarks Since 0.2.0
 */
export const SLA_FACTS = {
  priority: 'term',
  channel: 'term',
  tier: 'term',
  category: 'term',
  queue: 'term',
  group: 'term',
  region: 'term',
  vip: 'boolean',
  tags: 'terms',
} as const;

/** The facts a condition names directly; `tags` is written tagsAny / tagsAll. */
export const TESTED_FIELDS = { priority: 'term', channel: 'term', tier: 'term', category: 'term', queue: 'term', group: 'term', region: 'term', vip: 'boolean' } as const satisfies Partial<typeof SLA_FACTS>;

/** A rule's or target's `when`, compiled to the shared condition form (tagsAny / tagsAll as tests on `tags`). */
export function compileSlaCondition(when: Readonly<Record<string, unknown>> | undefined): Condition {
  if (!when) return compileCondition(undefined, SLA_FACTS);
  const { tagsAny, tagsAll, ...rest } = when as { tagsAny?: string[]; tagsAll?: string[] };
  const base = compileCondition(rest, TESTED_FIELDS);
  const tags = [
    ...(tagsAny !== undefined ? [compileTest('tags', 'terms', tagsAny)] : []),
    ...(tagsAll !== undefined ? [compileTest('tags', 'terms', { all: tagsAll })] : []),
  ];
  return tags.length === 0 ? base : { tests: [...base.tests, ...tags] };
}

/** The rules of an SLA policy, as far as the values they name go. */
export type SlaPolicyRules = readonly {
  readonly when?: object | undefined;
  readonly targets: readonly { readonly when?: object | undefined; readonly calendar?: string | { readonly by: string; readonly calendars: Readonly<Record<string, string>> } }[];
}[];

/** Every value an SLA policy's rules and targets name, with its path (for vocabularies): in conditions, and as the keys of a calendar chosen by a ticket field. */
export function slaNamedValues(policy: { readonly rules: SlaPolicyRules }): Named[] {
  const named = (when: object | undefined, prefix: (string | number)[]): Named[] => {
    if (!when) return [];
    const out: Named[] = namedValues(when as Record<string, unknown>, SLA_FACTS).map((n) => ({ ...n, path: [...prefix, ...n.path] }));
    for (const key of ['tagsAny', 'tagsAll'] as const) {
      const tags = (when as { tagsAny?: unknown; tagsAll?: unknown })[key];
      if (Array.isArray(tags)) tags.forEach((value, i) => typeof value === 'string' && out.push({ field: 'tags', value, path: [...prefix, key, i] }));
    }
    return out;
  };
  return policy.rules.flatMap((rule, r) => [
    ...named(rule.when, ['rules', r, 'when']),
    ...rule.targets.flatMap((target, t) => [
      ...named(target.when, ['rules', r, 'targets', t, 'when']),
      ...(typeof target.calendar === 'object' ? Object.keys(target.calendar.calendars).map((value) => ({ field: (target.calendar as { by: string }).by, value, path: ['rules', r, 'targets', t, 'calendar', 'calendars', value] })) : []),
    ]),
  ]);
}

