// Business-hours deadlines for PelPro's core North American desk, from its playbook:
// "Monday–Friday, 07:00–19:00 CT", "email acknowledgment within 4 business hours and substantive
// reply within 24 business hours", "issues an RMA number within 24 business hours".
// Run: npm run examples (or node examples/calendar.mjs after npm run build).
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  createCalendar,
  formatLocal,
  isOpen,
  nextOpen,
} from 'support-rules';

const desk = createCalendar({
  timeZone: 'America/Chicago',
  hours: {
    mon: ['07:00-19:00'],
    tue: ['07:00-19:00'],
    wed: ['07:00-19:00'],
    thu: ['07:00-19:00'],
    fri: ['07:00-19:00'],
  },
  holidays: ['2026-11-26', '2026-12-25', '2027-01-01'],
  overrides: { '2026-12-24': ['07:00-12:00'] },
});

// An instant as the desk reads it: the weekday, then local time with UTC beside it
// (Mon 2026-11-23 10:30 CST (16:30Z)).
const weekday = (date) => date.toLocaleDateString('en-US', { timeZone: desk.timeZone, weekday: 'short' });
const local = (date) => `${weekday(date)} ${formatLocal(date, desk.timeZone)}`;

const cases = [
  ['Email, Friday evening', '2026-11-20T18:30:00-06:00'],
  ['Email, day before Thanksgiving', '2026-11-25T16:00:00-06:00'],
  ['Email, Christmas Eve morning', '2026-12-24T09:30:00-06:00'],
  ['Email, Saturday night (DST ends)', '2026-10-31T23:00:00-05:00'],
];

console.log('PelPro desk: Mon-Fri 07:00-19:00 America/Chicago, US holidays, half day on Dec 24');
for (const [label, iso] of cases) {
  const received = new Date(iso);
  const open = isOpen(desk, received) ? 'the desk is open' : `the desk opens ${local(nextOpen(desk, received))}`;
  console.log(`\n${label}: received ${local(received)}; ${open}`);
  console.log(`  acknowledge by (4 business hours)  ${local(addBusinessTime(desk, received, { hours: 4 }))}`);
  console.log(`  reply by (24 business hours)       ${local(addBusinessTime(desk, received, { hours: 24 }))}`);
  console.log(`  refund by (7 business days)        ${local(addBusinessDays(desk, received, 7))}`);
}

const from = new Date('2026-11-20T18:30:00-06:00');
const to = new Date('2026-11-30T12:00:00-06:00');
console.log(`\nBusiness time between ${local(from)} and ${local(to)}: ${businessTimeBetween(desk, from, to) / 3_600_000} h`);
