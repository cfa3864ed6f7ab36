/**
 * Small exact ray caster for tabletop tests: a pinhole camera `cameraHeightM` above a table plane
 * (world z = 0), pitched `pitchDeg` down, looking along world +y, sees boxes (optionally yawed) and
 * upright cylinders standing on the table. Pure TypeScript, typed arrays, no node APIs.
 *
 * World frame: z up, origin on the table below the camera, x = the camera's x axis.
 * Camera frame: OpenCV (x right, y down, z forward); the returned depth is the camera z.
 */
import { createRandom } from '../../main/engine/random'
import type { DepthImage, Intrinsics } from '../../main/engine/types'

export interface BoxSpec {
  kind: 'box'
  /** Centre of the footprint on the table, world metres. */
  center: [number, number]
  /** Width (along the box's own x), depth (its y), height, metres. */
  size: [number, number, number]
  yawDeg?: number
}

export interface CylinderSpec {
  kind: 'cylinder'
  center: [number, number]
  radius: number
  height: number
}

/**
 * A bowl: the part of a ball (outer radius `radius`, centre `rimHeight` above the table) between the
 * table and the rim plane, hollowed by a concentric ball of radius `radius − wall` down to a flat
 * inner floor `floorHeight` above the table. With radius > rimHeight it stands on a flat base.
 */
export interface BowlSpec {
  kind: 'bowl'
  center: [number, number]
  radius: number
  rimHeight: number
  wall: number
  floorHeight: number
}

export type SolidSpec = BoxSpec | CylinderSpec | BowlSpec

export interface RayCastOptions {
  width: number
  height: number
  focalPx: number
  solids: SolidSpec[]
  cameraHeightM?: number
  pitchDeg?: number
  /** Table extent in world x and y ([min, max]); beyond it rays hit nothing. */
  tableX?: [number, number]
  tableY?: [number, number]
  /** Relative depth noise σ: z·(1 + σ·N(0, 1)). */
  noiseRel?: number
  seed?: number
}

export interface RayCastScene {
  depth: DepthImage
  intrinsics: Intrinsics
  /** Per pixel: index of the solid hit, −1 the table, −2 nothing. */
  objectId: Int32Array
  /** Per pixel: exact (noise-free) world height of the hit, metres; NaN where nothing was hit. */
  worldZ: Float32Array
}

const NOTHING = -2
const TABLE = -1

export function rayCastScene(options: RayCastOptions): RayCastScene {
  const { width, height, focalPx, solids } = options
  const cameraHeight = options.cameraHeightM ?? 0.6
  const pitch = ((options.pitchDeg ?? 35) * Math.PI) / 180
  const [xMin, xMax] = options.tableX ?? [-0.7, 0.7]
  const [yMin, yMax] = options.tableY ?? [0.1, 1.6]
  const intrinsics: Intrinsics = {
    width,
    height,
    fx: focalPx,
    fy: focalPx,
    cx: (width - 1) / 2,
    cy: (height - 1) / 2,
  }
  // Camera axes in the world: x = (1,0,0), forward z = (0, cos p, −sin p), down y = z × x.
  const s = Math.sin(pitch)
  const c = Math.cos(pitch)
  const data = new Float32Array(width * height)
  const objectId = new Int32Array(width * height).fill(NOTHING)
  const worldZ = new Float32Array(width * height).fill(Number.NaN)
  const origin: [number, number, number] = [0, 0, cameraHeight]
  const random = createRandom(options.seed ?? 1)
  const noise = options.noiseRel ?? 0
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const a = (u - intrinsics.cx) / focalPx
      const b = (v - intrinsics.cy) / focalPx
      // d = a·X + b·Y + 1·Z with Y = (0, −s, −c), Z = (0, c, −s): camera z of a hit is its t.
      const dir: [number, number, number] = [a, -b * s + c, -b * c - s]
      let best = Infinity
      let id = NOTHING
      for (let k = 0; k < solids.length; k++) {
        const t = intersectSolid(solids[k], origin, dir)
        if (t < best) {
          best = t
          id = k
        }
      }
      if (dir[2] < 0) {
        const t = -origin[2] / dir[2]
        const x = origin[0] + t * dir[0]
        const y = origin[1] + t * dir[1]
        if (t < best && x >= xMin && x <= xMax && y >= yMin && y <= yMax) {
          best = t
          id = TABLE
        }
      }
      if (id === NOTHING) continue
      const pixel = v * width + u
      data[pixel] = noise > 0 ? best * (1 + noise * gaussian(random)) : best
      objectId[pixel] = id
      worldZ[pixel] = origin[2] + best * dir[2]
    }
  }
  return { depth: { width, height, data }, intrinsics, objectId, worldZ }
}

function intersectSolid(solid: SolidSpec, o: number[], d: number[]): number {
  if (solid.kind === 'bowl') return intersectBowl(solid, o, d)
  return solid.kind === 'box' ? intersectBox(solid, o, d) : intersectCylinder(solid, o, d)
}

/**
 * First boundary crossing of the bowl solid (the camera is outside it, so the first crossing is an
 * entry): outer sphere within the table–rim slab, the rim annulus, the inner sphere above the floor,
 * the inner floor disc.
 */
function intersectBowl(bowl: BowlSpec, o: number[], d: number[]): number {
  const { radius, rimHeight, floorHeight } = bowl
  const inner = radius - bowl.wall
  const p = [o[0] - bowl.center[0], o[1] - bowl.center[1], o[2] - rimHeight]
  let best = Infinity
  const consider = (t: number, accept: (z: number, rho2: number) => boolean) => {
    if (!(t > 0 && t < best)) return
    const x = p[0] + t * d[0]
    const y = p[1] + t * d[1]
    if (accept(p[2] + t * d[2] + rimHeight, x * x + y * y)) best = t
  }
  const a = d[0] * d[0] + d[1] * d[1] + d[2] * d[2]
  const b = 2 * (p[0] * d[0] + p[1] * d[1] + p[2] * d[2])
  const c0 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2]
  for (const [r, low] of [
    [radius, 0],
    [inner, floorHeight],
  ]) {
    const disc = b * b - 4 * a * (c0 - r * r)
    if (disc < 0) continue
    for (const sign of [-1, 1])
      consider((-b + sign * Math.sqrt(disc)) / (2 * a), (z) => z >= low && z <= rimHeight)
  }
  if (Math.abs(d[2]) > 1e-12) {
    consider(
      (rimHeight - o[2]) / d[2],
      (_, rho2) => rho2 >= inner * inner && rho2 <= radius * radius,
    )
    const floorRadius2 = inner * inner - (rimHeight - floorHeight) ** 2
    consider((floorHeight - o[2]) / d[2], (_, rho2) => rho2 <= floorRadius2)
  }
  return best
}

/** Slab test in the box's own frame (rotated by −yaw about z, centred on the box). */
function intersectBox(box: BoxSpec, o: number[], d: number[]): number {
  const yaw = ((box.yawDeg ?? 0) * Math.PI) / 180
  const cy = Math.cos(yaw)
  const sy = Math.sin(yaw)
  const px = o[0] - box.center[0]
  const py = o[1] - box.center[1]
  const origin = [cy * px + sy * py, -sy * px + cy * py, o[2] - box.size[2] / 2]
  const dir = [cy * d[0] + sy * d[1], -sy * d[0] + cy * d[1], d[2]]
  let tNear = -Infinity
  let tFar = Infinity
  for (let axis = 0; axis < 3; axis++) {
    const half = box.size[axis] / 2
    if (Math.abs(dir[axis]) < 1e-12) {
      if (Math.abs(origin[axis]) > half) return Infinity
      continue
    }
    const t1 = (-half - origin[axis]) / dir[axis]
    const t2 = (half - origin[axis]) / dir[axis]
    tNear = Math.max(tNear, Math.min(t1, t2))
    tFar = Math.min(tFar, Math.max(t1, t2))
  }
  return tNear <= tFar && tNear > 0 ? tNear : Infinity
}

/** Side wall (quadratic in the xy plane, clipped to 0 ≤ z ≤ height) and the top disc. */
function intersectCylinder(cylinder: CylinderSpec, o: number[], d: number[]): number {
  const px = o[0] - cylinder.center[0]
  const py = o[1] - cylinder.center[1]
  const r2 = cylinder.radius * cylinder.radius
  let best = Infinity
  const a = d[0] * d[0] + d[1] * d[1]
  const b = 2 * (px * d[0] + py * d[1])
  const disc = b * b - 4 * a * (px * px + py * py - r2)
  if (a > 1e-12 && disc >= 0) {
    const t = (-b - Math.sqrt(disc)) / (2 * a)
    const z = o[2] + t * d[2]
    if (t > 0 && z >= 0 && z <= cylinder.height) best = t
  }
  if (Math.abs(d[2]) > 1e-12) {
    const t = (cylinder.height - o[2]) / d[2]
    const x = px + t * d[0]
    const y = py + t * d[1]
    if (t > 0 && t < best && x * x + y * y <= r2) best = t
  }
  return best
}

/** Standard normal sample (Box–Muller). */
function gaussian(random: () => number): number {
  const u1 = Math.max(random(), 1e-12)
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random())
}
