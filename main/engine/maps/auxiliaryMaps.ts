/**
 * Spatial-ViLT's auxiliary maps (arXiv 2510.03441: depth, 3D coordinates, edges, object masks) from any frame:
 * - depth: the frame's metric depth (sensor, point cloud or depth model), metres along the optical axis;
 * - coordinates: per pixel the point (x, y, z) in the scene's world frame (x right, y away, z up, metres), from
 *   the pinhole intrinsics and the scene's worldFromCamera; NaN where depth is missing;
 * - edges: Canny on the colour image's luma (255 edge, 0 not);
 * - masks: one 0/255 mask per scene object from its pixel list, and a label image (object index + 1, 0 = none).
 * Pure TypeScript over typed arrays; sizes in pixels.
 */

import type { DepthImage, Frame, Intrinsics, Scene } from '../types'
import { canny, rgbToGray, type CannyOptions } from './canny'

export interface ObjectMask {
  name: string
  label: string
  /** width·height bytes, 255 on the object's pixels. */
  mask: Uint8Array
}

export interface AuxiliaryMaps {
  /** Size of the depth, coordinate and mask maps (the depth/intrinsics grid). */
  width: number
  height: number
  /** Metres, 0 or NaN = no depth; absent for a frame without depth. */
  depth?: Float32Array
  /** x, y, z interleaved per pixel in the world frame, metres; NaN without depth. Absent without depth. */
  coordinatesInWorld?: Float32Array
  /** Canny edges of the colour image, at the colour image's size. */
  edges: { width: number; height: number; data: Uint8Array }
  masks: ObjectMask[]
  /** width·height, object index + 1 (the order of `masks`), 0 = no object; a later object overwrites an earlier one. */
  labels: Uint16Array
}

/** Default Canny thresholds for photos (OpenCV units: |gx| + |gy| of the 8-bit Sobel) and blur. */
export const DEFAULT_CANNY: CannyOptions = { low: 50, high: 150, sigma: 1.4 }

/** World coordinates of every pixel with depth; NaN elsewhere. */
export function coordinateMap(
  depth: DepthImage,
  intrinsics: Intrinsics,
  worldFromCamera: Float64Array,
): Float32Array {
  const { width, height } = depth
  if (intrinsics.width !== width || intrinsics.height !== height) {
    throw new RangeError(
      `coordinateMap: depth is ${width}×${height} but the intrinsics are for ${intrinsics.width}×${intrinsics.height}`,
    )
  }
  const m = worldFromCamera
  const out = new Float32Array(width * height * 3).fill(Number.NaN)
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const z = depth.data[v * width + u]
      if (!(z > 0) || !Number.isFinite(z)) continue
      const x = ((u - intrinsics.cx) / intrinsics.fx) * z
      const y = ((v - intrinsics.cy) / intrinsics.fy) * z
      const o = (v * width + u) * 3
      out[o] = m[0] * x + m[4] * y + m[8] * z + m[12]
      out[o + 1] = m[1] * x + m[5] * y + m[9] * z + m[13]
      out[o + 2] = m[2] * x + m[6] * y + m[10] * z + m[14]
    }
  }
  return out
}

/** One mask per object and the label image, from the objects' pixel lists (row-major indices). */
export function objectMasks(
  objects: Scene['objects'],
  width: number,
  height: number,
): { masks: ObjectMask[]; labels: Uint16Array } {
  const labels = new Uint16Array(width * height)
  const masks = objects.map((object, index) => {
    const mask = new Uint8Array(width * height)
    for (const p of object.pixelIndices) {
      if (p >= mask.length) {
        throw new RangeError(
          `objectMasks: object "${object.name}" has pixel ${p} outside the ${width}×${height} image`,
        )
      }
      mask[p] = 255
      labels[p] = index + 1
    }
    return { name: object.name, label: object.label, mask }
  })
  return { masks, labels }
}

/** All four maps of a frame and the scene built from it. */
export function auxiliaryMaps(
  frame: Frame,
  scene: Pick<Scene, 'objects' | 'worldFromCamera' | 'intrinsics'>,
  cannyOptions: CannyOptions = DEFAULT_CANNY,
): AuxiliaryMaps {
  const { width, height } = scene.intrinsics
  const gray = rgbToGray(frame.rgb.data, frame.rgb.width, frame.rgb.height)
  const edges = {
    width: frame.rgb.width,
    height: frame.rgb.height,
    data: canny(gray, frame.rgb.width, frame.rgb.height, cannyOptions),
  }
  const { masks, labels } = objectMasks(scene.objects, width, height)
  const depth = frame.depth
  return {
    width,
    height,
    ...(depth
      ? {
          depth: depth.data,
          coordinatesInWorld: coordinateMap(depth, scene.intrinsics, scene.worldFromCamera),
        }
      : {}),
    edges,
    masks,
    labels,
  }
}

/** Depth in whole millimetres for a 16-bit PNG: 0 = none; clamped to 65535 (65.5 m). */
export function depthToMillimetres(depth: Float32Array): Uint16Array {
  const out = new Uint16Array(depth.length)
  for (let i = 0; i < depth.length; i++) {
    const d = depth[i]
    out[i] = d > 0 && Number.isFinite(d) ? Math.min(65535, Math.round(d * 1000)) : 0
  }
  return out
}
