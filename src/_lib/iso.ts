// A strict, fast parser for ISO 8601 instants with an explicit offset:
// YYYY-MM-DDTHH:MM[:SS[.sss]](Z|±HH:MM). Date.parse accepts more (and strings without an offset
// in machine-local time); at 600,000 events a pass it was also a tenth of the SLA engine's time.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Epoch milliseconds of an ISO 8601 instant with an offset, or NaN if it is not one. */
export function parseIsoInstant(text: string): number {
  const n = text.length;
  if (n < 17 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (DAYS_IN_MONTH[month - 1] as number) + (leap ? 1 : 0)) return Number.NaN;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text[i] === ':') {
    second = digits(text, i + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (text[i] === '.') {
      let scale = 100;
      let count = 0;
      for (i++; count < 3 && i < n; i++, count++) {
        const code = text.charCodeAt(i) - 48;
        if (code < 0 || code > 9) break;
        ms += code * scale;
        scale /= 10;
      }
      if (count === 0) return Number.NaN;
    }
  }
  let offsetMinutes: number;
  if (text[i] === 'Z' && i + 1 === n) offsetMinutes = 0;
  else if ((text[i] === '+' || text[i] === '-') && i + 6 === n && text[i + 3] === ':') {
    const h = digits(text, i + 1, 2);
    const m = digits(text, i + 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) return Number.NaN;
    offsetMinutes = (text[i] === '-' ? -1 : 1) * (h * 60 + m);
  } else return Number.NaN;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999; such years are outside every supported range anyway.
  return year < 100 ? Number.NaN : utc - offsetMinutes * 60_000;
}
