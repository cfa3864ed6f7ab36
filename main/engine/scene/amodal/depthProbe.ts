/**
 * Asks the depth image what the sensor saw at a 3D point: free space (the pixel's ray went on past the point),
 * a surface at the point, or something in front of it (the point is hidden), or nothing (no depth / off image).
 * This is the test behind free-space carving: a box may only grow where the sensor could not see.
 * Pure TypeScript.
 */

import type { DepthImage, Intrinsics, Vec3 } from '../../types'
import { invertRigid } from '../../geometry/rigidTransform'

/** What the sensor says about a point. */
export const UNKNOWN = 0
export const FREE = 1
export const SURFACE = 2
export const OCCLUDED = 3
export type ProbeResult = typeof UNKNOWN | typeof FREE | typeof SURFACE | typeof OCCLUDED

/** Nearest depth a probe trusts; points closer to the camera than this are unknown. */
const MIN_DEPTH_M = 0.05
/** Smallest depth tolerance, metres (mm-quantised sensors, pixel-rounding at silhouettes). */
const MIN_TOLERANCE_M = 0.015

export class DepthProbe {
  /** Measured depth (metres) and pixel (column, row, row-major index) of the last OCCLUDED or SURFACE point. */
  lastMeasuredM = 0
  lastU = 0
  lastV = 0
  lastPixel = 0
  private readonly cameraFromWorld: Float64Array

  /**
   * @param depth metres, row-major; 0/NaN invalid. Not copied: the probe reads it in place.
   * @param worldFromCamera 4×4 column-major rigid transform.
   * @param relativeNoise depth noise σ/z; the free / hidden decision allows 3σ.
   */
  constructor(
    private readonly depth: DepthImage,
    private readonly intrinsics: Intrinsics,
    private readonly worldFromCamera: Float64Array,
    private readonly relativeNoise: number,
  ) {
    this.cameraFromWorld = invertRigid(worldFromCamera)
  }

  /** Depth tolerance at camera depth z, metres. */
  toleranceAt(z: number): number {
    return Math.max(MIN_TOLERANCE_M, 3 * this.relativeNoise * z)
  }

  /** Classifies world point (x, y, z) against the depth image. */
  classify(x: number, y: number, z: number): ProbeResult {
    const m = this.cameraFromWorld
    const zc = m[2] * x + m[6] * y + m[10] * z + m[14]
    if (!(zc > MIN_DEPTH_M)) return UNKNOWN
    const xc = m[0] * x + m[4] * y + m[8] * z + m[12]
    const yc = m[1] * x + m[5] * y + m[9] * z + m[13]
    const { fx, fy, cx, cy } = this.intrinsics
    const u = Math.round((fx * xc) / zc + cx)
    const v = Math.round((fy * yc) / zc + cy)
    const { width, height, data } = this.depth
    if (u < 0 || v < 0 || u >= width || v >= height) return UNKNOWN
    const measured = data[v * width + u]
    if (!(measured > 0 && measured < Infinity)) return UNKNOWN
    const tolerance = this.toleranceAt(zc)
    if (measured > zc + tolerance) return FREE
    this.lastMeasuredM = measured
    this.lastU = u
    this.lastV = v
    this.lastPixel = v * width + u
    return measured < zc - tolerance ? OCCLUDED : SURFACE
  }

  /** World point the sensor measured at the last OCCLUDED / SURFACE pixel. */
  lastMeasuredInWorld(): Vec3 {
    const { fx, fy, cx, cy } = this.intrinsics
    const d = this.lastMeasuredM
    const xc = ((this.lastU - cx) / fx) * d
    const yc = ((this.lastV - cy) / fy) * d
    const m = this.worldFromCamera
    return [
      m[0] * xc + m[4] * yc + m[8] * d + m[12],
      m[1] * xc + m[5] * yc + m[9] * d + m[13],
      m[2] * xc + m[6] * yc + m[10] * d + m[14],
    ]
  }
}
