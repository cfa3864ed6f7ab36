import type { DepthSource, Intrinsics, PlaneInCamera, SceneObject } from '../types'
import { sizePriorFor } from './sizePriors'
import { TOO_BIG_FACTOR, TOO_SMALL_FACTOR } from './labelPlausibility'

/**
 * Highest plausible camera height above the support plane, metres. Hand-held, tripod, robot-head and most
 * ceiling-mounted RGB-D cameras sit 0.3–2.5 m above the table or floor they see; active depth sensors do not
 * range much beyond 10 m, so a plane farther than this below the camera usually means the depth is mis-scaled.
 */
export const MAX_CAMERA_HEIGHT_M = 3
/** The camera height a corrected scale should give, metres (range used to pick the scale that fixes it). */
const PLAUSIBLE_CAMERA_HEIGHT_M: [number, number] = [0.25, 2.5]
/**
 * Depth-PNG scales in use, most common first: millimetres (Kinect, RealSense, NYU, SUN RGB-D), TUM RGB-D's 5000,
 * 1/10 mm, centimetres, KITTI's 256.
 */
const COMMON_DEPTH_SCALES = [1000, 5000, 10000, 100, 256]
/** Horizontal field of view outside this range (degrees) means fx is not in pixels of this image. */
const FOV_RANGE_DEG: [number, number] = [15, 150]
/** Label evidence needs this many detector objects with a size prior, and this share of them off the same way. */
const MIN_LABELLED_OBJECTS = 2
const MIN_OFF_SHARE = 2 / 3

/** What the frame checks read. */
export interface FramePlausibilityInput {
  plane: PlaneInCamera | null
  objects: readonly Pick<SceneObject, 'sizeM' | 'labelCheck'>[]
  intrinsics: Intrinsics
  depthSource: DepthSource
  /** The depth-file scale the source used, when depth came from a file. */
  depthScale?: number
}

/**
 * Warnings for a frame whose depth scale or intrinsics look wrong, each naming the likely fix: a camera metres above
 * its support plane (e.g. a TUM frame read with depthScale 1000 instead of 5000), detector objects consistently far
 * bigger or smaller than their classes, a field of view no camera has. Pure; empty when nothing looks wrong.
 */
export function framePlausibilityWarnings(input: FramePlausibilityInput): string[] {
  const warnings: string[] = []
  const intrinsicsWarning = checkFieldOfView(input.intrinsics)
  if (intrinsicsWarning) warnings.push(intrinsicsWarning)
  const heightWarning = checkCameraHeight(input)
  if (heightWarning) warnings.push(heightWarning)
  const labelWarning = checkLabelledSizes(input, heightWarning !== undefined)
  if (labelWarning) warnings.push(labelWarning)
  return warnings
}

function checkFieldOfView(k: Intrinsics): string | undefined {
  const fovDeg = (2 * Math.atan(k.width / (2 * k.fx)) * 180) / Math.PI
  if (fovDeg >= FOV_RANGE_DEG[0] && fovDeg <= FOV_RANGE_DEG[1]) return undefined
  return (
    `intrinsics give a ${fovDeg.toFixed(0)}° horizontal field of view (fx ${k.fx} for a ${k.width} px wide image): ` +
    'fx and fy must be in pixels of this image size; sizes and distances will be off by the same factor'
  )
}

function checkCameraHeight(input: FramePlausibilityInput): string | undefined {
  if (!input.plane || input.plane.offset <= MAX_CAMERA_HEIGHT_M) return undefined
  const heightM = input.plane.offset
  const observed = `camera ${heightM.toFixed(2)} m above the support plane`
  return `${observed}: ${depthFix(input, heightM)}`
}

/** The fix for depth that is too far, by source: the depth scale that brings the camera to a plausible height. */
function depthFix(input: FramePlausibilityInput, heightM: number): string {
  if (input.depthSource === 'monocular') {
    return "the depth model's scale looks wrong; calibrate it for this camera (spatial-lens calibrate) or give sensor depth"
  }
  const scale = input.depthScale
  if (input.depthSource === 'sensor' && scale !== undefined) {
    const fix = COMMON_DEPTH_SCALES.find((candidate) => {
      const corrected = (heightM * scale) / candidate
      return (
        candidate > scale &&
        corrected >= PLAUSIBLE_CAMERA_HEIGHT_M[0] &&
        corrected <= PLAUSIBLE_CAMERA_HEIGHT_M[1]
      )
    })
    if (fix !== undefined) {
      const factor = formatFactor(fix / scale)
      const tum = fix === 5000 ? 'if this is a TUM RGB-D frame, ' : ''
      return (
        `depth looks ${factor}× too far (read with depthScale ${scale}): ${tum}use depthScale ${fix} ` +
        `(--depth-scale ${fix}, or the depth scale field when opening the frame)`
      )
    }
  }
  const factor = formatFactor(heightM / 1.2)
  if (input.depthSource === 'pointcloud') {
    return `the cloud looks about ${factor}× too large: its points must be in metres (a cloud in millimetres reads 1000× too far)`
  }
  return `depth looks about ${factor}× too far: check the depth units (depthScale: 1000 for millimetres, 5000 for TUM RGB-D)`
}

function formatFactor(factor: number): string {
  return factor >= 10 ? factor.toFixed(0) : String(Math.round(factor * 10) / 10)
}

/**
 * Detector objects whose classes have size priors: when most are far too big (or too small) for their class, the
 * depth scale or the focal length is the likelier culprit than every label being wrong.
 */
function checkLabelledSizes(
  input: FramePlausibilityInput,
  isTooFarReported: boolean,
): string | undefined {
  const ratios: number[] = []
  let tooBig = 0
  let tooSmall = 0
  for (const object of input.objects) {
    const prior = object.labelCheck ? sizePriorFor(object.labelCheck.detectorLabel) : undefined
    if (!prior) continue
    const largest = Math.max(object.sizeM.width, object.sizeM.depth, object.sizeM.height)
    ratios.push(largest / Math.sqrt(prior.minLargestM * prior.maxLargestM))
    if (largest > prior.maxLargestM * TOO_BIG_FACTOR) tooBig++
    else if (largest < prior.minLargestM * TOO_SMALL_FACTOR) tooSmall++
  }
  if (ratios.length < MIN_LABELLED_OBJECTS) return undefined
  const needed = Math.max(MIN_LABELLED_OBJECTS, Math.ceil(MIN_OFF_SHARE * ratios.length))
  const typical = geometricMean(ratios)
  if (tooBig >= needed && !isTooFarReported) {
    return (
      `${tooBig} of ${ratios.length} detected objects are far bigger than their classes usually are (about ` +
      `${formatFactor(typical)}× typical): check the depth scale (depthScale) and that fx, fy are for this image`
    )
  }
  if (tooSmall >= needed) {
    return (
      `${tooSmall} of ${ratios.length} detected objects are far smaller than their classes usually are (about ` +
      `${formatFactor(1 / typical)}× too small): check the depth scale (depthScale; 1000 for millimetres, 5000 for ` +
      'TUM RGB-D) and that fx, fy are for this image'
    )
  }
  return undefined
}

function geometricMean(values: number[]): number {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length)
}
