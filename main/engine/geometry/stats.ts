/** Value at quantile q (0–1) of `values`; sorts a copy. NaN for an empty input. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const n = values.length
  if (n === 0) return Number.NaN
  const sorted = Float64Array.from(values as ArrayLike<number>).sort()
  const position = Math.min(n - 1, Math.max(0, q * (n - 1)))
  const lower = Math.floor(position)
  const upper = Math.min(n - 1, lower + 1)
  const t = position - lower
  return sorted[lower] * (1 - t) + sorted[upper] * t
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5)
}
