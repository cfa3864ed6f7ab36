/**
 * Orientation of a box from its visible vertical faces. The minimum-area rectangle of an L-shaped footprint (two
 * faces seen from below the top) is ambiguous: the rectangle flush with the L's hypotenuse has the same area as the
 * true one. The faces are not: at the true yaw nearly every wall point lies on a side of the rectangle.
 * World frame, metres, radians. Pure TypeScript.
 */

import { selectInPlace } from './selectMedian'

/**
 * Share of the points (interleaved world xy) within `bandM` of a side of their 1–99 % rectangle at `yawRad`
 * (of their full rectangle when `isTrimmed` is false: cheaper, for a coarse scan).
 */
export function sideShareAt(
  xy: Float64Array,
  yawRad: number,
  bandM: number,
  isTrimmed = true,
): number {
  const n = xy.length / 2
  if (n === 0) return 0
  const c = Math.cos(yawRad)
  const s = Math.sin(yawRad)
  const a = new Float64Array(n)
  const b = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    a[i] = c * xy[i * 2] + s * xy[i * 2 + 1]
    b[i] = -s * xy[i * 2] + c * xy[i * 2 + 1]
  }
  const [a0, a1] = isTrimmed ? trimmedRange(a) : fullRange(a)
  const [b0, b1] = isTrimmed ? trimmedRange(b) : fullRange(b)
  let near = 0
  for (let i = 0; i < n; i++) {
    const x = c * xy[i * 2] + s * xy[i * 2 + 1]
    const y = -s * xy[i * 2] + c * xy[i * 2 + 1]
    if (Math.min(Math.abs(x - a0), Math.abs(x - a1), Math.abs(y - b0), Math.abs(y - b1)) <= bandM)
      near++
  }
  return near / n
}

/**
 * The yaw in (−π/4, π/4] whose rectangle sides hold the most wall points: a 4° scan (untrimmed rectangles), then
 * 0.5° steps around the best (1–99 % rectangles), on at most 300 of the points.
 * @returns the yaw and the share of points on the sides there.
 */
export function yawFromFaces(
  allXY: Float64Array,
  bandM: number,
): { yawRad: number; sideShare: number } {
  const xy = strided(allXY, MAX_SEARCH_POINTS)
  const deg = Math.PI / 180
  let best = { yawRad: 0, sideShare: -1 }
  let coarse = { yawRad: 0, sideShare: -1 }
  for (let k = -10; k <= 11; k++) {
    const share = sideShareAt(xy, k * 4 * deg, bandM, false)
    if (share > coarse.sideShare) coarse = { yawRad: k * 4 * deg, sideShare: share }
  }
  for (let k = -4; k <= 4; k++) {
    const yaw = coarse.yawRad + k * 0.5 * deg
    const share = sideShareAt(xy, yaw, bandM)
    if (share > best.sideShare) best = { yawRad: yaw, sideShare: share }
  }
  return { yawRad: wrapQuarter(best.yawRad), sideShare: best.sideShare }
}

/** A rectangle's yaw is defined modulo 90°: wrap into (−π/4, π/4] so its u axis stays nearest world x. */
export function wrapQuarter(yawRad: number): number {
  const q = Math.PI / 2
  let yaw = yawRad % q
  if (yaw > q / 2) yaw -= q
  if (yaw <= -q / 2) yaw += q
  return yaw
}

/** Points used for the yaw search at most (an even stride). */
const MAX_SEARCH_POINTS = 300

function strided(xy: Float64Array, max: number): Float64Array {
  const n = xy.length / 2
  if (n <= max) return xy
  const stride = n / max
  const out = new Float64Array(max * 2)
  for (let k = 0; k < max; k++) {
    const i = Math.floor(k * stride)
    out[k * 2] = xy[i * 2]
    out[k * 2 + 1] = xy[i * 2 + 1]
  }
  return out
}

function fullRange(values: Float64Array): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i])
    hi = Math.max(hi, values[i])
  }
  return [lo, hi]
}

function trimmedRange(values: Float64Array): [number, number] {
  const n = values.length
  const lo = selectInPlace(values, 0.01 * (n - 1))
  const hi = selectInPlace(values, 0.99 * (n - 1))
  return [lo, hi]
}
