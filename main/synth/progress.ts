/**
 * The progress line of `spatial-lens synth` on stderr: frames done / total, QA pairs, frames and pairs per
 * second, ETA. On a terminal it redraws one line; otherwise it prints a line at every 10 % (logs stay short).
 */

export interface Progress {
  tick(samples: number): void
  finish(): void
}

const BAR = 24

/** @param total jobs this run will do; @param skipped jobs already done (resumed), shown but not timed. */
export function createProgress(
  total: number,
  skipped: number,
  log: (text: string) => void,
  isTty: boolean,
): Progress {
  const started = Date.now()
  let done = 0
  let samples = 0
  let lastDecile = -1
  const line = () => {
    const seconds = Math.max(1e-3, (Date.now() - started) / 1000)
    const rate = done / seconds
    const eta = rate > 0 ? (total - done) / rate : Infinity
    const filled = total === 0 ? BAR : Math.round((done / total) * BAR)
    const skippedText = skipped > 0 ? ` (+${skipped} done before)` : ''
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} frames${skippedText} · ${samples} QA · ${rate.toFixed(2)} frames/s · ${(samples / seconds).toFixed(0)} QA/s · ETA ${formatSeconds(eta)}`
  }
  return {
    tick(count) {
      done += 1
      samples += count
      if (isTty) log(`\r${line()}`)
      else {
        const decile = total === 0 ? 10 : Math.floor((done / total) * 10)
        if (decile !== lastDecile) log(`${line()}\n`)
        lastDecile = decile
      }
    },
    finish() {
      if (isTty) log('\n')
    },
  }
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  if (seconds < 60) return `${Math.round(seconds)}s`
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
  return `${Math.floor(seconds / 3600)}h${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}m`
}
