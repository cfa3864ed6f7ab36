/**
 * A gravity-aligned box written in its own horizontal axes: ranges along the width axis u and the depth axis v
 * (coordinates a = p·u, b = p·v of world points) and along world z. Growing one side is changing one number,
 * which is what the amodal stage does. World frame, metres. Pure TypeScript.
 */

import type { ObjectBox, Vec3 } from '../../types'
import { invertRigid, transformPoint } from '../../geometry/rigidTransform'
import { quantileSorted } from '../../geometry/stats'

export interface AxisBox {
  /** Unit width axis (cos yaw, sin yaw) and depth axis (−sin yaw, cos yaw) in world xy. */
  u: [number, number]
  v: [number, number]
  yawRad: number
  /** [min, max] of a = x·u₀ + y·u₁, of b = x·v₀ + y·v₁, and of world z; metres. */
  uRange: [number, number]
  vRange: [number, number]
  zRange: [number, number]
}

/** The box's ranges in its own axes. */
export function toAxisBox(box: ObjectBox): AxisBox {
  const c = Math.cos(box.yawRad)
  const s = Math.sin(box.yawRad)
  const u: [number, number] = [c, s]
  const v: [number, number] = [-s, c]
  const [x, y, z] = box.centerInWorld
  const a = x * u[0] + y * u[1]
  const b = x * v[0] + y * v[1]
  const { width, depth, height } = box.sizeM
  return {
    u,
    v,
    yawRad: box.yawRad,
    uRange: [a - width / 2, a + width / 2],
    vRange: [b - depth / 2, b + depth / 2],
    zRange: [z - height / 2, z + height / 2],
  }
}

/** World point at box coordinates (a, b, z). */
export function worldAt(box: AxisBox, a: number, b: number, z: number): Vec3 {
  return [a * box.u[0] + b * box.v[0], a * box.u[1] + b * box.v[1], z]
}

/** Back to centre / size / yaw, with the centre also in the camera frame. */
export function toObjectBox(box: AxisBox, worldFromCamera: Float64Array): ObjectBox {
  const a = (box.uRange[0] + box.uRange[1]) / 2
  const b = (box.vRange[0] + box.vRange[1]) / 2
  const z = (box.zRange[0] + box.zRange[1]) / 2
  const centerInWorld = worldAt(box, a, b, z)
  return {
    centerInWorld,
    centerInCamera: transformPoint(invertRigid(worldFromCamera), centerInWorld),
    sizeM: {
      width: box.uRange[1] - box.uRange[0],
      depth: box.vRange[1] - box.vRange[0],
      height: box.zRange[1] - box.zRange[0],
    },
    yawRad: box.yawRad,
  }
}

/** Horizontal distance (metres) from world point (x, y) to the box footprint; 0 inside it. */
export function footprintGap(box: AxisBox, x: number, y: number): number {
  const a = x * box.u[0] + y * box.u[1]
  const b = x * box.v[0] + y * box.v[1]
  const da = Math.max(0, box.uRange[0] - a, a - box.uRange[1])
  const db = Math.max(0, box.vRange[0] - b, b - box.vRange[1])
  return Math.hypot(da, db)
}

/**
 * The box of `pointsInWorld` (xyz interleaved) at a given yaw: 0.5–99.5 % quantile ranges along its axes (as the
 * visible fit uses), over `zRange`. For re-orienting a visible box whose yaw the faces contradict.
 */
export function axisBoxOfPoints(
  pointsInWorld: Float32Array,
  yawRad: number,
  zRange: [number, number],
): AxisBox {
  const c = Math.cos(yawRad)
  const s = Math.sin(yawRad)
  const total = pointsInWorld.length / 3
  const stride = Math.max(1, Math.floor(total / 2500))
  const n = Math.floor(total / stride)
  const a = new Float64Array(n)
  const b = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    const i = k * stride * 3
    a[k] = c * pointsInWorld[i] + s * pointsInWorld[i + 1]
    b[k] = -s * pointsInWorld[i] + c * pointsInWorld[i + 1]
  }
  a.sort()
  b.sort()
  return {
    u: [c, s],
    v: [-s, c],
    yawRad,
    uRange: [quantileSorted(a, 0.005), quantileSorted(a, 0.995)],
    vRange: [quantileSorted(b, 0.005), quantileSorted(b, 0.995)],
    zRange: [zRange[0], zRange[1]],
  }
}
