// The page's whole program: one HomePro ticket's SLA clocks, recomputed by the library every
// second. Imports only what it uses, from the package's subpaths, so the bundle carries no more.
/* global document, location, Option, performance, setTimeout, URLSearchParams */
import { createCalendar, isOpen, nextOpen } from 'support-rules/calendar';
import { formatPath } from 'support-rules/errors';
import { presetSpecs } from 'support-rules/presets';
import { defineSlaPolicy, evaluateSla } from 'support-rules/sla';

// HomePro: an email ticket has two clocks on different calendars, a 4-hour acknowledgement on the
// centre's hours (every day 09:00-20:00, Asia/Bangkok) and a 72-hour resolution around the clock;
// an on-site ticket of priority "priority" has a 2-hour callback and a 6-hour visit.
const PRESET = 'homepro';
const spec = presetSpecs[PRESET];
// The SLA section names the document's top-level calendars; defined on its own it needs them.
const sla = defineSlaPolicy({ ...spec.sla, calendars: { ...spec.calendars, ...spec.sla.calendars } });
const calendars = new Map(Object.entries(sla.spec.calendars).map(([name, calendar]) => [name, { calendar: createCalendar(calendar), zone: calendar.timeZone }]));
// Instants in the form are written in the zone of the policy's first calendar.
const formZone = calendars.values().next().value.zone;

const $ = (selector) => document.querySelector(selector);
const form = $('#ticket');
const rows = $('#clocks tbody');

// --- Time: `?now=<ISO>` freezes the starting instant (tests, demos); the page then ticks from it.
const start = startInstant(new URLSearchParams(location.search).get('now'));
const t0 = performance.now();
let secondsElapsed = 0;
const currentNow = () => new Date(start.ms + secondsElapsed * 1000);

function startInstant(raw) {
  if (raw === null) return { ms: Math.floor(Date.now() / 1000) * 1000, error: null };
  // A '+' in a query string arrives as a space: '...T10:30:00 07:00' means '+07:00'.
  const text = raw.trim().replace(/ (\d\d:?\d\d)$/, '+$1');
  const ms = /(Z|[+-]\d\d:?\d\d)$/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) return { ms: Math.floor(Date.now() / 1000) * 1000, error: `?now=${raw} is not an ISO 8601 instant with an offset (2026-11-25T10:30:00+07:00); the page runs on this computer's clock.` };
  return { ms, error: null };
}

// Each tick lands on a whole second after the start, so every render is at start + n seconds.
function scheduleTick() {
  const due = t0 + (secondsElapsed + 1) * 1000;
  setTimeout(() => {
    secondsElapsed = Math.max(secondsElapsed + 1, Math.floor((performance.now() - t0) / 1000));
    render();
    scheduleTick();
  }, Math.max(0, due - performance.now()));
}

// --- Formatting: instants in a zone, business time in hours, minutes and seconds.
const formats = new Map();
function partsIn(date, zone) {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
    });
    formats.set(zone, format);
  }
  const parts = {};
  for (const { type, value } of format.formatToParts(date)) parts[type] = value;
  parts.offset = /GMT([+-]\d\d:\d\d)/.exec(parts.timeZoneName)?.[1] ?? '+00:00';
  return parts;
}
/** `Wed 2026-11-25 13:00:00 +07:00`: the wall time in `zone`, with its offset (and milliseconds, if any). */
function localTime(date, zone) {
  const p = partsIn(date, zone);
  const ms = date.getTime() % 1000 === 0 ? '' : `.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
  return `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}${ms} ${p.offset}`;
}
/** `2026-11-25T13:00:00+07:00`: what the form's fields hold. */
function localIso(date, zone) {
  const p = partsIn(date, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`;
}
/** `3 h 59 min 58 s` (business time); negative times are shown as `over by …`. */
function duration(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const text = `${Math.floor(total / 3600)} h ${Math.floor((total % 3600) / 60)} min ${total % 60} s`;
  return ms < 0 ? `over by ${text}` : text;
}
/** ISO 8601 duration for `<time datetime>`: `PT3H59M58S`. */
function isoDuration(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  return `${ms < 0 ? '-' : ''}PT${Math.floor(total / 3600)}H${Math.floor((total % 3600) / 60)}M${total % 60}S`;
}

// --- The ticket, from the form.
let ticket = null;
let fieldOfEvent = [];

function fillForm() {
  const vocabulary = sla.vocabulary;
  options(form.elements.channel, vocabulary.channel, 'email', false);
  options(form.elements.priority, vocabulary.priority, 'standard', true);
  options(form.elements.category, vocabulary.category, '', true);
  // A ticket that came in two and a half hours before the page's start, no reply yet.
  form.elements.created.value = localIso(new Date(Math.floor((start.ms - 150 * 60_000) / 60_000) * 60_000), formZone);
  for (const input of form.querySelectorAll('.zone')) input.textContent = formZone;
}

function options(select, values, chosen, optional) {
  select.replaceChildren();
  if (optional) select.append(new Option('(none)', ''));
  for (const value of values) select.append(new Option(value, value, value === chosen, value === chosen));
}

function readForm() {
  const value = (name) => form.elements[name].value.trim();
  const events = [];
  fieldOfEvent = [];
  const event = (field, fields) => {
    if (value(field) === '') return;
    events.push({ ...fields, at: value(field) });
    fieldOfEvent.push(field);
  };
  event('created', { type: 'created' });
  event('firstReply', { type: 'agentReply' });
  event('pendingFrom', { type: 'status', status: 'pending' });
  event('pendingUntil', { type: 'status', status: 'open' });
  const next = { id: 'T-1001', channel: value('channel'), events };
  if (value('priority') !== '') next.priority = value('priority');
  if (value('category') !== '') next.category = value('category');
  return next;
}

/** The form field an issue's path points at (`['events', 2, 'at']` → the event's field). */
function fieldOf(path) {
  if (path[0] === 'events' && typeof path[1] === 'number') return fieldOfEvent[path[1]] ?? 'created';
  if (path[0] === 'events') return 'created';
  return typeof path[0] === 'string' && form.elements[path[0]] ? path[0] : null;
}

// --- Errors: the library's own issues (code, path, message), each tied to its field.
let shownErrors = '';
function showErrors(issues) {
  const key = JSON.stringify(issues);
  if (key === shownErrors) return; // unchanged: do not make screen readers announce it again
  shownErrors = key;
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const list = $('#errors');
  list.replaceChildren();
  for (const issue of issues) {
    const item = document.createElement('li');
    item.dataset.code = issue.code;
    const where = issue.path?.length ? `${formatPath(issue.path)}: ` : '';
    item.textContent = `${issue.code} — ${where}${issue.message}`;
    list.append(item);
    const field = issue.path ? fieldOf(issue.path) : null;
    if (field) form.elements[field].setAttribute('aria-invalid', 'true');
  }
  list.hidden = issues.length === 0;
}
const issuesOf = (error) => (Array.isArray(error?.issues) ? error.issues : [{ code: 'ERROR', path: [], message: String(error?.message ?? error) }]);

// --- Rendering.
const CELLS = ['clock', 'deadline', 'local', 'left', 'counting', 'status'];
let previousStatus = new Map();

function render() {
  const now = currentNow();
  const nowEl = $('#now');
  nowEl.dateTime = now.toISOString();
  nowEl.textContent = `${now.toISOString()} (${localTime(now, formZone)})`;
  if (!ticket) return;
  let report;
  try {
    report = evaluateSla(sla, ticket, now);
  } catch (error) {
    showErrors(issuesOf(error));
    rows.replaceChildren();
    $('#rule').textContent = '';
    $('#next').textContent = '';
    return;
  }
  showErrors([]);
  $('#rule').textContent = report.rule ? `Rule “${report.rule}” of the ${PRESET} preset applies: ${report.clocks.length} clock${report.clocks.length === 1 ? '' : 's'}.` : 'No rule of the policy applies to this ticket.';

  const keys = report.clocks.map((clock) => `${clock.target}#${clock.cycle}`);
  if (keys.join() !== [...rows.rows].map((row) => row.dataset.key).join()) {
    rows.replaceChildren(...keys.map((key) => {
      const row = document.createElement('tr');
      row.dataset.key = key;
      for (const name of CELLS) {
        const cell = document.createElement(name === 'clock' ? 'th' : 'td');
        if (name === 'clock') cell.scope = 'row';
        cell.className = name;
        row.append(cell);
      }
      return row;
    }));
  }
  const changes = [];
  report.clocks.forEach((clock, i) => {
    const row = rows.rows[i];
    const { calendar, zone } = calendars.get(clock.calendar);
    const counting = countingState(clock, calendar, zone, now);
    Object.assign(row.dataset, {
      target: clock.target, metric: clock.metric, cycle: String(clock.cycle), calendar: clock.calendar, zone,
      deadline: clock.deadline.toISOString(), remainingMs: String(clock.remainingMs), status: clock.status, counting: counting.state,
    });
    const [name, deadline, local, left, countingCell, status] = row.cells;
    setContent(name, `${clock.metric}${clock.cycle > 1 ? ` #${clock.cycle}` : ''}`, `${clock.target} · ${clock.calendar} calendar`);
    setTime(deadline, clock.deadline.toISOString(), clock.deadline.toISOString());
    setContent(local, localTime(clock.deadline, zone), zone);
    setTime(left, isoDuration(clock.remainingMs), duration(clock.remainingMs));
    countingCell.textContent = counting.text;
    status.textContent = clock.status;
    status.className = `status ${clock.status}`;
    const was = previousStatus.get(row.dataset.key);
    if (was && was !== clock.status) changes.push(`${clock.metric} is now ${clock.status}.`);
  });
  previousStatus = new Map(report.clocks.map((clock, i) => [keys[i], clock.status]));
  if (changes.length > 0) $('#announce').textContent = changes.join(' ');

  const next = [];
  if (report.nextChangeAt) next.push(`next status change ${localTime(report.nextChangeAt, formZone)}`);
  if (report.nextBreachAt) next.push(`next breach ${localTime(report.nextBreachAt, formZone)}`);
  $('#next').textContent = next.length ? `If nothing happens: ${next.join('; ')}.` : 'No clock will change status by itself.';
}

/** Whether the clock's business time is passing now, and why not when it is not. */
function countingState(clock, calendar, zone, now) {
  if (clock.stoppedAt) return { state: 'stopped', text: `stopped (${clock.stoppedBy ?? 'done'})` };
  if (clock.paused) return { state: 'paused', text: 'paused: the ticket is pending' };
  if (isOpen(calendar, now)) return { state: 'counting', text: 'counting' };
  return { state: 'closed', text: `closed until ${localTime(nextOpen(calendar, now), zone)}` };
}

function setContent(cell, main, detail) {
  cell.replaceChildren(main);
  const small = document.createElement('span');
  small.className = 'detail';
  small.textContent = detail;
  cell.append(small);
}

function setTime(cell, datetime, text) {
  let time = cell.firstElementChild;
  if (!time) {
    time = document.createElement('time');
    cell.append(time);
  }
  time.dateTime = datetime;
  time.textContent = text;
}

// --- Start.
if (start.error) $('#start-error').textContent = start.error;
fillForm();
form.addEventListener('submit', (event) => {
  event.preventDefault();
  ticket = readForm();
  shownErrors = '';
  previousStatus = new Map();
  render();
});
ticket = readForm();
render();
scheduleTick();
document.body.dataset.ready = 'true';
