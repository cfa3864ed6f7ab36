/**
 * Camera pacing shared by the replaying sources (folder, memory): frame i is due at i·period after the start. Each
 * pull takes the newest frame that is due (waiting for the next one when none is new); frames whose time passed
 * while the consumer was busy are skipped and counted, as a real camera would have overwritten them.
 */

export interface PacedSlot {
  /** Index of the frame to deliver. */
  slot: number
  /** When a camera would have delivered it (performance.now clock, ms). */
  dueAtMs: number
}

/**
 * Yields the slots of `count` frames at one per `periodMs`, skipping the ones that fell due while the consumer
 * was busy; `onSkip(n)` is told each time n frames are skipped. Stops after the last slot or when `isClosed()`.
 */
export async function* pacedSlots(
  count: number,
  periodMs: number,
  isClosed: () => boolean,
  onSkip: (frames: number) => void,
): AsyncGenerator<PacedSlot> {
  const start = performance.now()
  let last = -1
  while (!isClosed()) {
    let slot = Math.floor((performance.now() - start) / periodMs)
    if (slot <= last) {
      slot = last + 1
      await new Promise((r) =>
        setTimeout(r, Math.max(0, start + slot * periodMs - performance.now())),
      )
    }
    if (slot >= count) {
      onSkip(count - 1 - last)
      return
    }
    onSkip(slot - last - 1)
    last = slot
    yield { slot, dueAtMs: start + slot * periodMs }
  }
}
