import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, SupportRulesError } from '../../src/errors/index.js';
import { defineSlaPolicy, evaluateSla, evaluateSlaBatch, type SlaBatchResult, type Ticket } from '../../src/sla/index.js';

// evaluateSlaBatch is evaluateSla over a stream: the same answers, in input order, one per
// ticket, a bad ticket as an error result at its own index, pulled one at a time.

const day = ['07:00-19:00'];
const sla = defineSlaPolicy({
  id: 'pelpro',
  calendars: {
    desk: { timeZone: 'America/Chicago', hours: { mon: day, tue: day, wed: day, thu: day, fri: day } },
    always: { timeZone: 'America/Chicago', alwaysOpen: true },
  },
  vocabulary: { channel: ['email', 'chat', 'phone'], priority: ['high', 'normal'] },
  rules: [
    { id: 'high', when: { priority: 'high' }, targets: [
      { id: 'high-ack', metric: 'acknowledgement', within: { minutes: 30 }, calendar: 'always' },
      { id: 'high-resolution', metric: 'resolution', within: { businessDays: 1 }, calendar: 'desk' },
    ] },
    { id: 'email', when: { channel: 'email' }, targets: [
      { id: 'email-first', metric: 'firstResponse', within: { hours: 4 }, calendar: 'desk' },
      { id: 'email-next', metric: 'nextResponse', within: { hours: 8 }, calendar: 'desk' },
      { id: 'email-resolution', metric: 'resolution', within: { hours: 24 }, calendar: 'desk' },
    ] },
  ],
});
const NOW = Date.parse('2026-11-27T18:00:00Z');
const START = Date.parse('2026-11-16T12:00:00Z');
const HOUR = 3_600_000;

const eventArb = fc.oneof(
  fc.record({ type: fc.constant('customerReply' as const) }),
  fc.record({ type: fc.constant('agentReply' as const), public: fc.boolean() }),
  fc.record({ type: fc.constant('status' as const), status: fc.constantFrom('open', 'pending', 'solved', 'closed') }),
);
/** A valid ticket (events in any order, some after NOW), or one of the ways a ticket goes wrong. */
const ticketArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      priority: fc.constantFrom('high', 'normal'),
      channel: fc.constantFrom('email', 'chat', 'phone'),
      created: fc.integer({ min: 0, max: 240 }),
      events: fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), eventArb), { maxLength: 6 }),
      reversed: fc.boolean(),
    })
    .map(({ created, events, reversed, ...attributes }): Ticket => {
      const at = START + created * HOUR;
      const list = [{ type: 'created' as const, at: new Date(at).toISOString() }, ...events.map(([h, e]) => ({ ...e, at: new Date(at + h * HOUR).toISOString() }))];
      return { ...attributes, events: reversed ? list.reverse() : list };
    }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(
    { priority: 'urgent', events: [{ type: 'created', at: '2026-11-20T12:00:00Z' }] },
    { events: [{ type: 'customerReply', at: '2026-11-20T12:00:00Z' }] },
    { events: [{ type: 'created', at: '2026-11-20T12:00' }] },
    { events: [{ type: 'created', at: '2026-12-20T12:00:00Z' }] },
    null,
    'T-1',
  ) },
);

/** What evaluateSla says of one ticket, as a batch result would carry it. */
function oneByOne(ticket: unknown, index: number): unknown {
  try {
    return { index, status: JSON.parse(JSON.stringify(evaluateSla(sla, ticket as Ticket, NOW))) as unknown };
  } catch (error) {
    if (!(error instanceof SupportRulesError)) throw error;
    return { index, error: { code: error.code, path: error.path, message: error.message, issues: error.issues } };
  }
}

async function collect(results: AsyncIterable<SlaBatchResult>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const result of results) out.push(JSON.parse(JSON.stringify(result)));
  return out;
}

async function* asAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe('evaluateSlaBatch', () => {
  it('law: the same results as evaluateSla one by one, in input order, errors at their own index', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ticketArb, { maxLength: 25 }), async (tickets) => {
        const expected = tickets.map(oneByOne);
        expect(await collect(evaluateSlaBatch(sla, tickets as Ticket[], NOW))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('law: in any order: a permuted batch gives each ticket the result it had, at its new index', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { minLength: 1, maxLength: 12 }).chain((tickets) =>
          fc.tuple(fc.constant(tickets), fc.shuffledSubarray([...tickets.keys()], { minLength: tickets.length, maxLength: tickets.length })),
        ),
        async ([tickets, order]) => {
          const straight = (await collect(evaluateSlaBatch(sla, tickets as Ticket[], NOW))) as { index: number }[];
          const permuted = (await collect(evaluateSlaBatch(sla, order.map((i) => tickets[i]) as Ticket[], NOW))) as { index: number }[];
          expect(permuted.map((result, at) => ({ ...result, index: order[at] }))).toEqual(order.map((i) => straight[i]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('law: a sync and an async stream of the same tickets give the same results; firstIndex shifts every index', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ticketArb, { maxLength: 15 }), fc.nat({ max: 1e6 }), async (tickets, firstIndex) => {
        const sync = await collect(evaluateSlaBatch(sla, tickets as Ticket[], NOW));
        const fromAsync = await collect(evaluateSlaBatch(sla, asAsync(tickets as Ticket[]), new Date(NOW)));
        expect(fromAsync).toEqual(sync);
        const shifted = await collect(evaluateSlaBatch(sla, tickets as Ticket[], NOW, { firstIndex }));
        expect(shifted).toEqual(sync.map((r) => ({ ...(r as object), index: (r as { index: number }).index + firstIndex })));
      }),
      { numRuns: 60 },
    );
  });

  it('goes on past a bad ticket and reports it with its code and the path inside the ticket', async () => {
    const good = { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] };
    const bad = { channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }, { type: 'status', at: '2026-11-21T10:00:00Z', status: 'Solved' }] };
    const results = await collect(evaluateSlaBatch(sla, [good, bad, good] as Ticket[], '2026-11-23T09:00:00-06:00'));
    expect(results.map((r) => Object.keys(r as object))).toEqual([['index', 'status'], ['index', 'error'], ['index', 'status']]);
    expect((results[1] as { error: { code: string; path: unknown } }).error).toMatchObject({ code: 'UNKNOWN_IN_POLICY', path: ['events', 1, 'status'] });
  });

  it('pulls one ticket per result: a long stream is never read ahead', async () => {
    let pulled = 0;
    function* endless(): Generator<Ticket> {
      for (;;) {
        pulled++;
        yield { channel: 'email', events: [{ type: 'created', at: START }] };
      }
    }
    const results = evaluateSlaBatch(sla, endless(), NOW)[Symbol.asyncIterator]();
    for (let i = 0; i < 5; i++) expect((await results.next()).value?.index).toBe(i);
    expect(pulled).toBe(5);
    await results.return?.();
  });

  it('refuses a bad policy, now, tickets or options at once, before reading any ticket', () => {
    let read = false;
    const watched = { [Symbol.iterator]: () => ((read = true), [][Symbol.iterator]()) } as Iterable<Ticket>;
    const codeAt = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as InvalidArgumentError).issues.map((i) => [i.code, i.path.join('.')]);
      }
      return [];
    };
    expect(codeAt(() => evaluateSlaBatch({ id: 'x' } as never, watched, NOW))).toEqual([['INVALID_SLA_POLICY', '']]);
    expect(codeAt(() => evaluateSlaBatch(sla, watched, '2026-11-27T18:00'))).toEqual([['INSTANT_WITHOUT_OFFSET', 'now']]);
    expect(codeAt(() => evaluateSlaBatch(sla, 42 as never, NOW))).toEqual([['INVALID_TYPE', 'tickets']]);
    expect(codeAt(() => evaluateSlaBatch(sla, 'T-1' as never, NOW))).toEqual([['INVALID_TYPE', 'tickets']]);
    expect(codeAt(() => evaluateSlaBatch(sla, watched, NOW, { first: 1 } as never))).toEqual([['UNKNOWN_KEY', 'options.first']]);
    expect(codeAt(() => evaluateSlaBatch(sla, watched, NOW, { firstIndex: -1 }))).toEqual([['INVALID_TYPE', 'options.firstIndex']]);
    expect(codeAt(() => evaluateSlaBatch(sla, watched, 'never', { firstIndex: 1.5 }))).toEqual([['INVALID_INSTANT', 'now'], ['INVALID_TYPE', 'options.firstIndex']]);
    expect(read).toBe(false);
  });

  it('says a promise in a sync iterable is not awaited, at its index, and goes on', async () => {
    const ticket = { id: 'T-1', priority: 'high', channel: 'email', events: [{ type: 'created', at: NOW }] };
    const results = await collect(evaluateSlaBatch(sla, [Promise.resolve(ticket), ticket] as unknown as Ticket[], NOW));
    expect(results.map((r) => Object.keys(r as object).sort().join())).toEqual(['error,index', 'index,status']);
    expect((results[0] as { error: { code: string; message: string } }).error.code).toBe('INVALID_TYPE');
    expect((results[0] as { error: { message: string } }).error.message).toMatch(/^A promise where a ticket belongs/);
    // The same promise from an async generator is awaited.
    const awaited = await collect(evaluateSlaBatch(sla, asAsync([Promise.resolve(ticket)]) as unknown as AsyncIterable<Ticket>, NOW));
    expect(awaited).toEqual([results[1]].map((r) => ({ ...(r as object), index: 0 })));
  });

  it('passes on an error the stream itself throws', async () => {
    async function* failing(): AsyncGenerator<Ticket> {
      yield { channel: 'email', events: [{ type: 'created', at: START }] };
      throw new Error('the queue went away');
    }
    await expect(collect(evaluateSlaBatch(sla, failing(), NOW))).rejects.toThrow('the queue went away');
  });

  it('runs the doc example (with the policy of the defineSlaPolicy example)', async () => {
    const desk = ['07:00-19:00'];
    const sla = defineSlaPolicy({
      id: 'pelpro',
      calendars: { desk: { timeZone: 'America/Chicago', hours: { mon: desk, tue: desk, wed: desk, thu: desk, fri: desk } } },
      vocabulary: { channel: ['email', 'chat', 'phone'] },
      rules: [{ id: 'email', when: { channel: 'email' }, targets: [
        { id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
      ] }],
    });
    const tickets = [
      { id: 'T-1', channel: 'email', events: [{ type: 'created', at: '2026-11-20T18:30:00-06:00' }] },
      { id: 'T-2', channel: 'fax', events: [] },
    ] as Ticket[];
    const seen: unknown[] = [];
    for await (const result of evaluateSlaBatch(sla, tickets, '2026-11-23T09:00:00-06:00')) {
      if (result.error) seen.push([result.index, result.error.code, result.error.path]);
      else seen.push([result.index, result.status.clocks[0]?.status]);
    }
    expect(seen).toEqual([
      [0, 'ok'],
      [1, 'UNKNOWN_IN_POLICY', ['channel']],
    ]);
  });
});
