/**
 * Point queries: the depth and the 3D point (camera and world frames) at a pixel, and which object covers it.
 * Needs the frame's depth (metres), its intrinsics and the scene's worldFromCamera. Pure TypeScript.
 */

import type { DepthImage, Intrinsics, Scene, SceneObject, Vec3 } from '../types'
import { transformPoint, worldToCamera } from '../geometry/rigidTransform'

/** Result of a point query at a pixel. */
export interface PixelPoint {
  /** The pixel asked about (intrinsics pixel coordinates, 0-based centres). */
  pixel: [number, number]
  /** Depth along the optical axis, metres. */
  depthM: number
  /** Depth-image pixel whose value was used (the nearest valid one within the search radius). */
  depthPixel: [number, number]
  pointInCamera: Vec3
  pointInWorld: Vec3
}

// The engine's one transform helper, re-exported for the reasoning tools' users.
export { transformPoint }

function validAt(depth: DepthImage, x: number, y: number): number | null {
  if (x < 0 || y < 0 || x >= depth.width || y >= depth.height) return null
  const z = depth.data[y * depth.width + x]
  return Number.isFinite(z) && z > 0 ? z : null
}

/**
 * Depth and 3D point at pixel (u, v). The depth image may have another resolution than the intrinsics (it is
 * scaled). When the pixel has no valid depth, the nearest valid pixel within `searchRadiusPx` (depth pixels,
 * Chebyshev rings) is used; the back-projection still uses (u, v).
 * @returns null when (u, v) is outside the image or no valid depth is found.
 */
export function pointAtPixel(
  depth: DepthImage,
  intrinsics: Intrinsics,
  worldFromCamera: Float64Array,
  u: number,
  v: number,
  searchRadiusPx = 2,
): PixelPoint | null {
  if (!(u >= -0.5 && v >= -0.5 && u < intrinsics.width - 0.5 && v < intrinsics.height - 0.5))
    return null
  const sx = depth.width / intrinsics.width
  const sy = depth.height / intrinsics.height
  const x0 = Math.min(depth.width - 1, Math.max(0, Math.round((u + 0.5) * sx - 0.5)))
  const y0 = Math.min(depth.height - 1, Math.max(0, Math.round((v + 0.5) * sy - 0.5)))
  for (let r = 0; r <= searchRadiusPx; r++) {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue
        const z = validAt(depth, x0 + dx, y0 + dy)
        if (z === null) continue
        const pointInCamera: Vec3 = [
          ((u - intrinsics.cx) / intrinsics.fx) * z,
          ((v - intrinsics.cy) / intrinsics.fy) * z,
          z,
        ]
        return {
          pixel: [u, v],
          depthM: z,
          depthPixel: [x0 + dx, y0 + dy],
          pointInCamera,
          pointInWorld: transformPoint(worldFromCamera, pointInCamera),
        }
      }
    }
  }
  return null
}

/**
 * The object whose points cover pixel (u, v) (rounded), using the objects' full-resolution pixel indices.
 * @returns null when no object covers it.
 */
export function objectAtPixel(scene: Scene, u: number, v: number): SceneObject | null {
  const x = Math.round(u)
  const y = Math.round(v)
  const { width, height } = scene.intrinsics
  if (x < 0 || y < 0 || x >= width || y >= height) return null
  const idx = y * width + x
  for (const o of scene.objects) if (o.pixelIndices.includes(idx)) return o
  return null
}

/**
 * The pixel (u, v) a world point projects to (the inverse of pointAtPixel's back-projection), or null
 * when it lies behind the camera or outside the image.
 */
export function pixelOfWorldPoint(
  intrinsics: Intrinsics,
  worldFromCamera: Float64Array,
  pointInWorld: Vec3,
): [number, number] | null {
  const [x, y, z] = worldToCamera(worldFromCamera, pointInWorld)
  if (!(z > 0)) return null
  const u = intrinsics.fx * (x / z) + intrinsics.cx
  const v = intrinsics.fy * (y / z) + intrinsics.cy
  const isInside =
    u >= -0.5 && v >= -0.5 && u < intrinsics.width - 0.5 && v < intrinsics.height - 0.5
  return isInside ? [u, v] : null
}
