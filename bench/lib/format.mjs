// Number, time and value formatting for the report.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ZONE } from './scenario.mjs';

const group = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A duration given in milliseconds, with a unit that keeps 3 significant digits. */
export function formatTime(ms) {
  const ns = ms * 1e6;
  if (ns < 1_000) return `${ns < 100 ? ns.toFixed(1) : ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${sig(ns / 1e3)} µs`;
  if (ns < 1e9) return `${sig(ns / 1e6)} ms`;
  return `${sig(ns / 1e9)} s`;
}

function sig(x) {
  return x >= 100 ? group(x, 0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

export function formatOps(msPerOp) {
  const ops = 1000 / msPerOp;
  return `${ops >= 100 ? group(ops) : ops.toFixed(1)} ops/s`;
}

export function formatRatio(x) {
  if (x >= 100) return `${group(x)}×`;
  if (x >= 10) return `${x.toFixed(1)}×`;
  return `${x.toFixed(2)}×`;
}

const local = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** An operation's result, readably: an instant in UTC and Chicago time, or a duration in hours. */
export function formatValue(kind, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (kind === 'duration') return `${group(value / 3_600_000, value % 60_000 === 0 ? 0 : 3)} h`;
  const p = Object.fromEntries(local.formatToParts(value).map((x) => [x.type, x.value]));
  return `${new Date(value).toISOString().replace('.000Z', 'Z')} (${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName})`;
}

export function mdEscape(text) {
  return String(text).replaceAll('|', '\\|');
}

/** The commit a checkout is at ("commit abc1234", noting uncommitted changes in src/), for reports. */
export function sourceVersion(dir) {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `commit ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src') ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'commit unknown';
  }
}

/**
 * Writes one benchmark's section of a Markdown report: `section` (which begins with `startMarker`
 * and ends with `endMarker`) replaces the text between the markers, or is appended when the file
 * has none yet.
 */
export function writeSection(file, startMarker, endMarker, section) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  let next;
  if (start !== -1 && end > start) next = text.slice(0, start) + section + text.slice(end + endMarker.length).replace(/^\n/, '');
  else next = text === '' ? section : `${text.replace(/\n*$/, '\n')}\n${section}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
}
