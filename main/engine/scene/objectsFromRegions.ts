import type { RegionPrompt } from '../types'
import type { LiftContext, ObjectCandidate } from './liftContext'
import { gatherPoints } from './liftContext'
import { clusterPoints } from './clusterObjects'
import { boxPixelWeights, regionName } from './regionPrompts'
import { growSurfaceFromPoint } from './surfaceGrow'
import { median } from '../geometry/stats'

/**
 * Objects from user regions (SpatialRGPT-style prompts). A box or mask holds the object and some
 * background; the object is the lifted foreground: points off the support plane, split into 3D
 * components, keeping the one a person meant. A point selects the surface under it, grown in the
 * image and split from touching neighbours. Regions that yield no points add a warning instead.
 */
export function objectsFromRegions(context: LiftContext, regions: RegionPrompt[], warnings: string[]): ObjectCandidate[] {
  const out: ObjectCandidate[] = []
  regions.forEach((region, index) => {
    const pointIndices = pointsForRegion(context, region)
    if (pointIndices.length < 10) {
      warnings.push(`${regionName(region, index)}: no usable depth on an object inside the region; it was skipped`)
      return
    }
    out.push({ label: region.label.trim(), origin: 'region', source: region.source ?? 'user', pointIndices })
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
    const out: number[] = []
    for (const pixel of pixels) {
      const point = cloud.pointOfPixel[pixel]
      if (point >= 0 && context.isOffPlane[point]) out.push(point)
    }
    return Uint32Array.from(out)
  }
  if ('box' in region) {
    const { pixels, weights } = boxPixelWeights(region.box, depth.width)
    return foreground(context, pixels, weights)
  }
  const pixels: number[] = []
  for (let i = 0; i < region.mask.length; i++) if (region.mask[i]) pixels.push(i)
  return foreground(context, Uint32Array.from(pixels), new Float32Array(pixels.length).fill(1))
}

/**
 * 3D components of every off-plane point in the frame, computed once per scene. A region keeps the
 * components that lie mostly inside it: background (walls, the room) continues far outside the box.
 */
function offPlaneComponents(context: LiftContext): { componentOfPoint: Int32Array; sizes: Uint32Array } {
  if (context.offPlaneComponents) return context.offPlaneComponents
  const selected: number[] = []
  for (let i = 0; i < context.cloud.count; i++) if (context.isOffPlane[i]) selected.push(i)
  const depths = Float32Array.from(selected, (point) => context.cloud.pointsInCamera[point * 3 + 2])
  const spacingM = median(depths) / context.frame.intrinsics.fx
  const components = clusterPoints(gatherPoints(context.pointsInWorld, selected), {
    voxelSizeM: Math.min(0.04, Math.max(0.01, 2.5 * spacingM)),
    minPoints: 1,
    minExtentM: 0,
    maxExtentM: Infinity,
  })
  const componentOfPoint = new Int32Array(context.cloud.count).fill(-1)
  const sizes = new Uint32Array(components.length)
  components.forEach((members, c) => {
    sizes[c] = members.length
    for (const k of members) componentOfPoint[selected[k]] = c
  })
  context.offPlaneComponents = { componentOfPoint, sizes }
  return context.offPlaneComponents
}

/**
 * The component a person meant: most centre-weighted pixels inside the region, discounted by how
 * much of the component lies outside it (score = weight · (0.25 + 0.75 · inside fraction)).
 */
function foreground(context: LiftContext, pixels: Uint32Array, weights: Float32Array): Uint32Array {
  const { componentOfPoint, sizes } = offPlaneComponents(context)
  const weightSum = new Map<number, number>()
  const insideCount = new Map<number, number>()
  for (let k = 0; k < pixels.length; k++) {
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point < 0 || !context.isOffPlane[point]) continue
    const component = componentOfPoint[point]
    if (component < 0) continue
    weightSum.set(component, (weightSum.get(component) ?? 0) + weights[k])
    insideCount.set(component, (insideCount.get(component) ?? 0) + 1)
  }
  let best = -1
  let bestScore = 0
  for (const [component, weight] of weightSum) {
    const insideFraction = insideCount.get(component)! / sizes[component]
    const score = weight * (0.25 + 0.75 * insideFraction)
    if (score > bestScore) {
      bestScore = score
      best = component
    }
  }
  if (best < 0) return new Uint32Array(0)
  const out: number[] = []
  for (let k = 0; k < pixels.length; k++) {
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point >= 0 && componentOfPoint[point] === best) out.push(point)
  }
  return Uint32Array.from(out)
}
