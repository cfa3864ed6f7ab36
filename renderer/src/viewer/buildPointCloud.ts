import { BufferAttribute, BufferGeometry, Points, PointsMaterial } from 'three'
import type { SceneCloud } from '../../../main/contract/sceneSchema'

/**
 * sRGB → linear in the vertex shader: three.js treats vertex colours as linear and encodes to sRGB
 * on output, so the sensor's sRGB bytes are linearised where they are used, on the GPU.
 */
const SRGB_TO_LINEAR_GLSL = `#include <color_vertex>
#ifdef USE_COLOR
  vColor.rgb = mix(vColor.rgb / 12.92, pow((vColor.rgb + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), vColor.rgb));
#endif`

/**
 * The coloured cloud, in the world frame (add it under the world root). Both buffers are used as
 * they arrive from the scene worker, without a copy or a per-point loop on the UI thread: positions
 * as float32, colours as normalised sRGB bytes (linearised in the shader, see above), so a 300k-point
 * cloud costs the UI thread only the GPU upload.
 * @param pointSizeM point size in metres (size attenuation on: far points draw smaller).
 */
export function buildPointCloud(cloud: SceneCloud, pointSizeM: number): Points {
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(cloud.positionsInWorld, 3))
  geometry.setAttribute('color', new BufferAttribute(cloud.colors, 3, true))
  geometry.computeBoundingSphere()
  const material = new PointsMaterial({
    size: pointSizeM,
    sizeAttenuation: true,
    vertexColors: true,
  })
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader.replace(
      '#include <color_vertex>',
      SRGB_TO_LINEAR_GLSL,
    )
  }
  // One program for every cloud: the patch is the same for all of them.
  material.customProgramCacheKey = () => 'spatial-lens-srgb-points'
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
