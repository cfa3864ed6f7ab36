import { useCallback, useRef, useState } from 'react'
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

export interface MeasureState {
  isActive: boolean
  snap: SnapMode
  /** 0, 1 or 2 picks on the current scene. */
  picks: MeasurePick[]
  measurement: Measurement | null
  isBusy: boolean
  /** Why the last click or measurement failed, for the measure bar; null when fine. */
  problem: string | null
  toggle(): void
  leave(): void
  setSnap(snap: SnapMode): void
  /** A click in 3D: the object and/or point the renderer found under it. */
  pickInScene(target: ClickTarget): void
  /** A click in the image: engine pixel coordinates and the object there (mask or box). */
  pickInImage(pixel: [number, number], objectName: string | null): void
}

const NO_PICKS: MeasurePick[] = []

interface Progress {
  sceneId: string
  picks: MeasurePick[]
  measurement: Measurement | null
  problem: string | null
}

/**
 * Measure mode: two clicks (in 3D or in the image) pick objects or points; the second asks
 * `scene:measure` and hands the result to `onMeasure`. Picks belong to the scene they were made on:
 * a new scene starts over. Image clicks on a point ask `scene:pointAt` for its 3D position.
 */
export function useMeasure(
  client: SpatialClient,
  sceneId: string | null,
  onMeasure: (measurement: Measurement) => void,
): MeasureState {
  const [isActive, setIsActive] = useState(false)
  const [snap, setSnap] = useState<SnapMode>('objects')
  const [progress, setProgress] = useState<Progress | null>(null)
  const [busySceneId, setBusySceneId] = useState<string | null>(null)
  const latestRequest = useRef(0)
  const current = progress && progress.sceneId === sceneId ? progress : null
  const picks = current?.picks ?? NO_PICKS

  const measure = useCallback(
    async (scene: string, both: MeasurePick[]) => {
      const request = ++latestRequest.current
      setBusySceneId(scene)
      try {
        const [a, b] = both.map(toMeasureTarget)
        const measurement = await client.invoke('scene:measure', { sceneId: scene, a, b })
        if (request !== latestRequest.current) return
        setProgress({ sceneId: scene, picks: both, measurement, problem: null })
        onMeasure(measurement)
      } catch (error) {
        if (request !== latestRequest.current) return
        setProgress({
          sceneId: scene,
          picks: both.slice(0, 1),
          measurement: null,
          problem: message(error),
        })
      } finally {
        if (request === latestRequest.current) setBusySceneId(null)
      }
    },
    [client, onMeasure],
  )

  const applyClick = useCallback(
    (target: ClickTarget) => {
      if (!sceneId) return
      const pick = pickFromClick(snap, target)
      const next = 'problem' in pick ? pick : addPick(picks, pick)
      if ('problem' in next) {
        setProgress({
          sceneId,
          picks,
          measurement: current?.measurement ?? null,
          problem: next.problem,
        })
        return
      }
      setProgress({ sceneId, picks: next, measurement: null, problem: null })
      if (next.length === 2) void measure(sceneId, next)
    },
    [sceneId, snap, picks, current, measure],
  )

  const pickInImage = useCallback(
    async (pixel: [number, number], objectName: string | null) => {
      if (!sceneId) return
      if (snap === 'objects' && objectName) return applyClick({ objectName, pointInWorld: null })
      const request = ++latestRequest.current
      setBusySceneId(sceneId)
      try {
        const point = await client.invoke('scene:pointAt', { sceneId, pixel })
        if (request === latestRequest.current)
          applyClick({ objectName: null, pointInWorld: point.pointInWorld })
      } catch (error) {
        if (request === latestRequest.current)
          setProgress({
            sceneId,
            picks,
            measurement: current?.measurement ?? null,
            problem: message(error),
          })
      } finally {
        if (request === latestRequest.current) setBusySceneId(null)
      }
    },
    [client, sceneId, snap, picks, current, applyClick],
  )

  const leave = useCallback(() => {
    setIsActive(false)
    setProgress(null)
  }, [])

  return {
    isActive,
    snap,
    picks,
    measurement: current?.measurement ?? null,
    isBusy: busySceneId !== null && busySceneId === sceneId,
    problem: current?.problem ?? null,
    toggle: () => (isActive ? leave() : setIsActive(true)),
    leave,
    setSnap,
    pickInScene: applyClick,
    pickInImage: (pixel, objectName) => void pickInImage(pixel, objectName),
  }
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.charAt(0).toUpperCase() + text.slice(1)
}
