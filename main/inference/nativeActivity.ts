/**
 * Counts onnxruntime calls in flight on this thread (session creation and runs), in a shared
 * Int32Array a parent thread can read. Terminating a worker thread while ORT's native code runs on
 * it aborts the whole process, so a parent that must stop a stuck worker (an analysis past its time
 * limit) waits until this count is 0: pure-JS work (geometry) can be stopped at any moment.
 */
let counter: Int32Array = new Int32Array(1)

/** Uses `shared` (an Int32Array over a SharedArrayBuffer from the parent) as this thread's counter. */
export function shareNativeActivity(shared: Int32Array): void {
  counter = shared
}

/** ORT calls in flight on the thread that owns `shared` (read from any thread). */
export function nativeCallsInFlight(shared: Int32Array = counter): number {
  return Atomics.load(shared, 0)
}

/** Runs one native call, counted while it is in flight. */
export async function countedNativeCall<T>(call: () => Promise<T>): Promise<T> {
  Atomics.add(counter, 0, 1)
  try {
    return await call()
  } finally {
    Atomics.sub(counter, 0, 1)
  }
}
