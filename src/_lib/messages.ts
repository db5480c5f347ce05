// Every user-facing message text lives here, so wording stays consistent and reviewable in one
// place. Each message is an exported function of the facts it quotes. Modules import the file as
// a namespace (`import * as messages from './messages.js'`), so a bundle carries only the
// messages its code can produce.

export const INVALID_TIME_ZONE = (zone: unknown) =>
  `"${String(zone)}" is not an IANA time zone this runtime knows; use a name such as "America/Chicago" or "Europe/London".`;
export const INVALID_TIME_RANGE = (range: unknown) =>
  `"${String(range)}" is not a time range; write opening and closing wall times as "HH:MM-HH:MM", e.g. "09:00-17:00" or "22:00-06:00" for an overnight shift.`;
export const INVALID_TIME = (range: string, time: string) =>
  `"${time}" in "${range}" is not a wall-clock time; hours run 00-23 (24:00 only as a closing time) and minutes 00-59.`;
export const EMPTY_TIME_RANGE = (range: string) =>
  `"${range}" opens and closes at the same time; remove it for a closed day, or use "00:00-24:00" for the whole day.`;
export const INVALID_DATE = (value: unknown) =>
  `"${String(value)}" is not a calendar date; write local dates as "YYYY-MM-DD" between 1900-01-01 and 2199-12-31.`;
export const CONFLICTING_DATE = (date: string) =>
  `${date} is listed both as a holiday and as an override; keep one (a holiday is closed all day, an override gives that day's hours).`;
export const CONFLICTING_HOURS = () =>
  `"alwaysOpen: true" cannot be combined with "hours"; drop one of them.`;
export const UNKNOWN_KEY = (key: string, allowed: readonly string[], suggestion?: string, what = 'here') =>
  `"${key}" is not a known field ${what}${suggestion ? `; did you mean "${suggestion}"?` : '.'}${allowed.length > 0 ? ` The fields are ${list(allowed)}.` : ''}`;
export const INVALID_TYPE = (expected: string, value?: unknown) =>
  `Expected ${article(expected)} here${value === undefined ? '' : `, not ${typeName(value)}`}.`;
export const REQUIRED = (key: string) => `"${key}" is required.`;
export const NULL_VALUE = (key: string) => `"${key}" is null; give it a value, or leave the field out if it is optional (null is never read as "not given").`;
export const INVALID_VALUE = (value: unknown, allowed: readonly string[], suggestion?: string) =>
  `${describe(value)} is not allowed here${suggestion ? `; did you mean "${suggestion}"?` : '.'} Use one of ${list(allowed)}.`;
export const INVALID_FORMAT = (value: unknown, format: string) => `${describe(value)} is not ${format}.`;
export const OUT_OF_BOUNDS = (value: unknown, bounds: string) => `${describe(value)} is out of bounds: it must be ${bounds}.`;
export const EMPTY = (minimum: number) => (minimum <= 1 ? `This must not be empty.` : `This needs at least ${minimum} items.`);
export const DUPLICATE_VALUE = (value: string) => `"${value}" is listed twice; list each value once.`;
export const MONEY_AS_NUMBER = (field: string, value: number) =>
  `"${field}" is the number ${String(value)}; amounts are decimal strings such as "499.00" (a number can lose digits), or { amount, currency }.`;
export const NOT_AN_AMOUNT = (field: string, value: unknown) =>
  `"${field}" must be an amount: a decimal string such as "499.00" or { amount, currency }, not ${typeName(value)}.`;
export const INSTANT_WITHOUT_OFFSET = (text: string) => {
  const [date, time] = text.trim().split(/[T ]/);
  if (time === undefined) return `"${text}" is a date, not an instant; give the time and its offset, e.g. "${date}T12:00:00-06:00".`;
  return `"${text}" has no UTC offset, so its instant would depend on the machine's time zone; add "Z" or an offset such as "-06:00"${text.includes('T') ? '' : `, and write "T" between the date and the time: "${date}T${time}-06:00"`}.`;
};
export const INSTANT_WITH_SPACE = (text: string, iso: string) =>
  `"${text}" has a space between the date and the time; ISO 8601 writes a "T" there: "${iso}".`;
export const NOW_BEFORE_CREATED = (now: string, created: string) =>
  `"now" (${now}) is before the case was created (${created}); a decision cannot be taken before the facts exist.`;
export const INVALID_CALENDAR = () =>
  `Expected a calendar made by createCalendar(spec); pass the value createCalendar returned.`;
export const INVALID_INSTANT = (value: unknown) =>
  `${describe(value)} is not an instant; pass a valid Date, epoch milliseconds or an ISO 8601 string with an offset such as "2026-11-20T18:30:00-06:00".`;
export const INSTANT_OUT_OF_RANGE = (iso: string) =>
  `${iso} is outside the supported range 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z.`;
export const INVALID_DURATION = (value: unknown) =>
  `${describe(value)} is not a duration; pass milliseconds as a finite number or { hours, minutes, seconds, milliseconds } with finite numbers.`;
export const INVALID_DAY_COUNT = (value: unknown) =>
  `${describe(value)} is not a whole number of business days.`;
export const INVALID_WITHIN = () =>
  `Give exactly one kind of span: business time ({ hours, minutes, seconds, milliseconds }), { businessDays: n } or { days: n }.`;
export const VOCABULARY_OWNED = (field: string, owner: string) =>
  `The ${field} values here are set by the enclosing policy (${owner}); remove this list.`;
export const SPAN_TOO_LONG = (days: number) => `A span may be at most ${days} days (${days * 24} hours) in all; give a shorter one.`;
export const UNCOVERED = (what: string, value: string, rules: string) =>
  `The ${what} "${value}" matches none of the ${rules}, so a request for it could not be decided; add one without a condition, or name "${value}" in one.`;
export const ZERO_WITHIN = () => `A target of zero time (under a millisecond) can never be met on time; give a positive span.`;
export const DUPLICATE_ID = (id: string, where: string) => `The id "${id}" is already used at ${where}; ids must be unique.`;
export const UNKNOWN_CALENDAR = (name: string, known: readonly string[]) =>
  `No calendar named "${name}"; the calendars defined are ${known.length > 0 ? known.join(', ') : '(none)'}.`;
export const START_ON_BUILT_IN = (metric: string) =>
  `"startOn" only applies to custom metrics; "${metric}" starts where its definition says (see the SLA guide).`;
export const INVALID_MS = (what: string, positive: boolean) =>
  `${what} must be a finite number of milliseconds, ${positive ? 'greater than 0' : '0 or more'}.`;
export const UNKNOWN_CURRENCY = (code: unknown) =>
  `${describe(code)} is not an ISO 4217 currency code this runtime knows; use an upper-case code such as "USD", "EUR" or "JPY".`;
export const INVALID_AMOUNT = (value: unknown) =>
  `${describe(value)} is not an amount; write a decimal number such as "12.50" (a string keeps every digit exact).`;
export const NOT_MONEY = (value: unknown) => `${describe(value)} is not Money; pass { amount, currency } as money() returns it, e.g. { amount: "12.50", currency: "USD" }.`;
export const INVALID_LOCALE = (locale: unknown) => `${describe(locale)} is not a locale this runtime knows; use a BCP 47 tag such as "en-US" or "de-DE".`;
export const TOO_PRECISE = (amount: string, currency: string, digits: number) =>
  `${amount} ${currency} is finer than ${currency} allows (${digits} decimal place${digits === 1 ? '' : 's'}); round it first or pass a rounding mode.`;
export const CURRENCY_MISMATCH = (a: string, b: string) => `Cannot combine ${a} with ${b}; convert to one currency first.`;
export const SECTION_CURRENCY = (currency: string, expected: string, source: string) =>
  `This section is in ${currency} but the policy is in ${expected} (set by ${source}); one policy uses one currency, so amounts can be compared and summed.`;
export const INVALID_RATIOS = () => `Allocation ratios must be finite numbers or decimal strings, 0 or more, with a positive total.`;
export const INVALID_ROUNDING = (mode: unknown) =>
  `${describe(mode)} is not a rounding mode; use half-up, half-even, half-down, up, down, ceil or floor.`;
export const EMPTY_SUM = () => `Cannot sum an empty list without a currency; pass the currency as the second argument.`;
export const FEE_AMOUNT_KIND = () => `Give exactly one of "flat", "percent", "bands" or "free" for a fee.`;
export const FEE_BASE_UNKNOWN = (ref: string) =>
  `"${ref}" names no earlier fee rule; a percent of another fee must refer to a rule listed before it.`;
export const BANDS_ORDER = () => `Weight bands must rise ("upToKg" increasing) and only the last may leave "upToKg" out.`;
export const RANGE_ORDER = (low: string, high: string) => `The range is empty: ${low} is not below ${high}.`;
export const MISSING_FACT = (fact: string, rule: string) => `Fee rule "${rule}" needs "${fact}" in the request to compute its amount.`;
export const INVALID_FACT = (fact: string, detail: string) => `"${fact}" in the request ${detail}.`;
export const INVALID_FEE_SCHEDULE = () => `Expected a fee schedule made by defineFeeSchedule(spec); pass the value it returned.`;
export const UNKNOWN_CATEGORY = (category: unknown, known: readonly string[], suggestion?: string) =>
  `${describe(category)} is not a category of this policy${suggestion ? `; did you mean "${suggestion}"?` : '.'} The categories are ${list(known)}.`;
export const UNKNOWN_IN_POLICY = (what: string, value: unknown, known: readonly string[], suggestion?: string) =>
  known.length === 0
    ? `${describe(value)} is not ${an(what)} of this policy, which knows no ${plural(what)}; leave the field out or declare the ${plural(what)} in the policy.`
    : `${describe(value)} is not ${an(what)} of this policy${suggestion ? `; did you mean "${suggestion}"?` : '.'} The ${plural(what)} are ${list(known)}.`;
export const MISSING_DATE = (field: string, from: string) => `The window counts from ${from}, so the request needs "${field}".`;
export const DATE_AFTER_REQUEST = (field: string, at: string, requested: string) =>
  `"${field}" (${at}) is after the request (${requested}); check the dates.`;
export const INVALID_RETURN_POLICY = () => `Expected a return policy made by defineReturnPolicy(spec); pass the value it returned.`;
export const INVALID_WARRANTY_POLICY = () => `Expected a warranty policy made by defineWarrantyPolicy(spec); pass the value it returned.`;
export const INVALID_COMPENSATION_POLICY = () => `Expected a compensation policy made by defineCompensationPolicy(spec); pass the value it returned.`;
export const INVALID_ESCALATION_POLICY = () => `Expected an escalation policy made by defineEscalationPolicy(spec); pass the value it returned.`;
export const UNREACHABLE_RULE = (id: string, earlier: string) =>
  `"${id}" can never apply: "${earlier}" comes first and matches everything it would. Move "${id}" up or give "${earlier}" a condition.`;
export const EFFECTIVE_ORDER = (from: string, to: string) => `"effectiveTo" (${to}) must be after "effectiveFrom" (${from}).`;
export const INVALID_SLA_POLICY = () => `Expected an SLA policy made by defineSlaPolicy(spec); pass the value defineSlaPolicy returned.`;
export const EVENT_BEFORE_CREATED = (type: string, at: string, created: string) =>
  `A "${type}" event at ${at} comes before the ticket was created (${created}); check the event times.`;
export const MISSING_CREATED = () => `The ticket has no "created" event; every ticket needs exactly one.`;
export const DUPLICATE_CREATED = (at: string) => `A second "created" event at ${at}; a ticket is created once (use a "reopened" status for a new cycle).`;
export const RESULT_OUT_OF_RANGE = (what: string) =>
  `The ${what} would fall outside the supported range 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z.`;
export const CALENDAR_NEVER_OPENS = (direction: 'after' | 'before', iso: string) =>
  `The calendar has no open time ${direction} ${iso} (within the supported range); add weekly hours or an override.`;
export const CALENDAR_NO_WEEKLY_HOURS = () =>
  `This calendar has no weekly hours and is not "alwaysOpen", so it opens on no regular day and a deadline counted on it could fail to exist; give it weekly "hours" or "alwaysOpen": true.`;
export const CALENDAR_NEVER_CLOSES = (iso: string) =>
  `The calendar never closes after ${iso} (within the supported range), so there is no next closing time.`;
// staffing and KPIs
export const FINITE_NUMBER = (field: string, value: unknown) => `"${field}" must be a finite number, not ${typeName(value)}.`;
export const NUMBER_OUT_OF_RANGE = (field: string, value: unknown, bounds: string) => `"${field}" is ${describe(value)}; it must be ${bounds}.`;
export const NOT_AN_OBJECT = (field: string, what: string, value: unknown) => `"${field}" must be ${what} (an object), not ${typeName(value)}.`;
export const NOT_A_LIST = (field: string, what: string, value: unknown) => `"${field}" must be a list of ${what}, not ${typeName(value)}.`;
export const TRAFFIC_TOO_HIGH = (erlangs: unknown, formula: string, max: string) =>
  `The traffic is ${describe(erlangs)} Erlangs (${formula}); one queue is staffed for at most ${max} Erlangs. Split the queue, or check the units.`;
export const TOO_MANY_AGENTS = (field: string, value: unknown, max: string) =>
  `With "${field}" at ${describe(value)} the load needs more than ${max} agents, the most staffing computes; raise "${field}".`;
export const SERVICE_LEVEL_UNREACHABLE = (max: string) =>
  `The target is not met with ${max} agents, the most staffing computes; lower "serviceLevelPercent" (or raise "maxAbandonPercent").`;
export const ERLANG_A_QUEUE = (agents: number, waiting: number, max: string) =>
  `With ${agents} agent${agents === 1 ? '' : 's'} about ${Math.round(waiting)} callers would be waiting at once, more than the ${max} Erlang A computes; add agents, shorten "patienceSeconds", or use Erlang C (callers this patient rarely abandon).`;
export const RESOLVED_BEFORE_CREATED = (resolved: string, created: string) =>
  `"resolvedAt" (${resolved}) is before "createdAt" (${created}); a contact cannot be resolved before it was created, so check the two dates.`;
export const WEIGHTS_TOTAL = () => `Scorecard weights must add up to more than 0; give at least one criterion a positive weight.`;
// warranty
export const WARRANTY_MISSING_DATE = (term: string, field: string, from: string) =>
  `The warranty term "${term}" counts from ${from}, so the claim needs "${field}".`;
// escalation
export const TIER_ENTERED_OUTSIDE = (at: string, created: string, now: string) =>
  `"tierEnteredAt" (${at}) must lie between "createdAt" (${created}) and "now" (${now}): a case enters its tier after it is created and before it is decided; check the dates.`;
export const ESCALATION_RULE_NEVER_FIRES = (id: string) =>
  `"${id}" can never fire: its "inTier" matches none of the policy's tiers, and every case is in one. Name a tier there, or remove the rule.`;
export const ESCALATION_RULE_NO_EFFECT = (id: string, tier: string, lowest: boolean) =>
  `"${id}" can never change a decision: it sets no deadline and opens no workflow, so it could only raise a case to "${tier}", but ${lowest ? `"${tier}" is the lowest tier and every case is already there or above` : `its "inTier" only lets it fire in "${tier}" or above`}, and a case never goes down. Give it a higher tier, a "reachWithin" or "acknowledgeWithin", or a workflow, or remove it.`;
// compensation
export const AMOUNT_AS_NUMBER = (value: number) =>
  `${describe(value)} is a number; amounts are decimal strings such as "10.00" (a number can lose digits).`;
export const COMPENSATION_MISSING_FACT = (fact: string, rule: string, offer: string) =>
  `Compensation rule "${rule}" applies and offers ${offer}, so the incident needs "${fact}" to value it.`;
export const CAP_BELOW_OFFERS = (cap: string, total: string, offers: readonly string[], currency: string) =>
  `The cap ${cap} ${currency} is below the ${total} ${currency} this rule writes that it gives (${list(offers)}); raise the cap or lower those amounts.`;
export const LADDER_LEVEL_ORDER = (level: string, previous: string, order: readonly string[]) =>
  `"${level}" comes after "${previous}" but does not have more authority; list each level once, in ascending authority (${order.join(' < ')}).`;
export const LADDER_LIMIT_ORDER = (level: string, limit: string, below: string, belowLimit: string) =>
  `The limit of "${level}" (${limit}) is not above the limit of "${below}" (${belowLimit}); limits must rise with authority.`;
export const LADDER_UNLIMITED_NOT_LAST = (level: string) =>
  `"${level}" has no limit but is not the last level, so the levels after it would never approve anything; give it a "limit" or move it to the end.`;
export const LADDER_LAST_LIMITED = (level: string, limit: string) =>
  `The last approval level "${level}" has a limit (${limit}), so a value above it would have no approver; leave out its "limit" (use a rule's "cap" to bound what a rule gives).`;
export const COMPARISON_WITHOUT_LIMIT = (level: string) =>
  `"${level}" has a "comparison" but no "limit" to compare with; remove the "comparison".`;
// sla
export const SLA_UNKNOWN_CALENDAR = (name: string, known: readonly string[], suggestion?: string) =>
  `No calendar named ${describe(name)} in the policy's "calendars"${suggestion ? `; did you mean "${suggestion}"?` : '.'} The calendars are ${list(known)}.`;
export const SLA_STATUS_CONFLICT = (status: string, first: string, second: string, defaulted?: string) =>
  `"${status}" is listed as both ${/^[aeiou]/.test(first) ? 'an' : 'a'} ${first} and ${/^[aeiou]/.test(second) ? 'an' : 'a'} ${second} status${defaulted ? ` (it is one of the default ${defaulted} statuses; declare "statuses.${defaulted}" without it)` : ''}; a status belongs to one list.`;
export const SLA_DONE_BEFORE_START = (done: string, start: string) =>
  `"done" (${done}) is before "start" (${start}); a task cannot be done before its deadline starts counting, so check the two instants.`;
export const SLA_PAUSE_PAIR = () => `A pause is a pair [from, to]: two instants, or an instant and null while the pause lasts.`;
export const SLA_PAUSE_ORDER = (from: string, to: string) => `This pause ends (${to}) before it starts (${from}); give [from, to] with "from" at or before "to".`;
// sla: per-metric pauses and reopen modes (issue 12, points 2-4)
export const SLA_PAUSE_ON_RESOLVED = (status: string, paused: readonly string[]) =>
  `"${status}" is a resolved status: it stops every clock, so it cannot pause one. "pauseOn" names paused or active statuses (the policy's paused ones are ${list(paused)}).`;
export const SLA_PAUSE_ON_UNPAUSABLE = () => `"pauseOn" names the statuses that pause this clock, but "pausable" is false; remove one of them ("pauseOn" alone makes the clock pausable).`;
export const SLA_CALENDAR_CHOICE_EMPTY = (field: string) =>
  `A calendar chosen by ${field} needs at least one ${field} in "calendars" ({ "by": "${field}", "calendars": { "<${field}>": "<calendar>" } }); for one calendar for every ticket, name it directly.`;
export const SLA_CALENDAR_UNCOVERED = (field: string, values: readonly string[]) =>
  `This target picks its calendar by ${field}, but ${list(values.map((v) => `"${v}"`))} ${values.length === 1 ? 'has' : 'have'} none; map ${values.length === 1 ? 'it' : 'them'} in "calendars", or add "otherwise": "<calendar>".`;
export const SLA_CALENDAR_NOT_CHOSEN = (target: string, field: string) =>
  `Target ${target} picks its calendar by ${field}, and the ticket has no ${field}; give it, or add "otherwise" to the target's calendar.`;
export const SLA_WARN_BEFORE_DAYS = () =>
  `warnBefore is the business time left when the clock turns at risk: give hours, minutes, seconds or milliseconds, not businessDays or days.`;
export const SLA_WARN_BEFORE_TOO_LONG = (warn: string, target: string) =>
  `warnBefore (${warn}) must be shorter than the target it warns about (${target}): the clock would be at risk from its start.`;
export const SLA_REOPEN_NOT_APPLICABLE = (metric: string) =>
  `"reopen" does not apply to "${metric}": it runs once, from creation to the first answer, and a reopened ticket never restarts it; remove "reopen".`;
// sla: ticket histories
export const SLA_EMPTY_CHANGE = () => `A "changed" event must set or unset at least one attribute ("set": { "priority": "urgent" }, "unset": ["queue"]).`;
export const SLA_CONFLICTING_CHANGES = (field: string, at: string, first: number, second: number, a: string, b: string) =>
  `events[${first}] and events[${second}] both change "${field}" at ${at}, to ${a} and to ${b}: a ticket has one value at a time. Keep one, or give them different instants.`;
export const SLA_SET_AND_UNSET = (field: string) => `"${field}" is both set and unset by one "changed" event; keep one.`;
// escalation reads SLA state; the breach window lives in the policy (issue 12, points 5 and 7)
export const BREACH_WINDOW_CONFLICT = () => `Give "windowMs" or "window", not both: they are two spellings of the window's length.`;
export const BREACH_WINDOW_DAYS = (value: unknown, max: number) =>
  `${describe(value)} is not a window length: give whole days, 1 to ${max} ("window": { "days": 30 }).`;
export const ESCALATION_UNKNOWN_METRIC = (metric: string, known: readonly string[], suggestion: string | undefined, declared: boolean) =>
  `"${metric}" is not an SLA metric this escalation policy knows${suggestion ? `; did you mean "${suggestion}"?` : '.'} The metrics are ${list(known)}${
    declared ? '; add it to "vocabulary.metric" if your SLA policy measures it.' : '; declare "vocabulary.metric" to list the custom metrics of your SLA policy.'
  }`;
export const ESCALATION_UNKNOWN_SLA_STATUS = (status: string, known: readonly string[], suggestion?: string) =>
  `"${status}" is not an SLA clock status${suggestion ? `; did you mean "${suggestion}"?` : '.'} The statuses are ${list(known)}.`;
export const ESCALATION_SLA_STATUS_EMPTY = () => `"slaStatus" names no metric; give at least one, e.g. { "resolution": ["at-risk", "breached"] }, or remove it.`;
export const ESCALATION_BREACHES_WITHOUT_WINDOW = () =>
  `This escalation policy has no "breachWindow" to count "breaches" in; add one to the policy (e.g. "breachWindow": { "days": 30 }), or count them yourself and give "breachesInWindow".`;
export const ESCALATION_BREACHES_CONFLICT = (days: number) =>
  `Give "breaches" (counted in the policy's ${days}-day window) or "breachesInWindow" (your own count), not both: the two counts could disagree.`;
// Returns and fees (issue 13): what changes hands, "defective" as its own fact, and no quiet "not applicable".
export const DEFECTIVE_IS_A_FACT_RULE = () =>
  `"defective" is not a condition any more: a fault is its own fact. Test "defective": true (or "defective": false for non-defective returns) beside "condition", which lists packaging states only: unopened, opened, used, damaged-by-customer.`;
export const DEFECTIVE_IS_A_FACT_REQUEST = () =>
  `"defective" is not a condition any more: give "defective": true, and the packaging state in "condition" (unopened, opened, used or damaged-by-customer), e.g. { "condition": "opened", "defective": true }.`;
export const WARRANTY_NEEDS_DEFECTIVE = () =>
  `"warranty": true is for a defective item (a warranty covers faults): give "defective": true too, or leave "warranty" out.`;
export const QUOTE_RECEIVES = (amount: string, currency: string, method: string) =>
  `The customer receives ${amount} ${currency} ${method === 'store-credit' ? 'as store credit' : method === 'exchange' ? 'as an exchange' : 'to the original payment method'}.`;
export const QUOTE_PAYS = (amount: string, currency: string, service: string) => `The customer pays ${amount} ${currency} for the ${service}.`;
export const QUOTE_NOTHING = () => `Nothing changes hands.`;
export const FEES_EXCEED_PRICE = (fees: string, price: string, currency: string) =>
  `The fees (${fees} ${currency}) exceed the price (${price} ${currency}); fees are not charged beyond the price, so nothing is refunded.`;
export const FEE_LIMIT_LINE = () => `Fees beyond the price (not charged)`;
export const FEE_RULE_NEEDS_FACT = (fact: string, claims: readonly string[], allowed: readonly string[] | undefined) =>
  `${claims.join('; ')}: give "${fact}"${allowed && allowed.length > 0 ? ` (${allowed.join(', ')})` : ''}. A fee rule that charges is not skipped for a fact the request leaves out.`;
export const REPLACEMENT_NEEDS_DEFECTIVE = () =>
  `"service": "replacement" is a new item for a faulty one: give "defective": true (and the packaging state in "condition"), or ask for a "return" or an "exchange".`;
export const WARRANTY_AFTER_WINDOW = () =>
  `A warranty replacement after the return window is decided by checkWarrantyClaim; price it with quoteFees(policy.fees, { service: 'replacement', warranty: true, … }).`;
// Warranty (issue 13): claims waiting for evidence, when their deadlines count from, optional segments.
export const WARRANTY_AWAITING_EVIDENCE = (missing: readonly string[], lastDay: string, steps: readonly string[]) =>
  `Waiting for evidence: ${list(missing)}. The claim is within coverage (covered through ${lastDay}); once the evidence is complete it is accepted${steps.length > 0 ? `: ${list(steps)}` : ', with no deadline set'}.`;
export const WARRANTY_THEN_RMA = (span: string) => `RMA number within ${span} of the evidence`;
export const WARRANTY_THEN_PROCESSED = (span: string) => `claim processed within ${span} of the evidence`;
export const WARRANTY_THEN_REMEDY = (remedy: string, span: string | null) => (span === null ? `${remedy} (no deadline set)` : `${remedy} within ${span} of the evidence`);
export const WARRANTY_DEADLINES_FROM_EVIDENCE = (completedAt: string, claimedAt: string) =>
  `The evidence was complete at ${completedAt}, after the claim (${claimedAt}): the deadlines count from the evidence.`;
export const WARRANTY_EVIDENCE_BEFORE_CLAIM = (completedAt: string, claimedAt: string) =>
  `"evidenceCompletedAt" (${completedAt}) is before "claimedAt" (${claimedAt}): it is when the last missing evidence arrived, at or after the claim. Leave it out for a claim that came with all its evidence.`;
export const WARRANTY_EVIDENCE_NOT_COMPLETE = (missing: readonly string[], rules: readonly string[]) =>
  `"evidenceCompletedAt" says the evidence is complete, but the claim still lacks ${list(missing)} (asked for by ${list(rules.map((rule) => `"${rule}"`))}); add it to "evidence", or leave "evidenceCompletedAt" out until it arrives.`;
export const WARRANTY_SEGMENT_REQUIRED = (rules: readonly string[]) =>
  `consumer or commercial; this policy's ${list(rules)} ${rules.length === 1 ? 'depends' : 'depend'} on it`;
// Compensation and escalation (issue 13): one approval ladder, given delays, "immediately", per-breach workflows.
export const LADDER_LAST_KINDS = (level: string) =>
  `The last approval level "${level}" approves every value, so it must approve every kind of offer; remove its "kinds" (limit a lower level instead).`;
export const INVALID_APPROVAL_SOURCE = () =>
  `Expected a compensation policy (defineCompensationPolicy), an approval ladder (defineApprovalLadder) or an escalation policy with an "approval" ladder; pass the value they returned.`;
export const COMPENSATION_DELAY_CONFLICT = (instants: readonly string[]) =>
  `Give "delayBusinessDays" (a delay you already know) or "promisedAt" and "deliveredAt" (for the policy to count on its calendar), not both: the two could disagree. This incident also gives ${list(instants.map((field) => `"${field}"`))}.`;
export const ESCALATION_SPAN_UNDER_MS = () =>
  `This span is under a millisecond, which rounds to no time; write 0 for "immediately" (e.g. { "hours": 0 }), or give at least 1 millisecond.`;
export const ESCALATION_NO_LADDER = (level: string) =>
  `"approvalAtLeast": "${level}" needs an approval ladder, and this escalation policy has none; add "approval" (as in a compensation policy), or, in a SupportPolicy, give the compensation section a valid ladder in the same currency, which the escalation section then shares.`;
export const ESCALATION_EACH_BREACH = (rule: string, workflow: string, counts: boolean) =>
  counts
    ? `Workflow "${workflow}" of "${rule}" is opened for each breach, but the policy has no "breachWindow" to count the case's "breaches" in; add one (e.g. "breachWindow": { "days": 30 }), or remove "each".`
    : `Workflow "${workflow}" of "${rule}" is opened for each breach, but "${rule}" does not test "breachesInWindow", so it has no breaches to open it for; give it "when": { "breachesInWindow": { "gte": 1 } }, or remove "each".`;
export const ESCALATION_EACH_BREACH_INSTANTS = (rule: string, workflow: string) =>
  `"${rule}" fired and opens "${workflow}" for each breach, but the case gives only its "breachesInWindow" count: "${workflow}" is opened once with no due date. Give "breaches" (the breach instants) for one per breach, each due from its own breach.`;
// Review of issue 13 (escalation, warranty, back-office deadlines): deadlines past the range named at the caller's field.
export const DEADLINE_OUT_OF_RANGE = (what: string, field: string, from: string) =>
  `The ${what}, counted from "${field}" (${from}), would fall on or after 2200-01-01T00:00:00Z, past the end of the supported range; check "${field}" (is its year right?).`;
export const ESCALATION_TRIGGER_PAST_RANGE = (span: string, calendar: string, from: string) =>
  `more than ${span} on calendar "${calendar}" from ${from}, which ends on or after 2200-01-01T00:00:00Z, the end of the supported range: it cannot pass before then`;
// Calendars defined once in a SupportPolicy document (issue 15).
export const POLICY_UNKNOWN_CALENDAR = (name: string, known: readonly string[], suggestion: string | undefined, inline: boolean) =>
  known.length > 0
    ? `No calendar named ${describe(name)} in this policy${suggestion ? `; did you mean "${suggestion}"?` : '.'} The calendars are ${list(known)}.`
    : `No calendar named ${describe(name)}: this policy declares no calendars. Declare it once in the policy's top-level "calendars" ("calendars": { ${describe(name)}: { "timeZone": …, "hours": … } }) and name it here${inline ? ', or write the calendar itself here' : ''}.`;
export const CALENDAR_REDEFINED = (name: string, section: string) =>
  `The calendar "${name}" is also defined at the top of the policy (calendars.${name}); a name means one calendar, so define it once: remove this copy from "${section}.calendars" (the section can name the top-level one), or rename it.`;
export const CALENDAR_NAME_WITHOUT_POLICY = (name: unknown, owner: string) =>
  `${describe(name)} names a calendar, but ${an(owner)} on its own has no calendars to name; give the calendar itself ({ "timeZone": …, "hours": … }), or define the whole policy with definePolicy, whose sections may name the calendars declared at its top.`;
// Policy histories: versions in force by date (issue 15). `range` is "from 2026-11-01 through
// 2026-12-31" (see rangeText in src/policy/history.ts); versions are quoted as written.
export const POLICY_ID_MISMATCH = (version: string, id: string, history: string) =>
  `Version ${version} is a version of the policy ${describe(id)}, but this history is ${describe(history)}; a history holds the versions of one policy: give it the id ${describe(history)}, or check that the right policy was pasted here.`;
export const DUPLICATE_VERSION = (version: string, where: string) =>
  `Version ${describe(version)} is already listed at ${where}; give each version of a history its own "version".`;
export const VERSION_FROM_REQUIRED = (version: string, previous: string, previousTo: string | undefined) =>
  `Only the first version may leave out "effectiveFrom"; version ${version} follows ${previous}, so give the local date it takes over${previousTo ? ` (${previous} ends before ${previousTo})` : ''}.`;
export const VERSION_TO_REQUIRED = (version: string, next: string, nextFrom: string | undefined) =>
  `Only the last version may leave out "effectiveTo"; version ${version} is followed by ${next}, so give the first local date it is no longer in force${nextFrom ? ` (${next} starts on ${nextFrom})` : ''}.`;
export const VERSION_ORDER = (version: string, from: string, earlier: string, earlierFrom: string) =>
  `Version ${version} starts on ${from}, before ${earlier}, which is listed above it and starts on ${earlierFrom}; list the versions in date order, oldest first.`;
export const VERSION_OVERLAP = (earlier: string, earlierTo: string, version: string, from: string, overlap: string) =>
  `Version ${version} starts on ${from}, but ${earlier} is in force until ${earlierTo} (its "effectiveTo", exclusive): both would be in force ${overlap}. Make this "effectiveFrom" ${earlierTo}, or the "effectiveTo" of ${earlier} ${from}.`;
export const VERSION_GAP = (earlier: string, earlierTo: string, version: string, from: string, gap: string) =>
  `No version is in force ${gap}: ${earlier} ends before ${earlierTo} (its "effectiveTo", exclusive) and version ${version} starts on ${from}. Make this "effectiveFrom" ${earlierTo}, or the "effectiveTo" of ${earlier} ${from}.`;
export const NO_VERSION_IN_FORCE = (id: string, what: string, local: string, localDate: string, timeZone: string, covered: string, hint: string) =>
  `No version of ${describe(id)} is in force at ${what}, ${local}, the local date ${localDate} in ${timeZone}: its versions cover the dates ${covered}. ${hint}`;
export const NO_VERSION_HINT_AS_OF = () => `Add a version for that date, or decide as of an instant that has one (asOf).`;
export const NO_VERSION_HINT = () => `Add a version for that date to the history.`;
export const HISTORY_ZONE_REQUIRED = (zones: readonly string[]) =>
  `This policy gives effective dates, which are local dates, but ${zones.length === 0 ? 'names no time zone' : `its sections use several time zones (${list(zones)})`}, so the instant each date starts is not known; write it as a history { "id", "timeZone", "versions": [ … ] }, whose "timeZone" states it.`;
export const INVALID_POLICY_HISTORY = () =>
  `Expected a policy history made by definePolicyHistory(json), or a policy made by definePolicy(json); pass the value it returned.`;
export const HISTORY_INSTANT_REQUIRED = (what: string, fields: readonly string[]) =>
  `A policy history decides with the version in force at ${what}: give "${fields[0] ?? ''}"${fields.length > 1 ? ` (or, without it, ${fields.slice(1).map((field) => `"${field}"`).join(' or ')})` : ''}, or pass the instant to decide as of (asOf).`;
export const HISTORY_MISSING_CREATED = () =>
  `The ticket has no "created" event; every ticket needs exactly one, and a policy history decides with the SLA version in force at it (or pass asOf).`;
export const VERSION_LACKS_SECTION = (policy: string, version: string, chosen: string, section: string, kind: string, sections: readonly string[]) =>
  `${policy} ${version}, the version ${chosen}, has no ${section} section, so it cannot decide ${an(kind)} request; its sections are ${sections.length > 0 ? list(sections) : '(none)'}.`;
export const AS_OF_AND_VERSION = () => `Give "asOf" or "version", not both: each one picks the version that decides.`;
export const POLICY_VERSION = (policy: string, version: string, range: string, chosen: string) => `Decided under ${policy} ${version}, in force ${range}: the version ${chosen}.`;
// Lint findings (support-rules/policy lintPolicy): what a valid policy says that is likely wrong.
export const LINT_NOT_DEFINED = () => `lintPolicy takes a policy from definePolicy or a history from definePolicyHistory; define the JSON document first (an invalid one is reported there, every problem with its path).`;
export const LINT_SHADOWED_RULE = (rule: string, by: readonly string[], what: string) =>
  `Rule "${rule}" never decides: the earlier ${what} rule${by.length === 1 ? '' : 's'} ${list(by.map((id) => `"${id}"`))} together match every request it matches. Remove it, or move it before them if it is the exception.`;
export const LINT_OVERLAPPING_RULES = (rule: string, earlier: string, region: string, what: string) =>
  `Rules "${earlier}" and "${rule}" both match ${region}, and decide differently; there "${earlier}" wins because it comes first. If "${rule}" should decide there, move it first or narrow "${earlier}"; otherwise narrow "${rule}" so the ${what} table says what it does.`;
export const LINT_TABLE_GAP = (noun: string, intervals: readonly string[], what: string, before: string, after: string) =>
  `${noun} ${list(intervals)} match no ${what} rule (between "${before}" and "${after}"); widen one of them if the table should cover them.`;
export const LINT_TARGET_LONGER = (metric: string, span: string, calendar: string, later: string, laterSpan: string, laterCalendar: string) =>
  `The ${metric} target (${span} on "${calendar}") is longer than the ${later} target it precedes (${laterSpan} on "${laterCalendar}"), so a ticket is due for ${later} first. Shorten the ${metric} target or lengthen the ${later} one.`;
export const LINT_TARGET_LATER_SOMETIMES = (metric: string, span: string, calendar: string, later: string, laterSpan: string, laterCalendar: string, createdAt: string, due: string, laterDue: string, count: number, of: number) =>
  `The ${metric} target (${span} on "${calendar}") can fall due after the ${later} target it precedes (${laterSpan} on "${laterCalendar}"): a ticket created ${createdAt} is due for ${metric} ${due} but for ${later} ${laterDue} (${count} of ${of} creation times sampled over two weeks). Count both on one calendar, or give the ${later} target room.`;
export const LINT_CALENDAR_NEARLY_CLOSED = (name: string, minutes: number) =>
  `Calendar "${name}" is open ${minutes} minute${minutes === 1 ? '' : 's'} a week, so deadlines on it stretch over weeks; check its hours (a slip such as "09:00-09:30" for "09:00-19:30"?).`;
export const LINT_HOLIDAY_OUTSIDE = (kind: string, date: string, name: string, from: string | null, to: string | null) =>
  `The ${kind} ${date} of calendar "${name}" is outside the policy's effective dates (${from === null ? 'until' : `from ${from}`}${from !== null && to !== null ? ', until' : ''}${to === null ? ' on' : ` ${to} exclusive`}), so this version never counts on it; move it to the version in force then, or fix the date.`;
export const LINT_HOLIDAY_ON_CLOSED_DAY = (date: string, day: string, name: string) =>
  `The holiday ${date} of calendar "${name}" falls on a ${WEEKDAYS[day] ?? day}, when the calendar has no hours, so it closes nothing; if the holiday is observed on another day (the Friday before, the Monday after), list that date.`;
export const LINT_UNUSED_CALENDAR = (name: string) =>
  `Calendar "${name}" is declared but no section names it; remove it, or name it where it should count (only a run-time option such as timeInStatus's calendar can use it now).`;
export const POLICY_LACKS_SECTION = (section: string, kind: string, sections: readonly string[]) =>
  `The policy has no ${section} section, so it cannot decide a "${kind}" case; its sections are ${sections.length > 0 ? list(sections) : '(none)'}.`;
export const REPLAY_CASES = (value: unknown) =>
  `Expected the cases here: an array or another iterable of { "kind", "given", "asOf"?, "name"? }${value === undefined ? '' : `, not ${typeName(value)}`}.`;
export const NOT_A_DECISION = (kind: string, decidedBy: string, value: unknown, missing: readonly string[]) =>
  `Expected a ${kind} decision here (what ${decidedBy} or decideInForce returns), not ${typeName(value)}${value !== null && typeof value === 'object' ? ` without ${list(missing.map((m) => `"${m}"`))}` : ''}.`;
export const REPLAY_ASYNC_CASES = () =>
  `compareOutcomes takes the cases as an array or another iterable; for an async iterable (a file read as it streams), use compareOutcomeStream.`;

// Whole orders (issue 17): order returns, discounts shared by line value, order fees, shipping.
export const ORDER_UNKNOWN_LINE = (id: string, ids: readonly string[], suggestion?: string) =>
  `${describe(id)} is not a line of this order${suggestion ? `; did you mean "${suggestion}"?` : '.'} Its lines are ${list(ids)}.`;
export const ORDER_QUANTITY_EXCEEDED = (line: string, quantity: number, bought: number, before: number) =>
  `Returning ${String(quantity)} of line "${line}"${before > 0 ? `, after ${String(before)} in the entries above,` : ''} is more than the ${String(bought)} the order has; return at most ${String(Math.max(0, bought - before))} here.`;
export const DISCOUNT_AMOUNT_OR_PERCENT = (id: string) => `Give discount "${id}" its "amount" or its "percent", one of the two.`;
export const DISCOUNT_EXCEEDS_LINES = (id: string, amount: string, base: string, currency: string) =>
  `Discount "${id}" (${amount} ${currency}) is more than the lines it applies to are worth (${base} ${currency}); check its amount or its "lines".`;
export const DISCOUNTS_EXCEED_LINE = (line: string, total: string, value: string, currency: string) =>
  `The discounts on line "${line}" come to ${total} ${currency}, more than the line is worth (${value} ${currency}); check the discounts' amounts and "lines".`;
export const ORDER_FEE_ITEM_FACT = (rule: string, what: string) =>
  `Fee rule "${rule}" is charged once per order ("per": "order"), but ${what}, which belongs to one item; an order fee can test only orderValue and service, and be flat, free or a percentage of the orderValue. Make it "per": "item", or remove that.`;
export const FEE_PER_MIXED = (detail: string) =>
  `${detail}; a kind of fee, and a percentage of another fee, is charged per item or per order, not both: give them the same "per".`;
export const DISCOUNT_PRORATED = (id: string, amount: string, currency: string, shares: readonly string[]) =>
  `${id} (${amount} ${currency}) is shared by line value, largest remainder: ${shares.join(', ')}.`;
export const SHIPPING_REFUNDED = (rule: string, amount: string, currency: string, wholeOrder: boolean, defective: boolean) =>
  `The shipping (${amount} ${currency}) is refunded by ${rule}${wholeOrder ? ': the whole order comes back' : ''}${defective ? `${wholeOrder ? ' and' : ':'} a returned item is defective` : ''}.`;
export const SHIPPING_NOT_REFUNDED = (amount: string, currency: string, rules: readonly string[], wholeOrder: boolean, defective: boolean) =>
  rules.length === 0
    ? `The shipping (${amount} ${currency}) is not refunded: the policy refunds shipping in no case (it has no "shippingRefund" rules).`
    : `The shipping (${amount} ${currency}) is not refunded: none of ${list(rules)} holds (${wholeOrder ? 'the whole order comes back' : 'part of the order stays with the customer'}; ${defective ? 'a returned item is defective' : 'no item returned for a refund is defective'}).`;
export const ORDER_FEES_EXCEED_REFUND = (fees: string, refundable: string, currency: string) =>
  `The order's fees (${fees} ${currency}) exceed what its returned lines refund (${refundable} ${currency}); fees are not charged beyond the refund.`;
export const ORDER_FEE_LIMIT_LINE = () => `Order fees beyond the refund (not charged)`;
export const ORDER_PRICE_LINE = (quantity: number, unitPrice: string, currency: string) => `Item price (${String(quantity)} × ${unitPrice} ${currency})`;
export const ORDER_DISCOUNT_LINE = (id: string) => `Share of discount ${id}`;
export const ORDER_SHIPPING_LINE = () => `Shipping refunded`;
export const ORDER_NOTHING_ACCEPTED = () => `No returned line is accepted, so nothing changes hands.`;

// SLA at volume (issue 16): the batch's arguments.
export const BATCH_TICKETS = (value: unknown) =>
  `Expected the tickets here: an iterable or an async iterable of tickets (an array, a generator, a stream), not ${typeName(value)}.`;
export const BATCH_OPTIONS = (value: unknown) => `Expected the batch options here, an object ({ firstIndex }), not ${typeName(value)}.`;
export const BATCH_PROMISE = () =>
  `A promise where a ticket belongs: a sync iterable's items are not awaited; pass the tickets as an async iterable (an async generator or a stream) to have them awaited.`;
export const BATCH_FIRST_INDEX = (value: unknown) => `${describe(value)} is not a first index; give a whole number, 0 or more (the index the first ticket is reported under).`;

const WEEKDAYS: Readonly<Record<string, string>> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const SPAN_UNITS: Readonly<Record<string, string>> = { hours: 'hour', minutes: 'minute', seconds: 'second', milliseconds: 'millisecond', businessDays: 'business day', days: 'day' };

/** A span (an SLA or escalation `within`) in words: "48 hours", "1 hour 30 minutes", "1 business day". */
export const spanText = (within: Readonly<Record<string, number | undefined>>): string =>
  Object.entries(within)
    .filter(([, n]) => n !== undefined)
    .map(([unit, n]) => `${String(n)} ${SPAN_UNITS[unit] ?? unit}${n === 1 ? '' : 's'}`)
    .join(' ');

/** A value as a message quotes it: strings in quotes, NaN and Infinity by name, long values cut. */
export function describe(value: unknown): string {
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()})`;
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return typeName(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'number' && !Number.isFinite(inner) ? String(inner) : inner));
  } catch {
    text = undefined;
  }
  if (text === undefined) return typeName(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** What kind of value something is, for "expected …, not …" messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'string') return `the text ${describe(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function article(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'an object';
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a finite number';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a text';
    default:
      return an(expected);
  }
}

/** A noun with its indefinite article: "a tier", "an incident type". */
export function an(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** `a, b and c`; long lists end with "and N more". */
export function list(values: readonly string[]): string {
  const shown = values.length > 12 ? [...values.slice(0, 10), `${values.length - 10} more`] : values;
  if (shown.length <= 1) return shown[0] ?? '(none)';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function plural(noun: string): string {
  if (noun.endsWith('y') && !/[aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
// The law's floor (issue 17): consumer-law baselines applied to returns and warranty claims.
export const LAW_UNKNOWN_JURISDICTION = (code: string, withBaseline: readonly string[], suggestion?: string) =>
  `${describe(code)} is not an ISO 3166-1 alpha-2 country code${suggestion ? `; did you mean "${suggestion}"?` : '.'} Give one in capitals ("UK" is read as "GB", "EU" stands for any member state); the legal baselines hold rules for ${list(withBaseline)}, and any other country is decided by the policy alone.`;
export const LAW_JURISDICTION_TYPE = (value: unknown) => `A jurisdiction is an ISO 3166-1 alpha-2 code such as "DE" or "GB", not ${describe(value)}.`;
export const LAW_CONTRACT_DATE = (on: string) => `${describe(on)} is not a local date; give the contract's date as YYYY-MM-DD.`;
export const LAW_NEEDS_DELIVERY = (jurisdiction: string, what: string) =>
  `The law of ${jurisdiction} counts ${what} from delivery, so the request needs "deliveredAt" (or "lastItemDeliveredAt").`;
export const LAW_APPLIED = (citation: string, merchant: string, law: string) => `The law decides (${citation}): ${law}, where the policy gives ${merchant}.`;
export const LAW_PRESUMPTION = (presumed: boolean | null, lastDay: string, citation: string) =>
  presumed === true
    ? `A defect that appears by ${lastDay} is presumed to have existed at delivery (${citation}): the seller must prove otherwise.`
    : presumed === false
      ? `The presumption ended on ${lastDay} (${citation}): the customer must show the defect existed at delivery.`
      : `Counted from the purchase the presumption ended on ${lastDay} (${citation}); it counts from delivery: give "deliveredAt" to know whether it still holds.`;
export const LINT_WINDOW_BELOW_LAW = (window: string, days: number, from: string, legalDays: number, citation: string) =>
  `Return window "${window}" (${String(days)} days from ${from}) is shorter than the ${String(legalDays)}-day withdrawal period from the last delivery (${citation}); decisions for a customer in this jurisdiction apply the law's window. Give the window ${String(legalDays)} days or more from lastItemDelivered.`;
export const LINT_FEE_INSIDE_WITHDRAWAL = (fee: string, kind: string, hits: readonly string[], legalDays: number, citation: string) =>
  `Fee rule "${fee}" can charge a ${kind} fee on goods merely ${list(hits)} inside the ${String(legalDays)}-day withdrawal period, where only handling beyond inspection may be charged (${citation}). Limit it with "daysSinceDelivery": { "gt": ${String(legalDays)} } or to conditions beyond inspection (used, damaged-by-customer).`;
export const LINT_REFUND_SLOWER = (span: string, legalDays: number, from: string, citation: string) =>
  `Refunds are issued within ${span} of the goods' receipt: later, for every return, than the ${String(legalDays)} days the law allows from ${from === 'goods-received' ? 'the goods\' receipt' : 'the withdrawal (the goods come back no earlier; the refund may wait for them)'} (${citation}). Issue them within ${String(legalDays)} days or fewer.`;
export const LINT_WARRANTY_BELOW_LAW = (term: string, months: number, from: string, legalMonths: number, citation: string) =>
  `Warranty term "${term}" (${String(months)} months from ${from}) ends before the ${String(legalMonths)}-month legal guarantee from delivery (${citation}); decisions for a consumer in this jurisdiction apply the law's. Give consumers ${String(legalMonths)} months or more from delivery.`;
export const LINT_WINDOW_FROM_PURCHASE = (window: string, days: number, legalDays: number, citation: string) =>
  `Return window "${window}" (${String(days)} days from purchase) counts from the purchase: it may close before the ${String(legalDays)}-day withdrawal period from the last delivery (${citation}) whenever delivery takes ${String(days - legalDays + 1)} day(s) or more; decisions for a customer in this jurisdiction apply the law's window. Count it from lastItemDelivered.`;
export const LINT_FEE_OTHER_KIND = (fee: string, kind: string, hits: readonly string[], legalDays: number, citation: string) =>
  `Fee rule "${fee}" charges goods by their state (${list(hits)}) inside the ${String(legalDays)}-day withdrawal period under the kind "${kind}": it may be a restocking fee under another name, which the law forbids on goods merely inspected (${citation}). Decisions waive only fees of kind "restocking"; name it so, or limit it with "daysSinceDelivery": { "gt": ${String(legalDays)} }.`;
export const LAW_NO_BASELINE = (jurisdiction: string) => `No legal baseline is held for ${jurisdiction}: the policy alone decides (docs/law.md).`;
