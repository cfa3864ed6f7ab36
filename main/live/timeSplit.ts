/**
 * Where a live run's time went, per frame: decoding, detection, lifting (noise model → plane segmentation), objects
 * (regions or clusters → boxes → names), tracking and watch queries. Mean wall milliseconds on the thread that ran
 * each stage; with two frames in flight stages of different frames overlap, so they need not add up to the latency.
 */

/** Running sums a live run collects. */
export interface TimeSplitSums {
  /** Frames applied (tracked and watched). */
  frames: number
  /** Frames analysed (detection + geometry timed). */
  analyses: number
  decodeMs: number
  detectionMs: number
  geometryMs: number
  trackingMs: number
  watchMs: number
  detectionAgeFrames: number
}

/** The scene stages (buildScene's timingsMs keys) that lift the frame; the rest turn points into objects. */
export const LIFTING_STAGES = ['noise', 'filter', 'backproject', 'voxel', 'plane', 'segment']

export interface TimeSplit {
  decode: number
  detection: number
  lifting: number
  objects: number
  /** Geometry not inside the scene's own stages (validation, region checks, plausibility). */
  otherGeometry: number
  tracking: number
  watch: number
  /** Mean age of the detections a frame was lifted with, in frames (0 when every frame is detected). */
  detectionAgeFrames: number
}

export function emptyTimeSplitSums(): TimeSplitSums {
  return {
    frames: 0,
    analyses: 0,
    decodeMs: 0,
    detectionMs: 0,
    geometryMs: 0,
    trackingMs: 0,
    watchMs: 0,
    detectionAgeFrames: 0,
  }
}

/** Means per frame; `sceneStageSums` are the summed buildScene timings (ms) of the analysed frames. */
export function liveTimeSplit(
  sums: TimeSplitSums,
  sceneStageSums: Record<string, number>,
): TimeSplit {
  const perFrame = (x: number) => x / Math.max(1, sums.frames)
  const perAnalysis = (x: number) => x / Math.max(1, sums.analyses)
  let lifting = 0
  let objects = 0
  for (const [stage, ms] of Object.entries(sceneStageSums)) {
    if (LIFTING_STAGES.includes(stage)) lifting += ms
    else objects += ms
  }
  return {
    decode: perFrame(sums.decodeMs),
    detection: perAnalysis(sums.detectionMs),
    lifting: perAnalysis(lifting),
    objects: perAnalysis(objects),
    otherGeometry: Math.max(0, perAnalysis(sums.geometryMs - lifting - objects)),
    tracking: perFrame(sums.trackingMs),
    watch: perFrame(sums.watchMs),
    detectionAgeFrames: perAnalysis(sums.detectionAgeFrames),
  }
}
