import type { Vec3 } from '../types'

/** Plane n·p + d = 0 with unit n. */
export interface PlaneEquation {
  normal: Vec3
  offset: number
}

/** Plane through three points; null when they are (nearly) collinear. */
export function planeFromThreePoints(
  p: Float32Array,
  a: number,
  b: number,
  c: number,
): PlaneEquation | null {
  const ax = p[a * 3],
    ay = p[a * 3 + 1],
    az = p[a * 3 + 2]
  const ux = p[b * 3] - ax,
    uy = p[b * 3 + 1] - ay,
    uz = p[b * 3 + 2] - az
  const vx = p[c * 3] - ax,
    vy = p[c * 3 + 1] - ay,
    vz = p[c * 3 + 2] - az
  let nx = uy * vz - uz * vy
  let ny = uz * vx - ux * vz
  let nz = ux * vy - uy * vx
  const length = Math.hypot(nx, ny, nz)
  if (length < 1e-12) return null
  nx /= length
  ny /= length
  nz /= length
  return { normal: [nx, ny, nz], offset: -(nx * ax + ny * ay + nz * az) }
}

/**
 * Least-squares plane through the listed points: the normal is the eigenvector of the covariance
 * with the smallest eigenvalue (found by inverse-free power iteration on the shifted matrix).
 */
export function fitPlaneLeastSquares(
  p: Float32Array,
  indices: ArrayLike<number>,
): PlaneEquation | null {
  const n = indices.length
  if (n < 3) return null
  let mx = 0,
    my = 0,
    mz = 0
  for (let k = 0; k < n; k++) {
    const i = indices[k] * 3
    mx += p[i]
    my += p[i + 1]
    mz += p[i + 2]
  }
  mx /= n
  my /= n
  mz /= n
  let xx = 0,
    xy = 0,
    xz = 0,
    yy = 0,
    yz = 0,
    zz = 0
  for (let k = 0; k < n; k++) {
    const i = indices[k] * 3
    const x = p[i] - mx,
      y = p[i + 1] - my,
      z = p[i + 2] - mz
    xx += x * x
    xy += x * y
    xz += x * z
    yy += y * y
    yz += y * z
    zz += z * z
  }
  const normal = smallestEigenvector([xx, xy, xz, xy, yy, yz, xz, yz, zz])
  if (!normal) return null
  return { normal, offset: -(normal[0] * mx + normal[1] * my + normal[2] * mz) }
}

/** Smallest-eigenvalue eigenvector of a symmetric 3×3 (row-major), via power iteration on (tr·I − A). */
function smallestEigenvector(a: number[]): Vec3 | null {
  const trace = a[0] + a[4] + a[8]
  if (!(trace > 0)) return null
  const b = a.map((value, i) => (i % 4 === 0 ? trace - value : -value))
  let v: Vec3 = [0.577, 0.577, 0.577]
  // Start from the cross product of two rows of A: already close to the null direction for planes.
  const c: Vec3 = [a[1] * a[5] - a[2] * a[4], a[2] * a[3] - a[0] * a[5], a[0] * a[4] - a[1] * a[3]]
  if (Math.hypot(...c) > 1e-20) v = c
  for (let iteration = 0; iteration < 100; iteration++) {
    const w: Vec3 = [
      b[0] * v[0] + b[1] * v[1] + b[2] * v[2],
      b[3] * v[0] + b[4] * v[1] + b[5] * v[2],
      b[6] * v[0] + b[7] * v[1] + b[8] * v[2],
    ]
    const length = Math.hypot(w[0], w[1], w[2])
    if (length < 1e-30) return null
    const next: Vec3 = [w[0] / length, w[1] / length, w[2] / length]
    const change = Math.abs(Math.abs(next[0] * v[0] + next[1] * v[1] + next[2] * v[2]) - 1)
    v = next
    if (change < 1e-15) break
  }
  return v
}
