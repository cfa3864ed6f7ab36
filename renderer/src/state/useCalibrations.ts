import { useCallback, useEffect, useState } from 'react'
import type {
  CalibrationJson,
  CalibrationMethodInput,
  CalibrationRunResult,
} from '../../../main/contract/calibrationChannelSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { DEPTH_TASKS } from '../../../main/contract/manifestSchema'

export interface CalibrationsState {
  /** Saved calibrations (null until read), and files the service could not read. */
  calibrations: CalibrationJson[] | null
  problems: { path: string; message: string }[]
  /** Installed depth models (ids), the ones a calibration can be fitted for. */
  depthModels: string[]
  /** Why reading the list failed, or null. */
  loadError: string | null
  run(input: {
    sceneId: string
    modelId: string
    method: CalibrationMethodInput
  }): Promise<CalibrationRunResult>
  remove(cameraId: string, modelId: string): Promise<void>
}

/** The service's depth calibrations (re-read after each change) and its installed depth models. */
export function useCalibrations(client: SpatialClient): CalibrationsState {
  const [listing, setListing] = useState<Pick<CalibrationsState, 'calibrations' | 'problems'>>({
    calibrations: null,
    problems: [],
  })
  const [depthModels, setDepthModels] = useState<string[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)

  const reportLoadError = (error: unknown) => setLoadError((error as Error).message)

  // The calibrations change with each run and removal; the installed models do not.
  const refresh = useCallback(async () => {
    try {
      setListing(await client.invoke('calibration:list', {}))
      setLoadError(null)
    } catch (error) {
      reportLoadError(error)
    }
  }, [client])

  useEffect(() => void refresh(), [refresh])
  useEffect(() => {
    client
      .invoke('models:list', {})
      .then((list) =>
        setDepthModels(
          list.models
            .filter((m) => DEPTH_TASKS.has(m.task) && m.state === 'installed')
            .map((m) => m.id),
        ),
      )
      .catch(reportLoadError)
  }, [client])

  const run = useCallback<CalibrationsState['run']>(
    async (input) => {
      const result = await client.invoke('calibration:run', input)
      await refresh()
      return result
    },
    [client, refresh],
  )
  const remove = useCallback(
    async (cameraId: string, modelId: string) => {
      await client.invoke('calibration:remove', { cameraId, modelId })
      await refresh()
    },
    [client, refresh],
  )
  return { ...listing, depthModels, loadError, run, remove }
}
