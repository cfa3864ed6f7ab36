import type { DownloadProgress } from './downloader'
import { formatBytes } from '../contract/byteSize'

/** Where progress goes: a terminal gets a redrawn bar, anything else one line per 10 %. */
export interface ProgressSink {
  write(text: string): void
  isTTY: boolean
}

export { formatBytes }

const BAR_WIDTH = 24
/** Without a known total, a plain sink still gets a line every this many bytes. */
const UNKNOWN_TOTAL_STEP = 16_000_000

/**
 * A progress callback for one file. Call `finish()` once the file is done (it ends the bar's
 * line). TTY redraws are throttled to 10 per second; plain lines fire on each 10 % boundary.
 */
export function createProgressReporter(
  sink: ProgressSink,
  label: string,
): { update: (progress: DownloadProgress) => void; finish: () => void } {
  let lastDrawMs = 0
  let lastStep = 0
  let hasDrawn = false
  const update = (progress: DownloadProgress) => {
    const { receivedBytes, totalBytes, bytesPerSecond } = progress
    const rate = `${formatBytes(Math.round(bytesPerSecond))}/s`
    if (sink.isTTY) {
      const now = Date.now()
      const isDone = totalBytes !== null && receivedBytes >= totalBytes
      if (!isDone && now - lastDrawMs < 100) return
      lastDrawMs = now
      hasDrawn = true
      if (totalBytes === null) {
        sink.write(`\r${label} ${formatBytes(receivedBytes)} ${rate}\u001b[K`)
        return
      }
      const fraction = Math.min(1, receivedBytes / Math.max(1, totalBytes))
      const filled = Math.round(fraction * BAR_WIDTH)
      const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled)
      sink.write(
        `\r${label} [${bar}] ${Math.floor(fraction * 100)}% ${formatBytes(receivedBytes)}/${formatBytes(totalBytes)} ${rate}\u001b[K`,
      )
      return
    }
    const step =
      totalBytes === null
        ? Math.floor(receivedBytes / UNKNOWN_TOTAL_STEP)
        : Math.floor((10 * receivedBytes) / Math.max(1, totalBytes))
    if (step <= lastStep) return
    // Jumping several steps at once (a fast chunk) still prints one line, at the current value.
    lastStep = step
    if (totalBytes === null) sink.write(`${label}: ${formatBytes(receivedBytes)} (${rate})\n`)
    else
      sink.write(
        `${label}: ${Math.min(100, step * 10)}% (${formatBytes(receivedBytes)} of ${formatBytes(totalBytes)}, ${rate})\n`,
      )
  }
  const finish = () => {
    if (sink.isTTY && hasDrawn) sink.write('\n')
  }
  return { update, finish }
}
