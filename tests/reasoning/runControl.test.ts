import { afterEach, describe, expect, it, vi } from 'vitest'
import { RunControl, Stop } from '../../main/reasoning/runControl'

// The bounds of one reasoning run: the caller's cancel and the time limit end a wait with the right cause.

const never = (): Promise<never> => new Promise<never>(() => {})

afterEach(() => {
  vi.useRealTimers()
})

describe('RunControl', () => {
  it('passes a result through while the run is not stopped', async () => {
    const control = new RunControl(60_000)
    await expect(control.guarded(async () => 42)).resolves.toBe(42)
    expect(control.isStopped).toBe(false)
    control.dispose()
  })

  it("the caller's cancel ends a pending wait as 'cancelled' and aborts the run's signal", async () => {
    const caller = new AbortController()
    const control = new RunControl(60_000, caller.signal)
    const waiting = control.guarded(never)
    caller.abort(new Error('cancelled by the user'))
    await expect(waiting).rejects.toEqual(new Stop('cancelled'))
    expect(control.signal.aborted).toBe(true)
    expect(control.stopCause()).toBe('cancelled')
    control.dispose()
  })

  it("the time limit ends a pending wait as 'timeout'", async () => {
    vi.useFakeTimers()
    const control = new RunControl(5_000)
    const waiting = control.guarded(never)
    const outcome = expect(waiting).rejects.toSatisfy(
      (error) => error instanceof Stop && error.reason === 'timeout',
    )
    vi.advanceTimersByTime(5_000)
    await outcome
    control.dispose()
  })

  it('a caller that cancelled before the run started stops it at once, without calling start', async () => {
    const caller = new AbortController()
    caller.abort()
    const control = new RunControl(60_000, caller.signal)
    const start = vi.fn(async () => 1)
    await expect(control.guarded(start)).rejects.toBeInstanceOf(Stop)
    expect(start).not.toHaveBeenCalled()
    control.dispose()
  })

  it('after dispose, neither the timer nor a late cancel touches the run', () => {
    vi.useFakeTimers()
    const caller = new AbortController()
    const control = new RunControl(5_000, caller.signal)
    control.dispose()
    vi.advanceTimersByTime(10_000)
    caller.abort()
    expect(control.isStopped).toBe(false)
  })
})
