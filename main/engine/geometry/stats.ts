/** Value at quantile q (0–1) of an ascending-sorted array (linear interpolation). NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const position = Math.min(n - 1, Math.max(0, q * (n - 1)))
  const lower = Math.floor(position)
  const upper = Math.min(n - 1, lower + 1)
  const t = position - lower
  return sorted[lower] * (1 - t) + sorted[upper] * t
}

/** Value at quantile q (0–1) of `values`; sorts a copy. NaN for an empty input. */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(Float64Array.from(values).sort(), q)
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5)
}
