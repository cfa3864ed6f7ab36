import type { Worker } from 'node:worker_threads'
import { nativeCallsInFlight } from '../inference/nativeActivity'

/** How often a replaced worker is checked for a finished onnxruntime call (ms). */
const POLL_MS = 50

/**
 * Terminates a worker once no onnxruntime call runs on it (`nativeCalls`, see nativeActivity): terminating a
 * thread inside one aborts the whole process. Checks at once, then every 50 ms; resolves when it has ended.
 */
export function terminateWhenNativeIdle(worker: Worker, nativeCalls: Int32Array): Promise<void> {
  return new Promise((resolve) => {
    const tryStop = () => {
      if (nativeCallsInFlight(nativeCalls) > 0) return
      clearInterval(poll)
      void worker.terminate().finally(() => resolve())
    }
    const poll = setInterval(tryStop, POLL_MS)
    poll.unref()
    tryStop()
  })
}
