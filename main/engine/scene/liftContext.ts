import type { DepthImage, Frame, PlaneInCamera } from '../types'
import type { LiftedCloud } from './backproject'
import type { SurfaceField } from './surfaceScore'

/** Everything the object stages share about one lifted frame. */
export interface LiftContext {
  frame: Frame
  depth: DepthImage
  cloud: LiftedCloud
  /** The cloud's points in the world frame (same order as cloud.pointsInCamera). */
  pointsInWorld: Float32Array
  /** Per point: 1 when it is above the support plane (or any point without one): cluster material. */
  isAbovePlane: Uint8Array
  /**
   * Per point: 1 when it is off the support plane, above or below. Regions use these: the plane found
   * may be a bed or a table top while the object a user boxes reaches below it.
   */
  isOffPlane: Uint8Array
  /** Per pixel: 1 when its point is off the plane (for image-space region growing). */
  isCandidatePixel: Uint8Array
  /** Lazily computed 3D components of the off-plane points where box and mask regions need them. */
  offPlaneComponents?: { componentOfPoint: Int32Array; sizes: Uint32Array }
  /** Lazily built click-to-segment field, shared by every point prompt of the frame. */
  surfaceField?: SurfaceField
  plane: PlaneInCamera | null
  worldFromCamera: Float64Array
  relativeNoise: number
  /** Camera height above the plane (metres), or the median depth without a plane: scales noise. */
  noiseDistanceM: number
}

/** An object before boxes and names: which points, and what it is called. */
export interface ObjectCandidate {
  label: string
  origin: 'region' | 'cluster'
  /** For regions: who gave it (user regions win over detector regions on the same object). */
  source?: 'user' | 'detector'
  /** For detector regions: the detector's score for the label, 0–1. */
  score?: number
  /** Indices into the lifted cloud. */
  pointIndices: Uint32Array
}

/** Copies the listed points (xyz interleaved) into a new array. */
export function gatherPoints(points: Float32Array, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * 3)
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] * 3
    out[k * 3] = points[i]
    out[k * 3 + 1] = points[i + 1]
    out[k * 3 + 2] = points[i + 2]
  }
  return out
}
