import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parsePcd } from '../../main/sources/pcd'
import { fromRotationTranslation } from '../../main/engine/geometry/rigidTransform'
import type { Vec3 } from '../../main/engine/types'

// Loads the real clouds and the golden values that tests/fixtures/golden/make_golden.py wrote beside
// them with Open3D / NumPy / OpenCV, for the engine building-block tests.

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))

/** Golden JSON beside table_scene_mug_stereo_textured.pcd (see make_golden.py for each field). */
export const mugGolden = JSON.parse(
  readFileSync(fixture('pcl-kinect/pcd/table_scene_mug_stereo_textured.golden.json'), 'utf8'),
)

/** Golden JSON beside tum-open3d/TUM_depth.png. */
export const tumGolden = JSON.parse(
  readFileSync(fixture('tum-open3d/TUM_depth.golden.json'), 'utf8'),
)

let cached: Float32Array | undefined

/** Finite points (camera frame, metres, file order) of the PCL mug-on-table stereo cloud. */
export function mugCloudPoints(): Float32Array {
  if (cached) return cached
  const bytes = new Uint8Array(
    readFileSync(fixture('pcl-kinect/pcd/table_scene_mug_stereo_textured.pcd')),
  )
  const all = parsePcd(bytes, 'table_scene_mug_stereo_textured.pcd').pointsInCamera
  const out = new Float32Array(all.length)
  let n = 0
  for (let i = 0; i < all.length; i += 3) {
    if (!(Number.isFinite(all[i]) && Number.isFinite(all[i + 1]) && Number.isFinite(all[i + 2])))
      continue
    out[n++] = all[i]
    out[n++] = all[i + 1]
    out[n++] = all[i + 2]
  }
  cached = out.slice(0, n)
  return cached
}

/** Signed distance n·p + d of point i, in the same operation order as make_golden.py. */
export function signedDistance(points: Float32Array, i: number, normal: Vec3, offset: number) {
  return (
    points[i * 3] * normal[0] +
    points[i * 3 + 1] * normal[1] +
    points[i * 3 + 2] * normal[2] +
    offset
  )
}

/** Indices of the points whose signed distance to the plane passes `keep`. */
export function selectByDistance(
  points: Float32Array,
  normal: Vec3,
  offset: number,
  keep: (distance: number) => boolean,
): Uint32Array {
  const out: number[] = []
  for (let i = 0; i < points.length / 3; i++)
    if (keep(signedDistance(points, i, normal, offset))) out.push(i)
  return Uint32Array.from(out)
}

/** The listed points as a new xyz-interleaved array. */
export function gather(points: Float32Array, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * 3)
  for (let k = 0; k < indices.length; k++)
    out.set(points.subarray(indices[k] * 3, indices[k] * 3 + 3), k * 3)
  return out
}

/** A golden 4×4 row-major matrix as the engine's column-major Float64Array. */
export function columnMajor(rowMajor: number[][]): Float64Array {
  return fromRotationTranslation(
    rowMajor.slice(0, 3).map((row) => row.slice(0, 3)),
    [rowMajor[0][3], rowMajor[1][3], rowMajor[2][3]],
  )
}

/** Angle between two unit lines (sign of the normals ignored), radians. */
export function lineAngle(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const dot = Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2])
  return Math.acos(Math.min(1, dot / (Math.hypot(a[0], a[1], a[2]) * Math.hypot(b[0], b[1], b[2]))))
}
