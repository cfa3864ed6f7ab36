import { useCallback, useEffect, useState } from 'react'
import type { ExportFormat, MeasurementList } from '../../../main/contract/measurementSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { downloadFile } from './downloadFile'
import { toUiError, type UiError } from './uiError'

export interface MeasurementLogState {
  /** The log as last read (oldest first), or null before the first read. */
  list: MeasurementList | null
  /** What is running: an export of one format, clearing, or nothing. */
  busy: ExportFormat | 'clear' | null
  refresh(): Promise<void>
  exportAs(format: ExportFormat): Promise<void>
  clear(): Promise<void>
}

const LOG_HINT =
  'Check that the Spatial Lens service is running; the log file it names must be writable (spatial-lens log list shows it).'

/**
 * The measurement log kept by the service: read on start and whenever `refreshKey` changes (each
 * new answer), exported as a download, cleared. Failures go to the error banner.
 */
export function useMeasurementLog(
  client: SpatialClient,
  reportError: (error: UiError | null) => void,
  refreshKey: unknown,
): MeasurementLogState {
  const [list, setList] = useState<MeasurementList | null>(null)
  const [busy, setBusy] = useState<MeasurementLogState['busy']>(null)
  const fail = useCallback(
    (title: string, error: unknown) =>
      reportError(toUiError(error, { title, hint: LOG_HINT, offersSample: false })),
    [reportError],
  )

  const refresh = useCallback(async () => {
    try {
      setList(await client.invoke('log:list', {}))
    } catch (error) {
      fail('Could not read the measurement log', error)
    }
  }, [client, fail])

  useEffect(() => {
    void refresh()
  }, [refresh, refreshKey])

  const exportAs = useCallback(
    async (format: ExportFormat) => {
      setBusy(format)
      try {
        downloadFile(await client.invoke('log:export', { format }))
      } catch (error) {
        fail(`Could not export the measurements as ${format.toUpperCase()}`, error)
      } finally {
        setBusy(null)
      }
    },
    [client, fail],
  )

  const clear = useCallback(async () => {
    setBusy('clear')
    try {
      await client.invoke('log:clear', {})
    } catch (error) {
      fail('Could not clear the measurement log', error)
    } finally {
      setBusy(null)
    }
    await refresh()
  }, [client, fail, refresh])

  return { list, busy, refresh, exportAs, clear }
}
