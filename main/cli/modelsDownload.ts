import type { DownloadReport, ModelProgressEvent } from '../contract/modelsSchema'
import { createProgressReporter, type ProgressSink } from '../models/progressDisplay'
import type { SpatialService } from '../services/SpatialService'
import { callService, onServiceEvent } from './cliService'

/** Calls `onInterrupt` when the user interrupts (Ctrl+C); returns the function that stops listening. */
export type InterruptSource = (onInterrupt: () => void) => () => void

/** The first Ctrl+C cancels the download (its part is kept); a second one ends the process as usual. */
export const ctrlC: InterruptSource = (onInterrupt) => {
  process.once('SIGINT', onInterrupt)
  return () => process.off('SIGINT', onInterrupt)
}

/**
 * One model's `models:download`, its `models:progress` events drawn on `sink` (a bar or a line per 10 % per
 * file), and `models:cancel` on an interrupt. Resolves to the service's report (installed, failed, cancelled).
 */
export async function downloadWithProgress(
  service: SpatialService,
  modelId: string,
  sink: ProgressSink,
  interrupt: InterruptSource = ctrlC,
): Promise<DownloadReport> {
  const display = progressDisplay(sink, modelId)
  const unsubscribe = onServiceEvent(service, 'models:progress', (event) => display.show(event))
  // A cancel that fails leaves the download running to its end: nothing more to do here.
  const stopListening = interrupt(
    () => void callService(service, 'models:cancel', { modelId }).catch(() => undefined),
  )
  try {
    return await callService(service, 'models:download', { modelId })
  } finally {
    stopListening()
    unsubscribe()
    display.finish()
  }
}

/** One progress reporter per file of `modelId`, labelled as before the service: "<id> <file> (i/n)". */
function progressDisplay(sink: ProgressSink, modelId: string) {
  let reporter: ReturnType<typeof createProgressReporter> | undefined
  let label = ''
  const finish = () => {
    reporter?.finish()
    reporter = undefined
  }
  return {
    show(event: ModelProgressEvent) {
      if (event.modelId !== modelId || !event.file) return
      const fileLabel = `${modelId} ${event.file.path} (${event.file.index + 1}/${event.file.count})`
      if (fileLabel !== label) {
        finish()
        label = fileLabel
        reporter = createProgressReporter(sink, fileLabel)
      }
      const { receivedBytes, totalBytes, bytesPerSecond } = event
      reporter?.update({ receivedBytes, totalBytes, bytesPerSecond })
      if (event.phase !== 'downloading') finish()
    },
    finish,
  }
}
