/**
 * Quaternion and rigid-transform helpers for TF. Quaternions are [x, y, z, w] (ROS order), unit length.
 * Pure TypeScript.
 */
import type { Vec3 } from '../types'
import type { Quat, RigidTransform } from './types'

/** Hamilton product a·b (apply b first, then a). */
export function quatMultiply(a: Quat, b: Quat): Quat {
  const [ax, ay, az, aw] = a
  const [bx, by, bz, bw] = b
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ]
}

/** Inverse of a unit quaternion (its conjugate). */
export function quatConjugate(q: Quat): Quat {
  return [-q[0], -q[1], -q[2], q[3]]
}

/** Scales q to unit length; throws on a zero or non-finite quaternion (a corrupt message). */
export function quatNormalize(q: Quat): Quat {
  const n = Math.hypot(q[0], q[1], q[2], q[3])
  if (!Number.isFinite(n) || n < 1e-9) {
    throw new RangeError(`quaternion [${q.join(', ')}] has no rotation (zero or non-finite length)`)
  }
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n]
}

/** Rotates vector v by unit quaternion q. */
export function quatRotate(q: Quat, v: Vec3): Vec3 {
  const [x, y, z, w] = q
  // t = 2 q_vec × v; v' = v + w t + q_vec × t (the standard cheap form).
  const tx = 2 * (y * v[2] - z * v[1])
  const ty = 2 * (z * v[0] - x * v[2])
  const tz = 2 * (x * v[1] - y * v[0])
  return [
    v[0] + w * tx + (y * tz - z * ty),
    v[1] + w * ty + (z * tx - x * tz),
    v[2] + w * tz + (x * ty - y * tx),
  ]
}

/** Spherical interpolation from a (s = 0) to b (s = 1) along the shorter arc. */
export function quatSlerp(a: Quat, b: Quat, s: number): Quat {
  let dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]
  const sign = dot < 0 ? -1 : 1
  dot *= sign
  if (dot > 0.9995) {
    // Nearly parallel: normalised lerp is accurate and avoids dividing by sin(≈0).
    return quatNormalize([0, 1, 2, 3].map((i) => a[i] + s * (sign * b[i] - a[i])) as Quat)
  }
  const theta = Math.acos(dot)
  const wa = Math.sin((1 - s) * theta) / Math.sin(theta)
  const wb = (sign * Math.sin(s * theta)) / Math.sin(theta)
  return [0, 1, 2, 3].map((i) => wa * a[i] + wb * b[i]) as Quat
}

/** The identity transform. */
export function identityTransform(): RigidTransform {
  return { translationM: [0, 0, 0], rotation: [0, 0, 0, 1] }
}

/** a∘b: maps through b first, then a (parentFromMid ∘ midFromChild = parentFromChild). */
export function composeTransforms(a: RigidTransform, b: RigidTransform): RigidTransform {
  const t = quatRotate(a.rotation, b.translationM)
  return {
    translationM: [t[0] + a.translationM[0], t[1] + a.translationM[1], t[2] + a.translationM[2]],
    rotation: quatMultiply(a.rotation, b.rotation),
  }
}

/** Inverse of a rigid transform. */
export function invertTransform(a: RigidTransform): RigidTransform {
  const r = quatConjugate(a.rotation)
  const t = quatRotate(r, a.translationM)
  return { translationM: [-t[0], -t[1], -t[2]], rotation: r }
}

/** Applies a transform to a point: rotate then translate. */
export function applyTransform(a: RigidTransform, p: Vec3): Vec3 {
  const r = quatRotate(a.rotation, p)
  return [r[0] + a.translationM[0], r[1] + a.translationM[1], r[2] + a.translationM[2]]
}

/** 4×4 column-major matrix of a transform (the layout Scene.worldFromCamera uses). */
export function transformToMatrix(a: RigidTransform): Float64Array {
  const m = new Float64Array(16)
  const cols: Vec3[] = [
    quatRotate(a.rotation, [1, 0, 0]),
    quatRotate(a.rotation, [0, 1, 0]),
    quatRotate(a.rotation, [0, 0, 1]),
  ]
  for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) m[c * 4 + r] = cols[c][r]
  m[12] = a.translationM[0]
  m[13] = a.translationM[1]
  m[14] = a.translationM[2]
  m[15] = 1
  return m
}
