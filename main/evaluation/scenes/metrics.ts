/**
 * Error metrics of the scene evaluation: a fitted box against a ground-truth box. Pure (no node, no engine):
 * plain numbers in, plain numbers out. Metres; centres in the camera frame (OpenCV: x right, y down, z forward).
 */

/** Three numbers, metres. */
export type Point3 = [number, number, number]

/** A box as any method reports it: centre and extents (width/depth horizontal, height vertical). */
export interface MeasuredBox {
  centerInCamera: Point3
  sizeM: { width: number; depth: number; height: number }
}

/** Ground truth: centre, the footprint's longer and shorter side, and the vertical extent. */
export interface TruthBox {
  centerInCamera: Point3
  /** [longer, shorter] horizontal side, metres. */
  footprintM: [number, number]
  heightM: number
}

/** How far a measured box is from the truth. Signed errors are measured − truth. */
export interface BoxErrors {
  /** Euclidean distance between the centres, metres. */
  centreErrorM: number
  /** Signed error of the longer and the shorter footprint side (sides compared longest to longest). */
  footprintErrorM: [number, number]
  /** Signed height error, metres. */
  heightErrorM: number
  /** Mean absolute error over the three extents (long, short, height), metres. */
  sizeErrorM: number
  /** |height error| / true height (0.05 = 5 %). */
  heightErrorRel: number
}

/** Count, mean, median and maximum of a list of non-negative errors. */
export interface ErrorStats {
  count: number
  mean: number
  median: number
  max: number
}

/** Euclidean distance of two points, metres. */
export function distanceM(a: Point3, b: Point3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
}

/** The horizontal extents as [longer, shorter]: orientation-free, so a yaw off by 90° costs nothing. */
export function footprintOf(size: MeasuredBox['sizeM']): [number, number] {
  return size.width >= size.depth ? [size.width, size.depth] : [size.depth, size.width]
}

/** Errors of one measured box against its ground truth. */
export function compareBox(measured: MeasuredBox, truth: TruthBox): BoxErrors {
  const [long, short] = footprintOf(measured.sizeM)
  const footprintErrorM: [number, number] = [
    long - truth.footprintM[0],
    short - truth.footprintM[1],
  ]
  const heightErrorM = measured.sizeM.height - truth.heightM
  return {
    centreErrorM: distanceM(measured.centerInCamera, truth.centerInCamera),
    footprintErrorM,
    heightErrorM,
    sizeErrorM:
      (Math.abs(footprintErrorM[0]) + Math.abs(footprintErrorM[1]) + Math.abs(heightErrorM)) / 3,
    heightErrorRel: Math.abs(heightErrorM) / truth.heightM,
  }
}

/**
 * One-to-one matching by centre distance: repeatedly the closest unmatched (measured, truth) pair, as long as
 * it is within `maxDistanceM`. Greedy is exact enough here (objects are far apart compared with the errors).
 * @returns for each truth index, the index of its measured box, or null when none is close enough.
 */
export function matchByCentre(
  measured: Point3[],
  truth: Point3[],
  maxDistanceM: number,
): (number | null)[] {
  const pairs: { m: number; t: number; d: number }[] = []
  measured.forEach((a, m) =>
    truth.forEach((b, t) => {
      const d = distanceM(a, b)
      if (d <= maxDistanceM) pairs.push({ m, t, d })
    }),
  )
  pairs.sort((p, q) => p.d - q.d)
  const result: (number | null)[] = truth.map(() => null)
  const isUsed = new Set<number>()
  for (const { m, t } of pairs) {
    if (result[t] !== null || isUsed.has(m)) continue
    result[t] = m
    isUsed.add(m)
  }
  return result
}

/** Mean, median (average of the middle two for an even count) and max; null for an empty list. */
export function errorStats(values: number[]): ErrorStats | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return {
    count: sorted.length,
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    max: sorted[sorted.length - 1],
  }
}
