/** CSV rows of watch events (one row per alert transition or rate-limited value, never one per frame). */

import type { WatchEvent } from '../engine/watch'

export const WATCH_CSV_HEADER = 'frame_index,time_ns,watch,event,value_m,text'

function cell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** One CSV line (no newline) for an event of the watch query `watch`. */
export function watchCsvRow(watch: string, e: WatchEvent): string {
  const value = e.type === 'unavailable' ? '' : String(e.valueM)
  const text = e.type === 'unavailable' ? e.reason : e.text
  return [
    String(e.frameIndex),
    e.timestampNs.toString(),
    cell(watch),
    e.type,
    value,
    cell(text),
  ].join(',')
}
