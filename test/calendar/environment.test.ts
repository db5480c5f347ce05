import { expect, it } from 'vitest';

// The suites run under non-UTC zones with DST (npm test runs them under America/New_York and
// again under Pacific/Chatham), so machine-local time would show up as a failure if it leaked
// into any result. This guards that setup itself.
it('runs under a non-UTC machine time zone with DST', () => {
  const january = new Date(2026, 0, 15).getTimezoneOffset();
  const july = new Date(2026, 6, 15).getTimezoneOffset();
  expect(january).not.toBe(0);
  expect(january).not.toBe(july);
});
