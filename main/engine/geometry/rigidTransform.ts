import type { Vec3 } from '../types'

/**
 * 4×4 rigid transforms, column-major Float64Array(16) as in CONVENTIONS
 * (element (row r, column c) at index c·4 + r).
 */

export function identity4(): Float64Array {
  const m = new Float64Array(16)
  m[0] = m[5] = m[10] = m[15] = 1
  return m
}

/** Builds a transform from a row-major 3×3 rotation and a translation. */
export function fromRotationTranslation(rowMajorR: number[][], t: Vec3): Float64Array {
  const m = identity4()
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) m[c * 4 + r] = rowMajorR[r][c]
    m[12 + r] = t[r]
  }
  return m
}

/** target = transform · point (a point, so the translation applies). */
export function transformPoint(m: Float64Array, p: ArrayLike<number>, offset = 0): Vec3 {
  const x = p[offset]
  const y = p[offset + 1]
  const z = p[offset + 2]
  return [
    m[0] * x + m[4] * y + m[8] * z + m[12],
    m[1] * x + m[5] * y + m[9] * z + m[13],
    m[2] * x + m[6] * y + m[10] * z + m[14],
  ]
}

/** Inverse of a rigid transform (rotation + translation only). */
export function invertRigid(m: Float64Array): Float64Array {
  const inv = identity4()
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) inv[c * 4 + r] = m[r * 4 + c]
  for (let r = 0; r < 3; r++) {
    inv[12 + r] = -(inv[r] * m[12] + inv[4 + r] * m[13] + inv[8 + r] * m[14])
  }
  return inv
}

/** pointInCamera = cameraFromWorld · pointInWorld for the rigid column-major worldFromCamera. */
export function worldToCamera(
  worldFromCamera: Float64Array,
  pointInWorld: ArrayLike<number>,
): Vec3 {
  return transformPoint(invertRigid(worldFromCamera), pointInWorld)
}

/** Applies `m` to every xyz triple of `points`, writing into a new Float32Array. */
export function transformPoints(m: Float64Array, points: Float32Array): Float32Array<ArrayBuffer> {
  const out = new Float32Array(points.length)
  for (let i = 0; i < points.length; i += 3) {
    const x = points[i]
    const y = points[i + 1]
    const z = points[i + 2]
    out[i] = m[0] * x + m[4] * y + m[8] * z + m[12]
    out[i + 1] = m[1] * x + m[5] * y + m[9] * z + m[13]
    out[i + 2] = m[2] * x + m[6] * y + m[10] * z + m[14]
  }
  return out
}
