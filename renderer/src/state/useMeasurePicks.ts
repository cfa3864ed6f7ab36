import { useCallback, useState, type Dispatch, type SetStateAction } from 'react'
import type { Measurement } from '../../../main/contract/measureSchema'
import type { SpatialClient } from '../client/SpatialClient'
import {
  addPick,
  pickFromClick,
  toMeasureTarget,
  type ClickTarget,
  type MeasurePick,
  type SnapMode,
} from './measurePicks'
import { useLatestRequest } from './useLatestRequest'

const NO_PICKS: MeasurePick[] = []

interface Progress {
  sceneId: string
  picks: MeasurePick[]
  measurement: Measurement | null
  problem: string | null
}

type LatestOnly = ReturnType<typeof useLatestRequest>['latestOnly']

/** Measure mode's picks on the current scene, the measurement they made, and what went wrong. */
export interface MeasurePicksState {
  /** 0, 1 or 2 picks on the current scene. */
  picks: MeasurePick[]
  measurement: Measurement | null
  isBusy: boolean
  problem: string | null
  pickInScene(target: ClickTarget): void
  pickInImage(pixel: [number, number], objectName: string | null): Promise<void>
  /** Forgets the picks (leaving Measure mode). */
  reset(): void
}

/**
 * Two clicks pick objects or points (snapped as `snap` says); the second asks `scene:measure` and
 * hands the result to `onMeasure`. Picks belong to the scene they were made on: a new scene starts
 * over. Image clicks on a point ask `scene:pointAt` for its 3D position; only the latest request counts.
 */
export function useMeasurePicks(
  client: SpatialClient,
  sceneId: string | null,
  snap: SnapMode,
  onMeasure: (measurement: Measurement) => void,
): MeasurePicksState {
  const [progress, setProgress] = useState<Progress | null>(null)
  const { busySceneId, latestOnly } = useLatestRequest()
  const current = progress && progress.sceneId === sceneId ? progress : null
  const picks = current?.picks ?? NO_PICKS
  const measure = useMeasureRequest(client, onMeasure, latestOnly, setProgress)

  /** Keeps the picks (and measurement) made on `scene` and says why the last click failed. */
  const showProblem = useCallback(
    (scene: string, problem: string) =>
      setProgress({ sceneId: scene, picks, measurement: current?.measurement ?? null, problem }),
    [picks, current],
  )

  const applyClick = useCallback(
    (target: ClickTarget) => {
      if (!sceneId) return
      const pick = pickFromClick(snap, target)
      const next = 'problem' in pick ? pick : addPick(picks, pick)
      if ('problem' in next) return showProblem(sceneId, next.problem)
      setProgress({ sceneId, picks: next, measurement: null, problem: null })
      if (next.length === 2) void measure(sceneId, next)
    },
    [sceneId, snap, picks, showProblem, measure],
  )

  const pickInImage = useCallback(
    async (pixel: [number, number], objectName: string | null) => {
      if (!sceneId) return
      if (snap === 'objects' && objectName) return applyClick({ objectName, pointInWorld: null })
      await latestOnly(
        sceneId,
        () => client.invoke('scene:pointAt', { sceneId, pixel }),
        (point) => applyClick({ objectName: null, pointInWorld: point.pointInWorld }),
        (error) => showProblem(sceneId, message(error)),
      )
    },
    [client, sceneId, snap, applyClick, latestOnly, showProblem],
  )

  const reset = useCallback(() => setProgress(null), [])
  return {
    picks,
    measurement: current?.measurement ?? null,
    isBusy: busySceneId !== null && busySceneId === sceneId,
    problem: current?.problem ?? null,
    pickInScene: applyClick,
    pickInImage,
    reset,
  }
}

/** Asks `scene:measure` for two picks on `scene`; a failure keeps the first pick and says why. */
function useMeasureRequest(
  client: SpatialClient,
  onMeasure: (measurement: Measurement) => void,
  latestOnly: LatestOnly,
  setProgress: Dispatch<SetStateAction<Progress | null>>,
): (scene: string, both: MeasurePick[]) => Promise<void> {
  return useCallback(
    (scene: string, both: MeasurePick[]) =>
      latestOnly(
        scene,
        () => {
          const [a, b] = both.map(toMeasureTarget)
          return client.invoke('scene:measure', { sceneId: scene, a, b })
        },
        (measurement) => {
          setProgress({ sceneId: scene, picks: both, measurement, problem: null })
          onMeasure(measurement)
        },
        (error) =>
          setProgress({
            sceneId: scene,
            picks: both.slice(0, 1),
            measurement: null,
            problem: message(error),
          }),
      ),
    [client, onMeasure, latestOnly, setProgress],
  )
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.charAt(0).toUpperCase() + text.slice(1)
}
