/**
 * The amodal stage of buildScene: every object with enough points gets `amodal`, its full-box estimate with an
 * interval per extent (see estimateAmodal). The visible box fields stay as fitted. Pure TypeScript.
 */

import type { SceneObject } from '../../types'
import type { LiftContext } from '../liftContext'
import { DepthProbe } from './depthProbe'
import { estimateAmodal } from './estimateAmodal'

/**
 * Adds `amodal` to each object (in place). `pointsOf[i]` holds the world points of `objects[i]` (xyz interleaved,
 * read only: the ones its visible box was fitted to). Objects the estimate cannot handle (too few points, no
 * height) are left without one.
 */
export function addAmodalBoxes(
  context: LiftContext,
  pointsOf: readonly Float32Array[],
  objects: SceneObject[],
): void {
  const probe = new DepthProbe(
    context.depth,
    context.frame.intrinsics,
    context.worldFromCamera,
    context.relativeNoise,
  )
  // Which object each pixel shows (−1: none), so an object's own surface never blocks its own completion.
  const ownerOfPixel = new Int32Array(context.depth.width * context.depth.height).fill(-1)
  objects.forEach((object, index) => {
    for (const pixel of object.pixelIndices) ownerOfPixel[pixel] = index
  })
  objects.forEach((object, index) => {
    const amodal = estimateAmodal({
      pointsInWorld: pointsOf[index],
      visible: object,
      probe,
      worldFromCamera: context.worldFromCamera,
      relativeNoise: context.relativeNoise,
      topNoiseM: context.relativeNoise * context.noiseDistanceM,
      isOwnPixel: (pixel) => ownerOfPixel[pixel] === index,
      pixelAngleRad: 1 / context.frame.intrinsics.fx,
      hasSupportPlane: context.plane !== null,
    })
    if (amodal) object.amodal = amodal
  })
}
