import type { RegionPrompt } from '../types'
import type { LiftContext, ObjectCandidate } from './liftContext'
import { clusteringArea, offPlaneComponents } from './regionComponents'
import { boxPixelWeights, regionName } from './regionPrompts'
import { MIN_OBJECT_POINTS, selectPointPrompt } from './pointPrompt'
import { quantileInPlace } from '../geometry/quantileSelect'

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
  const area = clusteringArea(regions, context.depth.width, context.depth.height)
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
      pointIndices = pointsForArea(context, region, area)
    }
    if (pointIndices.length < MIN_OBJECT_POINTS) {
      warnings.push(`${name}: no usable depth on an object inside the region; it was skipped`)
      return
    }
    out.push({
      label: region.label.trim(),
      origin: 'region',
      source: region.source ?? 'user',
      ...(region.score !== undefined ? { score: region.score } : {}),
      pointIndices,
    })
  })
  return out
}

function pointsForArea(
  context: LiftContext,
  region: Exclude<RegionPrompt, { point: [number, number] }>,
  area: Uint8Array,
): Uint32Array {
  if ('box' in region) {
    const { pixels, weights } = boxPixelWeights(region.box, context.depth.width)
    return foreground(context, pixels, weights, area)
  }
  const pixels: number[] = []
  for (let i = 0; i < region.mask.length; i++) if (region.mask[i]) pixels.push(i)
  return foreground(
    context,
    Uint32Array.from(pixels),
    new Float32Array(pixels.length).fill(1),
    area,
  )
}

/**
 * Per-component statistics of one region's pixels, in typed arrays indexed by a local slot (a
 * region touches few components; a Map per pixel was the slowest part of turning boxes into objects).
 */
class RegionStats {
  readonly component: Int32Array
  readonly weight: Float64Array
  readonly count: Uint32Array
  readonly depthSum: Float64Array
  /** World-frame footprint bounds [minX, minY, maxX, maxY] per slot. */
  readonly footprint: Float64Array
  size = 0
  private readonly slotOfComponent: Int32Array

  constructor(componentCount: number, capacity: number) {
    const n = Math.max(1, Math.min(componentCount, capacity))
    this.component = new Int32Array(n)
    this.weight = new Float64Array(n)
    this.count = new Uint32Array(n)
    this.depthSum = new Float64Array(n)
    this.footprint = new Float64Array(4 * n)
    this.slotOfComponent = new Int32Array(componentCount).fill(-1)
  }

  slot(component: number): number {
    let slot = this.slotOfComponent[component]
    if (slot >= 0) return slot
    slot = this.size++
    this.slotOfComponent[component] = slot
    this.component[slot] = component
    this.footprint.set([Infinity, Infinity, -Infinity, -Infinity], 4 * slot)
    return slot
  }

  slotOf(component: number): number {
    return component < 0 ? -1 : this.slotOfComponent[component]
  }

  /** Overlap of two slots' footprints as a fraction of the smaller one. */
  footprintOverlap(a: number, b: number): number {
    const f = this.footprint
    const w = Math.min(f[4 * a + 2], f[4 * b + 2]) - Math.max(f[4 * a], f[4 * b])
    const h = Math.min(f[4 * a + 3], f[4 * b + 3]) - Math.max(f[4 * a + 1], f[4 * b + 1])
    if (w <= 0 || h <= 0) return 0
    const area = (s: number) =>
      Math.max(1e-6, (f[4 * s + 2] - f[4 * s]) * (f[4 * s + 3] - f[4 * s + 1]))
    return (w * h) / Math.min(area(a), area(b))
  }
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
function foreground(
  context: LiftContext,
  pixels: Uint32Array,
  weights: Float32Array,
  area: Uint8Array,
): Uint32Array {
  const { componentOfPoint, sizes } = offPlaneComponents(context, area)
  const points = context.cloud.pointsInCamera
  const world = context.pointsInWorld
  const pointOfPixel = context.cloud.pointOfPixel
  const stats = new RegionStats(sizes.length, pixels.length)
  let [minU, maxU] = [Infinity, -Infinity]
  const width = context.depth.width
  for (let k = 0; k < pixels.length; k++) {
    const point = pointOfPixel[pixels[k]]
    if (point < 0) continue
    const component = componentOfPoint[point] // −1 for plane points
    if (component < 0) continue
    const slot = stats.slot(component)
    stats.weight[slot] += weights[k]
    stats.count[slot]++
    stats.depthSum[slot] += points[point * 3 + 2]
    const x = world[point * 3]
    const y = world[point * 3 + 1]
    const f = 4 * slot
    if (x < stats.footprint[f]) stats.footprint[f] = x
    if (y < stats.footprint[f + 1]) stats.footprint[f + 1] = y
    if (x > stats.footprint[f + 2]) stats.footprint[f + 2] = x
    if (y > stats.footprint[f + 3]) stats.footprint[f + 3] = y
    const u = pixels[k] % width
    if (u < minU) minU = u
    if (u > maxU) maxU = u
  }
  let best = -1
  let bestScore = 0
  for (let slot = 0; slot < stats.size; slot++) {
    const score =
      stats.weight[slot] * (0.25 + 0.75 * (stats.count[slot] / sizes[stats.component[slot]]))
    if (score > bestScore) {
      bestScore = score
      best = slot
    }
  }
  if (best < 0) return new Uint32Array(0)
  const bestDepth =
    centralDepth(context, pixels, weights, componentOfPoint, stats.component[best]) ??
    stats.depthSum[best] / stats.count[best]
  // An object reaches about as far in depth as it is wide: the band follows the region's width.
  const widthM = ((maxU - minU + 1) * bestDepth) / context.frame.intrinsics.fx
  const bandM = Math.max(0.05, 0.75 * widthM)
  const isMember = new Uint8Array(stats.size)
  isMember[best] = 1
  for (let slot = 0; slot < stats.size; slot++) {
    const count = stats.count[slot]
    const isMostlyInside = count / sizes[stats.component[slot]] >= 0.6 && count >= 20
    const isStacked = stats.footprintOverlap(slot, best) >= 0.3
    if (isMostlyInside && isStacked && Math.abs(stats.depthSum[slot] / count - bestDepth) <= bandM)
      isMember[slot] = 1
  }
  const out = new Uint32Array(pixels.length)
  let n = 0
  for (let k = 0; k < pixels.length; k++) {
    const point = pointOfPixel[pixels[k]]
    if (point < 0) continue
    const slot = stats.slotOf(componentOfPoint[point])
    if (slot < 0 || !isMember[slot]) continue
    if (Math.abs(points[point * 3 + 2] - bestDepth) <= bandM) out[n++] = point
  }
  return out.slice(0, n)
}

/** Median depth of the component's points in the central part of the region (tent weight > 0.5). */
function centralDepth(
  context: LiftContext,
  pixels: Uint32Array,
  weights: Float32Array,
  componentOfPoint: Int32Array,
  component: number,
): number | null {
  const depths = new Float64Array(pixels.length)
  let n = 0
  for (let k = 0; k < pixels.length; k++) {
    if (weights[k] <= 0.5) continue
    const point = context.cloud.pointOfPixel[pixels[k]]
    if (point >= 0 && componentOfPoint[point] === component)
      depths[n++] = context.cloud.pointsInCamera[point * 3 + 2]
  }
  return n >= 10 ? quantileInPlace(depths.subarray(0, n), 0.5) : null
}
