import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage } from '../../examples/browser/serve.mjs';

// examples/browser in a real browser: builds the page from the built package (npm run build
// first; npm run test:package does it), serves it on 127.0.0.1, opens it in Debian's Chromium and
// checks that the clocks it shows are the library's own answers in Node, and that they tick.

const root = resolve(__dirname, '../..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The SLA bundle (37 KB gzipped, docs/performance.md), the presets' JSON (4.3 KB) and the page: so
// that a change which grows what the page pays does not go unnoticed.
const JS_GZIP_CEILING = 45 * 1024;

type Sla = typeof import('../../src/sla/index.js');
type Presets = typeof import('../../src/presets/index.js');

interface Row {
  target: string;
  metric: string;
  cycle: string;
  calendar: string;
  zone: string;
  deadline: string;
  remainingMs: string;
  status: string;
  counting: string;
  cells: string[];
}
interface Snapshot {
  now: string;
  next: string;
  rows: Row[];
  errors: { code: string; text: string }[];
  invalid: string[];
}

// Read in one synchronous evaluation, so the page cannot tick in the middle of it.
const SNAPSHOT = `(() => ({
  now: document.querySelector('#now').dateTime,
  next: document.querySelector('#next').textContent,
  rows: [...document.querySelectorAll('#clocks tbody tr')].map((tr) => ({ ...tr.dataset, cells: [...tr.cells].map((cell) => cell.textContent) })),
  errors: [...document.querySelectorAll('#errors li')].map((li) => ({ code: li.dataset.code, text: li.textContent })),
  invalid: [...document.querySelectorAll('[aria-invalid="true"]')].map((input) => input.name),
}))()`;

let browser: Browser;
let server: Awaited<ReturnType<typeof servePage>>;
let sla: Sla;
let policy: ReturnType<Sla['defineSlaPolicy']>;
let buildOutput = '';
const pageErrors: string[] = [];

// Without Chromium every test fails (never skips) and says how to get it: CI installs it.
const missingChromium = existsSync(chromiumPath)
  ? null
  : `No Chromium at ${chromiumPath}. The browser test needs Debian's chromium package: ` +
    '`apt-get install chromium` (.ci/run installs it), or set CHROMIUM_PATH to a Chromium executable.';

/** `it`, failing first when Chromium is missing, and on any error the page throws or logs. */
function test(name: string, body: () => Promise<void>) {
  it(name, async () => {
    if (missingChromium) throw new Error(missingChromium);
    pageErrors.length = 0;
    await body();
    expect(pageErrors, 'errors in the page').toEqual([]);
  });
}

beforeAll(async () => {
  if (missingChromium) return;
  buildOutput = execFileSync(process.execPath, [resolve(root, 'examples/browser/build.mjs')], { encoding: 'utf8' });
  sla = (await import(pathToFileURL(resolve(root, 'dist/sla.js')).href)) as Sla;
  const { presetSpecs } = (await import(pathToFileURL(resolve(root, 'dist/presets.js')).href)) as Presets;
  const spec = presetSpecs.homepro;
  policy = sla.defineSlaPolicy({ ...spec.sla!, calendars: { ...spec.calendars, ...spec.sla!.calendars } });
  server = await servePage();
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'], headless: true });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(now: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${server.url}?now=${encodeURIComponent(now)}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const snapshot = (page: Page): Promise<Snapshot> => page.evaluate(SNAPSHOT) as Promise<Snapshot>;

/** The clocks the library computes in Node for `ticket` as of the page's `now`, as the page shows them. */
function expected(ticket: Parameters<Sla['evaluateSla']>[1], now: string) {
  return sla.evaluateSla(policy, ticket, now).clocks.map((clock) => ({
    target: clock.target,
    metric: clock.metric,
    cycle: String(clock.cycle),
    calendar: clock.calendar,
    deadline: clock.deadline.toISOString(),
    remainingMs: String(clock.remainingMs),
    status: clock.status,
  }));
}

const shown = (rows: Row[]) =>
  rows.map(({ target, metric, cycle, calendar, deadline, remainingMs, status }) => ({ target, metric, cycle, calendar, deadline, remainingMs, status }));

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Asia/Bangkok is UTC+07:00 all year: its wall time is UTC plus seven hours (milliseconds shown if any). */
function bangkok(iso: string): string {
  const wall = new Date(Date.parse(iso) + 7 * 3_600_000);
  const text = wall.toISOString().slice(0, 23).replace('T', ' ').replace(/\.000$/, '');
  return `${WEEKDAYS[wall.getUTCDay()]} ${text} +07:00`;
}
function hms(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${ms < 0 ? 'over by ' : ''}${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min ${s % 60} s`;
}

/** Every row's visible cells say what its data says: the ISO deadline, Bangkok time, time left, status. */
function expectCellsMatchData(rows: Row[]) {
  for (const row of rows) {
    const [, deadline, local, left, , status] = row.cells;
    expect(row.zone).toBe('Asia/Bangkok');
    expect(deadline).toBe(row.deadline);
    expect(local).toContain(bangkok(row.deadline));
    expect(left).toBe(hms(Number(row.remainingMs)));
    expect(status).toBe(row.status);
  }
}

// Wednesday 2026-11-25 10:30 in Bangkok: the centre (09:00-20:00 every day) is open. The page's
// ticket came in by email two and a half hours earlier, at 08:00, before the centre opened.
const OPEN_NOW = '2026-11-25T10:30:00+07:00';
const emailTicket = (created: string) => ({ id: 'T-1001', channel: 'email', priority: 'standard', events: [{ type: 'created' as const, at: created }] });

describe('the browser example (examples/browser)', () => {
  test('shows the deadlines and statuses the library computes in Node', async () => {
    const page = await open(OPEN_NOW);
    const first = await snapshot(page);
    await page.close();
    expect(Date.parse(first.now) - Date.parse(OPEN_NOW)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(first.now) - Date.parse(OPEN_NOW)).toBeLessThan(5_000);
    expect(shown(first.rows)).toEqual(expected(emailTicket('2026-11-25T08:00:00+07:00'), first.now));
    // Worked by hand: the acknowledgement's 4 business hours count from the 09:00 opening, so it
    // is due 13:00 Bangkok; the 72-hour resolution runs around the clock from 08:00.
    expect(first.rows.map((row) => [row.target, row.deadline, row.status, row.counting])).toEqual([
      ['email-ack', '2026-11-25T06:00:00.000Z', 'ok', 'counting'],
      ['email-resolution', '2026-11-28T01:00:00.000Z', 'ok', 'counting'],
    ]);
    expectCellsMatchData(first.rows);
    expect(first.errors).toEqual([]);
    const report = sla.evaluateSla(policy, emailTicket('2026-11-25T08:00:00+07:00'), first.now);
    expect(first.next).toBe(
      `If nothing happens: next status change ${bangkok(report.nextChangeAt!.toISOString())}; next breach ${bangkok(report.nextBreachAt!.toISOString())}.`,
    );
    expect(first.next).toContain('next breach Wed 2026-11-25 13:00:00.001 +07:00');
  });

  test('counts business time down every second while the calendar is open', async () => {
    const page = await open(OPEN_NOW);
    const before = await snapshot(page);
    await page.waitForTimeout(1_200);
    const after = await snapshot(page);
    await page.close();
    const elapsed = Date.parse(after.now) - Date.parse(before.now);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed % 1_000).toBe(0);
    for (const [i, row] of after.rows.entries()) {
      expect(Number(before.rows[i]!.remainingMs) - Number(row.remainingMs)).toBe(elapsed);
      expect(row.cells[3]).not.toBe(before.rows[i]!.cells[3]);
    }
    expect(shown(after.rows)).toEqual(expected(emailTicket('2026-11-25T08:00:00+07:00'), after.now));
    expectCellsMatchData(after.rows);
  });

  test('stops the clock of a closed calendar while the 24/7 clock runs on', async () => {
    // 21:00 Bangkok: the centre closed at 20:00. The ticket came in at 18:30.
    const page = await open('2026-11-25T21:00:00+07:00');
    const before = await snapshot(page);
    await page.waitForTimeout(1_200);
    const after = await snapshot(page);
    await page.close();
    const elapsed = Date.parse(after.now) - Date.parse(before.now);
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    const [ackBefore, resolutionBefore] = before.rows;
    const [ack, resolution] = after.rows;
    expect(ack!.counting).toBe('closed');
    expect(ack!.cells[4]).toBe('closed until Thu 2026-11-26 09:00:00 +07:00');
    expect(ack!.remainingMs).toBe(String(2.5 * 3_600_000)); // 18:30-20:00 used 1.5 of 4 hours
    expect(ack!.remainingMs).toBe(ackBefore!.remainingMs);
    expect(resolution!.counting).toBe('counting');
    expect(Number(resolutionBefore!.remainingMs) - Number(resolution!.remainingMs)).toBe(elapsed);
    expect(shown(after.rows)).toEqual(expected(emailTicket('2026-11-25T18:30:00+07:00'), after.now));
    expectCellsMatchData(after.rows);
  });

  test('follows the form: an on-site priority ticket with a pause', async () => {
    const page = await open(OPEN_NOW);
    await page.selectOption('#category', 'onsite');
    await page.selectOption('#priority', 'priority');
    await page.fill('#pendingFrom', '2026-11-25T09:00:00+07:00');
    await page.fill('#pendingUntil', '2026-11-25T09:30:00+07:00');
    await page.click('button[type="submit"]');
    const after = await snapshot(page);
    await page.close();
    const ticket = {
      id: 'T-1001',
      channel: 'email',
      priority: 'priority',
      category: 'onsite',
      events: [
        { type: 'created' as const, at: '2026-11-25T08:00:00+07:00' },
        { type: 'status' as const, status: 'pending', at: '2026-11-25T09:00:00+07:00' },
        { type: 'status' as const, status: 'open', at: '2026-11-25T09:30:00+07:00' },
      ],
    };
    expect(shown(after.rows)).toEqual(expected(ticket, after.now));
    // The 2-hour callback is not pausable and was due at 10:00; the 6-hour visit lost the
    // half-hour pause and is due 14:30.
    expect(after.rows.map((row) => [row.target, row.deadline, row.status])).toEqual([
      ['emergency-callback', '2026-11-25T03:00:00.000Z', 'breached'],
      ['visit-priority', '2026-11-25T07:30:00.000Z', 'ok'],
    ]);
    expect(after.rows[0]!.cells[3]).toMatch(/^over by 0 h 3\d min \d+ s$/);
    expectCellsMatchData(after.rows);
  });

  test("shows the library's error, at the field, for an instant without an offset", async () => {
    const page = await open(OPEN_NOW);
    await page.fill('#created', '2026-11-25T08:00:00');
    await page.click('button[type="submit"]');
    const after = await snapshot(page);
    await page.close();
    let issues: { code: string; path: readonly (string | number)[] }[] = [];
    try {
      sla.evaluateSla(policy, { ...emailTicket('2026-11-25T08:00:00') }, OPEN_NOW);
    } catch (error) {
      issues = (error as { issues: typeof issues }).issues;
    }
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['INSTANT_WITHOUT_OFFSET', ['events', 0, 'at']]]);
    expect(after.errors.map((error) => error.code)).toEqual(['INSTANT_WITHOUT_OFFSET']);
    expect(after.errors[0]!.text).toContain('events[0].at: ');
    expect(after.invalid).toEqual(['created']);
    expect(after.rows).toEqual([]);
  });

  test('loads in two requests, the script within its gzipped size ceiling', async () => {
    const from = server.sent.length;
    const page = await open(OPEN_NOW);
    await page.close();
    const sent = server.sent.slice(from);
    expect(sent.map((response) => [response.path, response.status])).toEqual([
      ['/', 200],
      ['/dist/main.js', 200],
    ]);
    const transfer = sent.reduce((sum, response) => sum + response.bytes, 0);
    const js = readFileSync(resolve(root, 'examples/browser/dist/main.js'));
    const jsGzip = gzipSync(js, { level: 9 }).length;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `${buildOutput.trim()}\nbrowser page transfer: ${kb(transfer)} in ${sent.length} responses (gzip: ${sent.every((r) => r.gzip)}); ` +
        `main.js ${kb(js.length)} raw, ${kb(jsGzip)} gzipped`,
    );
    expect(jsGzip, `examples/browser/dist/main.js is ${kb(jsGzip)} gzipped (${jsGzip} bytes), over the ${kb(JS_GZIP_CEILING)} ceiling`).toBeLessThanOrEqual(
      JS_GZIP_CEILING,
    );
  });
});
