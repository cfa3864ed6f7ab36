/**
 * The bounds of one reasoning run: a wall-clock limit and the caller's AbortSignal, folded into one
 * signal that every model call and tool run of the run listens to.
 */

/** Why a run was stopped from outside the model: its time limit, or the caller's cancel. */
export type StopCause = 'timeout' | 'cancelled'

/** Thrown by {@link RunControl.guarded} when the run is stopped while it waits. */
export class Stop extends Error {
  constructor(readonly reason: StopCause) {
    super(reason)
  }
}

/** One run's abort signal (time limit or caller), and awaits that give up when it fires. */
export class RunControl {
  private readonly controller = new AbortController()
  private isTimedOut = false
  private readonly timer: ReturnType<typeof setTimeout>
  private readonly onCallerAbort = (): void => this.controller.abort(this.caller?.reason)

  /** `timeoutMs`: wall-clock limit in milliseconds; `caller`: the caller's cancel signal. */
  constructor(
    readonly timeoutMs: number,
    private readonly caller?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.isTimedOut = true
      this.controller.abort(new Error('time limit'))
    }, timeoutMs)
    if (caller?.aborted) this.onCallerAbort()
    caller?.addEventListener('abort', this.onCallerAbort, { once: true })
  }

  /** Aborted when the time limit is reached or the caller cancels. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  get isStopped(): boolean {
    return this.controller.signal.aborted
  }

  /** Why the run stopped (meaningful once {@link isStopped}). */
  stopCause(): StopCause {
    return this.isTimedOut ? 'timeout' : 'cancelled'
  }

  /** Await `start()` unless the run is stopped first: then reject with {@link Stop}. */
  guarded<T>(start: () => Promise<T>): Promise<T> {
    const signal = this.controller.signal
    return new Promise<T>((resolve, reject) => {
      if (signal.aborted) return reject(new Stop(this.stopCause()))
      const abort = (): void => reject(new Stop(this.stopCause()))
      signal.addEventListener('abort', abort, { once: true })
      start()
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', abort))
    })
  }

  /** Clears the timer and stops listening to the caller's signal (the run is over). */
  dispose(): void {
    clearTimeout(this.timer)
    this.caller?.removeEventListener('abort', this.onCallerAbort)
  }
}
