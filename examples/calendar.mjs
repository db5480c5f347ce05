// Business-hours deadlines for PelPro's core North American desk, from its playbook:
// "Monday–Friday, 07:00–19:00 CT", "email acknowledgment within 4 business hours and substantive
// reply within 24 business hours", "issues an RMA number within 24 business hours".
// Run: npm run examples (or node examples/calendar.mjs after npm run build).
import {
  addBusinessDays,
  addBusinessTime,
  businessTimeBetween,
  createCalendar,
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

const chicago = (date) =>
  date.toLocaleString('en-US', {
    timeZone: 'America/Chicago',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });

const cases = [
  ['Email, Friday evening', '2026-11-20T18:30:00-06:00'],
  ['Email, day before Thanksgiving', '2026-11-25T16:00:00-06:00'],
  ['Email, Christmas Eve morning', '2026-12-24T09:30:00-06:00'],
  ['Email, Saturday night (DST ends)', '2026-10-31T23:00:00-05:00'],
];

const rows = cases.map(([label, iso]) => {
  const received = new Date(iso);
  const acknowledge = addBusinessTime(desk, received, { hours: 4 });
  const reply = addBusinessTime(desk, received, { hours: 24 });
  return {
    case: label,
    received: chicago(received),
    'open now?': isOpen(desk, received) ? 'yes' : `no, opens ${chicago(nextOpen(desk, received))}`,
    'acknowledge by (4 bh)': chicago(acknowledge),
    'reply by (24 bh)': chicago(reply),
    'refund by (7 business days)': chicago(addBusinessDays(desk, received, 7)),
  };
});

console.log('PelPro desk: Mon-Fri 07:00-19:00 America/Chicago, US holidays, half day on Dec 24\n');
console.table(rows);

const from = new Date('2026-11-20T18:30:00-06:00');
const to = new Date('2026-11-30T12:00:00-06:00');
console.log(
  `\nBusiness time between ${chicago(from)} and ${chicago(to)}: ${businessTimeBetween(desk, from, to) / 3_600_000} h`,
);
