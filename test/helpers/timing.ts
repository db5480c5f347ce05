// How long a call takes, as a hang would show it: the smaller of wall-clock and CPU time (other
// processes on a busy machine stretch the first, not the second), and the better of two runs when
// the first is slow (a garbage-collection pause or a cold compile stretches one run, a hang both).

/** Milliseconds `call` takes, whether it answers or throws (a throw is rethrown by neither run). */
export function callMs(call: () => unknown, slowMs = 50): number {
  const once = (): number => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    try {
      call();
    } catch {
      // only the time matters here
    }
    const used = process.cpuUsage(cpu);
    return Math.min(performance.now() - wall, (used.user + used.system) / 1000);
  };
  const first = once();
  return first < slowMs ? first : Math.min(first, once());
}
