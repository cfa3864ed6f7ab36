import { useCallback, useState } from 'react'
import type { Measurement } from '../../../main/contract/measureSchema'
import type { SpatialClient } from '../client/SpatialClient'
import type { ClickTarget, MeasurePick, SnapMode } from './measurePicks'
import { useMeasurePicks } from './useMeasurePicks'

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
  const measuring = useMeasurePicks(client, sceneId, snap, onMeasure)
  const { reset, pickInImage } = measuring

  const leave = useCallback(() => {
    setIsActive(false)
    reset()
  }, [reset])

  return {
    isActive,
    snap,
    picks: measuring.picks,
    measurement: measuring.measurement,
    isBusy: measuring.isBusy,
    problem: measuring.problem,
    toggle: () => (isActive ? leave() : setIsActive(true)),
    leave,
    setSnap,
    pickInScene: measuring.pickInScene,
    pickInImage: (pixel, objectName) => void pickInImage(pixel, objectName),
  }
}
