import type { RegionPrompt } from '../types'
import type { LiftContext, ObjectCandidate } from './liftContext'
import { gatherPoints } from './liftContext'
import { clusterPoints } from './clusterObjects'
import { boxPixelWeights, regionName } from './regionPrompts'
import { growSurfaceFromPoint } from './surfaceGrow'
import { median } from '../geometry/stats'

/**
 * Objects from user regions (SpatialRGPT-style prompts). A box or mask holds the object and some
 * background; the object is the lifted foreground: points above the support plane, split into 3D
 * components, keeping the one a person meant (most weight near the box centre). A point selects the
 * surface under it, grown in the image and split from touching neighbours.
 * Regions that yield no points add a warning instead of an object.
 */
export function objectsFromRegions(
  context: LiftContext,
  regions: RegionPrompt[],
  warnings: string[],
): ObjectCandidate[] {
  const out: ObjectCandidate[] = []
  regions.forEach((region, index) => {
    const pointIndices = pointsForRegion(context, region)
    if (pointIndices.length < 10) {
      warnings.push(`${regionName(region, index)}: no usable depth on an object inside the region; it was skipped`)
      return
    }
    out.push({ label: region.label.trim(), origin: 'region', pointIndices })
  })
  return out
}

function pointsForRegion(context: LiftContext, region: RegionPrompt): Uint32Array {
  const { cloud, depth } = context
  if ('point' in region) {
    const pixels = growSurfaceFromPoint(
      {
        depth,
        intrinsics: context.frame.intrinsics,
        pointsInCamera: cloud.pointsInCamera,
        pointOfPixel: cloud.pointOfPixel,
        isCandidate: context.isCandidatePixel,
        relativeNoise: context.relativeNoise,
      },
      Math.round(region.point[0]),
      Math.round(region.point[1]),
    )
    return pointsOfPixels(context, pixels)
  }
  if ('box' in region) {
    const { pixels, weights } = boxPixelWeights(region.box, depth.width)
    return foreground(context, pixels, weights)
  }
  const pixels: number[] = []
  for (let i = 0; i < region.mask.length; i++) if (region.mask[i]) pixels.push(i)
  return foreground(context, Uint32Array.from(pixels), new Float32Array(pixels.length).fill(1))
}

function pointsOfPixels(context: LiftContext, pixels: ArrayLike<number>): Uint32Array {
  const out: number[] = []
  for (let k = 0; k < pixels.length; k++) {
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point >= 0 && context.isObjectPoint[point]) out.push(point)
  }
  return Uint32Array.from(out)
}

/** The 3D component inside the region with the most centre-weighted pixels. */
function foreground(context: LiftContext, pixels: Uint32Array, weights: Float32Array): Uint32Array {
  const selected: number[] = []
  const weightOfSelected: number[] = []
  for (let k = 0; k < pixels.length; k++) {
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point >= 0 && context.isObjectPoint[point]) {
      selected.push(point)
      weightOfSelected.push(weights[k])
    }
  }
  if (selected.length === 0) return new Uint32Array(0)
  const points = gatherPoints(context.pointsInWorld, selected)
  const depths = Float32Array.from(selected, (point) => context.cloud.pointsInCamera[point * 3 + 2])
  const spacingM = median(depths) / context.frame.intrinsics.fx
  const components = clusterPoints(points, {
    voxelSizeM: Math.min(0.04, Math.max(0.01, 2.5 * spacingM)),
    minPoints: 10,
    minExtentM: 0,
    maxExtentM: Infinity,
  })
  let best: Uint32Array | null = null
  let bestScore = -1
  for (const component of components) {
    let score = 0
    for (let k = 0; k < component.length; k++) score += weightOfSelected[component[k]]
    if (score > bestScore) {
      bestScore = score
      best = component
    }
  }
  return best ? Uint32Array.from(best, (k) => selected[k]) : new Uint32Array(0)
}
