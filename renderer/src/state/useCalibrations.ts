import { useCallback, useEffect, useState } from 'react'
import type {
  CalibrationJson,
  CalibrationMethodInput,
  CalibrationRunResult,
} from '../../../main/contract/calibrationChannelSchema'
import type { SpatialClient } from '../client/SpatialClient'

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

const DEPTH_TASKS = new Set(['metric-depth', 'relative-depth'])

/** The service's depth calibrations and installed depth models, re-read after each change. */
export function useCalibrations(client: SpatialClient): CalibrationsState {
  const [listing, setListing] = useState<Pick<CalibrationsState, 'calibrations' | 'problems'>>({
    calibrations: null,
    problems: [],
  })
  const [depthModels, setDepthModels] = useState<string[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      const [list, models] = await Promise.all([
        client.invoke('calibration:list', {}),
        client.invoke('models:list', {}),
      ])
      setListing(list)
      setDepthModels(
        models.models
          .filter((m) => DEPTH_TASKS.has(m.task) && m.state === 'installed')
          .map((m) => m.id),
      )
      setLoadError(null)
    } catch (error) {
      setLoadError((error as Error).message)
    }
  }, [client])

  useEffect(() => void refresh(), [refresh])

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
