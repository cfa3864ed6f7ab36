/**
 * Order statistics by quickselect (Hoare partition), O(n) on average: the amodal stage takes medians of a few thousand
 * residuals inside iterative fits, where sorting each time costs more than the fit. Pure TypeScript.
 */
import { selectKth } from '../../geometry/quantileSelect'

/** Median (lower middle for an even count) of `values`; `values` is reordered in place. NaN when empty. */
export function medianInPlace(values: Float64Array): number {
  return selectInPlace(values, (values.length - 1) >> 1)
}

/** The k-th smallest of `values` (0-based, clamped to the range); reorders `values` in place. NaN when empty. */
export function selectInPlace(values: Float64Array, kth: number): number {
  const n = values.length
  if (n === 0) return Number.NaN
  const k = Math.max(0, Math.min(n - 1, Math.round(kth)))
  return selectKth(values, k)
}

/** Median of |values| (copied, the input is untouched). */
export function medianAbs(values: ArrayLike<number>): number {
  const copy = new Float64Array(values.length)
  for (let i = 0; i < copy.length; i++) copy[i] = Math.abs(values[i])
  return medianInPlace(copy)
}
