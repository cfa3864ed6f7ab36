// `performance` exists in Node and every browser, but the engine's lib (ES2022, no DOM, no @types/node)
// does not declare it; declare just what we use so the engine stays host-free.
declare const performance: { now(): number }

/** Milliseconds from a monotonic clock, for stage timings. */
export function nowMs(): number {
  return performance.now()
}

/** Runs `fn`, adds its duration to `timings[stage]`, and returns its result. */
export function timed<T>(timings: Record<string, number>, stage: string, fn: () => T): T {
  const start = nowMs()
  const result = fn()
  timings[stage] = (timings[stage] ?? 0) + (nowMs() - start)
  return result
}
