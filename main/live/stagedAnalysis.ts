/**
 * One frame's analysis as two stages a live pipeline can overlap: detection (onnxruntime's native threads, or a
 * worker) and geometry (the scene engine: inline on the JS thread today; a scene worker once the executor offers
 * "build a scene from this frame and these regions", see docs/performance.md). Two schedules:
 * - 'every-frame': each frame is detected, then built (detection of the next frame overlaps this frame's geometry
 *   when the pipeline keeps two frames in flight).
 * - 'latest': the detector runs at its own rate on the newest frame whenever it is free, and every frame's geometry
 *   uses the most recent finished detections (boxes up to one detection period old: right for a still or slowly
 *   moving camera; they are not moved to follow the camera). The age is reported per frame.
 */

import type { Frame, RegionPrompt, Scene } from '../engine/types'
import { nowMs } from '../engine/clock'

/** Regions for one frame, from the detection stage. */
export interface Detected {
  /** The frame the detector saw (with model depth when the input had none). */
  frame: Frame
  regions: RegionPrompt[]
  /** With a detector, clusters it missed still become objects. */
  includeUnmatchedClusters: boolean
}

/** The two stages; both may run on other threads. */
export interface LiveAnalyzer {
  detect(frame: Frame): Promise<Detected>
  /** The scene of `frame` with `detected`'s regions (detected.frame may be an earlier frame). */
  build(frame: Frame, detected: Detected): Promise<Scene>
}

export type DetectionSchedule = 'every-frame' | 'latest'

/** Where one frame's time went, ms (wall). */
export interface StageTimes {
  /** Waiting for and running detection (0 when earlier detections were reused without waiting). */
  detectionMs: number
  /** Scene construction. */
  geometryMs: number
  /** Frames between the frame and the one its detections came from (0: its own). */
  detectionAgeFrames: number
}

/**
 * An `analyze(frame)` for runLive from the two stages. `onTimes` receives each frame's stage times (in the order
 * analyses finish).
 */
export function stagedAnalyze(
  analyzer: LiveAnalyzer,
  schedule: DetectionSchedule,
  onTimes?: (frame: Frame, times: StageTimes) => void,
  now: () => number = nowMs,
): (frame: Frame) => Promise<Scene> {
  let frameCount = 0
  if (schedule === 'every-frame') {
    return async (frame) => {
      const t0 = now()
      const detected = await analyzer.detect(frame)
      const t1 = now()
      const scene = await analyzer.build(frame, detected)
      onTimes?.(frame, { detectionMs: t1 - t0, geometryMs: now() - t1, detectionAgeFrames: 0 })
      return scene
    }
  }
  let latest: { detected: Detected; frameNumber: number } | null = null
  let running: Promise<void> | null = null
  const startDetection = (frame: Frame, frameNumber: number) => {
    running = analyzer.detect(frame).then(
      (detected) => {
        if (!latest || frameNumber > latest.frameNumber) latest = { detected, frameNumber }
      },
      // A failed detection keeps the previous regions; the next idle moment tries a newer frame.
      () => undefined,
    )
    void running.finally(() => (running = null))
  }
  return async (frame) => {
    const frameNumber = frameCount++
    const t0 = now()
    if (running === null) startDetection(frame, frameNumber)
    // The first frames wait for a first detection (there is nothing to reuse yet).
    while (latest === null && running !== null) await running
    if (latest === null) throw new Error('the detector failed on the first frame')
    const t1 = now()
    const { detected, frameNumber: from } = latest
    const scene = await analyzer.build(frame, detected)
    onTimes?.(frame, {
      detectionMs: t1 - t0,
      geometryMs: now() - t1,
      detectionAgeFrames: frameNumber - from,
    })
    return scene
  }
}
