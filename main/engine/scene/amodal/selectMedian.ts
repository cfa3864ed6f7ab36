/**
 * Order statistics by quickselect (Hoare partition), O(n) on average: the amodal stage takes medians of a few thousand
 * residuals inside iterative fits, where sorting each time costs more than the fit. Pure TypeScript.
 */

/** Median (lower middle for an even count) of `values`; `values` is reordered in place. NaN when empty. */
export function medianInPlace(values: Float64Array): number {
  return selectInPlace(values, (values.length - 1) >> 1)
}

/** The k-th smallest of `values` (0-based, clamped to the range); reorders `values` in place. NaN when empty. */
export function selectInPlace(values: Float64Array, kth: number): number {
  const n = values.length
  if (n === 0) return Number.NaN
  const k = Math.max(0, Math.min(n - 1, Math.round(kth)))
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i] < pivot) i++
      while (values[j] > pivot) j--
      if (i <= j) {
        const t = values[i]
        values[i] = values[j]
        values[j] = t
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

/** Median of |values| (copied, the input is untouched). */
export function medianAbs(values: ArrayLike<number>): number {
  const copy = new Float64Array(values.length)
  for (let i = 0; i < copy.length; i++) copy[i] = Math.abs(values[i])
  return medianInPlace(copy)
}
