/** Size error of a box against a true size, for comparing visible and amodal boxes (test helper). */

export interface Extents {
  width: number
  depth: number
  height: number
}

/**
 * Mean absolute error (metres) over the three extents, with the two footprint extents compared sorted (which
 * horizontal axis a ground truth calls "width" differs between datasets; the footprint's short and long sides do not).
 */
export function sizeError(box: Extents, truth: Extents): number {
  const [a0, a1] = [box.width, box.depth].sort((x, y) => x - y)
  const [t0, t1] = [truth.width, truth.depth].sort((x, y) => x - y)
  return (Math.abs(a0 - t0) + Math.abs(a1 - t1) + Math.abs(box.height - truth.height)) / 3
}

export const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length
export const cm = (m: number): string => (m * 100).toFixed(1)

/**
 * How many of the three true extents lie inside the amodal intervals: the footprint pair matched short-to-short and
 * long-to-long by the estimate (as sizeError does), height to height.
 */
export function extentsInside(
  amodal: {
    sizeM: Extents
    sizeIntervalM: { width: [number, number]; depth: [number, number]; height: [number, number] }
  },
  truth: Extents,
): number {
  const pairs = [
    { estimate: amodal.sizeM.width, interval: amodal.sizeIntervalM.width },
    { estimate: amodal.sizeM.depth, interval: amodal.sizeIntervalM.depth },
  ].sort((a, b) => a.estimate - b.estimate)
  const [t0, t1] = [truth.width, truth.depth].sort((x, y) => x - y)
  const inside = (value: number, [lo, hi]: [number, number]): number =>
    value >= lo && value <= hi ? 1 : 0
  return (
    inside(t0, pairs[0].interval) +
    inside(t1, pairs[1].interval) +
    inside(truth.height, amodal.sizeIntervalM.height)
  )
}
