import type { RegionPrompt } from '../types'
import type { LiftContext, ObjectCandidate } from './liftContext'
import { gatherPoints } from './liftContext'
import { clusterPoints } from './clusterObjects'
import { boxPixelWeights, regionName } from './regionPrompts'
import { MIN_OBJECT_POINTS, selectPointPrompt } from './pointPrompt'
import { median } from '../geometry/stats'

/**
 * Objects from user regions (SpatialRGPT-style prompts). A box or mask holds the object and some
 * background; the object is the lifted foreground: points off the support plane, split into 3D
 * components, keeping the one a person meant. A point selects the surface under it, grown in the
 * image and split from touching neighbours. Regions that yield no points add a warning instead.
 */
export function objectsFromRegions(
  context: LiftContext,
  regions: RegionPrompt[],
  warnings: string[],
): ObjectCandidate[] {
  const out: ObjectCandidate[] = []
  regions.forEach((region, index) => {
    const name = regionName(region, index)
    let pointIndices: Uint32Array
    if ('point' in region) {
      const selection = selectPointPrompt(context, region.point)
      if (selection.pointIndices === null) {
        warnings.push(`${name}: ${selection.why}; it was skipped`)
        return
      }
      if (selection.note) warnings.push(`${name}: ${selection.note}`)
      pointIndices = selection.pointIndices
    } else {
      pointIndices = pointsForArea(context, region)
    }
    if (pointIndices.length < MIN_OBJECT_POINTS) {
      warnings.push(`${name}: no usable depth on an object inside the region; it was skipped`)
      return
    }
    out.push({
      label: region.label.trim(),
      origin: 'region',
      source: region.source ?? 'user',
      pointIndices,
    })
  })
  return out
}

function pointsForArea(
  context: LiftContext,
  region: Exclude<RegionPrompt, { point: [number, number] }>,
): Uint32Array {
  if ('box' in region) {
    const { pixels, weights } = boxPixelWeights(region.box, context.depth.width)
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
function offPlaneComponents(context: LiftContext): {
  componentOfPoint: Int32Array
  sizes: Uint32Array
} {
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

/** Per-component statistics of the region's pixels. */
interface ComponentInRegion {
  weight: number
  count: number
  depthSum: number
  /** World-frame footprint bounds of its points in the region [minX, minY, maxX, maxY]. */
  footprint: [number, number, number, number]
}

/** Overlap of two footprints as a fraction of the smaller one. */
function footprintOverlap(
  a: ComponentInRegion['footprint'],
  b: ComponentInRegion['footprint'],
): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  if (w <= 0 || h <= 0) return 0
  const area = (f: typeof a) => Math.max(1e-6, (f[2] - f[0]) * (f[3] - f[1]))
  return (w * h) / Math.min(area(a), area(b))
}

/**
 * The object a person meant inside a region. The component with the most centre-weighted pixels,
 * discounted by how much of it lies outside the region (score = weight · (0.25 + 0.75 · inside
 * fraction)), sets the object's depth; other components mostly inside the region at that depth
 * whose footprint on the floor overlaps it join it (a chair's seat, back and base can be separate
 * pieces in 3D, stacked; a neighbour beside it is not), and points far in front of or behind it are
 * cut (a bottle standing on a desk is connected to the desk, and so to the wall).
 * The depth band is ¾ of the region's width at the object's depth (at least 5 cm), around the
 * median depth of the chosen component's central pixels.
 */
function foreground(context: LiftContext, pixels: Uint32Array, weights: Float32Array): Uint32Array {
  const { componentOfPoint, sizes } = offPlaneComponents(context)
  const points = context.cloud.pointsInCamera
  const stats = new Map<number, ComponentInRegion>()
  let minU = Infinity,
    maxU = -Infinity,
    minV = Infinity,
    maxV = -Infinity
  const width = context.depth.width
  for (let k = 0; k < pixels.length; k++) {
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point < 0 || !context.isOffPlane[point]) continue
    const component = componentOfPoint[point]
    if (component < 0) continue
    const entry = stats.get(component) ?? {
      weight: 0,
      count: 0,
      depthSum: 0,
      footprint: [Infinity, Infinity, -Infinity, -Infinity],
    }
    entry.weight += weights[k]
    entry.count++
    entry.depthSum += points[point * 3 + 2]
    const x = context.pointsInWorld[point * 3]
    const y = context.pointsInWorld[point * 3 + 1]
    const f = entry.footprint
    f[0] = Math.min(f[0], x)
    f[1] = Math.min(f[1], y)
    f[2] = Math.max(f[2], x)
    f[3] = Math.max(f[3], y)
    stats.set(component, entry)
    const u = pixels[k] % width
    const v = (pixels[k] - u) / width
    minU = Math.min(minU, u)
    maxU = Math.max(maxU, u)
    minV = Math.min(minV, v)
    maxV = Math.max(maxV, v)
  }
  let best = -1
  let bestScore = 0
  for (const [component, entry] of stats) {
    const score = entry.weight * (0.25 + 0.75 * (entry.count / sizes[component]))
    if (score > bestScore) {
      bestScore = score
      best = component
    }
  }
  if (best < 0) return new Uint32Array(0)
  const bestDepth =
    centralDepth(context, pixels, weights, componentOfPoint, best) ??
    stats.get(best)!.depthSum / stats.get(best)!.count
  // An object reaches about as far in depth as it is wide: the band follows the region's width.
  const widthM = ((maxU - minU + 1) * bestDepth) / context.frame.intrinsics.fx
  const bandM = Math.max(0.05, 0.75 * widthM)
  const members = new Set([best])
  for (const [component, entry] of stats) {
    const isMostlyInside = entry.count / sizes[component] >= 0.6 && entry.count >= 20
    const isStacked = footprintOverlap(entry.footprint, stats.get(best)!.footprint) >= 0.3
    if (isMostlyInside && isStacked && Math.abs(entry.depthSum / entry.count - bestDepth) <= bandM)
      members.add(component)
  }
  const out: number[] = []
  for (let k = 0; k < pixels.length; k++) {
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point < 0 || !members.has(componentOfPoint[point])) continue
    if (Math.abs(points[point * 3 + 2] - bestDepth) <= bandM) out.push(point)
  }
  return Uint32Array.from(out)
}

/** Median depth of the component's points in the central part of the region (tent weight > 0.5). */
function centralDepth(
  context: LiftContext,
  pixels: Uint32Array,
  weights: Float32Array,
  componentOfPoint: Int32Array,
  component: number,
): number | null {
  const depths: number[] = []
  for (let k = 0; k < pixels.length; k++) {
    if (weights[k] <= 0.5) continue
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point >= 0 && componentOfPoint[point] === component)
      depths.push(context.cloud.pointsInCamera[point * 3 + 2])
  }
  return depths.length >= 10 ? median(depths) : null
}
