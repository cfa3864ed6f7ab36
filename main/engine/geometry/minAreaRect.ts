/** Rectangle in the plane: centre, half-extents along its axes, and the angle of axis u. */
export interface Rect2 {
  angleRad: number
  /** Extent along axis u = (cos a, sin a) and v = (−sin a, cos a). */
  lengthU: number
  lengthV: number
  centerX: number
  centerY: number
}

/** Convex hull (Andrew's monotone chain) of xy pairs; returns hull point indices, counter-clockwise. */
export function convexHull(xy: Float64Array, candidates?: number[]): number[] {
  const n = xy.length / 2
  const order = (candidates ?? Array.from({ length: n }, (_, i) => i)).sort(
    (a, b) => xy[a * 2] - xy[b * 2] || xy[a * 2 + 1] - xy[b * 2 + 1],
  )
  if (n < 3) return order
  const cross = (o: number, a: number, b: number) =>
    (xy[a * 2] - xy[o * 2]) * (xy[b * 2 + 1] - xy[o * 2 + 1]) -
    (xy[a * 2 + 1] - xy[o * 2 + 1]) * (xy[b * 2] - xy[o * 2])
  const lower: number[] = []
  for (const i of order) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], i) <= 0)
      lower.pop()
    lower.push(i)
  }
  const upper: number[] = []
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], i) <= 0)
      upper.pop()
    upper.push(i)
  }
  lower.pop()
  upper.pop()
  return lower.concat(upper)
}

/**
 * Minimum-area enclosing rectangle of xy pairs (rotating calipers over the hull edges: the optimal
 * rectangle has a side collinear with a hull edge).
 */
export function minAreaRect(xy: Float64Array, resolutionM = 0.0005): Rect2 {
  const hull = convexHull(xy, extremesPerColumn(xy, resolutionM))
  let best: Rect2 = {
    angleRad: 0,
    lengthU: 0,
    lengthV: 0,
    centerX: xy[0] ?? 0,
    centerY: xy[1] ?? 0,
  }
  let bestArea = Infinity
  for (let k = 0; k < hull.length; k++) {
    const a = hull[k]
    const b = hull[(k + 1) % hull.length]
    const angle = Math.atan2(xy[b * 2 + 1] - xy[a * 2 + 1], xy[b * 2] - xy[a * 2])
    const rect = rectAtAngle(xy, hull, angle)
    const area = rect.lengthU * rect.lengthV
    if (area < bestArea) {
      bestArea = area
      best = rect
    }
  }
  return best
}

/** Bounding rectangle of the listed points with axis u at `angle`. */
export function rectAtAngle(xy: Float64Array, indices: ArrayLike<number>, angle: number): Rect2 {
  const c = Math.cos(angle)
  const s = Math.sin(angle)
  let minU = Infinity,
    maxU = -Infinity,
    minV = Infinity,
    maxV = -Infinity
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]
    const u = c * xy[i * 2] + s * xy[i * 2 + 1]
    const v = -s * xy[i * 2] + c * xy[i * 2 + 1]
    if (u < minU) minU = u
    if (u > maxU) maxU = u
    if (v < minV) minV = v
    if (v > maxV) maxV = v
  }
  const mu = (minU + maxU) / 2
  const mv = (minV + maxV) / 2
  return {
    angleRad: angle,
    lengthU: maxU - minU,
    lengthV: maxV - minV,
    centerX: c * mu - s * mv,
    centerY: s * mu + c * mv,
  }
}

/**
 * Only the lowest and highest point of each narrow x column can be on the hull (up to the column
 * width), so the hull is built from those: O(n) instead of sorting every point of a large object.
 */
function extremesPerColumn(xy: Float64Array, columnWidth: number): number[] {
  const n = xy.length / 2
  if (n < 64) return Array.from({ length: n }, (_, i) => i)
  let minX = Infinity
  let maxX = -Infinity
  for (let i = 0; i < n; i++) {
    if (xy[i * 2] < minX) minX = xy[i * 2]
    if (xy[i * 2] > maxX) maxX = xy[i * 2]
  }
  const columns = Math.min(4096, Math.floor((maxX - minX) / columnWidth) + 1)
  const scale = (columns - 1) / Math.max(1e-12, maxX - minX)
  const lowest = new Int32Array(columns).fill(-1)
  const highest = new Int32Array(columns).fill(-1)
  for (let i = 0; i < n; i++) {
    const column = Math.round((xy[i * 2] - minX) * scale)
    const y = xy[i * 2 + 1]
    if (lowest[column] < 0 || y < xy[lowest[column] * 2 + 1]) lowest[column] = i
    if (highest[column] < 0 || y > xy[highest[column] * 2 + 1]) highest[column] = i
  }
  const out: number[] = []
  for (let c = 0; c < columns; c++) {
    if (lowest[c] >= 0) out.push(lowest[c])
    if (highest[c] >= 0 && highest[c] !== lowest[c]) out.push(highest[c])
  }
  return out
}
