// Each seed playbook's response and resolution targets written as an SLA policy, quoting the
// sentence each target comes from. Used by test/sla/seeds.test.ts and docs/sla.md.
import type { SlaPolicySpec } from '../../src/sla/index.js';

const days = (range: string, keys: string[]) => Object.fromEntries(keys.map((key) => [key, [range]]));
const MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'];
const MON_SAT = [...MON_FRI, 'sat'];
const ALL = [...MON_SAT, 'sun'];

// PelPro: "Monday–Friday, 07:00–19:00 CT; 24×7 critical-incident coverage"; "phone answer within
// 30 seconds for Tier 1, live chat first reply within 2 minutes, email acknowledgment within 4
// business hours and substantive reply within 24 business hours"; "issues an RMA number within 24
// business hours"; "Critical incidents (Severity 1) trigger an on-call engineer within 60 minutes
// and … updates every 2 hours until resolution".
export const pelpro: SlaPolicySpec = {
  id: 'pelpro',
  calendars: {
    desk: { timeZone: 'America/Chicago', hours: days('07:00-19:00', MON_FRI), holidays: ['2026-11-26', '2026-12-25'] },
    oncall: { timeZone: 'America/Chicago', alwaysOpen: true },
  },
  rules: [
    {
      id: 'sev1',
      when: { priority: 'sev1' },
      targets: [
        { id: 'sev1-engineer', metric: 'acknowledgement', within: { minutes: 60 }, calendar: 'oncall' },
        { id: 'sev1-updates', metric: 'periodicUpdate', within: { hours: 2 }, calendar: 'oncall' },
      ],
    },
    { id: 'phone', when: { channel: 'phone' }, targets: [{ id: 'phone-answer', metric: 'firstResponse', within: { seconds: 30 }, calendar: 'desk' }] },
    { id: 'chat', when: { channel: 'chat' }, targets: [{ id: 'chat-first-reply', metric: 'firstResponse', within: { minutes: 2 }, calendar: 'desk' }] },
    {
      id: 'email',
      when: { channel: ['email', 'portal'] },
      targets: [
        { id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'desk' },
        { id: 'email-reply', metric: 'firstResponse', within: { hours: 24 }, calendar: 'desk' },
        { id: 'rma-number', metric: 'rmaIssued', within: { hours: 24 }, calendar: 'desk', startOn: 'metricStarted' },
      ],
    },
  ],
};

// Primos: "8:00–20:00 local time (Mon–Sat)"; "For chat, target an initial response under 30
// seconds and full resolution (chat-to-close) under 20 minutes"; "Median Time to Resolution (TTR):
// ≤ 48 hours across channels; ≤ 4 hours for priority escalations". The zone is ours to choose.
export const primos: SlaPolicySpec = {
  id: 'primos',
  calendars: {
    store: { timeZone: 'America/New_York', hours: days('08:00-20:00', MON_SAT) },
    emergency: { timeZone: 'America/New_York', alwaysOpen: true },
  },
  // "Offer multi-channel access: phone, email, live chat, and a dedicated support portal": email and
  // portal tickets fall to the standard rule, which names no channel.
  vocabulary: { channel: ['phone', 'email', 'chat', 'portal'] },
  rules: [
    { id: 'priority-escalation', when: { tagsAny: ['priority-escalation'] }, targets: [{ id: 'escalation-ttr', metric: 'resolution', within: { hours: 4 }, calendar: 'emergency' }] },
    {
      id: 'chat',
      when: { channel: 'chat' },
      targets: [
        { id: 'chat-initial', metric: 'firstResponse', within: { seconds: 30 }, calendar: 'store' },
        { id: 'chat-to-close', metric: 'resolution', within: { minutes: 20 }, calendar: 'store' },
      ],
    },
    { id: 'standard', targets: [{ id: 'ttr-48h', metric: 'resolution', within: { hours: 48 }, calendar: 'emergency' }] },
  ],
};

// HomePro: "standard 09:00–20:00 local time"; "email acknowledged within 4 hours and resolved
// within 48–72 hours"; "Social DM: reply <60m for weekdays"; "priority (safety/flooding/electrical
// hazard) response within 2–6 hours, high … 24–48 hours, standard 72 hours"; "emergency
// plumbing/electrical callback within 2 hours". Ranges pinned to their upper bound.
export const homepro: SlaPolicySpec = {
  id: 'homepro',
  calendars: {
    center: { timeZone: 'Asia/Bangkok', hours: days('09:00-20:00', ALL) },
    weekdays: { timeZone: 'Asia/Bangkok', hours: days('09:00-20:00', MON_FRI) },
    clock: { timeZone: 'Asia/Bangkok', alwaysOpen: true },
  },
  // "phone, email/ticketing, live chat, social media messaging"; on-site priorities "priority …
  // high … standard" (standard tickets fall to the target without a "when").
  vocabulary: { channel: ['phone', 'email', 'chat', 'social'], priority: ['priority', 'high', 'standard'] },
  rules: [
    {
      id: 'onsite',
      when: { category: 'onsite' },
      targets: [
        { id: 'emergency-callback', metric: 'firstResponse', when: { priority: 'priority' }, within: { hours: 2 }, calendar: 'clock' },
        { id: 'visit-priority', metric: 'onSiteVisit', when: { priority: 'priority' }, within: { hours: 6 }, calendar: 'clock' },
        { id: 'visit-high', metric: 'onSiteVisit', when: { priority: 'high' }, within: { hours: 48 }, calendar: 'clock' },
        { id: 'visit-standard', metric: 'onSiteVisit', within: { hours: 72 }, calendar: 'clock' },
      ],
    },
    { id: 'social', when: { channel: 'social' }, targets: [{ id: 'dm-reply', metric: 'firstResponse', within: { minutes: 60 }, calendar: 'weekdays' }] },
    {
      id: 'email',
      when: { channel: 'email' },
      targets: [
        { id: 'email-ack', metric: 'acknowledgement', within: { hours: 4 }, calendar: 'center' },
        { id: 'email-resolution', metric: 'resolution', within: { hours: 72 }, calendar: 'clock' },
      ],
    },
  ],
};

// Amare: "urgent order/health-safety issues — initial acknowledgment within 2 hours and
// resolution within 24 hours; general inquiries — acknowledgment within 24 business hours;
// returns/refunds — processing and communication within 7 business days". No hours are stated:
// we assume Mon–Fri 09:00–17:00 US Mountain time.
export const amare: SlaPolicySpec = {
  id: 'amare',
  calendars: {
    office: { timeZone: 'America/Denver', hours: days('09:00-17:00', MON_FRI) },
    clock: { timeZone: 'America/Denver', alwaysOpen: true },
  },
  rules: [
    {
      id: 'urgent',
      when: { priority: 'urgent' },
      targets: [
        { id: 'urgent-ack', metric: 'acknowledgement', within: { hours: 2 }, calendar: 'clock' },
        { id: 'urgent-resolution', metric: 'resolution', within: { hours: 24 }, calendar: 'clock' },
      ],
    },
    { id: 'returns', when: { category: 'returns' }, targets: [{ id: 'returns-processing', metric: 'resolution', within: { businessDays: 7 }, calendar: 'office' }] },
    { id: 'general', targets: [{ id: 'general-ack', metric: 'acknowledgement', within: { hours: 24 }, calendar: 'office' }] },
  ],
};

// Tru Fit: "core hours are 7:00–22:00 local time Monday–Sunday"; "answered calls within 30
// seconds, chat response within 60 seconds, email/ticket initial response within 8 business
// hours, and incident acknowledgment within 1 hour for Priority 1 incidents"; "escalation to
// senior agent if unresolved >48 hours"; "warranty claims processed within 14 days".
export const trufit: SlaPolicySpec = {
  id: 'trufit',
  calendars: {
    core: { timeZone: 'America/Los_Angeles', hours: days('07:00-22:00', ALL) },
    clock: { timeZone: 'America/Los_Angeles', alwaysOpen: true },
  },
  // "phone (voice), live chat, email/ticketing, self-service knowledge base, and a post-purchase
  // returns portal": email and portal tickets fall to the last rule.
  vocabulary: { channel: ['phone', 'chat', 'email', 'portal'] },
  rules: [
    { id: 'p1', when: { priority: 'P1' }, targets: [{ id: 'p1-ack', metric: 'acknowledgement', within: { hours: 1 }, calendar: 'clock' }] },
    { id: 'phone', when: { channel: 'phone' }, targets: [{ id: 'call-answer', metric: 'firstResponse', within: { seconds: 30 }, calendar: 'core' }] },
    { id: 'chat', when: { channel: 'chat' }, targets: [{ id: 'chat-response', metric: 'firstResponse', within: { seconds: 60 }, calendar: 'core' }] },
    { id: 'warranty', when: { category: 'warranty' }, targets: [{ id: 'warranty-claim', metric: 'resolution', within: { days: 14 }, calendar: 'core' }] },
    {
      id: 'email',
      targets: [
        { id: 'email-initial', metric: 'firstResponse', within: { hours: 8 }, calendar: 'core' },
        { id: 'unresolved-48h', metric: 'resolution', within: { hours: 48 }, calendar: 'clock' },
      ],
    },
  ],
};
