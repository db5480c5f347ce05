// Staffing with Erlang C and the seeds' own examples. Tru Fit: "300 contacts/hour × 6-minute AHT
// => 1,800 handling minutes/hour; at 80% occupancy you need ~38 agents". HomePro: "2,000 calls/day
// at average handle time 6 minutes and target service level 80/20 will require approximately 25–30
// agents per shift". Run: npm run examples (or node examples/staffing.mjs after npm run build).
import { agentsRequired, createCalendar, formatLocal, staffingPlan, workloadAgents } from 'support-rules';

console.log(`Tru Fit, workload formula: ${workloadAgents(300, 6, 80)} agents`);
const truFit = agentsRequired({ contacts: 300, intervalSeconds: 3600, ahtSeconds: 360 }, { serviceLevelPercent: 80, targetSeconds: 30 });
console.log(`Tru Fit, Erlang C for 80 % in 30 s: ${truFit.agents} agents at ${(truFit.occupancy * 100).toFixed(1)} % occupancy`);

// HomePro's day, 09:00-20:00 in Bangkok, with a morning and an evening peak (+40 %).
const center = createCalendar({ timeZone: 'Asia/Bangkok', hours: { mon: ['09:00-20:00'] } });
const hours = Array.from({ length: 13 }, (_, i) => 8 + i); // 08:00 to 20:00 local
const base = 2000 / 11 / 1.1;
const forecast = hours.map((hour) => ({
  start: new Date(`2026-11-23T${String(hour).padStart(2, '0')}:00:00+07:00`),
  contacts: Math.round(base * ((hour >= 9 && hour < 12) || (hour >= 16 && hour < 19) ? 1.4 : 0.8)),
}));
const plan = staffingPlan(center, forecast, { intervalSeconds: 3600, ahtSeconds: 360, serviceLevelPercent: 80, targetSeconds: 20, shrinkagePercent: 25 });
console.log(`\nHomePro, ${forecast.reduce((a, f) => a + (f.start.getUTCHours() + 7 >= 9 && f.start.getUTCHours() + 7 < 20 ? f.contacts : 0), 0)} calls over the open hours, 80/20, 25 % shrinkage.`);
// The table shows each interval's local hour; the first and last start in full, with UTC.
const [first, last] = [plan.intervals[0], plan.intervals[plan.intervals.length - 1]];
console.log(`One-hour intervals, the first starting ${formatLocal(first.start, center.timeZone)}, the last ${formatLocal(last.start, center.timeZone)}:`);
console.table(
  plan.intervals.map((i) => ({
    hour: i.start.toLocaleTimeString('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit' }),
    open: i.open,
    calls: i.contacts,
    agents: i.agents,
    scheduled: i.scheduled,
    'service level': i.serviceLevel === undefined ? '-' : `${(i.serviceLevel * 100).toFixed(1)} %`,
  })),
);
console.log(`Peak: ${plan.peakScheduled} agents scheduled.`);
