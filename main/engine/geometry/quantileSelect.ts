/**
 * Quantiles by selection instead of sorting: the scene takes medians of hundreds of thousands of depths per frame
 * (every off-plane point at 1280×960), where a full sort costs tens of milliseconds and selection a few.
 */

/**
 * The same value as `quantileSorted(sortedCopy, q)` (linear interpolation between the two order statistics around
 * q·(n−1)), found by quickselect in O(n) on average. `values` is reordered in place (the caller owns it); NaN for an
 * empty array. Values must not be NaN.
 */
export function quantileInPlace(values: Float64Array | Float32Array, q: number): number {
  const n = values.length
  if (n === 0) return Number.NaN
  const position = Math.min(n - 1, Math.max(0, q * (n - 1)))
  const lower = Math.floor(position)
  const t = position - lower
  const low = selectKth(values, lower)
  if (t === 0 || lower + 1 >= n) return low
  // After selection everything right of `lower` is ≥ it: the next order statistic is their minimum.
  let high = Infinity
  for (let i = lower + 1; i < n; i++) if (values[i] < high) high = values[i]
  return low * (1 - t) + high * t
}

/**
 * The k-th smallest value (0-based, 0 ≤ k < length) by Hoare-partition quickselect; reorders `values` in place.
 * The engine's one selection: the amodal stage's medians use it too (scene/amodal/selectMedian.ts).
 */
export function selectKth(values: Float64Array | Float32Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i] < pivot) i++
      while (values[j] > pivot) j--
      if (i <= j) {
        const swap = values[i]
        values[i] = values[j]
        values[j] = swap
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else break
  }
  return values[k]
}
