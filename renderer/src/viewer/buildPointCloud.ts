import { BufferAttribute, BufferGeometry, Points, PointsMaterial } from 'three'
import type { SceneCloud } from '../../../main/contract/sceneSchema'

/** sRGB byte → linear float, once: three.js treats vertex colours as linear and encodes to sRGB on output. */
const LINEAR_OF_SRGB_BYTE = Float32Array.from({ length: 256 }, (_, byte) => {
  const c = byte / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})

/**
 * The coloured cloud, in the world frame (add it under the world root). Positions are used as they
 * arrive (no copy); colours are converted to linear so the sensor's colours show unchanged.
 * @param pointSizeM point size in metres (size attenuation on: far points draw smaller).
 */
export function buildPointCloud(cloud: SceneCloud, pointSizeM: number): Points {
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(cloud.positionsInWorld, 3))
  const linear = new Float32Array(cloud.colors.length)
  for (let i = 0; i < linear.length; i++) linear[i] = LINEAR_OF_SRGB_BYTE[cloud.colors[i]]
  geometry.setAttribute('color', new BufferAttribute(linear, 3))
  geometry.computeBoundingSphere()
  const material = new PointsMaterial({
    size: pointSizeM,
    sizeAttenuation: true,
    vertexColors: true,
  })
  const points = new Points(geometry, material)
  points.name = 'point cloud'
  points.userData.kind = 'point-cloud'
  return points
}

/**
 * A point size that closes the gaps between neighbouring pixels at the cloud's typical depth:
 * one pixel spans depth / fx metres there.
 */
export function pointSizeFor(typicalDepthM: number, fxPixels: number): number {
  const pixelFootprintM = typicalDepthM / fxPixels
  return Math.min(0.03, Math.max(0.002, 1.8 * pixelFootprintM))
}
